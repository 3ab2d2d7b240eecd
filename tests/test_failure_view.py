"""The failure view leads with the difference: at any size, through the real command."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from conftest import SUBMISSIONS, echo_spec, write
from judge.cli import cli

PACKED = SUBMISSIONS / "sliding-window-maximum" / "wrong_answer" / "packed_heap_short_index.py"


def _submit(path, slug: str, *options: str, width: int = 80):
    args = ["submit", str(path), "--problem", slug, "--no-history", *options]
    return CliRunner().invoke(cli, args, env={"COLUMNS": str(width)}, catch_exceptions=False)


def test_a_difference_deep_in_a_large_case_is_on_the_screen():
    shown = _submit(PACKED, "sliding-window-maximum")
    data = json.loads(_submit(PACKED, "sliding-window-maximum", "--json").stdout)
    failure = data["failure"]
    output, expected = failure["output"], failure["expected"]
    first = next(i for i, (o, e) in enumerate(zip(output, expected)) if o != e)
    assert first > 1000  # deep inside: the case's first 700 characters are all equal
    assert failure["difference"]["index"] == first
    assert len(output) == len(expected) == failure["difference"]["expected_length"]
    text = shown.stdout
    assert f"Differs  at index {first} of {len(expected)}" in text
    marked = re.search(rf"▸ +{first} +(-?\d+) +(-?\d+)", text)
    assert marked and [int(v) for v in marked.groups()] == [output[first], expected[first]]
    for before in range(first - 3, first):
        assert re.search(rf"\n +{before} +{output[before]} +{expected[before]}\n", text)
    k = int(failure["input"].rsplit("k = ", 1)[1])
    assert "Input    nums: 100000 elements, k = 50000" in text
    assert f"Window   nums[{first}:{first + k}], the window of index {first}:" in text
    assert "more characters" not in text and len(text) < 2000


def test_a_small_case_shows_both_answers_whole_and_where_they_differ():
    wrong = SUBMISSIONS / "merge-sorted-array" / "wrong_answer" / "sort_by_abs.py"
    text = _submit(wrong, "merge-sorted-array").stdout
    assert "Output    [0,-3,7]\nExpected  [-3,0,7]\n" in text
    assert "Differs   at index 0 of 3: 0 where -3 is expected" in text


def test_a_node_answer_shows_where_both_nodes_are_and_draws_a_small_tree():
    wrong = SUBMISSIONS / "lowest-common-ancestor" / "wrong_answer" / "first_value_between.py"
    text = _submit(wrong, "lowest-common-ancestor").stdout
    assert "Output    8 at root.right.right\nExpected  3 at root\n" in text
    assert "p = 7 at root.left.right.left" in text
    assert re.search(r"Tree +3  ← expected\n", text)
    assert re.search(r"│     ├─L 7  ← p\n", text) and "└─R 8  ← q, output" in text


def test_an_any_order_answer_shows_what_is_missing_and_repeated():
    wrong = SUBMISSIONS / "combination-sum" / "wrong_answer" / "permutations_not_deduplicated.py"
    text = _submit(wrong, "combination-sum").stdout
    assert "Extra     [[2,2,3],[2,2,3]]\nRepeated  [[2,2,3]]\n" in text
    assert "Lengths   4 in the output, expected 2" in text
    data = json.loads(_submit(wrong, "combination-sum", "--json").stdout)
    assert data["failure"]["difference"]["repeated"] == [[2, 2, 3]]
    assert data["failure"]["difference"]["index"] is None


def test_a_level_order_answer_names_the_level_and_the_node_behind_it():
    wrong = SUBMISSIONS / "binary-tree-level-order-traversal" / "wrong_answer"
    text = _submit(wrong / "depth_by_value.py", "binary-tree-level-order-traversal").stdout
    assert "Differs   at index 1, inside it at index 1 of 3: [2] where [2,3] is expected" in text
    assert "Node      root.right (3), level 1, its node 1" in text


def test_run_shows_the_same_view():
    result = CliRunner().invoke(
        cli,
        [
            "run",
            str(PACKED),
            "--problem",
            "sliding-window-maximum",
            "--case",
            "nums = [1,3,-1], k = 2",
        ],
        env={"COLUMNS": "80"},
    )
    assert result.exit_code == 0  # small values: the packed index is right
    wrong = SUBMISSIONS / "sliding-window-maximum" / "wrong_answer" / "running_max.py"
    result = CliRunner().invoke(
        cli, ["run", str(wrong), "--case", "nums = [5,1,2,3], k = 2"], env={"COLUMNS": "80"}
    )
    assert "Differs   at index 1 of 3: 5 where 2 is expected" in result.stdout
    assert "Window    nums[1:3] = [1,2], the window of index 1\n" in result.stdout


@pytest.mark.parametrize(
    "focus, named",
    [
        ("{window: k, size: 2}", "'k' is not a list parameter"),
        ("{window: nums, size: nums}", "'nums' is not an int parameter"),
        ("{tree: nums}", "'nums' is not a TreeNode parameter"),
        ("{window: nums, size: 0}", "must be at least 1"),
        ("{}", "give one of window"),
    ],
)
def test_a_bad_focus_is_a_spec_error_naming_it(tmp_path, focus, named):
    spec = echo_spec("windowed").replace(
        "params: [{name: x, type: int}]",
        "params: [{name: nums, type: 'List[int]'}, {name: k, type: int}]",
    )
    spec = spec.replace("judge: {checker: exact}", f"judge: {{checker: exact, focus: {focus}}}")
    spec = spec.replace("input: {x: 1}, expected: 1", "input: {nums: [1], k: 1}, expected: 1")
    write(tmp_path / "windowed.yaml", spec)
    result = CliRunner().invoke(cli, ["show", "windowed", "--problems", str(tmp_path)])
    assert result.exit_code == 2
    assert "judge.focus" in result.stderr and named in result.stderr
