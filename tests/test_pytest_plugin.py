"""`pytest --judge`: solutions as test items, run as a user runs pytest (in a subprocess)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from conftest import REPO, SUBMISSIONS, write

pytest_plugins = ["pytester"]

ACCEPTED = "binary-tree-inorder-traversal"
WRONG = "merge-sorted-array"
BROKEN = "binary-tree-preorder-traversal"
ITEMS = [f"{slug}.py::{slug}" for slug in (ACCEPTED, BROKEN, WRONG)]


def solutions(folder: Path) -> Path:
    """A folder as a user keeps one: an accepted solution, a wrong answer that prints, a
    syntax error, a file that is not a solution, and a test file of their own."""
    (folder / f"{ACCEPTED}.py").write_text((REPO / "solutions" / f"{ACCEPTED}.py").read_text())
    wrong = (SUBMISSIONS / WRONG / "wrong_answer" / "rebind_sorted.py").read_text()
    wrong = wrong.replace("nums1 = sorted", 'print("m is", m)\n        nums1 = sorted')
    write(folder / f"{WRONG}.py", wrong)
    write(
        folder / f"{BROKEN}.py",
        "class Solution:\n    def preorderTraversal(self, root):\n        return [\n",
    )
    write(folder / "notes.py", "raise SystemExit('notes.py is not a solution')\n")
    write(folder / "test_unrelated.py", "def test_own():\n    assert True\n")
    return folder


@pytest.fixture
def scratch(leaves_nothing_behind: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The runs of the pytest under test make their scratch folders here, and must leave none."""
    monkeypatch.setenv("TMPDIR", str(leaves_nothing_behind))
    return leaves_nothing_behind


def test_each_solution_is_one_item_showing_the_verdict(pytester, scratch):
    solutions(pytester.path)
    junit = ("--junitxml=report.xml", "-o", "junit_family=xunit1")
    result = pytester.runpytest_subprocess("--judge", "-v", "-rP", *junit)
    result.assert_outcomes(passed=2, failed=2)
    result.stdout.fnmatch_lines_random(
        [
            f"{ACCEPTED}.py::{ACCEPTED} PASSED*",
            f"{WRONG}.py::{WRONG} FAILED*",
            f"{BROKEN}.py::{BROKEN} FAILED*",
            "test_unrelated.py::test_own PASSED*",
        ]
    )
    out = result.stdout.str()
    wrong = out[out.index(f"_ {WRONG} _") :].splitlines()[1:8]
    assert re.match(rf"Wrong Answer \(WA\)  {WRONG}  0/\d+ cases passed", wrong[0])
    assert wrong[1:6] == [
        "Case      example-1",
        "Input     nums1 = [1,2,3,0,0,0], m = 3, nums2 = [2,5,6], n = 3",
        "Output    [1,2,3,0,0,0]",
        "Expected  [1,2,2,3,5,6]",
        "Differs   at index 2 of 6: 3 where 2 is expected",
    ]
    assert wrong[6] == "Stdout    m is 3"
    broken = out[out.index(f"_ {BROKEN} _") :].splitlines()[1:3]
    assert broken[0] == f"Compile Error (CE)  {BROKEN}"
    assert broken[1].startswith("Message  SyntaxError: ") and "at line 3" in broken[1]
    assert re.search(rf"Accepted \(AC\)  {ACCEPTED}  (\d+)/\1 cases passed", out)  # -rP
    assert "notes.py" not in out and "Traceback" not in out and "pytest_plugin" not in out
    # Where an IDE (or a CI report) places each item: the file, at its `class Solution` line.
    report = ElementTree.parse(pytester.path / "report.xml")
    cases = {case.get("name"): case for case in report.iter("testcase")}
    assert cases[ACCEPTED].get("file") == f"{ACCEPTED}.py"
    source = (REPO / "solutions" / f"{ACCEPTED}.py").read_text().splitlines()
    assert source[int(cases[ACCEPTED].get("line"))].startswith("class Solution:")
    verdicts = {
        name: [p.get("value") for p in case.iter("property")] for name, case in cases.items()
    }
    assert verdicts == {ACCEPTED: ["AC"], WRONG: ["WA"], BROKEN: ["CE"], "test_own": []}


def test_stopping_early_leaves_no_worker_behind(pytester, scratch):
    solutions(pytester.path)
    # The next item's worker is started while one is judged: -x must still end it.
    result = pytester.runpytest_subprocess("--judge", "-x")
    result.assert_outcomes(passed=1, failed=1)


def test_k_selects_and_a_folder_is_judged_from_elsewhere(pytester, tmp_path, monkeypatch):
    folder = solutions(pytester.mkdir("leetcode"))
    monkeypatch.chdir(tmp_path)
    result = pytester.runpytest_subprocess("--judge", str(folder), "-k", "merge")
    result.assert_outcomes(failed=1, deselected=3)
    result.stdout.fnmatch_lines([f"Wrong Answer (WA)  {WRONG}  0/* cases passed*"])


def test_an_ide_running_one_item_never_imports_the_file(pytester):
    solutions(pytester.path)
    wrong = str(pytester.path / f"{WRONG}.py::{WRONG}")
    accepted = str(pytester.path / f"{ACCEPTED}.py")
    # Named on the command line, a file is collected even where `python_files` does not
    # match it: as a module, importing it would fail (`List` is judge's) or run its code.
    result = pytester.runpytest_subprocess("--judge", wrong, accepted, "--doctest-modules")
    result.assert_outcomes(passed=1, failed=1)


def test_collect_only_lists_the_items_and_judges_nothing(pytester, own_cache, scratch):
    solutions(pytester.path)
    result = pytester.runpytest_subprocess("--judge", "--collect-only", "-q", "-m", "judge")
    assert result.ret == 0
    assert result.outlines[:4] == [*ITEMS, ""]  # -m judge: not test_unrelated.py
    assert not own_cache.exists()  # no answer computed, no spec parsed, no calibration


def test_without_judge_nothing_of_judge_is_collected_or_imported(pytester):
    solutions(pytester.path)
    write(
        pytester.path / "test_unrelated.py",
        "import sys\n\n"
        "def test_own():\n"
        "    assert 'judge.pytest_plugin' in sys.modules  # the plugin is installed\n"
        "    ours = [m for m in sys.modules if m.partition('.')[0] in ('judge', 'rich', 'yaml')]\n"
        "    assert ours == ['judge', 'judge.pytest_plugin']\n",
    )
    result = pytester.runpytest_subprocess("-v")
    result.assert_outcomes(passed=1)
    result.stdout.no_fnmatch_line("*merge-sorted-array.py::*")  # no solution became an item


def test_the_plugin_module_loads_nothing_of_judge():
    code = (
        "import sys, judge.pytest_plugin\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('judge', 'rich', 'yaml')))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.stdout == "['judge', 'judge.pytest_plugin']\n", proc.stderr


def test_problems_of_ones_own_folder(pytester, monkeypatch):
    spec = (REPO / "problems" / f"{WRONG}.yaml").read_text()
    reference = REPO / "solutions" / f"{WRONG}.py"
    spec = spec.replace(f"slug: {WRONG}", f"slug: my-merge\nreference: {reference}")
    write(pytester.path / "specs" / "my-merge.yaml", spec)
    write(pytester.path / "my-merge.py", reference.read_text())
    result = pytester.runpytest_subprocess("--judge", "--judge-problems", "specs", "-v")
    result.stdout.fnmatch_lines(["my-merge.py::my-merge PASSED*"])
    monkeypatch.setenv("JUDGE_PROBLEMS", "specs")
    result = pytester.runpytest_subprocess("--judge", "--collect-only", "-q")
    assert result.outlines[0] == "my-merge.py::my-merge"
    missing = pytester.runpytest_subprocess("--judge", "--judge-problems", "nowhere")
    assert missing.ret == pytest.ExitCode.USAGE_ERROR
    missing.stderr.fnmatch_lines(["ERROR: problems folder not found: nowhere"])
