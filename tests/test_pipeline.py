"""judge all's pipeline: several files at once, the same results in the same order."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from conftest import REPO, SUBMISSIONS, write

CONTAINER = "container-with-most-water"


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


@pytest.mark.parametrize("results_taken", [0, 1])
def test_judging_closed_early_leaves_nothing(catalog, results_taken, leaves_nothing_behind):
    # Judging starts when it is made: files made ready but never judged are cleaned up too.
    from judge import pipeline, runner

    accepted = sorted((SUBMISSIONS / CONTAINER / "accepted").glob("*.py"))
    entries = [runner.Entry(path, catalog.get(CONTAINER)) for path in accepted]
    with pipeline.Judging(entries, jobs=2) as judging:
        got = [result for _, (_, result) in zip(range(results_taken), judging)]
    assert [r.verdict.value for r in got] == ["AC"] * results_taken
