"""Real misbehaving submissions: the judge finishes with the right verdict and message."""

from __future__ import annotations

import pytest

from conftest import write
from judge.expected import prepare_cases
from judge.grading import Finished, grade
from judge.submission import read_submission

SLUG = "container-with-most-water"
HEAD = "class Solution:\n    def maxArea(self, height: List[int]) -> int:\n"


def judge_source(catalog, tmp_path, source: str | bytes, name: str = "s.py"):
    path = tmp_path / name
    if isinstance(source, bytes):
        path.write_bytes(source)
    else:
        write(path, source)
    problem = catalog.get(SLUG)
    events = list(grade(problem, read_submission(path), prepare_cases(problem)))
    assert isinstance(events[-1], Finished)
    return events[-1].result


def body(code: str) -> str:
    return HEAD + "".join(f"        {line}\n" for line in code.splitlines())


@pytest.mark.parametrize(
    "source, message",
    [
        (HEAD + "        return (\n", "SyntaxError"),
        ("class Solution:\n    pass\n", "no method `maxArea`"),
        ("def maxArea(height):\n    return 0\n", "no `class Solution`"),
        ("", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00binary", "binary"),
        (b"class Solution:\n    x = '\xff\xfe'\n", "not UTF-8"),
    ],
    ids=["syntax", "no-method", "no-class", "empty", "binary", "bad-utf8"],
)
def test_compile_errors(catalog, tmp_path, source, message):
    result = judge_source(catalog, tmp_path, source)
    assert result.verdict.value == "CE"
    assert message in result.failure.message


def test_syntax_error_names_the_line(catalog, tmp_path):
    result = judge_source(catalog, tmp_path, HEAD + "        x = = 1\n")
    assert "line 3" in result.failure.message


def test_missing_method_shows_the_expected_signature(catalog, tmp_path):
    result = judge_source(
        catalog, tmp_path, "class Solution:\n    def maxarea(self, h):\n        pass\n"
    )
    assert "def maxArea(self, height: List[int]) -> int:" in result.failure.message


@pytest.mark.parametrize(
    "code, verdict, message",
    [
        ("return height[len(height)]", "RE", "IndexError: list index out of range"),
        ("import no_such_module_here", "RE", "ModuleNotFoundError"),
        ("return int(input())", "RE", "EOFError"),
        ("import sys; sys.exit(3)", "RE", "exited"),
        ("raise SystemExit", "RE", "exited"),
        ("import os; os._exit(0)", "RE", "exited with code 0"),
        ("import os, signal; os.kill(os.getpid(), signal.SIGSEGV)", "RE", "SIGSEGV"),
        ("import os, signal; os.kill(os.getpid(), signal.SIGKILL)", "RE", "SIGKILL"),
        ("def f(n): return f(n + 1)\nreturn f(0)", "RE", "RecursionError"),
        ("while True: pass", "TLE", "time limit"),
        ("import time; time.sleep(60)", "TLE", "time limit"),
        ("x = bytearray(10**10)", "MLE", "memory limit"),
        ("x = []\nwhile True: x.append([0] * 1000)", "MLE", "memory limit"),
        ("while True: print('spam' * 1000)", "OLE", "output limit"),
        ("return '7'", "WA", "expected int"),
    ],
    ids=[
        "index-error",
        "missing-module",
        "input",
        "sys-exit",
        "raise-systemexit",
        "os-exit",
        "sigsegv",
        "sigkill",
        "recursion",
        "endless-loop",
        "sleep",
        "huge-allocation",
        "gradual-growth",
        "output-flood",
        "wrong-type",
    ],
)
def test_misbehaviour_gets_its_verdict(catalog, tmp_path, code, verdict, message):
    result = judge_source(catalog, tmp_path, body(code))
    assert result.verdict.value == verdict, result.failure
    assert message in result.failure.message


def test_runtime_error_shows_the_solutions_own_traceback(catalog, tmp_path):
    result = judge_source(catalog, tmp_path, body("x = 1\nreturn height[10**9]"))
    assert result.failure.traceback == ["line 4, in maxArea", "    return height[10**9]"]
    assert result.failure.case == "example-1"
    assert result.failure.input.startswith("height = [1,8,6,2,5,4,8,3,7]")


def test_import_time_loop_is_tle(catalog, tmp_path):
    result = judge_source(
        catalog, tmp_path, "while True:\n    pass\n" + HEAD + "        return 0\n"
    )
    assert result.verdict.value == "TLE" and "loading" in result.failure.message


def test_stdout_of_the_failing_case_is_shown_cut(catalog, tmp_path):
    result = judge_source(catalog, tmp_path, body("print('x' * 100000)\nreturn -1"))
    assert result.verdict.value == "WA"
    assert result.failure.stdout.startswith("xxxx") and "more bytes" in result.failure.stdout
    assert len(result.failure.stdout) < 5000


def test_mutating_input_and_class_state_do_not_leak_between_cases(catalog, tmp_path):
    source = (
        "class Solution:\n"
        "    calls = 0\n"
        "    def maxArea(self, height):\n"
        "        Solution.calls += 1\n"
        "        i, j, best = 0, len(height) - 1, 0\n"
        "        while i < j:\n"
        "            best = max(best, min(height[i], height[j]) * (j - i))\n"
        "            if height[i] < height[j]: i += 1\n"
        "            else: j -= 1\n"
        "        height.clear()\n"
        "        return best\n"
    )
    assert judge_source(catalog, tmp_path, source).verdict.value == "AC"


def test_custom_eq_never_counts_as_equal(catalog, tmp_path):
    source = (
        "class Yes(int):\n"
        "    def __eq__(self, other): return True\n"
        "    __hash__ = int.__hash__\n" + HEAD + "        return Yes(-1)\n"
    )
    result = judge_source(catalog, tmp_path, source)
    assert result.verdict.value == "WA" and result.failure.output == -1


def test_deep_recursion_on_a_path_tree_is_accepted(catalog, tmp_path):
    source = (
        "class Solution:\n"
        "    def lowestCommonAncestor(self, root, p, q):\n"
        "        if root is None or root is p or root is q:\n"
        "            return root\n"
        "        left = self.lowestCommonAncestor(root.left, p, q)\n"
        "        right = self.lowestCommonAncestor(root.right, p, q)\n"
        "        return root if left and right else left or right\n"
    )
    problem = catalog.get("lowest-common-ancestor")
    path = write(tmp_path / "rec.py", source)
    events = list(grade(problem, read_submission(path), prepare_cases(problem)))
    assert events[-1].result.verdict.value == "AC"
