"""Prove a problem package: valid data, a correct and fast reference, discriminating test data.

As Kattis `verifyproblem` does, every known-verdict submission must get the verdict of its
folder, and a verdict that would change with a slightly looser time limit is reported as
fragile: such test data does not really tell fast from slow. What a spec leaves out (a
validator, small inputs, a brute force, known submissions) is optional: its check is skipped
with a note that says what would run it. A check whose ground is gone (no reference, hand
answers the reference disputes) is skipped too, so one mistake shows once.
"""

from __future__ import annotations

import marshal
import random
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from judge import codecs
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
from judge.records import record
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
# Wrong submissions that a hand-written case should catch: a wrong answer or a crash shows on
# a small input, where the author can see why. Too slow needs the large generated cases.
WRONG = (Verdict.WA, Verdict.RE)
_SHOWN_VALUE = 80  # characters of a value in a check's detail


@record
class Check:
    """One proven (or disproven, or skipped) property of a problem."""

    problem: str
    name: str
    ok: bool
    detail: str = ""
    skipped: bool = False  # not run: an optional part is absent, or what it needs failed
    warning: bool = False  # passed, with something the author should look at
    # A known submission that must fail: the first case that catches it, and whether that
    # case is hand-written (a wrong one caught only by a generated case gets a warning).
    caught_by: str | None = None
    caught_by_hand: bool | None = None

    @property
    def status(self) -> str:
        """`ok`, `failed`, `skipped` or `warning`: what the terminal and JSON show."""
        if not self.ok:
            return "failed"
        return "skipped" if self.skipped else ("warning" if self.warning else "ok")


def _skip(problem: Problem, name: str, why: str) -> Check:
    return Check(problem.slug, name, True, why, skipped=True)


def _result(events: Iterator) -> RunResult:
    for event in events:
        if isinstance(event, Finished):
            return event.result
    raise AssertionError("grading ended without a result")


def _describe(result: RunResult) -> str:
    f = result.failure
    if f is None:
        return f"{result.verdict.value}, slowest case {_ms(_slowest(result))}"
    where = f" on {f.case}" if f.case else ""
    return f"{result.verdict.value}{where}: {f.message.splitlines()[0] if f.message else ''}"


def _slowest(result: RunResult) -> float:
    return max((c.time_ms for c in result.cases), default=0.0)


def _ms(value: float) -> str:
    """A time with the digits that matter: most references take well under a millisecond."""
    if value < 1:
        return f"{value:.3f} ms"
    return f"{value:.1f} ms" if value < 10 else f"{value:.0f} ms"


def _shown(value: Any) -> str:
    text = codecs.show(value)
    return text if len(text) <= _SHOWN_VALUE else text[:_SHOWN_VALUE] + "…"


def small_inputs(problem: Problem, trials: int) -> list[PreparedCase]:
    """The `verify.small` generator's inputs, seeds 0 to trials - 1."""
    assert problem.small is not None
    names = tuple(p.name for p in problem.params)
    return [
        PreparedCase(
            f"random-{seed}",
            generate(problem, problem.small, random.Random(seed), {}, "verify.small"),
            None,
            names,
        )
        for seed in range(trials)
    ]


def check_constraints(problem: Problem, small: Sequence[PreparedCase] = ()) -> Check:
    """Every input the judge runs satisfies the stated constraints: the hand-written and
    generated cases, the growth families at every size and the small random inputs."""
    name = "inputs meet the constraints"
    if not problem.validator:
        return _skip(
            problem,
            name,
            "no verify.validate in the spec: inputs are checked against the signature only",
        )
    validate = generator_function(problem, problem.validator, "verify.validate")
    inputs = [(c.name, c.input) for c in problem.cases]
    swept = 0
    for case, args in generate_inputs(problem):
        written = marshal.loads(args)
        if type(written) is tuple:  # a batch: each of its inputs, named as a failure names it
            inputs += [(f"{case}-{i + 1:04d}", part) for i, part in enumerate(written)]
            swept += len(written)
        else:
            inputs.append((case, written))
    counts = [f"{len(problem.cases)} hand-written", f"{len(problem.generated)} generated"]
    if swept:
        counts.append(f"{swept} of the small-input sweep")
    if problem.growth:
        from judge import ladders

        growing = 0
        for ladder in ladders.load(problem):
            family = f"growth family {ladder.family.name}"
            inputs += [(f"{family} at {c.name}", marshal.loads(c.payload)) for c in ladder.cases]
            growing += len(ladder.cases)
        counts.append(f"{growing} of growth families")
    inputs += [(f"verify.small {c.name}", c.input) for c in small]
    if small:
        counts.append(f"{len(small)} small random")
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
    return Check(problem.slug, name, True, ", ".join(counts))


def check_hand_answers(problem: Problem) -> Check:
    """The reference agrees with every hand-written expected answer; the first disagreement
    shows both answers, since one of them is wrong and only the author can say which."""
    name = "reference matches hand answers"
    result = _result(
        grade(problem, read_submission(problem.reference), hand_cases(problem), all_cases=True)
    )
    f = result.failure
    if result.verdict is Verdict.AC or f is None:
        return Check(problem.slug, name, True, f"{result.passed} cases")
    if result.verdict is Verdict.WA:
        detail = (
            f"{f.case}: expected {_shown(f.expected)} in the spec, the reference returns "
            f"{_shown(f.output)} (input {f.input})"
        )
    else:
        message = f.message.splitlines()[0] if f.message else ""
        detail = f"{f.case or 'the reference'}: {result.verdict.value} {message}".strip()
    others = [c.name for c in result.cases if c.verdict is not Verdict.AC and c.name != f.case]
    if others:
        detail += f"; also failing: {', '.join(others)}"
    return Check(problem.slug, name, False, detail)


def check_brute_force(problem: Problem, small: list[PreparedCase]) -> Check:
    """The reference agrees with an independent brute force on small random inputs."""
    name = f"reference matches brute force ({len(small)} random inputs)"
    brute = problem.submissions / "brute_force.py"
    try:
        brute_run = run_outputs(problem, read_submission(brute), small, role="brute force")
        reference_run = run_outputs(problem, read_submission(problem.reference), small)
    except ProblemError as exc:
        return Check(problem.slug, name, False, str(exc))
    check = CHECKERS[problem.checker]
    for case, brute_outcome, reference_outcome in zip(small, brute_run, reference_run):
        want, got = brute_outcome.output, reference_outcome.output
        if not check(want, got).ok:
            shown = problem.format_input(case.input)
            detail = f"{shown}: brute force {_shown(want)}, reference {_shown(got)}"
            return Check(problem.slug, name, False, detail)
    detail = f"{problem.small}(rng) with seeds 0 to {len(small) - 1}"
    return Check(problem.slug, name, True, detail)


def check_sweep(problem: Problem, cases: list[PreparedCase]) -> Check:
    """Submissions meet a sweep of small inputs, and the reference's answers to it (those
    submissions are judged by) agree with the brute force's."""
    name = "small-input sweep matches brute force"
    sweep = next((c for c in cases if c.name == SWEEP_CASE), None)
    if sweep is None:
        return _skip(problem, name, "no small_inputs in the spec: there is no sweep")
    name = f"small-input sweep matches brute force ({len(sweep.inputs)} inputs)"
    brute = problem.submissions / "brute_force.py"
    if not brute.is_file():
        return _skip(problem, name, f"no brute force at {brute}")
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
    detail = f"{shown}: brute force {_shown(want)}, reference {_shown(got)}"
    return Check(problem.slug, name, False, detail)


def check_reference_speed(
    problem: Problem, cases: list[PreparedCase], time_scale: float = 1.0
) -> Check:
    """The reference's slowest case uses at most 1/5 of the time limit. Its times are the
    ones measured with its answers (the better of two runs), which is also what submissions
    are compared with; its answers are not judged here, that is the hand answers' check."""
    name = f"reference within 1/{REFERENCE_SHARE} of the time limit"
    # A batch (the sweep) is timed as a whole, but limited input by input: it is left out.
    timed = [c for c in cases if c.reference_ms is not None and not c.batch]
    if not timed:
        return _skip(problem, name, "no reference times")
    slowest = max(timed, key=lambda c: c.reference_ms or 0.0)
    took = slowest.reference_ms or 0.0
    limit = limits_for(problem, time_scale).cpu_ms
    detail = f"slowest {slowest.name}: {_ms(took)} of {limit} ms"
    return Check(problem.slug, name, took * REFERENCE_SHARE <= limit, detail)


# The first line of a wrong submission that only a large input can show (an index that
# overflows 16 bits): no hand-written case or small input is expected to catch it.
LARGE_ONLY = "# wrong on large inputs only"


def large_only(path: Path) -> bool:
    """Whether a known submission says it is wrong on large inputs only."""
    try:
        with open(path, "rb") as f:
            return f.readline().startswith(LARGE_ONLY.encode())
    except OSError:
        return False


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
    """A known submission gets its folder's verdict, and would still get it at 1.5x the limit;
    one that must fail says which case catches it first."""
    name = f"{path.parent.name}/{path.name} is {wanted.value}"
    submission = read_submission(path)
    result = _result(grade(problem, submission, cases, time_scale=time_scale))
    if result.verdict is not wanted:
        return Check(problem.slug, name, False, f"got {_describe(result)}")
    limit = limits_for(problem, time_scale).cpu_ms
    if wanted is Verdict.AC:
        if _slowest(result) * FRAGILE_FACTOR > limit:
            detail = f"fragile: slowest case {_ms(_slowest(result))} is near the limit"
            return Check(problem.slug, name, False, detail)
        return Check(problem.slug, name, True, _describe(result))
    if wanted is Verdict.TLE:
        looser_scale = time_scale * FRAGILE_FACTOR
        looser = _result(grade(problem, submission, cases, time_scale=looser_scale))
        if looser.verdict is not Verdict.TLE:
            detail = f"fragile: {_describe(looser)} at {FRAGILE_FACTOR}x the time limit"
            return Check(problem.slug, name, False, detail)
    assert result.failure is not None and result.failure.case is not None
    case = result.failure.case
    by_hand = case in {c.name for c in problem.cases}
    # The sweep's failure shows one small input, as readable as a hand-written case's; a
    # large generated case's does not.
    swept = case.startswith(SWEEP_CASE)
    kind = "hand-written" if by_hand else ("small-input sweep" if swept else "generated")
    check = Check(problem.slug, name, True, caught_by=case, caught_by_hand=by_hand)
    check.detail = f"caught by {case} ({kind})"
    if wanted is Verdict.RE and result.failure.message:
        check.detail += f": {result.failure.message.splitlines()[0]}"
    if wanted in WRONG and not by_hand and not swept and not large_only(path):
        check.warning = True
        check.detail = (
            f"caught only by generated case {case}: no hand-written case catches it; add one "
            "that does, so that its failure shows on an input small enough to read"
        )
    return check


def _attempted(slug: str, name: str, check: Callable[[], Check]) -> Check:
    """A check's result, or a failed check saying why it could not be made (a usage error:
    the problem's data, not the judge, is at fault)."""
    try:
        return check()
    except UsageError as exc:
        return Check(slug, name, False, str(exc))


def verify_problem(problem: Problem, trials: int = 300, time_scale: float = 1.0) -> Iterator[Check]:
    """Every check of one problem, as it completes."""
    slug = problem.slug
    try:
        cases = prepare_cases(problem)
    except UsageError as exc:
        yield Check(slug, "test data can be built", False, str(exc))
        return
    yield Check(
        slug,
        "spec is valid",
        True,
        f"{len(problem.cases)} hand-written cases, {len(problem.generated)} generated",
    )
    has_reference = problem.reference.is_file()
    if not has_reference:
        yield Check(
            slug,
            "reference solution exists",
            False,
            f"no file at {problem.reference}: write the problem's solution there, or name its "
            "file with `reference:` in the spec",
        )
    small: list[PreparedCase] = []
    small_error = None
    if problem.small:
        try:
            small = small_inputs(problem, trials)
        except UsageError as exc:
            small_error = str(exc)
    yield _attempted(slug, "inputs meet the constraints", lambda: check_constraints(problem, small))

    needs_reference = "needs the reference solution"
    brute = problem.submissions / "brute_force.py"
    brute_name = f"reference matches brute force ({trials} random inputs)"
    if not has_reference:
        hand = _skip(problem, "reference matches hand answers", needs_reference)
    else:
        hand = _attempted(
            slug, "reference matches hand answers", lambda: check_hand_answers(problem)
        )
    yield hand
    if not problem.small:
        yield _skip(
            problem,
            brute_name,
            "no verify.small generator in the spec: the reference is checked on the hand "
            "answers only",
        )
    elif small_error:
        yield Check(slug, brute_name, False, small_error)
    elif not brute.is_file():
        yield _skip(
            problem,
            brute_name,
            f"no brute force at {brute}: write an obviously correct (slow) solution there to "
            "compare the reference with",
        )
    elif not has_reference:
        yield _skip(problem, brute_name, needs_reference)
    else:
        yield _attempted(slug, brute_name, lambda: check_brute_force(problem, small))
    sweep_name = "small-input sweep matches brute force"
    if not has_reference:
        yield _skip(problem, sweep_name, needs_reference)
    else:
        yield _attempted(slug, sweep_name, lambda: check_sweep(problem, cases))
    speed_name = f"reference within 1/{REFERENCE_SHARE} of the time limit"
    if not has_reference:
        yield _skip(problem, speed_name, needs_reference)
    else:
        yield check_reference_speed(problem, cases, time_scale)

    known = known_submissions(problem)
    if not known:
        yield _skip(
            problem,
            "known submissions",
            f"none in {problem.submissions} (accepted/, wrong_answer/, time_limit_exceeded/, "
            "run_time_error/)",
        )
        return
    if not has_reference or not hand.ok:
        # Verdicts on answers that may be wrong prove nothing; one failure above says why.
        why = needs_reference if not has_reference else "the reference disputes the hand answers"
        for path, verdict in known:
            yield _skip(problem, f"{path.parent.name}/{path.name} is {verdict.value}", why)
        return
    for path, verdict in known:
        yield check_submission(problem, path, verdict, cases, time_scale)
