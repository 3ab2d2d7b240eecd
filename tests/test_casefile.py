"""`submit --save-case` writes the failing case; `run --case-file` runs it again, exactly."""

from __future__ import annotations

import json

import pytest

from conftest import SUBMISSIONS
from judge import casetext
from judge.references import prepare_cases

PACKED = SUBMISSIONS / "sliding-window-maximum" / "wrong_answer" / "packed_heap_short_index.py"
MERGE_WRONG = SUBMISSIONS / "merge-sorted-array" / "wrong_answer" / "sort_by_abs.py"
MERGE_RIGHT = SUBMISSIONS / "merge-sorted-array" / "accepted" / "three_pointers.py"
SLIDING = ("--problem", "sliding-window-maximum")


@pytest.mark.parametrize(
    "slug",
    [
        "sliding-window-maximum",
        "lowest-common-ancestor",
        "merge-sorted-array",
        "combination-sum",
        "binary-tree-level-order-traversal",
    ],
)
def test_every_case_reads_back_as_it_was_written(catalog, slug):
    """What --save-case writes (LeetCode's text of the input) is what `judge run` reads."""
    problem = catalog.get(slug)
    names = [p.name for p in problem.params]
    for case in prepare_cases(problem):
        text = problem.format_input(case.input)
        assert casetext.parse(text + "\n", names) == case.input, case.name


def test_a_saved_case_runs_again_and_fails_the_same_way(invoke, tmp_path):
    saved = tmp_path / "case.txt"
    submitted = invoke(
        "submit", str(PACKED), *SLIDING, "--no-history", "--json", "--save-case", str(saved)
    )
    assert submitted.exit_code == 1
    failure = json.loads(submitted.stdout)["failure"]
    assert saved.read_text() == failure["input"] + "\n"
    assert f"saved case {failure['case']} to {saved}" in submitted.stderr
    assert f"--case-file {saved}" in submitted.stderr
    ran = invoke("run", str(PACKED), *SLIDING, "--case-file", str(saved), "--json")
    assert ran.exit_code == 1
    case = json.loads(ran.stdout)["cases"][0]
    assert case["input"] == failure["input"] and case["output"] == failure["output"]
    assert case["difference"]["index"] == failure["difference"]["index"]


def test_a_case_file_may_come_from_standard_input(invoke):
    text = "nums1 = [-5,0,0]\nm = 1\nnums2 = [-3,2]\nn = 2\n"
    ran = invoke("run", str(MERGE_WRONG), "--case-file", "-", "--json", input=text)
    assert ran.exit_code == 1
    case = json.loads(ran.stdout)["cases"][0]
    assert case["input"] == "nums1 = [-5,0,0], m = 1, nums2 = [-3,2], n = 2"
    assert case["expected"] == [-5, -3, 2]


def test_an_accepted_submission_saves_nothing(invoke, tmp_path):
    saved = tmp_path / "case.txt"
    result = invoke("submit", str(MERGE_RIGHT), "--no-history", "--save-case", str(saved))
    assert result.exit_code == 0 and not saved.exists()
    assert "no case saved" in result.stderr and "every case passed" in result.stderr


def test_saving_into_a_missing_folder_is_refused_before_judging(invoke, tmp_path):
    target = tmp_path / "nowhere" / "case.txt"
    result = invoke("submit", str(MERGE_WRONG), "--no-history", "--save-case", str(target))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.strip() == (
        f"Error: cannot save the case to {target}: there is no folder {target.parent}"
    )


def test_a_missing_case_file_is_one_line(invoke, tmp_path):
    missing = tmp_path / "missing.txt"
    result = invoke("run", str(MERGE_WRONG), "--case-file", str(missing))
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip() == (
        f"Error: cannot read the case file {missing}: No such file or directory"
    )


def test_a_case_file_that_is_not_text(invoke, tmp_path):
    binary = tmp_path / "case.bin"
    binary.write_bytes(b"\xff\xfe\x00nums")
    result = invoke("run", str(MERGE_WRONG), "--case-file", str(binary))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"Error: the case file {binary} is not UTF-8 text"
