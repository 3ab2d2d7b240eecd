"""Drive cases through the sandbox; yields events for any renderer.

`Execution` runs a submission's cases in as few worker processes as possible and says what the
sandbox saw on each (`Outcome`, with the verdict `verdicts.of_case` gives it); `grade` compares
answers (`verdicts.of_answer`) and puts together the run's result. Both are generators, so the
terminal, JSON output and the tests consume the same stream.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator, Sequence
from functools import cached_property
from typing import Any

from judge import codecs, limits, protocol, remeasure, verdicts
from judge.cases import PreparedCase
from judge.checkers import CHECKERS
from judge.errors import ProblemError
from judge.limits import Limits
from judge.records import record
from judge.results import CaseResult, Failure, RunResult, Verdict
from judge.sandbox import Received, Stop, Worker
from judge.spec import Problem
from judge.submission import Submission, defines


@record
class Outcome:
    """What the sandbox saw on one case, before any comparison."""

    index: int
    verdict: Verdict | None  # None: the method returned an answer, still to be compared
    raw: bytes | bytearray | None = None  # the answer as the worker sent it (codecs.dump)
    time_ms: float = 0.0
    message: str = ""
    traceback: tuple[str, ...] = ()
    stdout: str = ""
    part: int | None = None  # the input of a batch it failed on, if the worker said

    @cached_property
    def output(self) -> Any:
        """The answer as plain data; raises ValueError if the worker sent something else."""
        return None if self.raw is None else codecs.load(self.raw)


@record
class CaseDone:
    """Event: one case has been judged."""

    index: int
    result: CaseResult


@record
class Finished:
    """Event: the run is over."""

    result: RunResult


Event = CaseDone | Finished
# Given a worker's first times (ms by case index) and a way to time a case again (its new time
# in ms, or None once that failed), times again whatever it chooses: `Execution(rerun=...)`.
Rerun = Callable[[dict[int, float], Callable[[int], "float | None"]], None]


def limits_for(problem: Problem, time_scale: float = 1.0) -> Limits:
    """The problem's limits on this machine (see `limits.for_problem`)."""
    return limits.for_problem(problem.time_ms, problem.memory_mb, time_scale)


def call_of(problem: Problem, submission: Submission) -> protocol.Call:
    """What the worker runs on every case of `problem`."""
    return protocol.Call(
        source=submission.source,
        filename=str(submission.path),
        method=problem.method,
        params=tuple((p.name, p.type, p.node_of) for p in problem.params),
        output=problem.output_mode,
    )


class Execution:
    """Runs a submission's cases in as few worker processes as possible."""

    def __init__(
        self,
        problem: Problem,
        submission: Submission,
        cases: list[PreparedCase],
        limits: Limits,
        keep_going: bool = False,
        spare: Worker | None = None,
        best_of_two: bool = False,
        rerun: Rerun | None = None,
    ) -> None:
        self.problem, self.submission, self.cases = problem, submission, cases
        self.limits, self.keep_going = limits, keep_going
        self.spare = spare  # a worker started early, used for the first run
        self.best_of_two = best_of_two  # time every case twice (a reference's cached times)
        self.rerun = rerun  # times cases again its own way, instead of `remeasure`'s choice
        self.peak_memory_mb = 0.0
        self.again: dict[int, float] = {}  # second runs' times, by case index
        self._times: dict[int, float] = {}  # the first time of every case that answered

    def call(self) -> protocol.Call:
        return call_of(self.problem, self.submission)

    def outcomes(self) -> Generator[Outcome, None, None]:
        start = 0
        while start < len(self.cases):
            lines = [c.job for c in self.cases[start:]]
            worker, self.spare = self.spare or Worker(), None
            try:
                worker.start(self.call(), lines, self.limits)
                last = yield from self._run(worker, start)
            finally:
                worker.release()  # ended in the background; its last measures are taken now
                self.peak_memory_mb = max(self.peak_memory_mb, worker.peak_memory_kb / 1024)
            if last is None:
                return
            start = last + 1

    def _run(self, worker: Worker, start: int) -> Generator[Outcome, None, int | None]:
        """Yield outcomes; return the index to restart after, or None when the run is over."""
        ready = worker.receive(wall_s=self.limits.wall_s + limits.LOAD_EXTRA_WALL_S)
        if not isinstance(ready.message, protocol.Ready):
            outcome = self._outcome(worker, ready, start, start, loading=True)
            outcome.message = f"{outcome.message} ({verdicts.LOADING})"
            yield outcome
            return None
        for index in range(start, len(self.cases)):
            outcome = self._outcome(worker, worker.receive(), index, start)
            if outcome.verdict is None:
                self._times[index] = outcome.time_ms
            yield outcome
            if outcome.verdict is None or (outcome.verdict is Verdict.WA and self.keep_going):
                continue  # the worker is still running the next cases
            if outcome.verdict is Verdict.CE or not self.keep_going:
                return None
            return index  # the worker has stopped: go on in a new one
        self._time_again(worker, start)
        return None

    def _time_again(self, worker: Worker, first: int) -> None:
        """Run again, in the same worker, the cases `remeasure` picks; each will keep its better
        time. Their answers were judged the first time."""
        # Not a batch: its time is that of many inputs, limited one by one, not as a whole.
        times = {i: t for i, t in self._times.items() if i >= first and not self.cases[i].batch}
        if self.rerun is not None:
            self.rerun(times, lambda index: self._again(worker, index, first)[1])
            return
        if self.best_of_two:
            chosen = remeasure.every_timed(times)
        else:
            references = {i: self.cases[i].reference_ms or 0.0 for i in times}
            chosen = remeasure.out_of_line(times, references)
        for index in chosen:
            alive, again_ms = self._again(worker, index, first)
            if not alive:
                return  # killed past its limit, or garbled: the first times stand
            if again_ms is None:
                continue  # the second run failed
            self.again[index] = again_ms
            if not self.best_of_two and again_ms >= remeasure.CONFIRMED * times[index]:
                return  # really this slow, and the cases less out of line are too

    def _again(self, worker: Worker, index: int, first: int) -> tuple[bool, float | None]:
        """Case `index` run once more in `worker`: whether the worker is still there (not
        killed past its limit, nor garbled), and the run's CPU time in ms (None if it failed)."""
        worker.time_again(index - first)
        msg = worker.receive().message
        if not isinstance(msg, protocol.TimedAgain) or msg.index != index - first:
            return False, None
        return True, None if msg.cpu_ns is None else msg.cpu_ns / 1e6

    def _outcome(
        self, worker: Worker, got: Received, index: int, first: int, loading: bool = False
    ) -> Outcome:
        """What the sandbox saw on case `index` (or on loading the file), and its verdict."""
        stdout = worker.stdout(got.stdout)
        # A worker that ended by itself is reaped here, for how it ended and its peak memory.
        ended = got.message is None and got.stop is Stop.EOF
        exit_code = worker.finish() if ended else None
        seen = verdicts.Seen(
            got.message,
            got.stop,
            index - first,
            loading,
            got.proc_cpu_ns,
            worker.stdout_size(),
            stdout,
            exit_code,
            worker.peak_memory_kb / 1024,
        )
        try:
            decision = verdicts.of_case(seen, self.limits)
        except verdicts.CaseInputError as exc:
            raise ProblemError(
                f"{self.problem.slug}: case {self.cases[index].name}: {exc}"
            ) from None
        raw = got.answer if decision.verdict is None else None
        return Outcome(
            index,
            decision.verdict,
            raw,
            decision.time_ms,
            decision.message,
            decision.traceback,
            stdout,
            getattr(got.message, "part", None),
        )


def compile_error(problem: Problem, submission: Submission) -> str | None:
    """Why the file cannot run at all (a CE), or None."""
    if submission.error is not None:
        return submission.error.message
    expected = f"expected:\n{problem.signature()}"
    if submission.methods is None:
        return f"no `class Solution` in the file; {expected}"
    if not defines(submission, problem.method):
        return f"`class Solution` has no method `{problem.method}`; {expected}"
    return None


def load_ahead(
    worker: Worker,
    problem: Problem,
    submission: Submission,
    cases: list[PreparedCase],
    time_scale: float = 1.0,
) -> None:
    """Send `grade`'s first job to `worker` before its turn (see `Worker.load`), so that moving
    megabytes of cases overlaps with judging another file; `grade` with this worker as `spare`
    then only starts it."""
    if compile_error(problem, submission) is None:
        execution = Execution(problem, submission, cases, limits_for(problem, time_scale))
        worker.load(execution.call(), [c.job for c in cases], execution.limits)


def grade(
    problem: Problem,
    submission: Submission,
    cases: list[PreparedCase],
    all_cases: bool = False,
    time_scale: float = 1.0,
    spare: Worker | None = None,
    notes: Sequence[str | None] = (),
) -> Iterator[Event]:
    """Judge a submission: yield a CaseDone per case run, then Finished with the verdict.
    `spare` is a worker started early to save its start-up time (its owner closes it);
    `notes` say what the cases leave out (None: nothing), and go with the result."""
    result = RunResult(problem.slug, Verdict.AC, len(cases), submission=submission)
    result.notes = [note for note in notes if note]
    run_limits = limits_for(problem, time_scale)
    result.time_limit_ms = run_limits.cpu_ms
    error = compile_error(problem, submission)
    if error is not None:
        result.verdict = Verdict.CE
        result.failure = Failure(None, None, None, None, error)
        yield Finished(result)
        return
    execution = Execution(problem, submission, cases, run_limits, all_cases, spare)
    outcomes = execution.outcomes()
    judged: dict[int, CaseResult] = {}
    try:
        for event in _judge_outcomes(problem, cases, outcomes, result, all_cases):
            judged[event.index] = event.result
            yield event
    finally:
        outcomes.close()  # stops and cleans up the worker if judging ended early
    for index, again_ms in execution.again.items():
        if index in judged:
            case = judged[index]
            case.runs_ms = [case.time_ms, again_ms]
            case.time_ms = min(case.runs_ms)
    result.memory_mb = execution.peak_memory_mb
    overall = verdicts.of_run(result.verdict, result.memory_mb, problem.memory_mb)
    if overall is not None:
        result.verdict = overall[0]
        result.failure = Failure(None, None, None, None, overall[1])
    yield Finished(result)


def _judge_outcomes(
    problem: Problem,
    cases: list[PreparedCase],
    outcomes: Iterator[Outcome],
    result: RunResult,
    all_cases: bool,
) -> Iterator[CaseDone]:
    check = CHECKERS[problem.checker]
    out_type = problem.output_type
    for outcome in outcomes:
        case = cases[outcome.index]
        verdict, message, part = outcome.verdict, outcome.message, outcome.part
        if verdict is None:
            assert outcome.raw is not None
            if case.batch:
                verdict, message, part = verdicts.of_batch(
                    case.answer, outcome.raw, out_type, check
                )
            else:
                verdict, message = verdicts.of_answer(case.answer, outcome.raw, out_type, check)
        if verdict is Verdict.CE:
            result.verdict = Verdict.CE
            result.failure = Failure(None, None, None, None, message)
            break
        case_result = CaseResult(case.name, verdict, outcome.time_ms, case.reference_ms)
        result.cases.append(case_result)
        if verdict is not Verdict.AC and result.failure is None:
            result.verdict = verdict
            result.failure = _failure(problem, case, outcome, verdict, message, part)
        yield CaseDone(outcome.index, case_result)
        if verdict is not Verdict.AC and not all_cases:
            break


def _failure(
    problem: Problem,
    case: PreparedCase,
    outcome: Outcome,
    verdict: Verdict,
    message: str,
    part: int | None,
) -> Failure:
    """What to show of a failing case: for a batch, the one input that failed, named after it
    (`small-sweep-0137`), or no input when the batch failed as a whole (a time limit)."""
    output = outcome.output if verdict is Verdict.WA else None
    name, expected = case.name, case.expected
    values: dict[str, Any] | None = case.input
    if case.batch:
        values = None
        if part is not None and part < len(case.inputs):
            name = f"{case.name}-{part + 1:04d}"
            values = case.inputs[part]
            expected = None if expected is None else expected[part]
            output = None if output is None else output[part]
    message = message or verdict.label
    if values is None:
        return Failure(
            name, None, expected, output, message, outcome.stdout, list(outcome.traceback)
        )
    diff = None
    if verdict is Verdict.WA:
        diff = problem.locate_difference(values, expected, output)
    return Failure(
        name,
        problem.format_input(values),
        expected,
        output,
        message,
        outcome.stdout,
        list(outcome.traceback),
        diff,
        problem.input_context(values, diff),
    )


def run_outputs(
    problem: Problem,
    submission: Submission,
    cases: list[PreparedCase],
    role: str = "reference",
    best_of_two: bool = False,
    spare: Worker | None = None,
) -> list[Outcome]:
    """A trusted solution's (the reference's) answers and CPU times on cases; any failure is a
    ProblemError. `best_of_two`: time every case of 1 ms or more twice, keeping the better."""
    error = compile_error(problem, submission)
    if error is not None:
        raise ProblemError(f"{problem.slug}: {role} solution {submission.path}: {error}")
    outcomes: list[Outcome] = []
    execution = Execution(
        problem, submission, cases, limits_for(problem, 5.0), spare=spare, best_of_two=best_of_two
    )
    for outcome in execution.outcomes():
        if outcome.verdict is not None:
            case = cases[outcome.index].name
            raise ProblemError(
                f"{problem.slug}: {role} solution fails case {case}: "
                f"{outcome.verdict.value} {outcome.message}"
            )
        try:
            outcome.output  # noqa: B018 - decoding is the check
        except ValueError:
            raise ProblemError(f"{problem.slug}: {role} solution: {verdicts.GARBLED}") from None
        outcomes.append(outcome)
    for index, again_ms in execution.again.items():
        outcomes[index].time_ms = min(outcomes[index].time_ms, again_ms)
    return outcomes
