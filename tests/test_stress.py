"""`judge stress`: every known wrong submission is caught on a small input, shrunk, reproducibly."""

from __future__ import annotations

import json
import shlex

import pytest

from conftest import HOSTILE, REPO, SUBMISSIONS, write
from judge import jsonout
from judge.cases import generator_function
from judge.casetext import parse
from judge.stress import stress
from judge.submission import read_submission
from judge.verify import large_only

# A wrong answer that no small input can show says so in its first line; the failure view on
# its large case is what finds it (tests/test_failure_view.py).
KNOWN_WRONG = sorted(SUBMISSIONS.glob("*/wrong_answer/*.py"))
WRONG = [p for p in KNOWN_WRONG if not large_only(p)]
RUNNING_MAX = SUBMISSIONS / "sliding-window-maximum" / "wrong_answer" / "running_max.py"
SLIDING = REPO / "solutions" / "sliding-window-maximum.py"


@pytest.mark.parametrize("path", WRONG, ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_every_known_wrong_answer_is_found_and_shrunk(path, catalog):
    problem = catalog.get(path.parent.parent.name)
    result = stress(problem, read_submission(path), seed=1)
    assert result.found and result.examples_run <= 1000
    case = result.case
    assert case.verdict is None and not case.match  # a wrong answer, not a crash
    assert result.size <= result.original_size and result.size <= 6
    values = parse(case.input, [p.name for p in problem.params])  # LeetCode's text, as is
    validate = generator_function(problem, problem.validator, "verify.validate")
    assert validate(**values) is None


def test_a_wrong_answer_on_large_inputs_only_is_not_found_on_small_ones(catalog):
    large_only = [p for p in KNOWN_WRONG if p not in WRONG]
    assert [p.stem for p in large_only] == ["packed_heap_short_index"]
    problem = catalog.get("sliding-window-maximum")
    result = stress(problem, read_submission(large_only[0]), seed=1, max_examples=200)
    assert not result.found


def test_a_seed_gives_the_same_result_and_another_seed_other_inputs(catalog):
    problem = catalog.get("sliding-window-maximum")
    wrong = read_submission(RUNNING_MAX)
    first = jsonout.stress_result(stress(problem, wrong, seed=7))
    assert jsonout.stress_result(stress(problem, wrong, seed=7)) == first
    other = jsonout.stress_result(stress(problem, wrong, seed=8))
    assert other["seed"] == 8 and other["found"]


def test_the_cli_shows_the_input_both_answers_and_how_to_run_it_again(invoke):
    result = invoke("stress", str(RUNNING_MAX), "--problem", "sliding-window-maximum")
    assert result.exit_code == 1
    out = result.stdout
    assert out.startswith("Wrong Answer (WA)  sliding-window-maximum  random input ")
    for label in ("Input", "Output", "Expected", "Differs", "Run it", "Again"):
        assert f"\n{label} " in out
    run_line = next(line for line in out.splitlines() if line.startswith("Run it"))
    args = shlex.split(run_line.removeprefix("Run it"))[1:]  # after `judge`
    rerun = invoke(*args, "--json")
    assert rerun.exit_code == 1  # the input pasted into `judge run`: the same difference
    assert json.loads(rerun.stdout)["cases"][0]["match"] is False
    seed = next(line for line in out.splitlines() if line.startswith("Again")).split()[-1]
    again = invoke(
        "stress", str(RUNNING_MAX), "--problem", "sliding-window-maximum", "--seed", seed
    )
    assert again.stdout == out


def test_json_has_the_input_the_answers_the_seed_and_the_size(invoke):
    args = ("stress", str(RUNNING_MAX), "--problem", "sliding-window-maximum", "--seed", "3")
    result = invoke(*args, "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert set(data) >= {
        "problem",
        "found",
        "examples_run",
        "input",
        "expected",
        "output",
        "verdict",
        "seed",
        "size",
    }
    assert data["problem"] == "sliding-window-maximum" and data["found"] is True
    assert data["verdict"] == "WA" and data["seed"] == 3
    assert data["output"] != data["expected"]
    assert data["size"] == len(parse(data["input"], ["nums", "k"])["nums"])


def test_a_correct_solution_shows_no_difference_and_exits_0(invoke):
    result = invoke("stress", str(SLIDING), "--seed", "2", "--max-examples", "300")
    assert result.exit_code == 0
    assert "sliding-window-maximum: no difference found in 300 inputs" in result.stdout
    assert "correct" not in result.stdout
    data = json.loads(invoke("stress", str(SLIDING), "--max-examples", "50", "--json").stdout)
    assert data["found"] is False and data["examples_run"] == 50 and data["input"] is None


def test_a_crash_is_shrunk_and_shown_with_its_traceback(invoke):
    crash = SUBMISSIONS / "lowest-common-ancestor" / "run_time_error" / "missing_base_case.py"
    result = invoke("stress", str(crash), "--seed", "1")
    assert result.exit_code == 1
    out = result.stdout
    assert out.startswith("Runtime Error (RE)  lowest-common-ancestor")
    assert "AttributeError" in out and "\nTraceback " in out
    data = json.loads(invoke("stress", str(crash), "--seed", "1", "--json").stdout)
    assert data["verdict"] == "RE" and data["output"] is None and data["size"] <= 3


def test_a_file_that_does_not_compile_is_a_compile_error(invoke):
    result = invoke("stress", str(HOSTILE / "syntax-error.py"), "--problem", "maximum-gap")
    assert result.exit_code == 1
    assert result.stdout.startswith("Compile Error (CE)  maximum-gap")


def test_a_problem_without_small_inputs_says_so_in_one_line(invoke, tmp_path):
    write(
        tmp_path / "problems" / "echo.yaml",
        """\
slug: echo
number: 9000
title: Echo
difficulty: Easy
tags: [test]
statement: Return x.
constraints: []
signature:
  method: echo
  params: [{name: x, type: int}]
  returns: int
judge: {checker: exact}
limits: {time_ms: 1000, memory_mb: 256}
reference: echo.py
cases:
  - {name: example-1, example: true, input: {x: 1}, expected: 1}
""",
    )
    echo = write(
        tmp_path / "problems" / "echo.py",
        "class Solution:\n    def echo(self, x):\n        return x\n",
    )
    result = invoke("stress", str(echo), "--problems", str(tmp_path / "problems"))
    assert result.exit_code == 2
    assert "echo: the spec has no `small_inputs`" in result.stderr
    assert result.stderr.count("\n") == 1
