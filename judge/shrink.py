"""Simpler neighbours of a failing input, simplest first, for stress testing to try.

`smaller` removes elements (list entries, tree nodes), the biggest removals first; `closer`
moves values towards the in-range value nearest 0 (`smallinputs.anchor`), the biggest moves
first. Every step strictly lowers (elements, distance of the values from 0, negatives, node
numbers), so repeating "take the first neighbour that still fails" always ends. Neighbours are
states (`smallinputs`): the caller fits them to their bounds and keeps the valid ones.
"""

from __future__ import annotations

from collections.abc import Iterator

from judge.smallinputs import Drawer, State, Tree, anchor


def smaller(drawer: Drawer, state: State) -> Iterator[State]:
    """States with fewer elements: long runs of a list removed first, then shorter ones; a
    tree's subtrees removed, the biggest first, then nodes replaced by one of their children."""
    for d in drawer.draws:
        value = state[d.name]
        if d.kind == "list":
            # An int bounded by the list's length (k <= len(nums)) shrinks with it: a window
            # of 4 in 5 entries fails as a window of 3 in 4 may, but not as one of 4 in 4.
            tied = [
                x.name
                for x in drawer.draws
                if x.kind == "int" and any(isinstance(b, str) and d.name in b for b in x.bounds)
            ]
            n = len(value)
            for run in _runs(n):
                for start in range(n - run + 1):
                    shorter = {**state, d.name: value[:start] + value[start + run :]}
                    yield shorter
                    if tied:
                        yield {**shorter, **{name: state[name] - run for name in tied}}
        elif d.kind == "tree":
            nodes = {x.name: x for x in drawer.draws if x.kind == "node_of" and x.tree == d.name}
            for tree, renumber in _tree_cuts(value):
                moved = {name: renumber.get(state[name], -1) for name in nodes}
                if all(number >= 0 for number in moved.values()):
                    yield {**state, d.name: tree, **moved}


def closer(drawer: Drawer, state: State) -> Iterator[State]:
    """States with values nearer 0: each value in turn, its biggest moves first, and a negative
    one made positive; the copies of a repeated value together; all of a list's values by one
    amount; then a node argument moved to an earlier node."""
    for d in drawer.draws:
        value = state[d.name]
        if d.kind == "int":
            scope = _scope(drawer, state, d.name)
            sizes = drawer.bounds(d.bounds, scope)
            if sizes is not None:
                for moved in _towards(value, anchor(*sizes), *sizes):
                    yield {**state, d.name: moved}
        elif d.kind in ("list", "tree"):
            values = value.vals if d.kind == "tree" else value
            ranged = drawer.bounds(d.values, _scope(drawer, state, d.name))
            if ranged is None:
                continue
            changes = [
                [*values[:i], moved, *values[i + 1 :]]
                for i, v in enumerate(values)
                for moved in _towards(v, anchor(*ranged), *ranged)
            ]
            changes += _together(values, anchor(*ranged), *ranged)
            changes += _shifted(values, anchor(*ranged), *ranged)
            for changed in changes:
                if d.kind == "tree":
                    yield {**state, d.name: Tree(changed, value.left, value.right)}
                else:
                    yield {**state, d.name: changed}
        elif d.kind == "node_of":
            for earlier in range(value):
                yield {**state, d.name: earlier}


def neighbours(drawer: Drawer, state: State) -> list[State]:
    """Every neighbour of a state, the simplest first (`cost`)."""
    found = [*smaller(drawer, state), *closer(drawer, state)]
    found.sort(key=lambda neighbour: cost(drawer, neighbour))  # stable: ties keep their order
    return found


def cost(drawer: Drawer, state: State) -> tuple[int, int, int, int]:
    """How far a state is from the simplest input: its elements (list entries and tree
    nodes), then how far its values are from 0 (from the value of their range nearest 0),
    then how many are negative, then its node arguments' numbers."""
    elements = distance = negatives = nodes = 0
    scope: dict = {}
    for d in drawer.draws:
        value = state[d.name]
        if d.kind == "node_of":
            nodes += value
        else:
            values = [value] if d.kind == "int" else value.vals if d.kind == "tree" else value
            ranged = drawer.bounds(d.bounds if d.kind == "int" else d.values, scope)
            target = anchor(*ranged) if ranged is not None else 0
            elements += 0 if d.kind == "int" else len(values)
            distance += sum(abs(v - target) for v in values)
            negatives += sum(1 for v in values if v < 0)
        scope[d.name] = drawer.seen_as(d, value, state)
    return elements, distance, negatives, nodes


def _scope(drawer: Drawer, state: State, until: str) -> dict:
    """The values drawn before `until`, as bounds see them."""
    scope: dict = {}
    for d in drawer.draws:
        if d.name == until:
            break
        scope[d.name] = drawer.seen_as(d, state[d.name], state)
    return scope


def _runs(n: int) -> list[int]:
    """Lengths of runs to remove from n entries: all, all but one, then halving down to one."""
    runs = [n, n - 1]
    run = n // 2
    while run >= 1:
        runs.append(run)
        run //= 2
    return sorted({r for r in runs if r >= 1}, reverse=True)


def _towards(value: int, target: int, lo: int, hi: int) -> list[int]:
    """Values between `target` and `value`, the nearest to `target` first: the target, then
    halving the distance each time (a binary search in one round), then one step; and for a
    negative value its positive twin, where the range allows it."""
    if value == target:
        moves = []
    else:
        gap = value - target
        moves = [target]
        for shift in range(abs(gap).bit_length() - 1, 0, -1):
            step = abs(gap) >> shift
            moved = value - (gap // abs(gap)) * (abs(gap) - step)
            if moved not in moves and moved != value:
                moves.append(moved)
        one = value - (1 if gap > 0 else -1)
        if one not in moves:
            moves.append(one)
    if value < 0 and lo <= -value <= hi and -value not in moves:
        moves.append(-value)
    return [m for m in moves if lo <= m <= hi]


def _together(values: list[int], target: int, lo: int, hi: int) -> list[list[int]]:
    """Every copy of a repeated value moved at once: a failure that needs two equal walls
    ([1,2,0,0,2,1]) also shows with both of them lower ([0,2,0,0,2,0]), not with one."""
    seen = {v: values.count(v) for v in values}
    return [
        [moved if v == value else v for v in values]
        for value, count in seen.items()
        if count > 1
        for moved in _towards(value, target, lo, hi)
    ]


def _shifted(values: list[int], target: int, lo: int, hi: int) -> list[list[int]]:
    """The values all moved by one amount towards `target`, when they lie on one side of it:
    a failure that needs [999,999,1000] also shows on [0,0,1]."""
    if len(values) < 2:
        return []
    low, high = min(values), max(values)
    nearest = low if low > target else high if high < target else None
    if nearest is None:
        return []
    return [
        [v + moved - nearest for v in values]
        for moved in _towards(nearest, target, lo, hi)
        if (moved - nearest) * (target - nearest) > 0  # towards target, not a sign flip
    ]


def _tree_cuts(tree: Tree) -> Iterator[tuple[Tree, dict[int, int]]]:
    """Trees with nodes removed, each with how the kept nodes are numbered now: every
    subtree cut off (the biggest first), then every node replaced by its left or its right
    subtree (what it had on the other side goes with it)."""
    n = len(tree.vals)
    parent = [-1] * n
    for i in range(n):
        for child in (tree.left[i], tree.right[i]):
            if child >= 0:
                parent[child] = i
    sizes = [1] * n
    for i in reversed(_bfs(tree, 0)):
        if parent[i] >= 0:
            sizes[parent[i]] += sizes[i]
    cuts: list[tuple[int, int, int]] = []  # (nodes removed, node, the child that replaces it)
    for i in range(n):
        cuts.append((sizes[i], i, -1))
        for child in (tree.left[i], tree.right[i]):
            if child >= 0:
                cuts.append((sizes[i] - sizes[child], i, child))
    cuts.sort(key=lambda cut: (-cut[0], cut[1], cut[2]))
    for _, node, child in cuts:
        left, right = list(tree.left), list(tree.right)
        root = 0
        if parent[node] < 0:
            root = child  # the root replaced by a child, or the whole tree cut off
        else:
            side = left if left[parent[node]] == node else right
            side[parent[node]] = child
        yield _renumber(Tree(tree.vals, left, right), root)


def _bfs(tree: Tree, root: int) -> list[int]:
    """The nodes under `root` in level order."""
    if root < 0 or not tree.vals:
        return []
    order = [root]
    for node in order:
        for child in (tree.left[node], tree.right[node]):
            if child >= 0:
                order.append(child)
    return order


def _renumber(tree: Tree, root: int) -> tuple[Tree, dict[int, int]]:
    """The nodes under `root`, numbered in level order from 0, and the new number of each."""
    order = _bfs(tree, root)
    number = {old: new for new, old in enumerate(order)}
    left = [number.get(tree.left[old], -1) for old in order]
    right = [number.get(tree.right[old], -1) for old in order]
    return Tree([tree.vals[old] for old in order], left, right), number
