"""Time limits that hold across machines, speed against the reference, and parallel judging."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import REPO, SUBMISSIONS, write
from judge import calibration

CONTAINER = "container-with-most-water"
ACCEPTED = SUBMISSIONS / CONTAINER / "accepted" / "two_pointers.py"
QUADRATIC = SUBMISSIONS / CONTAINER / "time_limit_exceeded" / "all_pairs.py"


@pytest.fixture
def own_cache(tmp_path, monkeypatch):
    """A fresh cache and no calibration in memory, as on a machine judge has never run on."""
    monkeypatch.setenv("JUDGE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(calibration, "_current", None)
    return tmp_path / "cache"


@contextmanager
def cpu_hog():
    """Another process spinning on a CPU for as long as the block runs."""
    hog = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        yield
    finally:
        hog.kill()
        hog.wait()


def test_calibrate_measures_caches_and_reports(invoke, own_cache):
    result = invoke("calibrate", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert calibration.LOWEST <= data["factor"] <= calibration.HIGHEST
    assert data["workload_ms"] > 0 and data["pinned"] is False
    assert data["reference_ms"] == calibration.REFERENCE_MS
    cached = calibration.load()
    assert cached is not None and cached.factor == data["factor"]
    assert "Machine factor" in invoke("calibrate").stdout


def test_a_calibration_from_another_machine_or_a_damaged_file_is_measured_again(own_cache):
    measured = calibration.calibrate()
    path = own_cache / "calibration.json"
    data = json.loads(path.read_text())
    path.write_text(json.dumps({**data, "machine": "CPython 2.7, a PDP-11"}))
    assert calibration.load() is None
    path.write_text("{not json")
    assert calibration.load() is None
    calibration._current = None
    assert calibration.current().machine == measured.machine
    assert json.loads(path.read_text())["machine"] == measured.machine


def test_pinned_factor_scales_every_limit(invoke, own_cache):
    assert invoke("calibrate", "--set", "1.5").exit_code == 0
    args = ["submit", str(ACCEPTED), "--problem", CONTAINER, "--json"]
    assert json.loads(invoke(*args).stdout)["time_limit_ms"] == 1500
    assert json.loads(invoke(*args, "--time-scale", "2").stdout)["time_limit_ms"] == 3000
    shown = invoke("show", CONTAINER).stdout
    assert "1000 ms CPU per case on the reference machine (1500 ms on this one)" in shown


def test_time_scale_comes_from_the_environment_too(invoke, own_cache, monkeypatch):
    calibration.pin(1.0)
    monkeypatch.setenv("JUDGE_TIME_SCALE", "0.5")
    args = ["submit", str(ACCEPTED), "--problem", CONTAINER, "--json"]
    assert json.loads(invoke(*args).stdout)["time_limit_ms"] == 500


def test_bad_time_scale_or_factor_is_a_usage_error(invoke):
    assert invoke("submit", str(ACCEPTED), "--time-scale", "0").exit_code == 2
    assert invoke("calibrate", "--set", "100").exit_code == 2


def test_speed_is_shown_relative_to_the_reference(invoke):
    result = invoke("submit", str(ACCEPTED), "--problem", CONTAINER, "--json")
    data = json.loads(result.stdout)
    assert data["reference_time_ms"] > 0
    assert data["relative"] == pytest.approx(data["time_ms"] / data["reference_time_ms"], rel=0.01)
    text = invoke("submit", str(ACCEPTED), "--problem", CONTAINER).stdout
    assert "x the reference" in text


def test_reference_timings_are_cached_with_the_expected_answers(catalog, own_cache):
    from judge.references import prepare_cases

    problem = catalog.get("sliding-window-maximum")
    first = prepare_cases(problem)
    (cached,) = (own_cache / "expected").iterdir()
    head = json.loads(cached.read_bytes().split(b"\n", 1)[0])
    assert len(head["reference_ms"]) == len(first) == len(head["hand"]) + len(head["generated"])
    again = prepare_cases(problem)  # read back, not measured again
    assert [c.reference_ms for c in again] == [round(c.reference_ms, 4) for c in first]


def test_three_times_slower_machine_keeps_every_verdict(invoke):
    # On a machine 3x slower, calibration triples the limits. Simulated here: limits tripled
    # with another process loading the CPU. The accepted solution passes, the quadratic one
    # still runs out of time: its verdict does not depend on the machine.
    with cpu_hog():
        for path, verdict in [(ACCEPTED, "AC"), (QUADRATIC, "TLE")]:
            args = ["submit", str(path), "--problem", CONTAINER, "--time-scale", "3", "--json"]
            assert json.loads(invoke(*args).stdout)["verdict"] == verdict


def test_parallel_judging_gives_the_same_results_in_the_same_order(invoke, tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    picks = {
        "container-with-most-water": SUBMISSIONS / CONTAINER / "wrong_answer",
        "merge-sorted-array": REPO / "solutions",
        "maximum-gap": REPO / "solutions",
        "sliding-window-maximum": REPO / "solutions",
    }
    for slug, source in picks.items():
        found = sorted(source.glob("*.py")) if source.name == "wrong_answer" else []
        shutil.copy(found[0] if found else source / f"{slug}.py", folder / f"{slug}.py")
    write(folder / "combination-sum.py", "class Solution:\n    pass\n")
    runs = {j: json.loads(invoke("all", str(folder), "-j", j, "--json").stdout) for j in "12"}
    shapes = {
        j: [(r["problem"], r["verdict"], r["passed"]) for r in data["results"]]
        for j, data in runs.items()
    }
    assert shapes["1"] == shapes["2"]
    assert [s[1] for s in shapes["1"]] == ["WA", "CE", "AC", "AC", "AC"]
    assert runs["2"]["summary"] == {"accepted": 3, "total": 5}


def test_judging_times_are_kept_to_order_the_next_run_and_forget_deleted_files(
    invoke, tmp_path, own_cache
):
    folder = tmp_path / "mine"
    folder.mkdir()
    for slug in ("merge-sorted-array", "combination-sum"):
        shutil.copy(REPO / "solutions" / f"{slug}.py", folder / f"{slug}.py")
    assert invoke("all", str(folder), "-j", "2", "--json").exit_code == 0
    kept = json.loads((own_cache / "durations.json").read_text())
    assert {key.split(" ")[0] for key in kept} == {"merge-sorted-array", "combination-sum"}
    (folder / "combination-sum.py").unlink()
    assert invoke("all", str(folder), "--json").exit_code == 0
    kept = json.loads((own_cache / "durations.json").read_text())
    assert {key.split(" ")[0] for key in kept} == {"merge-sorted-array"}


def test_all_defaults_to_one_job_per_core():
    from judge.pipeline import default_jobs

    assert default_jobs() == len(os.sched_getaffinity(0))


def test_a_case_slowed_once_by_outside_load_keeps_its_usual_time(invoke, tmp_path):
    # A burst of load elsewhere slows one case, once: simulated by a solution that spins for
    # 60 ms on its 20th call only. That case is out of line with the run, so it is timed again
    # at the end, and the run reports its usual time.
    source = ACCEPTED.read_text().replace(
        "class Solution:",
        "import time as _time\n_calls = [0]\n\n\nclass Solution:",
        1,
    )
    head, sep, rest = source.partition("def maxArea(")
    signature, colon, body = rest.partition(":\n")
    spin = (
        "        _calls[0] += 1\n"
        "        if _calls[0] == 20:\n"
        "            _end = _time.thread_time() + 0.06\n"
        "            while _time.thread_time() < _end:\n"
        "                pass\n"
    )
    path = tmp_path / "unlucky.py"
    write(path, head + sep + signature + colon + spin + body)
    data = json.loads(invoke("submit", str(path), "--problem", CONTAINER, "--json").stdout)
    assert data["verdict"] == "AC"
    assert max(case["time_ms"] for case in data["cases"]) < 55
    (unlucky,) = [case for case in data["cases"] if max(case.get("runs_ms", [0])) >= 60]
    assert unlucky["time_ms"] == min(unlucky["runs_ms"])
    assert data["cpu_spent_ms"] >= data["time_ms"] + 60
    text = invoke("submit", str(path), "--problem", CONTAINER).stdout
    assert "timed again" in text


def test_out_of_line_picks_the_unlucky_cases_first_within_a_budget():
    from judge.remeasure import out_of_line

    references = {i: 10.0 for i in range(20)}
    times = {i: 20.0 for i in range(20)}  # twice the reference's time on every case: its pace
    assert out_of_line(times, references) == []
    times[3], times[5] = 60.0, 30.0
    assert out_of_line(times, references) == [3, 5]
    times[6] = 600.0  # more than half the run: never run twice
    assert 6 not in out_of_line(times, references)
    slow_spell = {i: 20.0 if i < 6 else 30.0 for i in range(20)}  # most of the run slowed
    assert out_of_line(slow_spell, references)[:3] == [6, 7, 8]
    assert out_of_line({0: 50.0, 1: 5.0}, {0: 1.0, 1: 1.0}) == []  # too few to tell a pace
    many = {i: 20.0 for i in range(100)}
    many[7] = 30.0  # out of line, but its excess is half a percent of the run: not worth it
    assert out_of_line(many, {i: 10.0 for i in range(100)}) == []


def test_workers_map_the_cached_arguments_and_never_the_expected_answers(catalog, own_cache):
    from judge.references import cached_cases, prepare_cases
    from judge.sandbox import mappable

    problem = catalog.get("sliding-window-maximum")
    prepare_cases(problem)
    cases = cached_cases(problem)
    spans = [c.span for c in cases if c.span is not None]
    assert len(spans) == len(problem.generated)
    mapped = mappable([c.job for c in cases])
    path, _, _, length = mapped
    raw = Path(path).read_bytes()
    first_answer = bytes(next(c.answer for c in cases if c.span is not None))
    # The mapped pages end before the first expected answer starts, for pages up to 64 KiB.
    last_page_end = -(-length // 65536) * 65536
    assert raw.index(first_answer, max(s.offset + len(s.data) for s in spans)) >= last_page_end
    assert all(raw[s.offset : s.offset + len(s.data)] == s.data for s in spans)


def test_a_cases_file_replaced_after_reading_is_sent_as_bytes(catalog, own_cache):
    # Another judge may rewrite the cache while this one runs: the worker is then sent the
    # arguments read before, not pointed at a file that no longer holds them.
    from judge.grading import grade
    from judge.references import cached_cases, prepare_cases
    from judge.sandbox import mappable
    from judge.submission import read_submission

    problem = catalog.get("container-with-most-water")
    prepare_cases(problem)
    cases = cached_cases(problem)
    (cached,) = (own_cache / "expected").iterdir()
    (own_cache / "new").write_bytes(b"replaced\n")
    os.replace(own_cache / "new", cached)  # as the cache is written: a new file at that path
    assert mappable([c.job for c in cases]) is None
    events = list(grade(problem, read_submission(ACCEPTED), cases))
    assert events[-1].result.verdict.value == "AC"


def test_a_worker_refuses_a_cases_file_other_than_the_one_read(tmp_path):
    from judge.worker import map_file

    path = tmp_path / "cases"
    path.write_bytes(b"x" * 100)
    found = path.stat()
    assert bytes(map_file([str(path), found.st_dev, found.st_ino, 100])) == b"x" * 100
    with pytest.raises(OSError, match="changed"):
        map_file([str(path), found.st_dev, found.st_ino + 1, 100])
