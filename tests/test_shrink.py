"""Neighbours of a failing input: fewer elements first, then values nearer 0, always valid."""

from __future__ import annotations

from judge import shrink
from judge.gen import trees
from judge.smallinputs import Drawer, Tree


def valid(drawer, states):
    """The neighbours that make valid inputs, as inputs."""
    return [made for s in states if (made := drawer.realize(drawer.fit(s))) is not None]


def test_towards_is_a_binary_search_nearest_first():
    assert shrink._towards(1000, 0, -10, 2000) == [0, 1, 3, 7, 15, 31, 62, 125, 250, 500, 999]
    assert shrink._towards(-5, 0, -10, 10) == [0, -1, -2, -4, 5]
    assert shrink._towards(7, 2, 2, 40) == [2, 3, 4, 6]
    assert shrink._towards(0, 0, -5, 5) == []
    assert shrink._towards(-3, -3, -9, -3) == []  # the range's value nearest 0 already


def test_list_neighbours_remove_long_runs_first(catalog):
    drawer = Drawer(catalog.get("kth-largest-element"))
    state = {"nums": [4, 5, 6, 7], "k": 1}
    removed = [s["nums"] for s in shrink.smaller(drawer, state) if s["k"] == 1]
    assert removed[:3] == [[], [7], [4]]  # all, then all but one
    assert [6, 7] in removed and [4, 7] in removed
    assert [5, 6, 7] in removed and [4, 5, 6] in removed
    inputs = valid(drawer, shrink.neighbours(drawer, state))
    assert inputs[0] == {"nums": [4], "k": 1}  # the simplest valid one comes first
    assert all(len(i["nums"]) < 4 or sum(i["nums"]) < 22 for i in inputs)


def test_an_int_bounded_by_a_lists_length_shrinks_with_it(catalog):
    drawer = Drawer(catalog.get("sliding-window-maximum"))
    state = {"nums": [2, 0, 0, 2, 0], "k": 4}
    inputs = valid(drawer, shrink.smaller(drawer, state))
    assert {"nums": [2, 0, 2, 0], "k": 3} in inputs  # one entry fewer, and k one lower
    assert {"nums": [2, 0, 2, 0], "k": 4} in inputs


def test_values_move_towards_the_range_value_nearest_zero(catalog):
    drawer = Drawer(catalog.get("combination-sum"))  # candidates in [2, 40], distinct
    state = {"candidates": [9, 3], "target": 5}
    moved = valid(drawer, shrink.closer(drawer, state))
    assert {"candidates": [2, 3], "target": 5} in moved
    assert {"candidates": [9, 3], "target": 1} in moved
    assert all(min(m["candidates"]) >= 2 for m in moved)
    assert {"candidates": [3, 3], "target": 5} not in moved  # distinct: refused


def test_all_values_move_together_when_one_alone_cannot(catalog):
    drawer = Drawer(catalog.get("maximum-gap"))
    moved = [s["nums"] for s in shrink.closer(drawer, {"nums": [999, 999, 1000]})]
    assert [0, 0, 1] in moved


def test_a_tree_loses_its_biggest_subtrees_first_and_nodes_keep_their_arguments(catalog):
    drawer = Drawer(catalog.get("lowest-common-ancestor"))
    # 10 with children 20 (which has children 40, 50) and 30: p = 40, q = 30
    left, right = [1, 3, -1, -1, -1], [2, 4, -1, -1, -1]
    state = {"root": Tree([10, 20, 30, 40, 50], left, right), "p": 3, "q": 2}
    inputs = valid(drawer, shrink.smaller(drawer, state))
    roots = [i["root"] for i in inputs]
    # Cutting off 20's subtree, or the root's, would take p or q with it: 20 replaced by its
    # left child 40 removes the most nodes; then the leaf 50 cut off.
    assert roots == [[10, 40, 30], [10, 20, 30, 40]]
    assert all(i["p"] == 40 and i["q"] == 30 for i in inputs)


def test_every_step_is_simpler(catalog):
    drawer = Drawer(catalog.get("binary-tree-level-order-traversal"))
    shape = trees.all_shapes(4)[7]
    state = {"root": Tree([3, -2, 0, 7], *shape)}
    before = shrink.cost(drawer, state)
    for neighbour in shrink.neighbours(drawer, state):
        assert shrink.cost(drawer, neighbour) < before


def test_the_copies_of_a_repeated_value_move_together(catalog):
    drawer = Drawer(catalog.get("container-with-most-water"))
    moved = [s["height"] for s in shrink.closer(drawer, {"height": [1, 2, 0, 0, 2, 1]})]
    assert [0, 2, 0, 0, 2, 0] in moved  # both 1s at once: equal walls stay equal
    assert [1, 1, 0, 0, 1, 1] in moved
