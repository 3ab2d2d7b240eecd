"""`judge stress`: random small inputs until the solution and the reference differ, then the
smallest input that still shows the difference.

Inputs come from the spec's `small_inputs` (`smallinputs`), drawn from one seed, so a seed
always gives the same inputs, the same first failure and the same shrinking. They are judged
in rounds, many to a worker, as `judge run` judges inputs (`trial`): the solution and the
reference in parallel, each output compared with the problem's checker. The first input that
fails is then shrunk (`shrink`): round after round, its simpler neighbours are judged together
and the first that fails the same way (the same verdict, for a runtime error the same
exception) takes its place, until none does.
"""

from __future__ import annotations

import random
import time
from typing import Any

from judge import shrink, smallinputs
from judge.cases import PreparedCase, pack_args
from judge.codecs import show
from judge.grading import compile_error, run_outputs
from judge.records import Record
from judge.results import Verdict
from judge.sandbox import Worker
from judge.smallinputs import Drawer, State
from judge.spec import Problem
from judge.submission import Submission
from judge.trial import TrialCase, judge_inputs

MAX_EXAMPLES = 1000  # random inputs tried by default
FIRST_ROUND = 100  # a small first round: a common bug shows before 1000 inputs are drawn
SHRINK_BATCH = 1000  # neighbours judged in one shrinking round, at most
SHRINK_SECONDS = 30.0  # shrinking stops here, with the smallest input found so far


class StressResult(Record):
    """What a stress test found: the shrunk failing input as `judge run` shows an input, or
    nothing (`case` None) after `examples_run` inputs."""

    __slots__ = (
        "case",
        "compile_error",
        "examples_run",
        "found",
        "original_size",
        "problem",
        "seed",
        "shrinks",
        "size",
    )

    def __init__(
        self,
        problem: str,
        seed: int,
        examples_run: int,
        case: TrialCase | None = None,
        size: int | None = None,
        original_size: int | None = None,
        shrinks: int = 0,
        compile_error: str | None = None,
    ) -> None:
        self.problem = problem
        self.seed = seed
        self.examples_run = examples_run  # inputs judged up to the failing one, or in all
        self.found = case is not None  # an input on which the solution fails
        self.case = case  # the shrunk input, with both answers (or what went wrong)
        self.size = size  # its elements: list entries and tree nodes
        self.original_size = original_size  # the same of the input first found
        self.shrinks = shrinks  # simpler inputs adopted on the way
        self.compile_error = compile_error


def new_seed() -> int:
    """A seed for a run that was not given one; short, so it is easy to type again."""
    return random.SystemRandom().randrange(1_000_000)


def _rounds(total: int) -> list[int]:
    """How many inputs each round judges: a small first round, then doubling."""
    rounds, size = [], FIRST_ROUND
    while total > 0:
        rounds.append(min(size, total))
        total -= rounds[-1]
        size *= 2
    return rounds


def failed(case: TrialCase) -> bool:
    return case.verdict is not None or not case.match


def _failure_kind(case: TrialCase) -> tuple[str, ...]:
    """How an input fails: the verdict, and for a runtime error its exception's name."""
    if case.verdict is None:
        return ("WA",)
    if case.verdict is Verdict.RE:
        return ("RE", case.message.split(":", 1)[0])
    return (case.verdict.value,)


def stress(
    problem: Problem,
    submission: Submission,
    seed: int,
    max_examples: int = MAX_EXAMPLES,
    time_scale: float = 1.0,
    spare: Worker | None = None,
    answering: Worker | None = None,
) -> StressResult:
    """Judge `submission` against the reference on `max_examples` random small inputs drawn
    from `seed`; shrink the first that fails. `spare` and `answering`: workers started early
    for the solution and the reference's first round (their owner closes them)."""
    error = compile_error(problem, submission)
    if error is not None:
        return StressResult(problem.slug, seed, 0, compile_error=error)
    drawer = Drawer(problem)
    rng = random.Random(seed)
    done = 0
    for count in _rounds(max_examples):
        drawn = [drawer.draw_valid(rng) for _ in range(count)]
        inputs = [values for _, values in drawn]
        hit = first_failure(problem, submission, inputs, time_scale, spare, answering)
        spare = answering = None
        if hit is not None:
            index, case = hit
            state, values = drawn[index]
            original = smallinputs.size(problem, values)
            state, values, case, shrinks = shrink_failure(
                drawer, problem, submission, state, values, case, time_scale
            )
            size = smallinputs.size(problem, values)
            return StressResult(problem.slug, seed, done + index + 1, case, size, original, shrinks)
        done += count
    return StressResult(problem.slug, seed, done)


def first_failure(
    problem: Problem,
    submission: Submission,
    inputs: list[dict[str, Any]],
    time_scale: float,
    spare: Worker | None = None,
    answering: Worker | None = None,
    same_as: tuple[str, ...] | None = None,
    oracle: Submission | None = None,
) -> tuple[int, TrialCase] | None:
    """The first input the solution fails on (as `same_as` says, if given), and how; the run
    stops there. The right answers are the reference's, or `oracle`'s (a brute force)."""
    answers = None if oracle is None else oracle_answers(problem, oracle, inputs)
    judged = judge_inputs(
        problem, submission, inputs, time_scale, spare, answers, answering, shown=False
    )
    try:
        for index, case in enumerate(judged):
            if failed(case) and (same_as is None or _failure_kind(case) == same_as):
                values = inputs[index]
                diff = None
                if case.verdict is None and not case.match:
                    diff = problem.locate_difference(values, case.expected, case.output)
                return index, case.replace(
                    input=problem.format_input(values),
                    difference=diff,
                    context=problem.input_context(values, diff),
                )
    finally:
        judged.close()
    return None


def oracle_answers(problem: Problem, oracle: Submission, inputs: list[dict[str, Any]]) -> list[Any]:
    """A trusted solution's answers to inputs (a brute force's: `judge verify --mutants`)."""
    names = tuple(p.name for p in problem.params)
    cases = [
        PreparedCase(f"case {i + 1}", pack_args(problem, values), None, names)
        for i, values in enumerate(inputs)
    ]
    return [o.output for o in run_outputs(problem, oracle, cases, role="brute force")]


def shrink_failure(
    drawer: Drawer,
    problem: Problem,
    submission: Submission,
    state: State,
    values: dict[str, Any],
    case: TrialCase,
    time_scale: float,
    oracle: Submission | None = None,
) -> tuple[State, dict[str, Any], TrialCase, int]:
    """The simplest input found that fails as `case` does: fewer elements first, then values
    nearer 0 (see `shrink`). Round after round, the current input's neighbours are judged in
    order, simplest first, up to the first that fails; none is judged twice. The right
    answers are the reference's, or `oracle`'s."""
    kind = _failure_kind(case)
    order = [p.name for p in problem.params]
    passed = {show([values[name] for name in order])}  # and the failing one, not to go back
    shrinks = 0
    deadline = time.monotonic() + SHRINK_SECONDS
    while time.monotonic() < deadline:
        candidates: list[tuple[State, dict[str, Any], str]] = []
        keys = set()
        for neighbour in shrink.neighbours(drawer, state):
            fitted = drawer.fit(neighbour)
            made = drawer.realize(fitted)
            if made is None:
                continue
            key = show([made[name] for name in order])
            if key in passed or key in keys:
                continue
            keys.add(key)
            candidates.append((fitted, made, key))
            if len(candidates) == SHRINK_BATCH:
                break
        if not candidates:
            break  # no simpler neighbour is left: this is as small as it gets
        inputs = [made for _, made, _ in candidates]
        hit = first_failure(problem, submission, inputs, time_scale, same_as=kind, oracle=oracle)
        tried = candidates if hit is None else candidates[: hit[0]]
        passed.update(key for _, _, key in tried)
        if hit is None:
            break  # none of them fails as it did
        state, values, key = candidates[hit[0]]
        case = hit[1]
        passed.add(key)
        shrinks += 1
    return state, values, case, shrinks
