"""LeetCode's "Run": a solution on inputs of the user's choosing, beside the reference's answers.

Unlike `grading.grade`, every input runs whatever happened on the one before, and every
output is shown, matching or not. The sandbox and the limits are the same as a submission's.
An input is refused before anything runs unless it parses (`casetext`), fits the signature
and meets the problem's constraints (the spec's `verify.validate`): the reference's answer to
an input outside them would mean nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Generator
from typing import TYPE_CHECKING, Any

from judge import casetext, codecs, verdicts
from judge.cases import PreparedCase, generator_function, pack_args
from judge.checkers import CHECKERS
from judge.errors import ProblemError, UsageError
from judge.grading import Execution, Outcome, compile_error, limits_for, run_outputs
from judge.records import Record
from judge.results import Verdict
from judge.sandbox import Worker
from judge.spec import Problem, check_input
from judge.submission import Submission, read_submission

if TYPE_CHECKING:
    from judge.difference import Difference, InputContext

_SHOWN_INPUT = 60  # characters of an input that an error message repeats


class TrialCase(Record):
    """One input: what the solution did with it and what the right answer is."""

    __slots__ = (
        "context",
        "difference",
        "expected",
        "input",
        "match",
        "message",
        "output",
        "stdout",
        "time_ms",
        "traceback",
        "verdict",
    )

    def __init__(
        self,
        input: str,
        expected: Any,
        output: Any = None,
        verdict: Verdict | None = None,
        match: bool = False,
        message: str = "",
        traceback: tuple[str, ...] = (),
        stdout: str = "",
        time_ms: float = 0.0,
        difference: Difference | None = None,
        context: InputContext | None = None,
    ) -> None:
        self.input = input  # LeetCode's `name = value` form
        self.expected = expected
        self.output = output  # the answer as plain data, when the method returned
        self.verdict = verdict  # None: it returned; else RE, TLE, MLE, OLE (or CE)
        self.match = match  # the output is right under the problem's checker
        self.message = message  # why it does not match, or what went wrong
        self.traceback = traceback
        self.stdout = stdout
        self.time_ms = time_ms
        self.difference = difference  # where the output departs from the expected answer
        self.context = context  # the input's sizes and the part behind the difference


class TrialResult(Record):
    """A run of one file on a list of inputs. (Records, not dataclasses: `judge run` defines
    them at every start.)"""

    __slots__ = ("cases", "compile_error", "problem")

    def __init__(
        self, problem: str, cases: list[TrialCase], compile_error: str | None = None
    ) -> None:
        self.problem = problem
        self.cases = cases
        self.compile_error = compile_error

    @property
    def matched(self) -> int:
        return sum(1 for c in self.cases if c.match)

    @property
    def total(self) -> int:
        return len(self.cases)


class _Refusal:
    """Reports an input that does not fit the signature as the user's mistake, naming it."""

    def __init__(self, label: str) -> None:
        self.label = label

    def fail(self, where: tuple, message: str) -> None:
        part = f"{where[-1]}: " if len(where) > 1 else ""
        raise UsageError(f"{self.label}: {part}{message}")


def read_inputs(problem: Problem, texts: list[str]) -> list[dict[str, Any]]:
    """Each `--case` text as an input, or a usage error naming the case and what is wrong."""
    names = [p.name for p in problem.params]
    validate = None
    if problem.validator and problem.generators:
        validate = generator_function(problem, problem.validator, "verify.validate")
    inputs = []
    for number, text in enumerate(texts, 1):
        label = f"case {number}" if len(texts) > 1 else "the case"
        try:
            values = casetext.parse(text, names)
        except casetext.CaseTextError as exc:
            raise UsageError(f"{label}: {exc}") from None
        check_input(_Refusal(label), ("input",), values, problem.params)  # type: ignore[arg-type]
        if validate is not None:
            broken = _constraint_broken(validate, values)
            if broken:
                shown = problem.format_input(values)
                if len(shown) > _SHOWN_INPUT:
                    shown = shown[:_SHOWN_INPUT] + "…"
                raise UsageError(f"{label} ({shown}) breaks a constraint: {broken}")
        inputs.append(values)
    return inputs


def _constraint_broken(validate: Any, values: dict[str, Any]) -> str | None:
    """What the spec's validator says is wrong with an input (None: nothing)."""
    try:
        return validate(**values) or None
    except AssertionError as exc:
        return str(exc) or "assertion failed"
    except Exception as exc:  # the validator assumed more than the signature guarantees
        return f"{type(exc).__name__}: {exc}"


def examples(problem: Problem) -> list[dict[str, Any]]:
    """The inputs a run without `--case` uses: the examples (else the first hand cases)."""
    chosen = [c for c in problem.cases if c.example] or problem.cases[:3]
    return [c.input for c in chosen]


def _known_answers(problem: Problem, inputs: list[dict[str, Any]]) -> list[Any]:
    """The spec's own answer to each input that is one of its cases (None for the others)."""
    order = [p.name for p in problem.params]
    known = {codecs.show([c.input[n] for n in order]): c.expected for c in problem.cases}
    return [known.get(codecs.show([values[n] for n in order])) for values in inputs]


class ReferenceAnswers:
    """The reference's answers to the inputs the spec does not answer, worked out on a thread
    while the solution runs: both wait on their own sandboxed process, so the runs overlap."""

    def __init__(
        self, problem: Problem, inputs: list[dict[str, Any]], spare: Worker | None = None
    ) -> None:
        self.answers = _known_answers(problem, inputs)
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None
        unknown = [i for i, answer in enumerate(self.answers) if answer is None]
        if unknown:
            # Asked for here, not on the thread: the fork server serves one request at a time.
            worker = spare or Worker()
            self._thread = threading.Thread(
                target=self._work,
                args=(problem, inputs, unknown, worker),
                name="judge-reference",
                daemon=True,
            )
            self._thread.start()
        elif spare is not None:
            spare.release()  # not needed after all: ended in the background, not waited for

    def _work(
        self, problem: Problem, inputs: list[dict[str, Any]], unknown: list[int], worker: Worker
    ) -> None:
        try:
            with worker:
                names = tuple(p.name for p in problem.params)
                cases = [
                    PreparedCase(f"case {i + 1}", pack_args(problem, inputs[i]), None, names)
                    for i in unknown
                ]
                try:
                    reference = read_submission(problem.reference)
                except UsageError as exc:
                    raise ProblemError(
                        f"{problem.slug}: no reference solution to answer the case ({exc})"
                    ) from None
                outcomes = run_outputs(problem, reference, cases, spare=worker)
                for i, outcome in zip(unknown, outcomes):
                    self.answers[i] = outcome.output
        except BaseException as exc:  # raised again in the caller's thread
            self._error = exc

    def result(self) -> list[Any]:
        if self._thread is not None:
            self._thread.join()
        if self._error is not None:
            raise self._error
        return self.answers


def reference_answers(problem: Problem, inputs: list[dict[str, Any]]) -> list[Any]:
    """The right answer to each input: the spec's own, else the reference solution's."""
    return ReferenceAnswers(problem, inputs).result()


def trial(
    problem: Problem,
    submission: Submission,
    inputs: list[dict[str, Any]],
    time_scale: float = 1.0,
    spare: Worker | None = None,
    answers: list[Any] | None = None,
    answering: Worker | None = None,
) -> TrialResult:
    """Run `submission` on every input; compare each output with the right answer (`answers`,
    if they are known already: see `reference_answers`). `spare` and `answering` are workers
    started early, for the solution and the reference (their owner closes them)."""
    error = compile_error(problem, submission)
    if error is not None:
        shown = [problem.format_input(values) for values in inputs]
        cases = [TrialCase(s, None, verdict=Verdict.CE, message=error) for s in shown]
        return TrialResult(problem.slug, cases, error)
    judged = judge_inputs(problem, submission, inputs, time_scale, spare, answers, answering)
    return TrialResult(problem.slug, list(judged))


def judge_inputs(
    problem: Problem,
    submission: Submission,
    inputs: list[dict[str, Any]],
    time_scale: float = 1.0,
    spare: Worker | None = None,
    answers: list[Any] | None = None,
    answering: Worker | None = None,
    shown: bool = True,
) -> Generator[TrialCase, None, None]:
    """Each input judged, in order, as the solution gets through them (a file that compiles:
    see `compile_error`). Stopping early stops the run: `judge stress` wants only the first
    input that fails, and only its text (`shown` False: each case's `input` is left empty)."""
    reference = ReferenceAnswers(problem, inputs, answering) if answers is None else None
    names = tuple(p.name for p in problem.params)
    prepared = [
        PreparedCase(f"case {i + 1}", pack_args(problem, values), None, names)
        for i, values in enumerate(inputs)
    ]
    run_limits = limits_for(problem, time_scale)
    outcomes = Execution(problem, submission, prepared, run_limits, True, spare).outcomes()
    expected: list[Any] | None = answers
    last: Outcome | None = None
    try:
        for outcome in outcomes:
            if expected is None:
                assert reference is not None
                expected = reference.result()  # the reference ran meanwhile, in parallel
            last = outcome
            values = inputs[outcome.index] if shown else None
            text = problem.format_input(values) if values is not None else ""
            yield _compare(problem, values, text, expected[outcome.index], outcome)
    finally:
        outcomes.close()
    # A file that fails while loading runs no case at all: each gets that same verdict.
    if last is not None and last.index + 1 < len(inputs):
        assert expected is not None
        for index in range(last.index + 1, len(inputs)):
            failed = Outcome(index, last.verdict, None, 0.0, last.message)
            values = inputs[index] if shown else None
            text = problem.format_input(values) if values is not None else ""
            yield _compare(problem, values, text, expected[index], failed)


def _compare(
    problem: Problem, values: dict[str, Any] | None, shown: str, expected: Any, outcome: Outcome
) -> TrialCase:
    """One input's case; `values` None: only the verdict is wanted (`judge stress`), so the
    failure view's context is left out."""
    case = TrialCase(
        shown,
        expected,
        verdict=outcome.verdict,
        message=outcome.message,
        traceback=outcome.traceback,
        stdout=outcome.stdout,
        time_ms=outcome.time_ms,
    )
    if outcome.verdict is not None:
        if values is None:
            return case
        return case.replace(context=problem.input_context(values, None))
    assert outcome.raw is not None
    verdict, message = verdicts.of_answer(
        codecs.dump(expected), outcome.raw, problem.output_type, CHECKERS[problem.checker]
    )
    if verdict is Verdict.RE:  # the channel was garbled: there is no output to show
        return case.replace(verdict=verdict, message=message)
    match = verdict is Verdict.AC
    if values is None:
        return case.replace(output=outcome.output, match=match, message=message)
    diff = None if match else problem.locate_difference(values, expected, outcome.output)
    return case.replace(
        output=outcome.output,
        match=match,
        message=message,
        difference=diff,
        context=problem.input_context(values, diff),
    )
