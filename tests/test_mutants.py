"""`judge verify --mutants`: survivors on weak test data, none on a bundled problem."""

from __future__ import annotations

import json
import shutil

from conftest import REPO

WEAK = REPO / "docs" / "examples" / "weak-data" / "problems"
FAST = "binary-tree-inorder-traversal"  # few mutants, no slow ones: the quickest bundled run


def test_weak_data_lets_mutants_survive(invoke, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    result = invoke("verify", "search-insert-position", "--problems", str(WEAK), "--mutants")
    assert result.exit_code == 1
    out = result.stdout
    head = out.splitlines()[0]
    assert head.startswith("search-insert-position  20 mutants: ") and "2 survivors" in head
    assert "equivalent: agree with the brute force on all 4000 small inputs" in out
    assert "killed by: example-1 " in out
    assert "survivor #2  constant" in out
    assert "Mutant    line 15: lo, hi = 0, len(nums) → lo, hi = 1, len(nums)" in out
    assert "Input     nums = [0], target = 0\nExpected  0\nOutput    1\n" in out
    assert "Add       - {name: mutant-2, input: {nums: [0], target: 0}, expected: 0}" in out


def test_a_bundled_problem_has_no_survivors(invoke):
    result = invoke("verify", FAST, "--mutants", "--json")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["survivors"] == 0 and report["skipped"] == []
    (problem,) = report["problems"]
    assert problem["mutants"] == len(problem["results"]) > 0
    assert problem["equivalent"] + problem["killed"] == problem["mutants"]
    assert sum(problem["killed_by"].values()) == problem["killed"]
    first = problem["results"][0]
    assert set(first) >= {"number", "kind", "line", "before", "after", "status", "case"}
    assert [r["number"] for r in problem["results"]] == list(range(1, problem["mutants"] + 1))
    for r in problem["results"]:
        assert r["status"] in {"equivalent", "killed"}
        assert (r["case"] is not None) == (r["status"] == "killed")


def test_a_problem_without_a_brute_force_is_refused_in_one_line(invoke, tmp_path):
    copy = tmp_path / "weak"
    shutil.copytree(WEAK.parent, copy)
    (copy / "tests" / "submissions" / "search-insert-position" / "brute_force.py").unlink()
    problems = str(copy / "problems")
    result = invoke("verify", "search-insert-position", "--problems", problems, "--mutants")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "no brute force at" in result.stderr and "Traceback" not in result.stderr
