"""Expected answers and reference times: measured once, cached, mapped by workers."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import SUBMISSIONS

CONTAINER = "container-with-most-water"
ACCEPTED = SUBMISSIONS / CONTAINER / "accepted" / "two_pointers.py"


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


def test_cache_of_one_problem_keeps_a_longer_slugs_cache(catalog, tmp_path, monkeypatch):
    from judge.cache import cache_dir
    from judge.references import prepare_cases

    monkeypatch.setenv("JUDGE_CACHE_DIR", str(tmp_path))
    prepare_cases(catalog.get("combination-sum-ii"))
    prepare_cases(catalog.get("combination-sum"))
    names = sorted(p.name.rsplit("-", 1)[0] for p in (cache_dir() / "expected").iterdir())
    assert names == ["combination-sum", "combination-sum-ii"]


def test_workers_map_the_cached_arguments_and_never_the_expected_answers(catalog, own_cache):
    from judge.cases import generated_names
    from judge.references import cached_cases, prepare_cases
    from judge.sandbox import mappable

    problem = catalog.get("sliding-window-maximum")
    prepare_cases(problem)
    cases = cached_cases(problem)
    spans = [c.span for c in cases if c.span is not None]
    assert len(spans) == len(generated_names(problem)) == len(problem.generated) + 1  # the sweep
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
