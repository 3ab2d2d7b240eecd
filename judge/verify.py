"""Prove a problem package: valid data, a correct and fast reference, discriminating test data.

As Kattis `verifyproblem` does, every known-verdict submission must get the verdict of its
folder, and a verdict that would change with a slightly looser time limit is reported as
fragile: such test data does not really tell fast from slow.
"""

from __future__ import annotations

import marshal
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from judge.cases import (
    PreparedCase,
    broken_constraint,
    generate,
    generate_inputs,
    generator_function,
    hand_cases,
)
from judge.checkers import CHECKERS
from judge.errors import ProblemError, UsageError
from judge.grading import Finished, grade, limits_for, run_outputs
from judge.references import prepare_cases
from judge.results import RunResult, Verdict
from judge.spec import SWEEP_CASE, Problem
from judge.submission import read_submission
from judge.verdicts import of_batch

FOLDERS = {
    "accepted": Verdict.AC,
    "wrong_answer": Verdict.WA,
    "time_limit_exceeded": Verdict.TLE,
    "run_time_error": Verdict.RE,
}
REFERENCE_SHARE = 5  # the reference's slowest case may use at most 1/5 of the time limit
FRAGILE_FACTOR = 1.5  # verdicts must not change between the limit and 1.5x the limit


@dataclass
class Check:
    """One proven (or disproven) property of a problem."""

    problem: str
    name: str
    ok: bool
    detail: str = ""


def _result(events: Iterator) -> RunResult:
    for event in events:
        if isinstance(event, Finished):
            return event.result
    raise AssertionError("grading ended without a result")


def _describe(result: RunResult) -> str:
    f = result.failure
    if f is None:
        return f"{result.verdict.value}, slowest case {_slowest(result):.0f} ms"
    where = f" on {f.case}" if f.case else ""
    return f"{result.verdict.value}{where}: {f.message.splitlines()[0] if f.message else ''}"


def _slowest(result: RunResult) -> float:
    return max((c.time_ms for c in result.cases), default=0.0)


def check_constraints(problem: Problem) -> Check:
    """Every hand-written and generated input satisfies the stated constraints."""
    name = "inputs meet the constraints"
    if not problem.validator:
        return Check(problem.slug, name, False, "the spec has no verify.validate function")
    validate = generator_function(problem, problem.validator, "verify.validate")
    inputs = [(c.name, c.input) for c in problem.cases]
    for case, args in generate_inputs(problem):
        written = marshal.loads(args)
        if type(written) is tuple:  # a batch: each of its inputs, named as a failure names it
            inputs += [(f"{case}-{i + 1:04d}", part) for i, part in enumerate(written)]
        else:
            inputs.append((case, written))
    if problem.growth:
        from judge import ladders

        for ladder in ladders.load(problem):
            family = f"growth family {ladder.family.name}"
            inputs += [(f"{family} at {c.name}", marshal.loads(c.payload)) for c in ladder.cases]
    params = [p.name for p in problem.params]
    bad = []
    for case, values in inputs:
        if isinstance(values, list):
            values = dict(zip(params, values))
        problem_found = broken_constraint(problem, validate, values)
        if problem_found:
            bad.append(f"{case}: {problem_found}")
    if bad:
        return Check(problem.slug, name, False, "; ".join(bad[:3]))
    return Check(problem.slug, name, True, f"{len(inputs)} inputs")


def check_hand_answers(problem: Problem) -> Check:
    """The reference agrees with every hand-written expected answer."""
    name = "reference matches hand answers"
    result = _result(
        grade(problem, read_submission(problem.reference), hand_cases(problem), all_cases=True)
    )
    wrong = [c.name for c in result.cases if c.verdict is not Verdict.AC]
    if result.verdict is not Verdict.AC:
        return Check(problem.slug, name, False, f"{_describe(result)}; failing: {', '.join(wrong)}")
    return Check(problem.slug, name, True, f"{result.passed} cases")


def check_brute_force(problem: Problem, trials: int) -> Check:
    """The reference agrees with an independent brute force on small random inputs."""
    name = f"reference matches brute force ({trials} random inputs)"
    brute = problem.submissions / "brute_force.py"
    if not problem.small:
        return Check(problem.slug, name, False, "the spec has no verify.small generator")
    if not brute.is_file():
        return Check(problem.slug, name, False, f"no brute force at {brute}")
    names = tuple(p.name for p in problem.params)
    cases = [
        PreparedCase(
            f"random-{seed}",
            generate(problem, problem.small, random.Random(seed), {}, "verify.small"),
            None,
            names,
        )
        for seed in range(trials)
    ]
    try:
        brute_run = run_outputs(problem, read_submission(brute), cases, role="brute force")
        reference_run = run_outputs(problem, read_submission(problem.reference), cases)
    except ProblemError as exc:
        return Check(problem.slug, name, False, str(exc))
    check = CHECKERS[problem.checker]
    for case, brute_outcome, reference_outcome in zip(cases, brute_run, reference_run):
        want, got = brute_outcome.output, reference_outcome.output
        if not check(want, got).ok:
            shown = problem.format_input(case.input)
            return Check(problem.slug, name, False, f"{shown}: brute force {want}, reference {got}")
    return Check(problem.slug, name, True)


def check_sweep(problem: Problem, cases: list[PreparedCase]) -> Check:
    """Submissions meet a sweep of small inputs, and the reference's answers to it (those
    submissions are judged by) agree with the brute force's."""
    name = "small-input sweep matches brute force"
    sweep = next((c for c in cases if c.name == SWEEP_CASE), None)
    if sweep is None:
        return Check(problem.slug, name, False, "the spec has no small_inputs to sweep")
    name = f"small-input sweep matches brute force ({len(sweep.inputs)} inputs)"
    brute = problem.submissions / "brute_force.py"
    if not brute.is_file():
        return Check(problem.slug, name, False, f"no brute force at {brute}")
    try:
        (outcome,) = run_outputs(problem, read_submission(brute), [sweep], role="brute force")
    except ProblemError as exc:
        return Check(problem.slug, name, False, str(exc))
    assert outcome.raw is not None
    check = CHECKERS[problem.checker]
    # The brute force's answers are the truth here, the reference's the answers judged.
    answers = bytes(sweep.answer or b"")
    verdict, _, part = of_batch(outcome.raw, answers, problem.output_type, check)
    if verdict is Verdict.AC:
        return Check(problem.slug, name, True)
    if part is None:
        return Check(problem.slug, name, False, f"the reference's answers: {verdict.value}")
    shown = problem.format_input(sweep.inputs[part])
    want, got = outcome.output[part], sweep.expected[part]
    return Check(problem.slug, name, False, f"{shown}: brute force {want}, reference {got}")


def check_reference_speed(
    problem: Problem, cases: list[PreparedCase], time_scale: float = 1.0
) -> Check:
    """The reference's slowest case uses at most 1/5 of the time limit."""
    name = f"reference within 1/{REFERENCE_SHARE} of the time limit"
    result = _result(
        grade(problem, read_submission(problem.reference), cases, time_scale=time_scale)
    )
    if result.verdict is not Verdict.AC:
        return Check(problem.slug, name, False, _describe(result))
    slowest = max(result.cases, key=lambda c: c.time_ms)
    limit = limits_for(problem, time_scale).cpu_ms
    detail = f"slowest {slowest.name}: {slowest.time_ms:.0f} ms of {limit} ms"
    return Check(problem.slug, name, slowest.time_ms * REFERENCE_SHARE <= limit, detail)


def known_submissions(problem: Problem) -> list[tuple[Path, Verdict]]:
    """The problem's known-verdict submissions, by folder."""
    found = []
    for folder, verdict in FOLDERS.items():
        found += [(path, verdict) for path in sorted((problem.submissions / folder).glob("*.py"))]
    return found


def check_submission(
    problem: Problem,
    path: Path,
    wanted: Verdict,
    cases: list[PreparedCase],
    time_scale: float = 1.0,
) -> Check:
    """A known submission gets its folder's verdict, and would still get it at 1.5x the limit."""
    name = f"{path.parent.name}/{path.name} is {wanted.value}"
    submission = read_submission(path)
    result = _result(grade(problem, submission, cases, time_scale=time_scale))
    if result.verdict is not wanted:
        return Check(problem.slug, name, False, f"got {_describe(result)}")
    limit = limits_for(problem, time_scale).cpu_ms
    if wanted is Verdict.AC and _slowest(result) * FRAGILE_FACTOR > limit:
        detail = f"fragile: slowest case {_slowest(result):.0f} ms is near the limit"
        return Check(problem.slug, name, False, detail)
    if wanted is Verdict.TLE:
        looser_scale = time_scale * FRAGILE_FACTOR
        looser = _result(grade(problem, submission, cases, time_scale=looser_scale))
        if looser.verdict is not Verdict.TLE:
            detail = f"fragile: {_describe(looser)} at {FRAGILE_FACTOR}x the time limit"
            return Check(problem.slug, name, False, detail)
    return Check(problem.slug, name, True, _describe(result))


def verify_problem(problem: Problem, trials: int = 300, time_scale: float = 1.0) -> Iterator[Check]:
    """Every check of one problem, as it completes."""
    try:
        cases = prepare_cases(problem)
    except UsageError as exc:
        yield Check(problem.slug, "test data can be built", False, str(exc))
        return
    yield Check(problem.slug, "spec is valid", True, f"{len(cases)} cases")
    for step in (check_constraints, check_hand_answers):
        try:
            yield step(problem)
        except UsageError as exc:
            yield Check(problem.slug, step.__doc__ or step.__name__, False, str(exc))
    try:
        yield check_brute_force(problem, trials)
    except UsageError as exc:
        yield Check(problem.slug, "reference matches brute force", False, str(exc))
    yield check_sweep(problem, cases)
    yield check_reference_speed(problem, cases, time_scale)
    known = known_submissions(problem)
    if not any(verdict is Verdict.AC for _, verdict in known):
        yield Check(
            problem.slug, "known submissions", False, f"no accepted/ in {problem.submissions}"
        )
    for path, verdict in known:
        yield check_submission(problem, path, verdict, cases, time_scale)
