"""Where an answer first differs, what is around it, and the input part behind it."""

from __future__ import annotations

import pytest

from judge import codecs
from judge.difference import (
    ABSENT,
    Row,
    context,
    focus_of,
    locate,
    node_at,
    path_text,
    shape,
    sides,
)
from judge.spec import Focus

LCA_TREE = [3, 5, 1, 6, 2, 0, 8, None, None, 7, 4]


def test_a_list_differs_at_its_first_differing_index_with_neighbours_aligned():
    expected = list(range(100))
    output = [*range(40), -1, *range(41, 100)]
    diff = locate("exact", expected, output)
    assert diff is not None and diff.index == 40 and diff.inner is None
    assert [r.index for r in diff.rows] == [37, 38, 39, 40, 41, 42, 43]
    assert diff.rows[3] == Row(40, -1, 40) and diff.rows[3].differs
    assert not diff.rows[2].differs and not diff.lengths_differ


def test_a_shorter_output_differs_where_it_ends():
    diff = locate("exact", [1, 2, 3, 4], [1, 2])
    assert diff is not None and diff.index == 2
    assert diff.rows[-2:] == (Row(2, ABSENT, 3), Row(3, ABSENT, 4))
    assert (diff.output_length, diff.expected_length) == (2, 4) and diff.lengths_differ


def test_true_is_not_1_and_equal_answers_have_no_difference():
    assert locate("exact", [1, 2], [1, 2]) is None
    diff = locate("exact", [1, 2], [True, 2])
    assert diff is not None and diff.index == 0


def test_a_nested_list_names_the_inner_list_and_its_position():
    diff = locate("exact", [[3], [9, 20], [15, 7]], [[3], [9, 21], [15, 7]])
    assert diff is not None and (diff.index, diff.inner) == (1, 1)


def test_any_order_says_what_is_missing_and_extra_as_multisets():
    diff = locate("any_order", [1, 2, 2, 3], [3, 2, 1, 4])
    assert diff is not None and diff.index is None
    assert diff.missing == [2] and diff.extra == [4]
    assert locate("any_order", [1, 2, 2], [2, 1, 2]) is None


def test_a_set_of_lists_compares_inner_lists_in_any_order():
    expected = [[2, 2, 3], [7]]
    assert locate("nested_any_order", expected, [[7], [3, 2, 2]]) is None
    diff = locate("nested_any_order", expected, [[2, 3, 2], [3, 2, 2], [7], [1, 6]])
    assert diff is not None
    assert diff.missing == [] and diff.extra == [[1, 6], [2, 2, 3]]
    assert diff.repeated == [[2, 2, 3]]


def test_a_tree_answer_names_the_path_to_its_first_differing_node():
    diff = locate("exact", [1, 2, 3, None, 4], [1, 2, 3, None, 5], tree=True)
    assert diff is not None and path_text(diff.path or []) == "root.left.right"
    missing = locate("exact", [1, 2, 3], [1, 2], tree=True)
    assert missing is not None and missing.path == ["right"]


def test_a_node_answer_says_where_both_nodes_are():
    diff = locate("node_value", 3, 7, nodes=LCA_TREE)
    assert diff is not None
    assert path_text(diff.path or []) == "root.left.right.left"
    assert diff.expected_path == []
    assert locate("node_value", 3, 3, nodes=LCA_TREE) is None


def test_numbers_have_nothing_more_to_say():
    assert locate("exact", 49, 48) is None


def test_a_long_path_counts_its_runs():
    assert path_text([]) == "root"
    assert path_text(["left"] * 3 + ["right"]) == "root.left.left.left.right"
    assert path_text(["left"] * 99999 + ["right"]) == "root.left×99999.right"


def _traversal(values: list, order: str) -> list:
    """The values in `order`, from real nodes, recursively (small trees only)."""
    out: list = []

    def walk(node):
        if node is None:
            return
        if order == "preorder":
            out.append(node.val)
        walk(node.left)
        if order == "inorder":
            out.append(node.val)
        walk(node.right)
        if order == "postorder":
            out.append(node.val)

    walk(codecs.build_tree(values))
    return out


@pytest.mark.parametrize("order", ["preorder", "inorder", "postorder"])
def test_the_ith_node_visited_is_found_in_every_order(order):
    values = [1, 2, 3, None, 4, 5, None, 6, None, None, 7]  # distinct values
    visited = _traversal(values, order)
    found = [node_at(values, order, i) for i in range(len(visited))]
    assert [values[i] for i in found] == visited  # type: ignore[index]
    assert node_at(values, order, len(visited)) is None


def test_a_level_and_its_node_are_found():
    values = [1, 2, 3, 4, None, None, 5]
    assert values[node_at(values, "level", 2, 1) or 0] == 5
    assert node_at(values, "level", 3) is None


def test_paths_and_shapes_from_level_order():
    assert sides(LCA_TREE, LCA_TREE.index(4)) == ["left", "right", "right"]
    assert shape(LCA_TREE) == (9, 4)
    path = [1, None, 2, None, 3, None, 4]
    assert shape(path) == (4, 4) and shape([]) == (0, 0)


def test_the_window_behind_an_answer_element():
    values = {"nums": list(range(100)), "k": 10}
    diff = locate("exact", list(range(91)), [*range(50), 0, *range(51, 91)])
    part = focus_of(Focus(window="nums", size="k"), values, diff)
    assert part is not None and (part.name, part.start, part.stop) == ("nums", 50, 60)
    assert focus_of(None, values, diff) is None


def test_the_node_behind_a_traversal_element():
    values = {"root": [1, 2, 3, None, 4]}
    diff = locate("exact", [1, 2, 4, 3], [1, 2, 3, 4])
    part = focus_of(Focus(tree="root", order="preorder"), values, diff)
    assert part is not None and part.path == ["left", "right"] and part.value == 4
    assert part.words == "the 3rd node in preorder"


def test_sizes_say_how_big_each_argument_is():
    kinds = {"nums": "list", "k": "int"}
    shown = context(kinds, {"nums": [0] * 100000, "k": 2}, None, None, {})
    assert shown.sizes() == "nums: 100000 elements, k = 2"
    tree = context({"root": "tree"}, {"root": [1, None, 2, None, 3]}, None, None, {})
    assert tree.sizes() == "root: 3 nodes, 3 levels (a path)"


def test_node_arguments_are_placed_in_their_tree():
    kinds = {"root": "tree", "p": "tree", "q": "tree"}
    values = {"root": LCA_TREE, "p": 7, "q": 8}
    found = context(kinds, values, None, None, {"p": "root", "q": "root"})
    assert [(n.name, path_text(n.path or [])) for n in found.nodes] == [
        ("p", "root.left.right.left"),
        ("q", "root.right.right"),
    ]
