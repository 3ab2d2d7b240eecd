"""The command line: exit codes, JSON shape, problem inference, and no tracebacks for mistakes."""

from __future__ import annotations

import json

import click
import pytest

from conftest import REPO, SUBMISSIONS, run_judge, write
from judge.cli import cli

CONTAINER = SUBMISSIONS / "container-with-most-water"
TWO_POINTERS = CONTAINER / "accepted" / "two_pointers.py"
WRONG = CONTAINER / "wrong_answer" / "stop_on_equal_walls.py"


def test_submit_accepted_exits_0(invoke):
    result = invoke("submit", str(TWO_POINTERS), "--problem", "container-with-most-water")
    assert result.exit_code == 0
    assert "Accepted (AC)" in result.stdout and "container-with-most-water" in result.stdout


def test_submit_wrong_answer_shows_the_failing_case(invoke):
    result = invoke("submit", str(WRONG), "--problem", "container-with-most-water")
    assert result.exit_code == 1
    out = result.stdout
    assert "Wrong Answer (WA)" in out
    assert "Input" in out and "height = [" in out and "Expected" in out and "Output" in out


def test_submit_json_shape(invoke):
    result = invoke("submit", str(WRONG), "--problem", "container-with-most-water", "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert set(data) == {
        "problem",
        "verdict",
        "passed",
        "total",
        "time_ms",
        "cpu_spent_ms",
        "timed_again",
        "memory_mb",
        "time_limit_ms",
        "reference_time_ms",
        "relative",
        "notes",
        "cases",
        "failure",
    }
    assert data["notes"] == []
    assert data["verdict"] == "WA" and data["problem"] == "container-with-most-water"
    assert data["passed"] == len(data["cases"]) - 1 and data["total"] >= len(data["cases"])
    assert set(data["cases"][0]) == {"name", "verdict", "time_ms", "reference_ms"}
    assert data["cpu_spent_ms"] >= data["time_ms"]
    assert data["timed_again"] == sum(1 for c in data["cases"] if "runs_ms" in c)
    assert isinstance(data["time_limit_ms"], int) and data["time_limit_ms"] > 0
    reference = sum(c["reference_ms"] for c in data["cases"])
    assert data["reference_time_ms"] == pytest.approx(reference, abs=0.1 * len(data["cases"]))
    failure = data["failure"]
    assert set(failure) == {
        "case",
        "input",
        "expected",
        "output",
        "message",
        "stdout",
        "difference",
    }
    assert failure["input"].startswith("height = [")
    assert isinstance(failure["expected"], int) and isinstance(failure["output"], int)


def test_submit_all_cases_runs_past_the_first_failure(invoke):
    args = ["submit", str(WRONG), "--problem", "container-with-most-water", "--json"]
    first = json.loads(invoke(*args).stdout)
    every = json.loads(invoke(*args, "--all-cases").stdout)
    assert len(every["cases"]) == every["total"] > len(first["cases"])
    assert every["failure"]["case"] == first["failure"]["case"]


def test_accepted_json_has_null_failure(invoke):
    result = invoke("submit", str(TWO_POINTERS), "--problem", "container-with-most-water", "--json")
    data = json.loads(result.stdout)
    assert data["verdict"] == "AC" and data["failure"] is None and data["passed"] == data["total"]


def test_problem_inferred_from_file_name(invoke, tmp_path):
    path = write(tmp_path / "container-with-most-water.py", TWO_POINTERS.read_text())
    assert invoke("submit", str(path)).exit_code == 0


def test_problem_inferred_from_method(invoke, tmp_path):
    path = write(tmp_path / "mine.py", TWO_POINTERS.read_text())
    result = invoke("submit", str(path), "--json")
    assert json.loads(result.stdout)["problem"] == "container-with-most-water"


def test_no_matching_method_is_a_usage_error(invoke, tmp_path):
    path = write(
        tmp_path / "mine.py", "class Solution:\n    def twoSum(self, nums, target):\n        pass\n"
    )
    result = invoke("submit", str(path))
    assert result.exit_code == 2
    assert "--problem" in result.stderr and "twoSum" in result.stderr


def test_ambiguous_file_lists_candidates(invoke, tmp_path):
    source = (
        "class Solution:\n"
        "    def maxArea(self, height): return 0\n"
        "    def merge(self, nums1, m, nums2, n): pass\n"
    )
    result = invoke("submit", str(write(tmp_path / "both.py", source)))
    assert result.exit_code == 2
    assert "container-with-most-water" in result.stderr and "merge-sorted-array" in result.stderr


def test_missing_file_exits_2_without_traceback(invoke, tmp_path):
    result = invoke("submit", str(tmp_path / "nope.py"), "--problem", "merge-sorted-array")
    assert result.exit_code == 2
    assert "file not found" in result.stderr and "Traceback" not in result.stderr


def test_unknown_problem_suggests(invoke):
    result = invoke("show", "container-with-most-watr")
    assert result.exit_code == 2
    assert "did you mean container-with-most-water" in result.stderr


def test_invalid_spec_exits_2_naming_the_file(invoke, tmp_path):
    write(tmp_path / "broken.yaml", "slug: broken\nnumber: 1\n")
    result = invoke("list", "--problems", str(tmp_path))
    assert result.exit_code == 2
    assert "broken.yaml" in result.stderr and "missing key" in result.stderr


def test_list_json(invoke):
    result = invoke("list", "--json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert {"number", "slug", "title", "difficulty", "tags", "status"} == set(rows[0])
    assert [r["number"] for r in rows if isinstance(r["number"], int)] == sorted(
        r["number"] for r in rows if isinstance(r["number"], int)
    )


def test_list_sees_a_spec_edited_since_the_last_listing(invoke, tmp_path):
    spec = tmp_path / "merge-sorted-array.yaml"
    spec.write_text((REPO / "problems" / "merge-sorted-array.yaml").read_text())
    args = ["list", "--problems", str(tmp_path), "--json"]
    titles = {r["slug"]: r["title"] for r in json.loads(invoke(*args).stdout)}
    assert titles["merge-sorted-array"] == "Merge Sorted Array"
    spec.write_text(spec.read_text().replace("title: Merge Sorted Array", "title: Merge Them"))
    titles = {r["slug"]: r["title"] for r in json.loads(invoke(*args).stdout)}
    assert titles["merge-sorted-array"] == "Merge Them"
    spec.write_text(spec.read_text().replace("difficulty: Easy", "difficulty: Trivial"))
    result = invoke(*args)
    assert result.exit_code == 2 and "difficulty" in result.stderr


def test_show_prints_statement_examples_and_signature(invoke):
    result = invoke("show", "merge-sorted-array")
    assert result.exit_code == 0
    out = result.stdout
    assert "Merge Sorted Array" in out and "Example 1" in out and "Constraints" in out
    assert "def merge(self, nums1: List[int], m: int, nums2: List[int], n: int) -> None:" in out


def test_solution_shows_explanation_and_code(invoke):
    result = invoke("solution", "lowest-common-ancestor")
    assert result.exit_code == 0
    assert "Complexity" in result.stdout and "class Solution" in result.stdout


def test_all_on_a_folder(invoke, tmp_path):
    write(tmp_path / "container-with-most-water.py", TWO_POINTERS.read_text())
    write(
        tmp_path / "merge-sorted-array.py",
        "class Solution:\n    def merge(self, a, m, b, n):\n        pass\n",
    )
    write(tmp_path / "notes.py", "print('not a solution')\n")
    result = invoke("all", str(tmp_path), "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["summary"] == {"accepted": 1, "total": 2}
    assert [r["verdict"] for r in data["results"]] == ["AC", "WA"]
    assert "skipped notes.py" in result.stderr


def test_all_on_a_folder_without_solutions_exits_2(invoke, tmp_path):
    assert invoke("all", str(tmp_path)).exit_code == 2


def test_every_command_has_help_with_an_example():
    for name, command in cli.commands.items():
        assert command.help and "Example:" in command.help, name
    ctx = click.Context(cli)
    assert "judge all" in cli.get_help(ctx)


@pytest.mark.parametrize("env", [{"NO_COLOR": "1"}, {}])
def test_real_subprocess_prints_no_colour_off_a_terminal(env, tmp_path):
    proc = run_judge(
        "submit", str(WRONG), "--problem", "container-with-most-water", cwd=tmp_path, env=env
    )
    assert proc.returncode == 1
    assert "\x1b[" not in proc.stdout and "Wrong Answer" in proc.stdout


def test_readme_starts_with_the_two_commands():
    head = (REPO / "README.md").read_text().split("\n## ")[0]
    assert "judge all" in head and "pytest" in head


@pytest.mark.parametrize(
    "args, named",
    [
        (["submit", str(TWO_POINTERS), "--time-scale", "nan"], "--time-scale"),
        (["submit", str(TWO_POINTERS), "--time-scale", "inf"], "--time-scale"),
        (["submit", str(TWO_POINTERS), "--time-scale", ""], "--time-scale"),
        (["submit", str(TWO_POINTERS), "--time-scale", "0"], "--time-scale"),
        (["calibrate", "--set", "nan"], "--set"),
        (["calibrate", "--set", "100"], "--set"),
        (["submit", ""], "FILE"),
        (["submit", str(TWO_POINTERS), "--problem", ""], "--problem"),
        (["all", ""], "FOLDER"),
        (["list", "--problems", ""], "--problems"),
        (["show", ""], "SLUG"),
        (["verify", "merge-sorted-array", "--trials", "-1"], "--trials"),
        (["all", "-j", "0"], "--jobs"),
        (["verify", "merge-sorted-array", "--mutants", "-j", "0"], "--jobs"),
        (["stress", str(TWO_POINTERS), "--seed", "-1"], "--seed"),
        (["stress", str(TWO_POINTERS), "--max-examples", "0"], "--max-examples"),
    ],
)
def test_bad_values_exit_2_naming_the_option(invoke, args, named):
    result = invoke(*args)
    assert result.exit_code == 2
    error = result.stderr.strip().splitlines()[-1]
    assert error.startswith("Error: ") and named in error and "Traceback" not in result.stderr


def test_the_collector_waits_while_a_command_starts_then_runs_as_usual():
    import gc

    from judge.__main__ import _collect_later

    timer = _collect_later(0.05)
    try:
        assert not gc.isenabled()  # start-up's objects all live until the end
        timer.join(10)
        assert gc.isenabled()  # a longer command collects as usual
    finally:
        gc.enable()
