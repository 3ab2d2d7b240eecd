"""Spec parsing: every bundled problem is valid, and broken specs name file, key and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from judge.catalog import load_problem
from judge.errors import SpecError

GOOD = """\
slug: add
number: 9001
title: Add
difficulty: Easy
tags: [math]
statement: Add two numbers.
constraints: ["`-10 <= a, b <= 10`"]
signature:
  method: add
  params:
    - {name: a, type: int}
    - {name: b, type: int}
  returns: int
judge:
  checker: exact
limits:
  time_ms: 1000
  memory_mb: 256
cases:
  - name: one
    input: {a: 1, b: 2}
    expected: 3
"""


def spec_error(tmp_path: Path, text: str) -> str:
    path = tmp_path / "add.yaml"
    path.write_text(text)
    with pytest.raises(SpecError) as info:
        load_problem(path)
    return str(info.value)


def test_a_minimal_spec_loads(tmp_path):
    path = tmp_path / "add.yaml"
    path.write_text(GOOD)
    problem = load_problem(path)
    assert problem.method == "add" and problem.cases[0].expected == 3
    assert problem.signature() == "class Solution:\n    def add(self, a: int, b: int) -> int:"


def test_every_bundled_problem_is_valid(catalog):
    problems = catalog.all()
    assert {"container-with-most-water", "merge-sorted-array", "lowest-common-ancestor"} <= {
        p.slug for p in problems
    }
    for p in problems:
        assert p.reference.is_file(), p.slug
        assert any(c.example for c in p.cases), p.slug


# The method line of each bundled problem exactly as LeetCode's Python 3 editor shows it.
LEETCODE_METHODS = {
    "binary-tree-inorder-traversal": "def inorderTraversal(self, root: Optional[TreeNode]) "
    "-> List[int]:",
    "binary-tree-level-order-traversal": "def levelOrder(self, root: Optional[TreeNode]) "
    "-> List[List[int]]:",
    "binary-tree-postorder-traversal": "def postorderTraversal(self, root: Optional[TreeNode]) "
    "-> List[int]:",
    "binary-tree-preorder-traversal": "def preorderTraversal(self, root: Optional[TreeNode]) "
    "-> List[int]:",
    "combination-sum": "def combinationSum(self, candidates: List[int], target: int) "
    "-> List[List[int]]:",
    "combination-sum-ii": "def combinationSum2(self, candidates: List[int], target: int) "
    "-> List[List[int]]:",
    "container-with-most-water": "def maxArea(self, height: List[int]) -> int:",
    "kth-largest-element": "def findKthLargest(self, nums: List[int], k: int) -> int:",
    "lowest-common-ancestor": "def lowestCommonAncestor(self, root: 'TreeNode', p: 'TreeNode', "
    "q: 'TreeNode') -> 'TreeNode':",
    "maximum-gap": "def maximumGap(self, nums: List[int]) -> int:",
    "merge-sorted-array": "def merge(self, nums1: List[int], m: int, nums2: List[int], n: int) "
    "-> None:",
    "sliding-window-maximum": "def maxSlidingWindow(self, nums: List[int], k: int) -> List[int]:",
    "smallest-k": "def smallestK(self, arr: List[int], k: int) -> List[int]:",
}


def test_signatures_are_leetcodes(catalog):
    assert set(LEETCODE_METHODS) == set(catalog.paths)
    for slug, method in LEETCODE_METHODS.items():
        assert catalog.get(slug).signature() == f"class Solution:\n    {method}", slug


def test_unknown_key_names_file_key_and_line(tmp_path):
    message = spec_error(tmp_path, GOOD.replace("  time_ms: 1000", "  time_ms: 1000\n  tme_ms: 5"))
    assert message.startswith(f"{tmp_path / 'add.yaml'}:18: limits.tme_ms: unknown key")


def test_missing_key_is_reported(tmp_path):
    message = spec_error(tmp_path, GOOD.replace("title: Add\n", ""))
    assert ": missing key 'title'" in message


def test_wrong_type_is_reported_with_line(tmp_path):
    message = spec_error(tmp_path, GOOD.replace("time_ms: 1000", "time_ms: fast"))
    assert message.endswith(":17: limits.time_ms: must be an integer, not str")


def test_case_input_must_match_parameters(tmp_path):
    message = spec_error(tmp_path, GOOD.replace("{a: 1, b: 2}", "{a: 1, c: 2}"))
    assert "cases[0].input.c: case 'one': unknown parameter 'c'" in message
    message = spec_error(tmp_path, GOOD.replace("{a: 1, b: 2}", "{a: 1, b: [2]}"))
    assert "cases[0].input.b: case 'one': value [2] is not an int" in message


def test_expected_must_have_the_answer_type(tmp_path):
    message = spec_error(tmp_path, GOOD.replace("expected: 3", "expected: [3]"))
    assert "cases[0].expected" in message


def test_unknown_type_and_checker(tmp_path):
    assert "unknown type 'integer'" in spec_error(
        tmp_path, GOOD.replace("type: int}", "type: integer}", 1)
    )
    assert "unknown checker 'fuzzy'" in spec_error(
        tmp_path, GOOD.replace("checker: exact", "checker: fuzzy")
    )


def test_invalid_yaml_gives_the_line(tmp_path):
    message = spec_error(tmp_path, GOOD.replace("tags: [math]", "tags: [math"))
    assert "not valid YAML" in message and (":6:" in message or ":7:" in message)


def test_slug_must_match_file_name(tmp_path):
    assert "must match the file name" in spec_error(
        tmp_path, GOOD.replace("slug: add", "slug: sum")
    )


GROWTH = """\
growth:
  n: the value of a
  families:
    - {name: plain, words: small values, generator: pair, sizes: [4, 64]}
    - {name: steep, words: large values, generator: pair, sizes: [8, 1024], step: 1.5,
       args: {big: true}}
"""
WITH_GROWTH = (
    GOOD.replace("cases:", GROWTH + "cases:")
    + "generators: |\n  def pair(rng, n, big=False):\n      return {'a': n, 'b': n}\n"
)


def test_growth_families_are_read(tmp_path):
    path = tmp_path / "add.yaml"
    path.write_text(WITH_GROWTH)
    problem = load_problem(path)
    assert problem.growth_n == "the value of a"
    plain, steep = problem.growth
    assert (plain.name, plain.words, plain.generator, plain.low, plain.high) == (
        "plain",
        "small values",
        "pair",
        4,
        64,
    )
    assert plain.step == 2.0 and plain.args == {}
    assert steep.step == 1.5 and steep.args == {"big": True}


def test_a_spec_without_growth_has_no_families(tmp_path):
    path = tmp_path / "add.yaml"
    path.write_text(GOOD)
    problem = load_problem(path)
    assert problem.growth == [] and problem.growth_n == "n"


def test_every_bundled_problem_has_growth_families(catalog):
    for problem in catalog.all():
        assert len(problem.growth) >= 2, problem.slug


@pytest.mark.parametrize(
    ("change", "wanted"),
    [
        (("step: 1.5,", "step: 1.5, stride: 2,"), ":23: growth.families[1].stride: unknown key"),
        (("  n: the value", "  m: 3\n  n: the value"), ":20: growth.m: unknown key"),
        (("sizes: [4, 64]", "sizes: [4, 8]"), ":22: growth.families[0].sizes: must be [smallest"),
        (("sizes: [4, 64]", "sizes: [0, 64]"), "growth.families[0].sizes: must be [smallest"),
        (("sizes: [4, 64]", "sizes: [4, 16, 64]"), "growth.families[0].sizes: must be"),
        (("step: 1.5", "step: 8"), "growth.families[1].step: must be between 1.1 and 4"),
        (("name: steep", "name: plain"), "growth.families[1].name: duplicate family name"),
        (("name: steep", "name: 'steep one'"), "growth.families[1].name: must be letters"),
        (("words: small values, ", ""), "growth.families[0]: missing key 'words'"),
        (("sizes: [4, 64]", "sizes: [4, many]"), "growth.families[0].sizes[1]: must be an int"),
    ],
)
def test_bad_growth_sections_name_the_key(tmp_path, change, wanted):
    assert wanted in spec_error(tmp_path, WITH_GROWTH.replace(*change))


def test_growth_needs_generators(tmp_path):
    text = GOOD.replace("cases:", GROWTH + "cases:")
    assert "`growth` need `generators` source" in spec_error(tmp_path, text)


SMALL = """\
small_inputs:
  draw:
    a: {int: [-10, 10]}
    b: {int: [a, 10]}
"""


def test_small_inputs_are_parsed_in_order_with_their_bounds(tmp_path):
    path = tmp_path / "add.yaml"
    path.write_text(GOOD + SMALL)
    small = load_problem(path).small_inputs
    assert small is not None and small.build is None and small.sweep > 0
    assert [(d.name, d.kind, d.bounds) for d in small.draws] == [
        ("a", "int", (-10, 10)),
        ("b", "int", ("a", 10)),
    ]


@pytest.mark.parametrize(
    ("change", "line", "message"),
    [
        (("a: {int: [-10, 10]}", "a: {int: [-10, 10], of: [1, 2]}"), 25, "unknown key"),
        (("a: {int: [-10, 10]}", "a: {list: [0, 3]}"), 25, "missing key 'of'"),
        (("a: {int: [-10, 10]}", "a: {int: [-10, 10], list: [1, 2]}"), 25, "exactly one of"),
        (("a: {int: [-10, 10]}", "a: {int: [10, -10]}"), 25, "10 is above -10"),
        (("b: {int: [a, 10]}", "b: {int: [c, 10]}"), 26, "uses c: not drawn before it"),
        (("b: {int: [a, 10]}", "b: {int: [a +, 10]}"), 26, "is not an expression"),
        (("b: {int: [a, 10]}", "b: {int: [a]}"), 26, "must be [low, high]"),
        (("b: {int: [a, 10]}", "b: {list: [0, 2], of: [0, 9]}"), 26, "describe it with `int`"),
        (("b: {int: [a, 10]}", "c: {int: [a, 10]}"), 24, "missing parameter 'b'"),
        (("  draw:", "  sweep: -1\n  draw:"), 24, "must be 0 (no sweep)"),
    ],
)
def test_a_broken_small_input_description_names_its_line(tmp_path, change, line, message):
    found = spec_error(tmp_path, GOOD + SMALL.replace(*change))
    assert f"add.yaml:{line}: small_inputs" in found and message in found


def test_a_node_is_of_a_tree_drawn_before_it(tmp_path):
    lca = GOOD.replace("- {name: a, type: int}", "- {name: root, type: TreeNode}").replace(
        "- {name: b, type: int}", "- {name: p, type: TreeNode, node_of: root}"
    )
    lca = lca.replace("input: {a: 1, b: 2}", "input: {root: [1, 2], p: 2}")
    draws = "small_inputs:\n  draw:\n    p: {node_of: root}\n    root: {tree: [1, 3], of: [0, 5]}\n"
    assert "'root' is not a tree drawn before it" in spec_error(tmp_path, lca + draws)
    good = "small_inputs:\n  draw:\n    root: {tree: [1, 3], of: [0, 5]}\n    p: {node_of: root}\n"
    path = tmp_path / "add.yaml"
    path.write_text(lca + good)
    assert [d.kind for d in load_problem(path).small_inputs.draws] == ["tree", "node_of"]


def test_build_frees_the_draws_from_the_parameters(tmp_path):
    built = SMALL.replace("b: {int: [a, 10]}", "c: {int: [a, 10]}") + "  build: pair\n"
    message = spec_error(tmp_path, GOOD + built)
    assert "`build` function needs `generators`" in message
    path = tmp_path / "add.yaml"
    path.write_text(
        GOOD + built + "generators: |\n  def pair(a, c):\n      return {'a': a, 'b': c}\n"
    )
    assert load_problem(path).small_inputs.build == "pair"


def test_the_sweeps_case_name_is_taken(tmp_path):
    taken = GOOD.replace("  - name: one", "  - name: small-sweep") + SMALL
    assert "'small-sweep' names the small-input sweep" in spec_error(tmp_path, taken)
