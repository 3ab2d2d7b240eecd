"""Grading end to end: what a run shows of a failing case, and what it keeps apart between runs.
Each hostile file's verdict is asserted in tests/test_hostile.py; these check the rest."""

from __future__ import annotations

import pytest

from conftest import HOSTILE, SUBMISSIONS, declared, judge_file, write
from judge.results import Verdict

SLUG = "container-with-most-water"
ACCEPTED = SUBMISSIONS / SLUG / "accepted" / "two_pointers.py"

pytestmark = pytest.mark.usefixtures("leaves_nothing_behind")


def test_an_empty_file_is_a_compile_error(catalog, tmp_path):
    # The one compile error that cannot be a file of tests/hostile/: it has no room for the
    # lines that declare its verdict.
    result = judge_file(catalog, write(tmp_path / "empty.py", "\n  \n"), SLUG)
    assert result.verdict is Verdict.CE and "the file is empty" in result.failure.message


def test_runtime_error_shows_the_solutions_own_traceback(catalog):
    path = HOSTILE / "index-error.py"
    line = path.read_text().splitlines().index("        return height[len(height)]") + 1
    result = judge_file(catalog, path)
    assert result.failure.traceback == [
        f"line {line}, in maxArea",
        "    return height[len(height)]",
    ]
    assert result.failure.case == "example-1"
    assert result.failure.input.startswith("height = [1,8,6,2,5,4,8,3,7]")


def test_stdout_of_the_failing_case_is_shown_cut(catalog):
    result = judge_file(catalog, HOSTILE / "print-flood.py")
    assert result.failure.stdout.startswith("xxxx") and "more bytes" in result.failure.stdout
    assert len(result.failure.stdout) < 5000


def test_cpu_spent_in_other_threads_is_charged_to_the_case(catalog):
    # The per-case clock is the calling thread's; work handed to a helper thread must still
    # count, or a solution could hide its cost from the reported time.
    result = judge_file(catalog, HOSTILE / "helper-thread-cpu.py")
    assert result.cases[0].time_ms >= 250


def test_a_run_that_changes_the_interpreter_leaves_the_next_run_clean(catalog):
    # Runs are forked from one interpreter: whatever a run changes stays in its own process.
    assert judge_file(catalog, HOSTILE / "vandal.py").verdict is Verdict.WA
    assert judge_file(catalog, ACCEPTED, SLUG).verdict is Verdict.AC


def test_every_run_gets_fresh_random_numbers(catalog):
    path = HOSTILE / "random-draw.py"
    drawn = {judge_file(catalog, path).failure.stdout for _ in range(3)}
    assert len(drawn) == 3


def test_the_judge_keeps_working_after_a_solution_kills_its_parent(catalog, isolation_mode):
    path = HOSTILE / "kill-parent.py"
    assert judge_file(catalog, path).verdict is Verdict(declared(path)["verdict"])
    assert judge_file(catalog, ACCEPTED, SLUG).verdict is Verdict.AC
