"""Random valid small inputs drawn from a spec's `small_inputs`, and the small-input sweep.

An input is drawn as a *state*: each described value by name, in the form the shrinker moves
it (`shrink`): a list of ints, an int, a `Tree` (values on a shape) or, for a node, its number
in its tree. `Drawer.realize` turns a state into the method's input (a tree in level order, a
node as its value, then the spec's `build`) if it meets the description and the spec's
`verify.validate`, and None otherwise: every input stress testing runs or shrinks to is valid.

Draws lean towards the values that break solutions: sizes at their ends, values at and near 0
(negatives where allowed), few distinct values (duplicates, all equal), the ends of the range.
"""

from __future__ import annotations

import random
from itertools import pairwise
from typing import Any, NamedTuple

from judge.cases import generator_function
from judge.codecs import show
from judge.errors import ProblemError
from judge.gen import trees
from judge.spec import BOUND_FUNCTIONS, Bound, Draw, Problem

State = dict[str, Any]
SWEEP_SEED = 0  # the sweep is fixed by the description: the same inputs on every machine
SWEEP_SHAPES_UP_TO = 7  # a sweep holds every tree shape of up to this many nodes (626 of them)
_ATTEMPTS = 200  # draws tried for one valid input before the description is called broken


class Tree(NamedTuple):
    """A drawn tree: `vals[i]` on node i of the shape (`judge.gen.trees`), root 0."""

    vals: list[int]
    left: list[int]
    right: list[int]


def anchor(lo: int, hi: int) -> int:
    """The value of [lo, hi] nearest 0: where values shrink to, and where draws crowd."""
    return min(max(0, lo), hi)


def edges(lo: int, hi: int) -> list[int]:
    """The values of [lo, hi] most often mishandled: its ends and those around 0."""
    z = anchor(lo, hi)
    return sorted({v for v in (lo, lo + 1, z - 1, z, z + 1, hi - 1, hi) if lo <= v <= hi})


def _pick_int(rng: random.Random, lo: int, hi: int) -> int:
    """An int of [lo, hi], its ends and the value nearest 0 as likely as all the others."""
    pick = rng.randrange(10)
    if pick < 2:
        return lo
    if pick < 4:
        return hi
    if pick < 5:
        return anchor(lo, hi)
    if pick < 6:
        return min(lo + 1, hi)
    if pick < 7:
        return max(hi - 1, lo)
    return rng.randint(lo, hi)


def _pick_size(rng: random.Random, lo: int, hi: int) -> int:
    """A size of [lo, hi]: the smallest two and the largest often, the others uniformly."""
    pick = rng.randrange(6)
    if pick == 0:
        return lo
    if pick == 1:
        return min(lo + 1, hi)
    if pick == 2:
        return hi
    return rng.randint(lo, hi)


def _pick_values(rng: random.Random, n: int, lo: int, hi: int, distinct: bool) -> list[int] | None:
    """n values of [lo, hi] in one of several moods (None: n distinct ones do not fit)."""
    z = anchor(lo, hi)
    if distinct:
        if hi - lo + 1 < n:
            return None
        if rng.random() < 0.7:  # packed around 0: negatives, 0, neighbours one apart
            width = n + rng.randint(0, 2)
            start = min(max(lo, z - rng.randint(0, width)), hi - n + 1)
            stop = min(hi, start + width)
            values = rng.sample(range(start, stop + 1), n)
        else:
            values = rng.sample(range(lo, hi + 1), n)
        if n >= 2 and rng.random() < 0.3:  # an end of the range among them
            end = rng.choice((lo, hi))
            if end not in values:
                values[rng.randrange(n)] = end
        return values
    mood = rng.randrange(10)
    if mood < 3:  # around 0: zeros, small negatives, duplicates
        return [rng.randint(max(lo, z - 2), min(hi, z + 2)) for _ in range(n)]
    if mood < 5:  # small values, some of them equal, gaps of a few
        spread = rng.choice((4, 10, 30))
        return [rng.randint(max(lo, z - spread), min(hi, z + spread)) for _ in range(n)]
    if mood < 6:  # all equal
        return [rng.choice(edges(lo, hi))] * n
    if mood < 7:  # two or three values, repeated
        found = edges(lo, hi)
        pool = rng.sample(found, min(len(found), rng.randint(2, 3)))
        return [rng.choice(pool) for _ in range(n)]
    if mood < 8:  # only the edges
        found = edges(lo, hi)
        return [rng.choice(found) for _ in range(n)]
    values = [rng.randint(lo, hi) for _ in range(n)]  # anywhere, an edge here and there
    for i in range(n):
        if rng.random() < 0.15:
            values[i] = rng.choice(edges(lo, hi))
    return values


def _pick_shape(rng: random.Random, n: int) -> trees.Shape:
    """A shape of n nodes: random, a path (turning, or all one way), complete or a caterpillar."""
    pick = rng.randrange(8)
    if pick < 3:
        return trees.random_shape(rng, n)
    if pick < 6:
        return trees.path_shape(rng, n, ("random", "left", "right")[pick - 3])
    if pick < 7:
        return (
            [2 * i + 1 if 2 * i + 1 < n else -1 for i in range(n)],
            [2 * i + 2 if 2 * i + 2 < n else -1 for i in range(n)],
        )
    return trees.caterpillar_shape(rng, n)


class Drawer:
    """Draws, checks and builds the small inputs of one problem."""

    def __init__(self, problem: Problem) -> None:
        small = problem.small_inputs
        if small is None:
            raise ProblemError(
                f"{problem.slug}: the spec has no `small_inputs` to draw inputs from "
                "(see docs/problem-format.md)"
            )
        self.problem, self.small = problem, small
        self.draws = small.draws
        self._build = (
            generator_function(problem, small.build, "small_inputs.build") if small.build else None
        )
        self._validate = (
            generator_function(problem, problem.validator, "verify.validate")
            if problem.validator and problem.generators
            else None
        )
        self._codes: dict[str, Any] = {}
        self.last_refusal = ""  # why the last state was refused, for a broken description

    # Bounds ---------------------------------------------------------------------------------

    def bounds(self, pair: tuple[Bound, Bound], scope: dict[str, Any]) -> tuple[int, int] | None:
        """`[low, high]` worked out over the values drawn so far; None if it is empty."""
        # Most bounds are plain numbers: no call for those, draws are made by the thousand.
        low = pair[0] if type(pair[0]) is int else self._bound(pair[0], scope)
        high = pair[1] if type(pair[1]) is int else self._bound(pair[1], scope)
        if low is None or high is None or low > high:
            return None
        return low, high

    def _bound(self, bound: Bound, scope: dict[str, Any]) -> int | None:
        if isinstance(bound, int):
            return bound
        code = self._codes.get(bound)
        if code is None:
            code = self._codes[bound] = compile(bound, "small_inputs", "eval")
        try:
            value = eval(code, {"__builtins__": BOUND_FUNCTIONS}, scope)
        except Exception as exc:
            raise ProblemError(
                f"{self.problem.path}: small_inputs: {bound!r} failed: {type(exc).__name__}: {exc}"
            ) from None
        return value if type(value) is int else None

    @staticmethod
    def seen_as(d: Draw, value: Any, state: State) -> Any:
        """A drawn value as later bounds see it: a tree as the list of its values, a node as
        its value."""
        if d.kind == "tree":
            return list(value.vals)
        if d.kind == "node_of":
            return state[d.tree or ""].vals[value]
        return value

    # Drawing --------------------------------------------------------------------------------

    def draw(self, rng: random.Random, shape: trees.Shape | None = None) -> State | None:
        """One state drawn at random (None if a bound came out empty); `shape` fixes the first
        tree's shape (the sweep's every shape)."""
        state: State = {}
        scope: dict[str, Any] = {}
        for d in self.draws:
            if d.kind == "node_of":
                size = len(state[d.tree or ""].vals)
                if not size:
                    return None
                state[d.name] = rng.randrange(size)
            else:
                sizes = self.bounds(d.bounds, scope)
                if sizes is None:
                    return None
                if d.kind == "int":
                    state[d.name] = _pick_int(rng, *sizes)
                else:
                    values = self.bounds(d.values, scope)
                    if values is None:
                        return None
                    if d.kind == "tree" and shape is not None:
                        n, (left, right), shape = len(shape[0]), shape, None
                    else:
                        n = _pick_size(rng, *sizes)
                        left, right = _pick_shape(rng, n) if d.kind == "tree" else ([], [])
                    picked = _pick_values(rng, n, *values, d.distinct)
                    if picked is None:
                        return None
                    if d.kind == "tree":
                        state[d.name] = Tree(picked, left, right)
                    else:
                        state[d.name] = sorted(picked) if d.sorted else picked
            scope[d.name] = self.seen_as(d, state[d.name], state)
        return state

    def draw_valid(self, rng: random.Random) -> tuple[State, dict[str, Any]]:
        """A state drawn at random that makes a valid input, and that input."""
        for _ in range(_ATTEMPTS):
            state = self.draw(rng)
            values = None if state is None else self._made(state)  # drawn within bounds
            if values is not None:
                assert state is not None
                return state, values
        raise ProblemError(
            f"{self.problem.slug}: small_inputs drew no valid input in {_ATTEMPTS} tries"
            + (f" (the last: {self.last_refusal})" if self.last_refusal else "")
        )

    # Checking and building ------------------------------------------------------------------

    def fit(self, state: State) -> State:
        """The state with each int moved into its bounds and each sorted list sorted again:
        what a shrinking step that shortened a list (and so lowered `len(nums)`) needs."""
        scope: dict[str, Any] = {}
        fitted = dict(state)
        for d in self.draws:
            value = fitted[d.name]
            if d.kind == "int":
                sizes = self.bounds(d.bounds, scope)
                if sizes is not None:
                    value = fitted[d.name] = min(max(value, sizes[0]), sizes[1])
            elif d.kind == "list" and d.sorted:
                value = fitted[d.name] = sorted(value)
            elif d.kind == "node_of" and not 0 <= value < len(fitted[d.tree or ""].vals):
                return state  # refused by `realize`
            scope[d.name] = self.seen_as(d, value, fitted)
        return fitted

    def _meets(self, state: State) -> str | None:
        """What breaks the description in a state, or None."""
        scope: dict[str, Any] = {}
        for d in self.draws:
            value = state[d.name]
            if d.kind == "node_of":
                if not 0 <= value < len(state[d.tree or ""].vals):
                    return f"{d.name}: not a node of {d.tree}"
            else:
                sizes = self.bounds(d.bounds, scope)
                if d.kind == "int":
                    if sizes is None or not sizes[0] <= value <= sizes[1]:
                        return f"{d.name} = {value} is out of its bounds"
                else:
                    values = value.vals if d.kind == "tree" else value
                    ranged = self.bounds(d.values, scope)
                    if sizes is None or not sizes[0] <= len(values) <= sizes[1]:
                        return f"{d.name}: {len(values)} elements is out of its bounds"
                    if ranged is None or any(not ranged[0] <= v <= ranged[1] for v in values):
                        return f"{d.name}: a value is out of its range"
                    if d.distinct and len(set(values)) != len(values):
                        return f"{d.name}: values repeat"
                    if d.sorted and any(a > b for a, b in pairwise(values)):
                        return f"{d.name}: not sorted"
            scope[d.name] = self.seen_as(d, value, state)
        return None

    def realize(self, state: State) -> dict[str, Any] | None:
        """The method's input a state stands for, if it meets the description and the spec's
        validator; None if not (`last_refusal` says why)."""
        broken = self._meets(state)
        if broken:
            self.last_refusal = broken
            return None
        return self._made(state)

    def _made(self, state: State) -> dict[str, Any] | None:
        """The input of a state that meets the description, if the validator takes it."""
        values: dict[str, Any] = {}
        for d in self.draws:
            value = state[d.name]
            if d.kind == "tree":
                values[d.name] = trees.level_order(value.vals, value.left, value.right)
            elif d.kind == "node_of":
                values[d.name] = state[d.tree or ""].vals[value]
            else:
                values[d.name] = list(value) if d.kind == "list" else value
        if self._build is not None:
            try:
                values = self._build(**values)
            except Exception as exc:
                raise ProblemError(
                    f"{self.problem.path}: small_inputs.build failed: {type(exc).__name__}: {exc}"
                ) from None
        if self._validate is not None:
            try:
                broken = self._validate(**values)
            except Exception as exc:
                broken = f"{type(exc).__name__}: {exc}"
            if broken:
                self.last_refusal = str(broken)
                return None
        return values

    # The sweep ------------------------------------------------------------------------------

    def sweep(self) -> list[dict[str, Any]]:
        """The problem's small-input sweep: `small_inputs.sweep` different valid inputs (fewer
        if the description has fewer), every tree shape of up to `SWEEP_SHAPES_UP_TO` nodes
        among them, in a fixed order."""
        rng = random.Random(SWEEP_SEED)
        wanted = self.small.sweep
        found: dict[str, dict[str, Any]] = {}
        order = [p.name for p in self.problem.params]

        def add(state: State | None) -> None:
            values = None if state is None else self.realize(state)
            if values is not None:
                found.setdefault(show([values[name] for name in order]), values)

        tree = next((d for d in self.draws if d.kind == "tree"), None)
        if tree is not None:
            fixed = all(isinstance(b, int) for b in tree.bounds)  # else it depends on a draw
            sizes = self.bounds(tree.bounds, {}) if fixed else None
            low, high = sizes or (0, -1)
            for n in range(low, min(high, SWEEP_SHAPES_UP_TO) + 1):
                for shape in trees.all_shapes(n):
                    for _ in range(20):  # the first new valid input on this shape
                        before = len(found)
                        add(self.draw(rng, shape))
                        if len(found) > before:
                            break
        misses = 0
        while len(found) < wanted and misses < 5 * wanted:
            before = len(found)
            add(self.draw(rng))
            misses += len(found) == before
        return list(found.values())[:wanted]


def size(problem: Problem, values: dict[str, Any]) -> int:
    """The elements of an input's lists, and the nodes of its trees: its size, as shown."""
    total = 0
    for p in problem.params:
        value = values[p.name]
        if p.node_of is None and isinstance(value, list):
            total += sum(1 for v in value if v is not None)
    return total
