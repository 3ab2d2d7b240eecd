"""Small inputs drawn from `small_inputs`: always valid, leaning to edge values, reproducible."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from judge.cases import generator_function
from judge.catalog import Catalog
from judge.gen import trees
from judge.smallinputs import Drawer, Tree, anchor, edges, size

SLUGS = sorted(Catalog().paths)


@pytest.mark.parametrize("slug", SLUGS)
def test_every_draw_is_a_valid_input_of_the_problem(slug, catalog):
    problem = catalog.get(slug)
    drawer = Drawer(problem)
    validate = generator_function(problem, problem.validator, "verify.validate")
    rng = random.Random(5)
    for _ in range(300):
        state, values = drawer.draw_valid(rng)
        assert validate(**values) is None
        assert list(values) == [p.name for p in problem.params]
        assert drawer.realize(state) == values
        assert 0 <= size(problem, values) <= 18


def test_the_same_seed_draws_the_same_inputs(catalog):
    drawer = Drawer(catalog.get("lowest-common-ancestor"))
    first = [drawer.draw_valid(random.Random(9))[1] for _ in range(3)]
    again = [drawer.draw_valid(random.Random(9))[1] for _ in range(3)]
    assert first == again
    assert drawer.draw_valid(random.Random(10))[1] != first[0]


def test_draws_lean_to_edges_duplicates_and_negatives(catalog):
    drawer = Drawer(catalog.get("sliding-window-maximum"))
    rng = random.Random(1)
    inputs = [drawer.draw_valid(rng)[1] for _ in range(400)]
    share = Counter()
    for values in inputs:
        nums, k = values["nums"], values["k"]
        share["one element"] += len(nums) == 1
        share["eight elements"] += len(nums) == 8
        share["k = 1"] += k == 1
        share["k = n"] += k == len(nums) > 1
        share["a zero"] += 0 in nums
        share["a negative"] += any(v < 0 for v in nums)
        share["a repeat"] += len(set(nums)) < len(nums)
        share["all equal"] += len(nums) > 1 and len(set(nums)) == 1
        share["a range end"] += bool({-10000, 10000} & set(nums))
    for what, count in share.items():
        assert count >= 20, (what, count)  # at least one in twenty


def test_distinct_values_and_nodes_are_distinct(catalog):
    drawer = Drawer(catalog.get("lowest-common-ancestor"))
    rng = random.Random(2)
    for _ in range(200):
        values = drawer.draw_valid(rng)[1]
        nodes = [v for v in values["root"] if v is not None]
        assert len(set(nodes)) == len(nodes) >= 2
        assert values["p"] != values["q"] and {values["p"], values["q"]} <= set(nodes)


def test_a_build_function_puts_the_parts_together(catalog):
    drawer = Drawer(catalog.get("merge-sorted-array"))
    rng = random.Random(3)
    for _ in range(100):
        state, values = drawer.draw_valid(rng)
        head, nums2 = state["head"], state["nums2"]
        assert values == {
            "nums1": head + [0] * len(nums2),
            "m": len(head),
            "nums2": nums2,
            "n": len(nums2),
        }


def test_realize_refuses_what_the_description_or_the_validator_refuses(catalog):
    drawer = Drawer(catalog.get("sliding-window-maximum"))
    assert drawer.realize({"nums": [3, 1], "k": 2}) == {"nums": [3, 1], "k": 2}
    assert drawer.realize({"nums": [3, 1], "k": 3}) is None
    assert "k = 3" in drawer.last_refusal
    assert drawer.realize({"nums": [], "k": 0}) is None
    assert drawer.realize({"nums": [10001], "k": 1}) is None
    lca = Drawer(catalog.get("lowest-common-ancestor"))
    shape = trees.all_shapes(2)[0]
    assert lca.realize({"root": Tree([4, 5], *shape), "p": 0, "q": 0}) is None
    assert lca.last_refusal == "p != q"  # the spec's validator
    assert lca.realize({"root": Tree([4, 5], *shape), "p": 0, "q": 1})["q"] == 5


def test_fit_moves_a_bound_int_back_inside_its_bounds(catalog):
    drawer = Drawer(catalog.get("sliding-window-maximum"))
    assert drawer.fit({"nums": [3, 1], "k": 5}) == {"nums": [3, 1], "k": 2}
    merge = Drawer(catalog.get("merge-sorted-array"))
    assert merge.fit({"head": [3, 1], "nums2": [2]})["head"] == [1, 3]


@pytest.mark.parametrize(
    "slug", ["binary-tree-inorder-traversal", "binary-tree-level-order-traversal"]
)
def test_the_sweep_holds_every_small_tree_shape(slug, catalog):
    problem = catalog.get(slug)
    sweep = Drawer(problem).sweep()
    assert len(sweep) == problem.small_inputs.sweep
    shown = {tuple(v is None for v in values["root"]) for values in sweep}
    for n in range(8):
        for shape in trees.all_shapes(n):
            assert tuple(v is None for v in trees.level_order([0] * n, *shape)) in shown
    assert len({str(values) for values in sweep}) == len(sweep)  # no input twice
    assert Drawer(problem).sweep() == sweep  # the same on every run


def test_edges_and_anchor_stay_in_the_range():
    assert anchor(-5, 5) == 0 and anchor(2, 40) == 2 and anchor(-9, -3) == -3
    assert edges(-10, 10) == [-10, -9, -1, 0, 1, 9, 10]
    assert edges(2, 40) == [2, 3, 39, 40]
    assert edges(0, 0) == [0]
