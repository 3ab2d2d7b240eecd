"""`judge run`: a solution on the user's own inputs, each output beside the expected answer."""

from __future__ import annotations

import json
import sys

import pytest

from conftest import ECHO, HOSTILE, REPO, SUBMISSIONS, echo_spec, write
from judge import trial

SLIDING = REPO / "solutions" / "sliding-window-maximum.py"
RUNNING_MAX = SUBMISSIONS / "sliding-window-maximum" / "wrong_answer" / "running_max.py"
LCA = REPO / "solutions" / "lowest-common-ancestor.py"
MERGE = REPO / "solutions" / "merge-sorted-array.py"


def run_json(invoke, *args: str):
    result = invoke("run", *args, "--json")
    return result.exit_code, json.loads(result.stdout)


def test_without_a_case_the_examples_run(invoke):
    result = invoke("run", str(SLIDING))
    assert result.exit_code == 0
    assert "nums = [1,3,-1,-3,5,3,6,7], k = 3" in result.stdout
    assert "nums = [1], k = 1" in result.stdout
    assert "2/2 outputs match" in result.stdout


def test_an_own_case_is_answered_by_the_reference(invoke):
    case = "nums = [9,8,7,1,2,3,4], k = 3"
    code, data = run_json(invoke, str(RUNNING_MAX), "--case", case)
    assert code == 1
    assert data["problem"] == "sliding-window-maximum"
    assert data["matched"] == 0 and data["total"] == 1
    (only,) = data["cases"]
    assert only["input"] == "nums = [9,8,7,1,2,3,4], k = 3"
    assert only["expected"] == [9, 8, 7, 3, 4]  # the sliding maximum: not in the spec
    assert only["output"] == [9, 9, 9, 9, 9]
    assert only["match"] is False and only["verdict"] is None
    assert set(only) >= {"input", "output", "expected", "match", "verdict", "stdout", "time_ms"}


def test_the_terminal_shows_output_and_expected_of_every_case(invoke):
    switch = sys.getswitchinterval()
    result = invoke(
        "run",
        str(RUNNING_MAX),
        "--case",
        "nums = [1,3,-1,-3,5,3,6,7], k = 3",
        "--case",
        "[3,2,1]\n1",
    )
    assert result.exit_code == 1
    out = result.stdout
    assert "Case 1" in out and "Case 2" in out and "differs" in out
    assert "Output    [3,3,5,5,6,7]" in out and "Expected  [3,3,5,5,6,7]" in out
    assert "Output    [3,3,3]" in out and "Expected  [3,2,1]" in out
    assert "1/2 outputs match" in out
    # The quicker thread switch while the renderer loads is the command's own.
    assert sys.getswitchinterval() == switch


def test_any_order_problems_match_in_any_order(invoke, tmp_path):
    reversed_order = write(
        tmp_path / "combination-sum.py",
        """
class Solution:
    def combinationSum(self, candidates, target):
        found = []
        def walk(start, left, chosen):
            if left == 0:
                found.append(chosen[::-1])
            for i in range(start, len(candidates)):
                if candidates[i] <= left:
                    walk(i, left - candidates[i], chosen + [candidates[i]])
        walk(0, target, [])
        return found[::-1]
""",
    )
    code, data = run_json(invoke, str(reversed_order), "--case", "candidates = [2,3,5], target = 8")
    assert code == 0
    (only,) = data["cases"]
    assert only["match"] is True and only["output"] != only["expected"]


def test_node_arguments_are_given_by_value_and_a_node_answer_shown_by_value(invoke):
    code, data = run_json(
        invoke, str(LCA), "--case", "root = [3,5,1,6,2,0,8,null,null,7,4], p = 7, q = 0"
    )
    assert code == 0
    assert data["cases"][0]["output"] == 3 and data["cases"][0]["expected"] == 3


def test_the_panel_form_runs_an_in_place_problem(invoke):
    code, data = run_json(invoke, str(MERGE), "--case", "[4,5,6,0,0,0]\n3\n[1,2,3]\n3")
    assert code == 0
    assert data["cases"][0]["input"] == "nums1 = [4,5,6,0,0,0], m = 3, nums2 = [1,2,3], n = 3"
    assert data["cases"][0]["output"] == [1, 2, 3, 4, 5, 6]


def test_a_crash_or_a_timeout_shows_as_such_and_the_other_cases_still_run(
    invoke, tmp_path, leaves_nothing_behind
):
    moody = write(
        tmp_path / "moody.py",
        """
class Solution:
    def maxSlidingWindow(self, nums, k):
        print("window", k)
        if k == 2:
            return nums[10]
        if k == 3:
            while True:
                pass
        return nums
""",
    )
    cases = ["nums = [1,2], k = 2", "nums = [1,2,3], k = 3", "nums = [4,5], k = 1"]
    args = [arg for case in cases for arg in ("--case", case)]
    code, data = run_json(invoke, str(moody), "--problem", "sliding-window-maximum", *args)
    assert code == 1
    crash, endless, fine = data["cases"]
    assert crash["verdict"] == "RE" and "IndexError" in crash["message"]
    assert crash["output"] is None and crash["match"] is False
    assert crash["stdout"] == "window 2\n"
    assert endless["verdict"] == "TLE" and endless["output"] is None
    assert fine["verdict"] is None and fine["match"] is True and fine["stdout"] == "window 1\n"
    assert data["matched"] == 1


def test_a_file_that_fails_while_loading_fails_every_case(invoke):
    code, data = run_json(
        invoke, str(HOSTILE / "exit-at-import.py"), "--problem", "container-with-most-water"
    )
    assert code == 1
    assert [c["verdict"] for c in data["cases"]] == ["RE", "RE"]
    assert all("exited" in c["message"] for c in data["cases"])


def test_a_compile_error_is_shown_once(invoke):
    result = invoke(
        "run", str(HOSTILE / "syntax-error.py"), "--problem", "container-with-most-water"
    )
    assert result.exit_code == 1
    assert result.stdout.count("Compile Error (CE)") == 1
    _, data = run_json(
        invoke, str(HOSTILE / "syntax-error.py"), "--problem", "container-with-most-water"
    )
    assert {c["verdict"] for c in data["cases"]} == {"CE"}


@pytest.mark.parametrize(
    ("file", "case", "says"),
    [
        (SLIDING, "nums = [1,3], k = 3", "breaks a constraint: 1 <= k <= nums.length"),
        (SLIDING, "nums = [1,3], k = 100001", "breaks a constraint"),
        (SLIDING, "nums = [1,3], size = 1", "'size' is not a parameter"),
        (SLIDING, "nums = [1,3]", "missing k"),
        (SLIDING, "nums = [1,3], k = 1.5", "k: value 1.5 is not an int"),
        (SLIDING, "nums = [1,3, k = 1", "cannot read the value of nums"),
        (LCA, "root = [3,5,1,null,2,5], p = 5, q = 1", "5 repeats"),
        (LCA, "root = [3,5,1], p = 5, q = 7", "q: 7 is not a value in root"),
        (LCA, "root = [3,5,1], p = 5, q = 5", "p != q"),
    ],
)
def test_a_bad_case_is_refused_before_anything_runs(invoke, monkeypatch, file, case, says):
    def never(*args, **kwargs):
        raise AssertionError("a refused case must not run")

    monkeypatch.setattr(trial, "trial", never)
    result = invoke(
        "run",
        str(file),
        "--case",
        "nums = [1], k = 1" if file == SLIDING else "root = [1,2], p = 1, q = 2",
        "--case",
        case,
    )
    assert result.exit_code == 2
    assert says in result.stderr and "case 2" in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_a_problem_without_its_reference_says_so_in_one_line(invoke, tmp_path):
    write(
        tmp_path / "problems" / "echo.yaml",
        echo_spec("echo", reference="missing.py", number=9000, example=True),
    )
    echo = write(tmp_path / "echo.py", ECHO)
    problems = str(tmp_path / "problems")
    assert invoke("run", str(echo), "--problems", problems).exit_code == 0  # the spec answers
    result = invoke("run", str(echo), "--problems", problems, "--case", "x = 2")
    assert result.exit_code == 2
    assert "echo: no reference solution to answer the case" in result.stderr
    assert result.stderr.count("\n") == 1
