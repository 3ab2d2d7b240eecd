"""How a solution's CPU time grows with the input size, beside the reference's (`judge growth`).

Each family of the spec's `growth` section is a ladder of inputs of doubling size (`ladders`).
A program runs a family's whole ladder in one worker, smallest size first, up to the size where
one run would pass its share of the time budget; then it passes over the ladder again, and
again in a second round after the other families, so that each size runs several times, spread
over seconds. Each size keeps its fastest run: load elsewhere on the machine only slows a run
down, and a slow spell lasts a fraction of a second. The exponent is the median of the slopes
between every two points of log time against log n (Theil-Sen) over the largest sizes timed
above the floor: one or two points bent by a spell cannot move a median.
"""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable, Sequence
from typing import Any

from judge import ladders
from judge.errors import UsageError
from judge.grading import Execution, compile_error
from judge.limits import Limits
from judge.records import asdict, field, record
from judge.results import Verdict
from judge.spec import Problem
from judge.submission import Submission, read_submission

# Wall time for the solution's runs over all families together (inputs built, runs, reruns):
# "a few seconds". The reference gets as much per family the first time, and is then cached.
BUDGET_S = 4.0
# Every family is measured in this many rounds, one after the other family's, so that a size's
# runs lie seconds apart: a slow spell of the machine (up to 1.6x, for tenths of a second)
# then meets one round's runs, not all of them.
ROUNDS = 2
# Runs per size wanted after each round (as the budget allows); each size keeps its fastest.
RUNS = (3, 6)
# The most one run of one size may take, as a share of a family's budget: enough left for the
# other runs of that size and the smaller sizes, whose times add up to about as much again.
CAP_SHARE = 1 / 8
# Below this a run's time is much the call's fixed costs (making the Solution, caches cold
# after the inputs were built: 0.01 to 0.03 ms here), not the work that grows with n. A ladder
# with only one or two sizes above it is fitted over its three largest sizes above a quarter
# of it: a program whose largest sizes take 0.15 to 0.5 ms then has an exponent in every run,
# not in some runs only.
FLOOR_MS = 0.15
# The fit uses at most this many of the largest sizes: how time grows as n gets large, not how
# it grows out of the fixed costs.
FIT_POINTS = 6
MIN_POINTS = 3  # fewer sizes above the floor: too fast to tell

# Upper bounds of the classes' exponents, chosen from measurements on this machine: three runs
# of benchmarks/growth_stability.py, each file 30 times, half of them beside a CPU hog. Linear
# references measured 0.78 to 1.34 and n log n ones 1.00 to 1.35: n log n grows only 0.1
# faster at these sizes, and the caches move an exponent by as much from run to run (the
# largest sizes outgrow the CPU's own cache, and how fast the shared one serves them depends on
# the other guests of the host), so the two are one class. Time that levels off (combination
# sum II's reference, once every value is among the candidates) measured down to 0.52: too
# spread for a class below n. Quadratic solutions measured 1.63 to 2.39, and backtracking over
# every subset or sequence 5.2 to 10.1.
CLASSES = (
    (1.45, "about n or n log n"),
    (2.5, "about n^2"),
    (math.inf, "worse"),
)


def classify(exponent: float | None) -> str | None:
    """The class of an exponent in words ("about n log n"); None when there is none."""
    if exponent is None:
        return None
    return next(words for bound, words in CLASSES if exponent < bound)


@record
class Curve:
    """One program's times on one family's ladder: the fastest run at each size."""

    times_ms: list[float | None]  # by size; None where it did not run
    runs: list[int] = field(default_factory=list)  # how many runs each time is the best of
    stopped: str | None = None  # why it stopped before the largest size, if it did
    failed: bool = False  # it stopped on an error (RE, MLE, ...), not at the budget
    over: tuple[int, float] | None = None  # (n, ms): it stopped where a run takes more
    exponent: float | None = None
    at_least: bool = False  # the exponent is a lower bound (see `fit`)

    @property
    def label(self) -> str | None:
        return classify(self.exponent)


@record
class FamilyGrowth:
    """How the solution and the reference grow on one family."""

    name: str
    words: str
    sizes: list[int]
    solution: Curve
    reference: Curve | None

    @property
    def unfinished(self) -> bool:
        """The solution stopped too early to fit, at a size the reference ran: it grows faster
        than its few points can show, or never ends."""
        return self.solution.exponent is None and self.solution.stopped is not None

    @property
    def rank(self) -> tuple[float, float]:
        """How bad the solution's growth is here: its exponent, then its excess over the
        reference's; an unfinished family ranks above any exponent."""
        if self.unfinished:
            return (math.inf, 0.0)
        own = self.solution.exponent
        if own is None:
            return (-math.inf, 0.0)
        theirs = self.reference.exponent if self.reference is not None else None
        return (own, own - theirs if theirs is not None else 0.0)


@record
class GrowthResult:
    """`judge growth`: one file on every family of its problem."""

    problem: str
    file: str
    n: str  # what n counts, in words
    families: list[FamilyGrowth]
    compile_error: str | None = None

    @property
    def worst(self) -> FamilyGrowth | None:
        """The family on which the solution's time grows fastest (None: too fast anywhere)."""
        ranked = [f for f in self.families if f.rank[0] > -math.inf]
        return max(ranked, key=lambda f: f.rank) if ranked else None

    @property
    def slower(self) -> bool:
        """Whether the solution grows a class faster than the reference on some family (or
        fails, or stops where the reference went on). A reference too fast to time at every
        size counts as about n or n log n."""
        order = [words for _, words in CLASSES]
        for f in self.families:
            if f.solution.failed or f.unfinished:
                return True
            if f.solution.label is None or f.reference is None or f.reference.stopped:
                continue
            theirs = f.reference.label or order[0]
            if order.index(f.solution.label) > order.index(theirs):
                return True
        return False


def exponent(sizes: list[int], times_ms: list[float | None]) -> float | None:
    """The Theil-Sen slope of log time against log n over the largest sizes timed above the
    floor (or just under it: see FLOOR_MS); None when there are not three."""
    timed = [(math.log(n), math.log(t)) for n, t in zip(sizes, times_ms) if t is not None]
    points = [(x, y) for x, y in timed if y >= math.log(FLOOR_MS)][-FIT_POINTS:]
    if 0 < len(points) < MIN_POINTS:
        points = [(x, y) for x, y in timed if y >= math.log(FLOOR_MS / 4)][-MIN_POINTS:]
    return _slope(points) if len(points) >= MIN_POINTS else None


def fit(sizes: list[int], curve: Curve) -> Curve:
    """The curve with its exponent. A program that stopped with two sizes above the floor,
    where a third would have passed its cap, gets a lower bound from those three: time that
    explodes between doublings (backtracking over every subset) is then "worse" in every run,
    not "worse" in the runs where a third size fitted under the cap and without an exponent
    in the others."""
    curve.exponent, curve.at_least = exponent(sizes, curve.times_ms), False
    if curve.exponent is None and curve.over is not None:
        timed = [(n, t) for n, t in zip(sizes, curve.times_ms) if t is not None]
        timed = [(n, t) for n, t in timed if t >= FLOOR_MS / 4][-(MIN_POINTS - 1) :]
        if len(timed) == MIN_POINTS - 1 and timed[-1][1] >= FLOOR_MS:
            points = [(math.log(n), math.log(t)) for n, t in [*timed, curve.over]]
            curve.exponent, curve.at_least = _slope(points), True
    return curve


def _slope(points: list[tuple[float, float]]) -> float:
    """The median of the slopes between every two points (Theil-Sen)."""
    slopes = [
        (y2 - y1) / (x2 - x1) for i, (x1, y1) in enumerate(points) for x2, y2 in points[i + 1 :]
    ]
    return round(statistics.median(slopes), 2)


class _Measure:
    """One program's runs on one ladder, round after round."""

    def __init__(
        self, problem: Problem, submission: Submission, ladder: ladders.Ladder, budget_s: float
    ) -> None:
        self.problem, self.submission, self.ladder = problem, submission, ladder
        self.budget_s = budget_s
        self.cap_ms = budget_s * 1000 * CAP_SHARE
        self.limits = Limits(cpu_ms=max(1, math.ceil(self.cap_ms)), memory_mb=problem.memory_mb)
        self.times: list[list[float]] = [[] for _ in ladder.sizes]
        self.walls: list[float] = [0.0 for _ in ladder.sizes]  # each size's last run, in s
        self.reach: int | None = None  # how many sizes fit (known after the first round)
        self.stopped: str | None = None
        self.failed = False
        self.over: tuple[int, float] | None = None
        self.deadline = 0.0
        self.wanted = 0

    def curve(self) -> Curve:
        times: list[float | None] = [min(t) if t else None for t in self.times]
        runs = [len(t) for t in self.times]
        curve = Curve(times, runs, self.stopped, self.failed, self.over)
        return fit(self.ladder.sizes, curve)

    def round(self, number: int) -> None:
        """Run the ladder (the first time, up to the size that fits), then pass over it again
        until every size has its runs for this round or this round's time is up."""
        self.deadline = time.monotonic() + self.budget_s / ROUNDS
        self.wanted = RUNS[number]
        if self.reach is None:
            self.reach = self._first_pass()
            if self.reach in (0, len(self.ladder.cases)):
                return  # nothing fits; or it all ran, and was passed over again in that worker
        if not self.reach:
            return
        cases = self.ladder.cases[: self.reach]
        execution = Execution(self.problem, self.submission, cases, self.limits, rerun=self._rerun)
        outcomes = execution.outcomes()
        started = time.monotonic()
        try:
            for outcome in outcomes:
                if outcome.verdict is not None:
                    self.reach = outcome.index  # near the cap, this size passed it this time
                    return
                started = self._add(outcome.index, outcome.time_ms, started)
        finally:
            outcomes.close()  # stops the worker if a size failed

    def _add(self, index: int, time_ms: float, started: float) -> float:
        """Keep a run's time and its wall time since `started`; returns now."""
        now = time.monotonic()
        self.times[index].append(time_ms)
        self.walls[index] = now - started
        return now

    def _first_pass(self) -> int:
        """Run the whole ladder once, stopping before the size whose run is predicted to pass
        the cap (or at the one that does): how many sizes ran. A ladder that runs to its end
        is passed over again in the same worker."""
        cases = self.ladder.cases
        execution = Execution(self.problem, self.submission, cases, self.limits, rerun=self._rerun)
        outcomes = execution.outcomes()
        started = time.monotonic()
        try:
            for outcome in outcomes:
                index, n = outcome.index, self.ladder.sizes[outcome.index]
                if outcome.verdict is Verdict.TLE:
                    self.stopped = f"over {self.cap_ms:.0f} ms at n = {n}"
                    self.over = (n, self.cap_ms)
                    return index
                if outcome.verdict is not None:
                    self.failed = True
                    message = outcome.message.splitlines()[0] if outcome.message else ""
                    self.stopped = f"{outcome.verdict.value} at n = {n}: {message}"
                    return index
                started = self._add(index, outcome.time_ms, started)
                if index + 1 < len(cases) and self._predicted(index) > self.cap_ms:
                    following = self.ladder.sizes[index + 1]
                    self.stopped = f"n = {following} would take over {self.cap_ms:.0f} ms"
                    self.over = (following, self.cap_ms)
                    return index + 1
        finally:
            outcomes.close()  # stops the worker if the ladder ended early
        return len(cases)

    def _predicted(self, index: int) -> float:
        """The time a run of the next size should take, from how time grew up to `index`: at
        least linearly, and as fast as between the last two sizes."""
        sizes, best = self.ladder.sizes, [min(t) if t else 0.0 for t in self.times]
        growth = 1.0
        if index > 0 and best[index - 1] >= FLOOR_MS / 2:
            ratio = math.log(best[index] / best[index - 1])
            growth = max(1.0, ratio / math.log(sizes[index] / sizes[index - 1]))
        return best[index] * (sizes[index + 1] / sizes[index]) ** min(growth, 4.0)

    def _rerun(self, first: dict[int, float], again: Callable[[int], float | None]) -> None:
        """Pass over the ladder, smallest size first, until every size has its runs for this
        round or the next run would end past this round's time."""
        while first:
            for index in sorted(first):
                if len(self.times[index]) >= self.wanted:
                    return
                started = time.monotonic()
                if started + self.walls[index] > self.deadline:
                    return
                time_ms = again(index)
                if time_ms is None:
                    return  # that run failed; the earlier ones stand
                self._add(index, time_ms, started)


def _curve_data(curve: Curve) -> dict[str, Any]:
    return {k: v for k, v in asdict(curve).items() if k not in ("exponent", "at_least")}


def _curve_of(data: Any, sizes: list[int]) -> Curve | None:
    """A reference's curve as `ladders` cached it (None: not measured yet, or damaged)."""
    try:
        curve = Curve(
            [None if t is None else float(t) for t in data["times_ms"]],
            [int(r) for r in data["runs"]],
            data["stopped"],
            bool(data["failed"]),
            None if data["over"] is None else (int(data["over"][0]), float(data["over"][1])),
        )
    except (TypeError, KeyError, ValueError, IndexError):
        return None
    if len(curve.times_ms) != len(sizes):
        return None
    return fit(sizes, curve)


def measure_file(
    problem: Problem,
    submission: Submission,
    families: Sequence[str] = (),
    budget_s: float = BUDGET_S,
    progress: Callable[[str], None] | None = None,
) -> GrowthResult:
    """The solution and the reference on every family of the problem (or those named). Each
    family gets its share of `budget_s` whether or not the others run, so that measuring one
    family alone gives what measuring them all gives."""
    if not problem.growth:
        raise UsageError(f"{problem.slug} has no growth families in its spec")
    known = [f.name for f in problem.growth]
    for name in families:
        if name not in known:
            raise UsageError(
                f"{problem.slug} has no growth family {name!r} (families: {', '.join(known)})"
            )
    result = GrowthResult(problem.slug, str(submission.path), problem.growth_n, [])
    error = compile_error(problem, submission)
    if error is not None:
        result.compile_error = error
        return result

    def say(text: str) -> None:
        if progress is not None:
            progress(text)

    say("building the inputs")
    found = ladders.load(problem)
    reference = read_submission(problem.reference) if problem.reference.is_file() else None
    share = budget_s / len(found)
    measures: list[tuple[ladders.Ladder, _Measure, Curve | _Measure | None]] = []
    for ladder in found:
        if families and ladder.family.name not in families:
            continue
        cached = _curve_of(ladder.reference, ladder.sizes) if ladder.reference else None
        theirs: Curve | _Measure | None = cached
        if cached is None and reference is not None:
            theirs = _Measure(problem, reference, ladder, share)
        measures.append((ladder, _Measure(problem, submission, ladder, share), theirs))
    for number in range(ROUNDS):
        for ladder, mine, theirs in measures:
            say(f"round {number + 1} of {ROUNDS}: {ladder.family.words}")
            mine.round(number)
            if isinstance(theirs, _Measure):
                theirs.round(number)
    fresh = False
    for ladder, mine, theirs in measures:
        if isinstance(theirs, _Measure):
            theirs = theirs.curve()
            ladder.reference = _curve_data(theirs)
            fresh = True
        family = ladder.family
        result.families.append(
            FamilyGrowth(family.name, family.words, ladder.sizes, mine.curve(), theirs)
        )
    if fresh or not any(c.span for ladder in found for c in ladder.cases):
        ladders.store(problem, found)
    return result
