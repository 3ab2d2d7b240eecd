"""LeetCode values: level-order trees, node references, answers turned into plain data."""

from __future__ import annotations

from collections import deque

import pytest

from judge import codecs
from judge.codecs import INT, TREE, Type

LIST_INT = Type("list", INT)
LIST_LIST_INT = Type("list", LIST_INT)


def test_tree_round_trip_keeps_leetcode_level_order():
    values = [3, 5, 1, 6, 2, 0, 8, None, None, 7, 4]
    root = codecs.build_tree(values)
    assert root.val == 3 and root.left.val == 5 and root.right.right.val == 8
    assert root.left.right.left.val == 7
    assert codecs.tree_to_list(root) == values


def test_children_are_listed_only_for_existing_nodes():
    root = codecs.build_tree([1, None, 2, 3])
    assert root.left is None and root.right.val == 2 and root.right.left.val == 3
    assert codecs.tree_to_list(root) == [1, None, 2, 3]


@pytest.mark.parametrize("values", [[], [None]])
def test_empty_tree(values):
    assert codecs.build_tree(values) is None
    assert codecs.plain(None, TREE) == []


def test_deep_path_tree_needs_no_recursion():
    n = 100_000
    values = [0]
    for i in range(1, n):
        values += [None, i]
    root = codecs.build_tree(values)
    assert codecs.tree_to_list(root) == values
    node = root
    for _ in range(n - 1):
        node = node.right
    assert node.val == n - 1 and node.left is None and node.right is None


def test_tree_node_accepts_both_leetcode_constructors():
    leaf = codecs.TreeNode(4)
    node = codecs.TreeNode(val=1, left=leaf, right=None)
    assert (node.val, node.left.val, node.right) == (1, 4, None)
    assert codecs.TreeNode().val == 0


@pytest.mark.parametrize(
    "text, parsed",
    [
        ("int", Type("int")),
        ("List[int]", Type("list", Type("int"))),
        ("List[List[int]]", Type("list", Type("list", Type("int")))),
        ("Optional[TreeNode]", Type("tree")),
        ("TreeNode", Type("tree")),
        ("None", Type("none")),
    ],
)
def test_parse_type(text, parsed):
    assert codecs.parse_type(text) == parsed


def test_unknown_type_is_a_spec_error():
    with pytest.raises(codecs.TypeSpecError, match="unknown type"):
        codecs.parse_type("Lst[int]")


def test_subclasses_are_judged_as_plain_data():
    class Liar(int):
        def __eq__(self, other):
            return True

        __hash__ = int.__hash__

    class LyingList(list):
        def __eq__(self, other):
            return True

    out = codecs.plain(LyingList([Liar(1), Liar(2)]), LIST_INT)
    assert out == [1, 2] and type(out) is list and all(type(v) is int for v in out)


def test_lists_of_lists_are_plain_lists_of_ints_whatever_they_held():
    nested = codecs.parse_type("List[List[int]]")
    assert codecs.plain([[3, 9], (20,), deque([15, 7]), []], nested) == [[3, 9], [20], [15, 7], []]

    class Liar(int):
        def __eq__(self, other):
            return True

        __hash__ = int.__hash__

    class LyingList(list):
        def __eq__(self, other):
            return True

    out = codecs.plain([LyingList([Liar(1)]), [2]], nested)
    assert out == [[1], [2]] and type(out[0]) is list and type(out[0][0]) is int
    with pytest.raises(codecs.AnswerTypeError, match="expected int"):
        codecs.plain([[1, True]], nested)
    with pytest.raises(codecs.AnswerTypeError, match="expected List"):
        codecs.plain([[1], 2], nested)


def test_tuples_count_as_lists_but_other_types_are_wrong():
    assert codecs.plain((1, 2), LIST_INT) == [1, 2]
    with pytest.raises(codecs.AnswerTypeError, match="expected List"):
        codecs.plain({1, 2}, LIST_INT)
    with pytest.raises(codecs.AnswerTypeError, match="expected int"):
        codecs.plain("7", INT)
    with pytest.raises(codecs.AnswerTypeError):
        codecs.plain(True, INT)


def test_returned_node_is_its_value():
    assert codecs.node_val(codecs.TreeNode(7)) == 7
    assert codecs.node_val(None) is None
    with pytest.raises(codecs.AnswerTypeError):
        codecs.node_val(7)


def test_conforms_checks_decoded_data():
    assert codecs.conforms([[1], []], LIST_LIST_INT)
    assert not codecs.conforms([1, True], LIST_INT)
    assert codecs.conforms([1, None, 2], TREE)


def test_show_is_leetcode_text():
    assert codecs.show([1, None, True, "a"]) == '[1,null,true,"a"]'


@pytest.mark.parametrize(
    "value",
    [
        list(range(-500, 500)),
        [2**63 - 1, -(2**63)] * 40,
        [2**64] * 100,  # beyond 64 bits: stays JSON
        [True] * 100,  # booleans are not packed as integers
        [1, 2, 3],
        [[1, 2]] * 100,
        "text",
        None,
    ],
)
def test_answers_survive_their_canonical_bytes(value):
    raw = codecs.dump(value)
    assert codecs.load(raw) == value
    assert type(codecs.load(raw)) is type(value)
    assert codecs.dump(codecs.load(raw)) == raw  # equal answers are equal bytes


def test_long_integer_lists_are_packed_and_short_ones_are_json():
    assert codecs.dump(list(range(1000)))[:1] == b"\x00"
    assert codecs.dump([1, 2, 3]) == b"[1,2,3]"


def test_truncated_packed_answer_is_refused():
    raw = codecs.dump(list(range(1000)))
    with pytest.raises(ValueError):
        codecs.load(raw[:-3])


NODE_PARAMS = [(TREE, None), (INT, "root"), (INT, "root")]
NAMES = ["root", "p", "q"]


@pytest.mark.parametrize(
    "positions",
    [[], [1, 2], ["x", 99], [2, 0]],  # none, as the judge writes them, garbage, wrong values
)
def test_node_arguments_are_the_first_nodes_holding_their_values(positions):
    root, p, q = codecs.build_args([[5, 3, 8, 3], 3, 8, *positions], NODE_PARAMS, NAMES)
    assert p is root.left and q is root.right  # the first 3 in level order, not the leaf


def test_a_node_argument_missing_from_its_tree_is_an_error():
    with pytest.raises(ValueError, match="no node with value 7"):
        codecs.build_args([[5, 3], 7, 5], NODE_PARAMS, NAMES)


@pytest.mark.parametrize(
    ("values", "wrong"),
    [
        ([], None),
        ([1, None], None),
        ([1, None, 2, 3], None),
        ([1, 2, None, None, None], None),
        ([None], "the root (entry 0) is null"),
        ([None, 1], "the root (entry 0) is null"),
        ([1, None, None, 5], "entry 3 (5) has no parent"),
        ([1, None, 2, None, None, None], "entry 5 (null) has no parent"),
    ],
)
def test_tree_error_finds_entries_no_node_owns(values, wrong):
    found = codecs.tree_error(values)
    assert found == wrong if wrong is None else found.startswith(wrong)
