"""Drive cases through the sandbox and decide verdicts; yields events for any renderer.

`execute` says what happened on each case (an answer, or a crash, a timeout, ...); `grade`
compares answers with the expected ones and decides the verdict of the run. Both are
generators, so the terminal, JSON output and the tests consume the same stream.
"""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from judge import calibration, codecs, remeasure
from judge.cases import PreparedCase
from judge.checkers import CHECKERS
from judge.errors import ProblemError
from judge.problems import Problem
from judge.results import CaseResult, Failure, RunResult, Verdict
from judge.sandbox import Limits, Received, Worker
from judge.submission import Submission, defines

LOADING = "while loading the solution"


@dataclass
class Outcome:
    """What the sandbox saw on one case, before any comparison."""

    index: int
    verdict: Verdict | None  # None: the method returned an answer, still to be compared
    raw: bytes | bytearray | None = None  # the answer as the worker sent it (codecs.dump)
    time_ms: float = 0.0
    message: str = ""
    traceback: list[str] = field(default_factory=list)
    stdout: str = ""

    @cached_property
    def output(self) -> Any:
        """The answer as plain data; raises ValueError if the worker sent something else."""
        return None if self.raw is None else codecs.load(self.raw)


@dataclass
class CaseDone:
    """Event: one case has been judged."""

    index: int
    result: CaseResult


@dataclass
class Finished:
    """Event: the run is over."""

    result: RunResult


Event = CaseDone | Finished


def limits_for(problem: Problem, time_scale: float = 1.0) -> Limits:
    """The problem's limits on this machine: the spec's time limit is for the reference machine,
    so it is scaled by this machine's calibration, then by the user's `time_scale`."""
    cpu_ms = calibration.limit_ms(problem.time_ms, calibration.factor(), time_scale)
    return Limits(cpu_ms=cpu_ms, memory_mb=problem.memory_mb)


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
    ) -> None:
        self.problem, self.submission, self.cases = problem, submission, cases
        self.limits, self.keep_going = limits, keep_going
        self.spare = spare  # a worker started early, used for the first run
        self.best_of_two = best_of_two  # time every case twice (a reference's cached times)
        self.peak_memory_mb = 0.0
        self.again: dict[int, float] = {}  # second runs' times, by case index
        self._times: dict[int, float] = {}  # the first time of every case that answered

    def header(self) -> dict:
        p = self.problem
        return {
            "source": self.submission.source,
            "filename": str(self.submission.path),
            "method": p.method,
            "params": [[x.name, x.type, x.node_of] for x in p.params],
            "output": list(p.output_mode),
        }

    def __iter__(self) -> Iterator[Outcome]:
        start = 0
        while start < len(self.cases):
            lines = [c.job for c in self.cases[start:]]
            worker, self.spare = self.spare or Worker(), None
            try:
                worker.start(self.header(), lines, self.limits)
                last = yield from self._run(worker, start)
            finally:
                worker.release()  # ended in the background; its last measures are taken now
                self.peak_memory_mb = max(self.peak_memory_mb, worker.peak_memory_kb / 1024)
            if last is None:
                return
            start = last + 1

    def _run(self, worker: Worker, start: int) -> Iterator[Outcome]:
        """Yield outcomes; return the index to restart after, or None when the run is over."""
        # Loading the file runs the solution's top-level code: it gets a case's CPU budget, and
        # more wall time, since interpreter start-up is slow on a busy machine.
        ready = worker.receive(wall_s=self.limits.wall_s + 5)
        if ready.message is None or ready.message.get("t") != "ready":
            outcome = self._interpret(worker, ready, start, start)
            outcome.message = f"{outcome.message} ({LOADING})"
            yield outcome
            return None
        for index in range(start, len(self.cases)):
            outcome = self._interpret(worker, worker.receive(), index, start)
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
        times = {i: t for i, t in self._times.items() if i >= first}
        if self.best_of_two:
            chosen = remeasure.every_timed(times)
        else:
            references = {i: self.cases[i].reference_ms or 0.0 for i in times}
            chosen = remeasure.out_of_line(times, references)
        for index in chosen:
            worker.time_again(index - first)
            msg = worker.receive().message
            if msg is None or msg.get("t") != "again" or msg.get("i") != index - first:
                return  # killed past its limit, or garbled: the first times stand
            cpu_ns = msg.get("cpu")
            if not isinstance(cpu_ns, int):
                continue  # the second run failed
            again_ms = self.again[index] = cpu_ns / 1e6
            if not self.best_of_two and again_ms >= remeasure.CONFIRMED * times[index]:
                return  # really this slow, and the cases less out of line are too

    def _interpret(self, worker: Worker, got: Received, index: int, first: int) -> Outcome:
        msg = got.message
        stdout = worker.stdout(got.stdout)
        if worker.stdout_size() >= self.limits.output_bytes:
            return Outcome(index, Verdict.OLE, message="output limit exceeded", stdout=stdout)
        if msg is None:
            return self._no_message(worker, got, index, stdout)
        kind = msg.get("t")
        if kind == "ce":
            return Outcome(index, Verdict.CE, message=str(msg.get("msg")))
        if kind == "load":
            return self._failed(msg, index, 0.0, stdout)
        if kind == "internal":
            raise ProblemError(
                f"{self.problem.slug}: case {self.cases[index].name}: {msg.get('msg')}"
            )
        if kind not in ("ok", "err", "bad") or msg.get("i") != index - first:
            return Outcome(index, Verdict.RE, message=_GARBLED, stdout=stdout)
        cpu_ns = msg.get("cpu")
        if not isinstance(cpu_ns, int):
            return Outcome(index, Verdict.RE, message=_GARBLED, stdout=stdout)
        time_ms = cpu_ns / 1e6
        if time_ms > self.limits.cpu_ms or got.proc_cpu_ns > self.limits.kill_cpu_ns:
            shown = max(time_ms, got.proc_cpu_ns / 1e6)
            return Outcome(
                index, Verdict.TLE, time_ms=shown, message=self._tle_text(), stdout=stdout
            )
        if kind == "err":
            return self._failed(msg, index, time_ms, stdout)
        if kind == "bad":
            return Outcome(
                index, Verdict.WA, time_ms=time_ms, message=str(msg.get("msg")), stdout=stdout
            )
        if not got.answer:
            return Outcome(index, Verdict.RE, message=_GARBLED, stdout=stdout)
        return Outcome(index, None, raw=got.answer, time_ms=time_ms, stdout=stdout)

    def _tle_text(self) -> str:
        return f"time limit exceeded ({self.limits.cpu_ms} ms of CPU per case)"

    def _failed(self, msg: dict, index: int, time_ms: float, stdout: str) -> Outcome:
        kind = msg.get("kind")
        text = str(msg.get("msg", ""))
        if kind == "memory":
            return Outcome(
                index, Verdict.MLE, time_ms=time_ms, message=self._mle_text(), stdout=stdout
            )
        if kind == "output":
            return Outcome(index, Verdict.OLE, time_ms=time_ms, message=text, stdout=stdout)
        if kind == "exit":
            return Outcome(index, Verdict.RE, time_ms=time_ms, message=text, stdout=stdout)
        exc = str(msg.get("exc", "Exception"))
        tb = [str(line) for line in msg.get("tb", []) if isinstance(line, str)]
        return Outcome(
            index,
            Verdict.RE,
            time_ms=time_ms,
            message=f"{exc}: {text}" if text else exc,
            traceback=tb,
            stdout=stdout,
        )

    def _mle_text(self) -> str:
        return f"memory limit exceeded ({self.limits.memory_mb} MB)"

    def _no_message(self, worker: Worker, got: Received, index: int, stdout: str) -> Outcome:
        time_ms = got.proc_cpu_ns / 1e6
        if got.reason in ("cpu", "wall"):
            return Outcome(
                index, Verdict.TLE, time_ms=time_ms, message=self._tle_text(), stdout=stdout
            )
        if got.reason == "garbled":
            return Outcome(index, Verdict.RE, time_ms=time_ms, message=_GARBLED, stdout=stdout)
        code = worker.finish()
        peak_mb = worker.peak_memory_kb / 1024
        if code < 0:
            sig = -code
            name = signal.Signals(sig).name if sig in signal.valid_signals() else f"signal {sig}"
            if sig == signal.SIGXCPU:
                return Outcome(
                    index, Verdict.TLE, time_ms=time_ms, message=self._tle_text(), stdout=stdout
                )
            if sig == signal.SIGXFSZ:
                return Outcome(index, Verdict.OLE, message="output limit exceeded", stdout=stdout)
            if peak_mb >= self.limits.memory_mb * 0.9:
                return Outcome(
                    index, Verdict.MLE, time_ms=time_ms, message=self._mle_text(), stdout=stdout
                )
            text = f"killed by signal {name}"
            if sig == signal.SIGSEGV:
                text += " (often a stack overflow from very deep recursion)"
            return Outcome(index, Verdict.RE, time_ms=time_ms, message=text, stdout=stdout)
        if "MemoryError" in stdout or peak_mb >= self.limits.memory_mb * 0.9:
            return Outcome(
                index, Verdict.MLE, time_ms=time_ms, message=self._mle_text(), stdout=stdout
            )
        return Outcome(
            index,
            Verdict.RE,
            time_ms=time_ms,
            message=f"the solution exited with code {code}",
            stdout=stdout,
        )


_GARBLED = "the judge's result channel was garbled (the solution wrote into it)"


def _compile_error(problem: Problem, submission: Submission) -> str | None:
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
    if _compile_error(problem, submission) is None:
        execution = Execution(problem, submission, cases, limits_for(problem, time_scale))
        worker.load(execution.header(), [c.job for c in cases], execution.limits)


def grade(
    problem: Problem,
    submission: Submission,
    cases: list[PreparedCase],
    all_cases: bool = False,
    time_scale: float = 1.0,
    spare: Worker | None = None,
) -> Iterator[Event]:
    """Judge a submission: yield a CaseDone per case run, then Finished with the verdict.
    `spare` is a worker started early to save its start-up time (its owner closes it)."""
    result = RunResult(problem.slug, Verdict.AC, len(cases), submission=submission.display_name)
    limits = limits_for(problem, time_scale)
    result.time_limit_ms = limits.cpu_ms
    error = _compile_error(problem, submission)
    if error is not None:
        result.verdict = Verdict.CE
        result.failure = Failure(None, None, None, None, error)
        yield Finished(result)
        return
    execution = Execution(problem, submission, cases, limits, all_cases, spare)
    outcomes = iter(execution)
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
    if result.verdict is Verdict.AC and result.memory_mb > problem.memory_mb:
        result.verdict = Verdict.MLE
        result.failure = Failure(
            None, None, None, None, f"peak memory {result.memory_mb:.0f} MB is over the limit"
        )
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
        verdict, message = outcome.verdict, outcome.message
        if verdict is None:
            verdict, message = _compare(case, outcome, check, out_type)
        if verdict is Verdict.CE:
            result.verdict = Verdict.CE
            result.failure = Failure(None, None, None, None, message)
            break
        case_result = CaseResult(case.name, verdict, outcome.time_ms, case.reference_ms)
        result.cases.append(case_result)
        if verdict is not Verdict.AC and result.failure is None:
            result.verdict = verdict
            result.failure = Failure(
                case.name,
                problem.format_input(case.input),
                case.expected,
                outcome.output if verdict is Verdict.WA else None,
                message or verdict.title,
                outcome.stdout,
                outcome.traceback,
            )
        yield CaseDone(outcome.index, case_result)
        if verdict is not Verdict.AC and not all_cases:
            break


def _compare(
    case: PreparedCase, outcome: Outcome, check: Callable[..., Any], out_type: codecs.Type
) -> tuple[Verdict, str]:
    """The verdict on an answer. The same bytes as the expected answer are accepted without
    decoding (every checker accepts the expected answer itself); anything else is decoded,
    type-checked and given to the problem's checker."""
    expected, raw = case.answer, outcome.raw
    # bytes(view) copies at memcpy speed; comparing a mapped view directly goes item by item,
    # forty times slower on a megabyte answer.
    same_size = raw is not None and expected is not None and len(raw) == len(expected)
    if same_size and raw == bytes(expected):
        return Verdict.AC, ""
    try:
        output = outcome.output
    except ValueError:
        return Verdict.RE, _GARBLED
    if not codecs.conforms(output, out_type):
        return Verdict.WA, f"the answer is not a {codecs.type_name(out_type)}"
    judged = check(case.expected, output)
    return (Verdict.AC, "") if judged.ok else (Verdict.WA, judged.hint)


def run_outputs(
    problem: Problem,
    submission: Submission,
    cases: list[PreparedCase],
    role: str = "reference",
    best_of_two: bool = False,
) -> list[Outcome]:
    """A trusted solution's (the reference's) answers and CPU times on cases; any failure is a
    ProblemError. `best_of_two`: time every case of 1 ms or more twice, keeping the better."""
    error = _compile_error(problem, submission)
    if error is not None:
        raise ProblemError(f"{problem.slug}: {role} solution {submission.path}: {error}")
    outcomes: list[Outcome] = []
    execution = Execution(
        problem, submission, cases, limits_for(problem, 5.0), best_of_two=best_of_two
    )
    for outcome in execution:
        if outcome.verdict is not None:
            case = cases[outcome.index].name
            raise ProblemError(
                f"{problem.slug}: {role} solution fails case {case}: "
                f"{outcome.verdict.value} {outcome.message}"
            )
        try:
            outcome.output  # noqa: B018 - decoding is the check
        except ValueError:
            raise ProblemError(f"{problem.slug}: {role} solution: {_GARBLED}") from None
        outcomes.append(outcome)
    for index, again_ms in execution.again.items():
        outcomes[index].time_ms = min(outcomes[index].time_ms, again_ms)
    return outcomes
