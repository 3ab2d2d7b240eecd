"""Random binary trees in LeetCode level order, and a check that a level order is valid.

A shape is two lists, `left` and `right`: `left[i]` is the number of node i's left child, -1 if
it has none. Node 0 is the root and every child has a higher number than its parent. Values are
put on a shape by number: `vals[i]` is node i's value. The `*_shape` functions draw shapes; the
functions named after a shape take the values and return the tree's level order.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from functools import cache

# LeetCode's node class, for a generator that builds its tree node by node: it may return the
# root for a `TreeNode` parameter, and the judge writes the tree in level order.
from judge.codecs import TreeNode as TreeNode
from judge.codecs import first_orphan

Shape = tuple[list[int], list[int]]

TURNS = ("left", "right", "alternate", "random")


def level_order(vals: Sequence[int], left: Sequence[int], right: Sequence[int]) -> list:
    """The tree as LeetCode writes it; iterative, so a path of 10^5 nodes is fine."""
    # A `None` for each missing child of an existing node, trailing `None`s dropped.
    if not vals:
        return []
    out: list = [vals[0]]
    queue = [0]
    for node in queue:
        for child in (left[node], right[node]):
            if child < 0:
                out.append(None)
            else:
                out.append(vals[child])
                queue.append(child)
    while out[-1] is None:
        out.pop()
    return out


def relabel(tree: Sequence, vals: Sequence[int]) -> list:
    """The same shape carrying `vals` in level order: any level order gets the values wanted."""
    it = iter(vals)
    return [None if v is None else next(it) for v in tree]


def depths(left: Sequence[int], right: Sequence[int]) -> list[int]:
    """Each node's depth (the root's is 0), to find the deepest nodes of a drawn shape."""
    depth = [0] * len(left)
    queue = [0] if depth else []
    for node in queue:
        for child in (left[node], right[node]):
            if child >= 0:
                depth[child] = depth[node] + 1
                queue.append(child)
    return depth


def _goes_left(rng: random.Random, turn: str, step: int) -> bool:
    """Whether step `step` of a path goes left; only "random" draws, so the others cost none."""
    if turn == "left":
        return True
    if turn == "right":
        return False
    if turn == "alternate":
        return step % 2 == 0
    if turn == "random":
        return rng.random() < 0.5
    raise ValueError(f"turn must be one of {', '.join(TURNS)}, not {turn!r}")


def path_shape(rng: random.Random, n: int, turn: str = "alternate") -> Shape:
    """Node i + 1 is the only child of node i: n levels, the deepest recursion n nodes allow."""
    # turn: the side of each child: "left", "right", "alternate" (left first) or "random".
    left = [-1] * n
    right = [-1] * n
    for i in range(n - 1):
        if _goes_left(rng, turn, i):
            left[i] = i + 1
        else:
            right[i] = i + 1
    return left, right


def caterpillar_shape(
    rng: random.Random, n: int, turn: str = "random", leaf_first: bool = False
) -> Shape:
    """A spine whose every node also has a leaf: deep, yet half the nodes are leaves."""
    # turn: the side the spine goes on, as in `path_shape`; the leaf takes the other side.
    # The two children of a spine node get consecutive numbers: the next spine node first, or
    # with leaf_first the leaf first (an even n then ends with a leaf, not a leafless node).
    left = [-1] * n
    right = [-1] * n
    spine = 0
    i = 1
    step = 0
    while i < n:
        spine_side, leaf_side = (left, right) if _goes_left(rng, turn, step) else (right, left)
        leaf, after = (i, i + 1) if leaf_first else (i + 1, i)
        if after < n:
            spine_side[spine] = after
        if leaf < n:
            leaf_side[spine] = leaf
        spine = after
        i += 2
        step += 1
    return left, right


def random_shape(rng: random.Random, n: int, fast: bool = False) -> Shape:
    """Each new node takes a uniformly chosen free slot: a random search tree, O(log n) deep."""
    # fast: choose with int(rng.random() * k), not rng.randrange(k): quicker for 10^5 nodes,
    # and other trees for the same seed.
    left = [-1] * n
    right = [-1] * n
    slots = [0, 1]  # slot s is child side s & 1 of node s >> 1
    rand = rng.random
    for i in range(1, n):
        k = int(rand() * len(slots)) if fast else rng.randrange(len(slots))
        s = slots[k]
        slots[k] = slots[-1]
        slots.pop()
        if s & 1:
            right[s >> 1] = i
        else:
            left[s >> 1] = i
        slots.append(2 * i)
        slots.append(2 * i + 1)
    return left, right


def broom_shape(rng: random.Random, n: int, top: int, turn: str = "random") -> Shape:
    """A complete tree of `top` nodes with a path below: wide levels, then very many narrow."""
    # The path hangs from node top - 1 and turns as in `path_shape`.
    left = [-1] * n
    right = [-1] * n
    for i in range(1, top):
        if i % 2:
            left[(i - 1) // 2] = i
        else:
            right[(i - 1) // 2] = i
    for i in range(top, n):
        if _goes_left(rng, turn, i - top):
            left[i - 1] = i
        else:
            right[i - 1] = i
    return left, right


def v_shape(n: int, split: int | None = None) -> Shape:
    """The root with two long arms, so the two arm ends (split and n - 1) are far apart."""
    # Nodes 1..split go down on the left, split + 1..n - 1 on the right.
    split = n // 2 if split is None else split
    left = [-1] * n
    right = [-1] * n
    left[0] = 1
    for i in range(1, split):
        left[i] = i + 1
    right[0] = split + 1
    for i in range(split + 1, n - 1):
        right[i] = i + 1
    return left, right


def all_shapes(n: int) -> list[Shape]:
    """Every shape of n nodes, so a sweep of small trees misses none (the Catalan number of
    them: 1, 1, 2, 5, 14, 42, 132, 429 for n = 0 to 7)."""
    # Nodes are numbered in preorder, which numbers every child after its parent.
    shapes = []
    for form in _forms(n):
        left = [-1] * n
        right = [-1] * n
        stack = [(form, -1, left)] if n else []
        number = 0
        while stack:
            (sub_left, sub_right), parent, side = stack.pop()
            if parent >= 0:
                side[parent] = number
            if sub_right is not None:
                stack.append((sub_right, number, right))
            if sub_left is not None:
                stack.append((sub_left, number, left))
            number += 1
        shapes.append((left, right))
    return shapes


@cache
def _forms(n: int) -> tuple:
    """Every binary tree of n nodes as nested (left, right) pairs, None for no subtree."""
    if n == 0:
        return (None,)
    return tuple(
        (left, right) for k in range(n) for left in _forms(k) for right in _forms(n - 1 - k)
    )


def path(rng: random.Random, vals: Sequence[int], turn: str = "alternate") -> list:
    """Level order of a path carrying `vals` from the root down (see `path_shape`)."""
    return level_order(vals, *path_shape(rng, len(vals), turn))


def caterpillar(
    rng: random.Random, vals: Sequence[int], turn: str = "random", leaf_first: bool = False
) -> list:
    """Level order of a caterpillar carrying `vals` (see `caterpillar_shape`)."""
    return level_order(vals, *caterpillar_shape(rng, len(vals), turn, leaf_first))


def random_tree(rng: random.Random, vals: Sequence[int], fast: bool = False) -> list:
    """Level order of a random tree carrying `vals` (see `random_shape`)."""
    return level_order(vals, *random_shape(rng, len(vals), fast))


def broom(rng: random.Random, vals: Sequence[int], top: int, turn: str = "random") -> list:
    """Level order of a broom carrying `vals` (see `broom_shape`)."""
    return level_order(vals, *broom_shape(rng, len(vals), top, turn))


def complete(vals: Sequence[int]) -> list:
    """Level order of the complete tree carrying `vals`: the values themselves, no `None`."""
    return list(vals)


def small_tree(rng: random.Random, vals: Sequence[int], path_chance: float = 0.2) -> list:
    """A random tree, sometimes a path: small inputs for a brute force meet both shapes."""
    # path_chance: the probability of a path with random turns.
    n = len(vals)
    if rng.random() < path_chance:
        return level_order(vals, *path_shape(rng, n, "random"))
    return level_order(vals, *random_shape(rng, n))


def _show(x: int) -> str:
    """A bound as LeetCode's constraints write it: 10^5 rather than 100000, but 1000 as is."""
    digits = str(abs(x))
    if len(digits) > 4 and digits == "1" + "0" * (len(digits) - 1):
        return f"{'-' if x < 0 else ''}10^{len(digits) - 1}"
    return str(x)


def check_level_order(
    root: object,
    lo: int,
    hi: int,
    max_nodes: int,
    *,
    min_nodes: int = 0,
    unique: bool = False,
    name: str = "root",
    terse: bool = False,
) -> str | None:
    """None for a valid LeetCode level order within the limits, else what is wrong with it."""
    # Checked in order: a list (non-empty if min_nodes > 0), no null root, no trailing null;
    # then entry by entry, that it is a child of an existing node and its value is an int in
    # [lo, hi] (one not seen before, with `unique`); last, the number of nodes. With `terse`
    # each message restates the broken constraint instead of naming the offending value, and
    # every value is checked before the shape.
    allowed = f"{_show(lo)} <= Node.val <= {_show(hi)}"
    if min_nodes and (not isinstance(root, list) or not root):
        return f"the tree must have between {_show(min_nodes)} and {_show(max_nodes)} nodes"
    if not isinstance(root, list):
        return f"{name} must be a list" if terse else f"{name} must be a list in level order"
    if not root:
        return None
    if root[0] is None:
        if terse:
            return "the root of a non-empty tree cannot be null"
        return "a non-empty tree must start with its root value"
    if root[-1] is None:
        return "trailing nulls must be dropped"
    shape_problem = None
    seen = set()
    count = 0
    orphan = first_orphan(root)  # the first entry that is no node's child
    for i, v in enumerate(root):
        if i == orphan:
            if not terse:
                return "level order lists children of nodes that do not exist"
            shape_problem = "entries listed after the last existing node"
        if v is None:
            continue
        if type(v) is not int:
            return allowed if terse else "node values must be integers"
        if not lo <= v <= hi:
            return allowed if terse else f"{allowed} violated by {v}"
        if unique:
            if v in seen:
                return f"all Node.val must be unique, {v} repeats"
            seen.add(v)
        count += 1
    if shape_problem:
        return shape_problem
    if not min_nodes <= count <= max_nodes:
        if terse:
            return (
                f"the number of nodes in the tree is in the range"
                f" [{_show(min_nodes)}, {_show(max_nodes)}]"
            )
        if min_nodes:
            return f"the tree has {count} nodes, not in [{_show(min_nodes)}, {_show(max_nodes)}]"
        return f"the tree has {count} nodes, more than {_show(max_nodes)}"
    return None
