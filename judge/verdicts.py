"""Where verdicts are decided: what the sandbox saw of a case, or an answer, becomes a verdict.

Pure functions of plain facts, so every rule can be read here in one place and tested from a
table without starting a process:

- `of_case`: a message from the worker (or why none came, how the process ended, its CPU time
  and memory) -> TLE, MLE, OLE, RE, CE, or "an answer to compare";
- `of_answer`: an answer against the expected one -> AC or WA (or RE for a garbled answer);
- `of_run`: the run as a whole after its last case (peak memory over the limit is MLE).

The worker never names a verdict: it reports facts (`protocol`), and so does the sandbox.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from judge import codecs, protocol
from judge.limits import Limits
from judge.records import Record
from judge.results import Verdict
from judge.sandbox import Stop

GARBLED = "the judge's result channel was garbled (the solution wrote into it)"
LOADING = "while loading the solution"
# A run killed by a signal, or that exited without a word, with its peak memory this close to
# the limit ran out of memory: an allocation failed where Python could not raise MemoryError.
NEAR_MEMORY_LIMIT = 0.9


class CaseInputError(Exception):
    """The worker could not build a case's arguments: the problem is broken, not the solution."""


class Seen(Record):
    """Everything the judge saw of one case (or of loading the file), as plain facts."""

    __slots__ = (
        "exit_code",
        "index",
        "loading",
        "message",
        "output_bytes",
        "peak_memory_mb",
        "process_cpu_ns",
        "stdout",
        "stop",
    )

    def __init__(
        self,
        message: protocol.Message | None,
        stop: Stop | None = None,
        index: int = 0,
        loading: bool = False,
        process_cpu_ns: int = 0,
        output_bytes: int = 0,
        stdout: str = "",
        exit_code: int | None = None,
        peak_memory_mb: float = 0.0,
    ) -> None:
        self.message = message  # None: see `stop`
        self.stop = stop  # why no message came
        self.index = index  # the case expected, counted within the worker's job
        self.loading = loading  # waiting for the file to load, not for a case
        self.process_cpu_ns = process_cpu_ns  # CPU the judge saw the process use meanwhile (/proc)
        self.output_bytes = output_bytes  # the solution's output so far
        self.stdout = stdout
        self.exit_code = exit_code  # how the worker ended (negative: a signal), when it has
        self.peak_memory_mb = peak_memory_mb


class Decision(Record):
    """A case's verdict, or None: it returned an answer, to be compared (`of_answer`)."""

    __slots__ = ("message", "time_ms", "traceback", "verdict")

    def __init__(
        self,
        verdict: Verdict | None,
        time_ms: float = 0.0,
        message: str = "",
        traceback: tuple[str, ...] = (),
    ) -> None:
        self.verdict = verdict
        self.time_ms = time_ms
        self.message = message
        self.traceback = traceback


def _tle(limits: Limits) -> str:
    return f"time limit exceeded ({limits.cpu_ms} ms of CPU per case)"


def _mle(limits: Limits) -> str:
    return f"memory limit exceeded ({limits.memory_mb} MB)"


def of_case(seen: Seen, limits: Limits) -> Decision:
    """The verdict on one case, or on loading the file, from what the judge saw of it."""
    if seen.output_bytes >= limits.output_bytes:
        return Decision(Verdict.OLE, message="output limit exceeded")
    message = seen.message
    if message is None:
        return _without_message(seen, limits)
    if isinstance(message, protocol.BadInput):
        raise CaseInputError(message.reason)
    if seen.loading:
        if isinstance(message, protocol.Unrunnable):
            return Decision(Verdict.CE, message=message.reason)
        if isinstance(message, protocol.Raised) and message.index is None:
            return _raised(message.failure, 0.0, limits)
        return Decision(Verdict.RE, message=GARBLED)
    if not isinstance(message, (protocol.Answered, protocol.Raised, protocol.Unfit)):
        return Decision(Verdict.RE, message=GARBLED)
    if message.index != seen.index:
        return Decision(Verdict.RE, message=GARBLED)
    # The limit is per input: for a batch, on its slowest one (`limits.batch_ns`).
    timed = message.cpu_ns if message.longest_ns is None else message.longest_ns
    if limits.over_time(timed, seen.process_cpu_ns):
        shown = max(message.cpu_ns, seen.process_cpu_ns) / 1e6
        return Decision(Verdict.TLE, shown, _tle(limits))
    time_ms = message.cpu_ns / 1e6
    if isinstance(message, protocol.Raised):
        return _raised(message.failure, time_ms, limits)
    if isinstance(message, protocol.Unfit):
        return Decision(Verdict.WA, time_ms, message.reason)
    if not message.size:
        return Decision(Verdict.RE, message=GARBLED)
    return Decision(None, time_ms)


def _raised(failure: protocol.Failure, time_ms: float, limits: Limits) -> Decision:
    """An exception out of the solution's code."""
    kind = failure.kind
    if kind is protocol.FailureKind.MEMORY:
        return Decision(Verdict.MLE, time_ms, _mle(limits))
    if kind is protocol.FailureKind.OUTPUT:
        return Decision(Verdict.OLE, time_ms, failure.text)
    if kind is protocol.FailureKind.EXIT:
        return Decision(Verdict.RE, time_ms, failure.text)
    text = f"{failure.exception}: {failure.text}" if failure.text else failure.exception
    return Decision(Verdict.RE, time_ms, text, failure.traceback)


def _without_message(seen: Seen, limits: Limits) -> Decision:
    """No message came: the judge stopped the worker, or it ended by itself."""
    time_ms = seen.process_cpu_ns / 1e6
    if seen.stop in (Stop.CPU, Stop.WALL):
        return Decision(Verdict.TLE, time_ms, _tle(limits))
    if seen.stop is Stop.GARBLED:
        return Decision(Verdict.RE, time_ms, GARBLED)
    code = seen.exit_code
    near_limit = seen.peak_memory_mb >= limits.memory_mb * NEAR_MEMORY_LIMIT
    if code is not None and code < 0:
        import signal  # here: only a run killed by a signal needs its name

        number = -code
        if number == signal.SIGXCPU:  # RLIMIT_CPU, the backstop of the time limit
            return Decision(Verdict.TLE, time_ms, _tle(limits))
        if number == signal.SIGXFSZ:  # RLIMIT_FSIZE: the output file is full
            return Decision(Verdict.OLE, message="output limit exceeded")
        if near_limit:
            return Decision(Verdict.MLE, time_ms, _mle(limits))
        name = signal.Signals(number).name if number in signal.valid_signals() else str(number)
        text = f"killed by signal {name}"
        if number == signal.SIGSEGV:
            text += " (often a stack overflow from very deep recursion)"
        return Decision(Verdict.RE, time_ms, text)
    # Python prints "MemoryError" itself when it cannot even raise one to the worker.
    if near_limit or "MemoryError" in seen.stdout:
        return Decision(Verdict.MLE, time_ms, _mle(limits))
    return Decision(Verdict.RE, time_ms, f"the solution exited with code {code}")


def of_answer(
    expected: bytes | bytearray | memoryview | None,
    answer: bytes | bytearray,
    out_type: codecs.Type,
    check: Callable[[Any, Any], Any],
) -> tuple[Verdict, str]:
    """The verdict on an answer (canonical bytes, `codecs.dump`). The same bytes as the expected
    answer are accepted without decoding (every checker accepts the expected answer itself);
    anything else is decoded, type-checked and given to the problem's checker."""
    # bytes(view) copies at memcpy speed; comparing a mapped view directly goes item by item,
    # forty times slower on a megabyte answer.
    if expected is not None and len(answer) == len(expected) and answer == bytes(expected):
        return Verdict.AC, ""
    try:
        output = codecs.load(answer)
    except ValueError:
        return Verdict.RE, GARBLED
    if not codecs.conforms(output, out_type):
        return Verdict.WA, f"the answer is not a {codecs.type_name(out_type)}"
    wanted = None if expected is None else codecs.load(expected)
    compared = check(wanted, output)
    return (Verdict.AC, "") if compared.ok else (Verdict.WA, compared.hint)


def of_batch(
    expected: bytes | bytearray | memoryview | None,
    answer: bytes | bytearray,
    out_type: codecs.Type,
    check: Callable[[Any, Any], Any],
) -> tuple[Verdict, str, int | None]:
    """The verdict on a batch's answers (one per input, `cases.pack_batch`), and the first
    input whose answer is wrong. The same bytes as expected are accepted without decoding."""
    if expected is not None and len(answer) == len(expected) and answer == bytes(expected):
        return Verdict.AC, "", None
    try:
        outputs = codecs.load(answer)
    except ValueError:
        return Verdict.RE, GARBLED, None
    wanted = [] if expected is None else codecs.load(expected)
    if not isinstance(outputs, list) or not isinstance(wanted, list):
        return Verdict.RE, GARBLED, None
    # A batch that used up its time (`limits.batch_ns`) answers fewer inputs: those it did.
    for part, (want, output) in enumerate(zip(wanted, outputs)):
        if not codecs.conforms(output, out_type):
            return Verdict.WA, f"the answer is not a {codecs.type_name(out_type)}", part
        compared = check(want, output)
        if not compared.ok:
            return Verdict.WA, compared.hint, part
    return Verdict.AC, "", None


def of_run(verdict: Verdict, peak_memory_mb: float, memory_mb: int) -> tuple[Verdict, str] | None:
    """A different verdict for the whole run, with its message, or None: an accepted run
    whose peak memory went over the limit is MLE."""
    if verdict is Verdict.AC and peak_memory_mb > memory_mb:
        return Verdict.MLE, f"peak memory {peak_memory_mb:.0f} MB is over the limit"
    return None
