"""Where verdicts are decided, tested from tables of what the sandbox saw: no process runs."""

from __future__ import annotations

import signal

import pytest

from judge import codecs, protocol, verdicts
from judge.checkers import CHECKERS
from judge.limits import Limits
from judge.protocol import Answered, Failure, FailureKind, Raised, Ready, Unfit, Unrunnable
from judge.results import Verdict
from judge.sandbox import Stop
from judge.verdicts import Seen

LIMITS = Limits(cpu_ms=1000, memory_mb=256)
MS = 1_000_000


def failure(kind: FailureKind, exception: str = "ValueError", text: str = "bad") -> Failure:
    return Failure(kind, exception, text, ("line 3, in f", "    raise ValueError('bad')"))


CASES = {
    # a returned answer is left for comparison, with the worker's CPU time
    "answered": (Seen(Answered(0, 12 * MS, 0, 5)), None, 12.0, ""),
    "answered-empty": (Seen(Answered(0, MS, 0, 0)), Verdict.RE, 0.0, verdicts.GARBLED),
    # the time limit: the worker's word, or the judge's own reading of /proc
    "over-the-limit": (Seen(Answered(0, 1001 * MS, 0, 5)), Verdict.TLE, 1001.0, "time limit"),
    "at-the-limit": (Seen(Answered(0, 1000 * MS, 0, 5)), None, 1000.0, ""),
    "lying-about-time": (
        Seen(Answered(0, MS, 0, 5), process_cpu_ns=LIMITS.kill_cpu_ns + 1),
        Verdict.TLE,
        LIMITS.kill_cpu_ns / MS + 1e-6,
        "time limit",
    ),
    "killed-past-cpu": (Seen(None, Stop.CPU, process_cpu_ns=2000 * MS), Verdict.TLE, 2000.0, ""),
    "killed-past-wall": (Seen(None, Stop.WALL), Verdict.TLE, 0.0, "time limit"),
    "sigxcpu": (Seen(None, Stop.EOF, exit_code=-signal.SIGXCPU), Verdict.TLE, 0.0, ""),
    # exceptions out of the solution
    "exception": (
        Seen(Raised(0, 3 * MS, 0, failure(FailureKind.EXCEPTION))),
        Verdict.RE,
        3.0,
        "ValueError: bad",
    ),
    "memory-error": (Seen(Raised(0, 0, 0, failure(FailureKind.MEMORY))), Verdict.MLE, 0.0, "256"),
    "output-full": (Seen(Raised(0, 0, 0, failure(FailureKind.OUTPUT))), Verdict.OLE, 0.0, ""),
    "sys-exit": (
        Seen(Raised(0, 0, 0, failure(FailureKind.EXIT, "SystemExit", "the solution exited (3)"))),
        Verdict.RE,
        0.0,
        "the solution exited (3)",
    ),
    "wrong-type": (Seen(Unfit(0, MS, 0, "returned str, expected int")), Verdict.WA, 1.0, "str"),
    # output over its limit, whatever else happened
    "output-limit": (
        Seen(Answered(0, MS, 0, 5), output_bytes=LIMITS.output_bytes),
        Verdict.OLE,
        0.0,
        "output limit",
    ),
    "sigxfsz": (Seen(None, Stop.EOF, exit_code=-signal.SIGXFSZ), Verdict.OLE, 0.0, ""),
    # the process ended without a word
    "sigsegv": (Seen(None, Stop.EOF, exit_code=-signal.SIGSEGV), Verdict.RE, 0.0, "SIGSEGV"),
    "sigkill": (Seen(None, Stop.EOF, exit_code=-signal.SIGKILL), Verdict.RE, 0.0, "SIGKILL"),
    "sigkill-near-memory-limit": (
        Seen(None, Stop.EOF, exit_code=-signal.SIGKILL, peak_memory_mb=250.0),
        Verdict.MLE,
        0.0,
        "memory limit",
    ),
    "os-exit": (Seen(None, Stop.EOF, exit_code=0), Verdict.RE, 0.0, "exited with code 0"),
    "memory-error-printed": (
        Seen(None, Stop.EOF, exit_code=1, stdout="MemoryError\n"),
        Verdict.MLE,
        0.0,
        "memory limit",
    ),
    # the channel: anything but the expected message is garbled
    "garbled": (Seen(None, Stop.GARBLED), Verdict.RE, 0.0, verdicts.GARBLED),
    "other-case-index": (Seen(Answered(3, MS, 0, 5), index=2), Verdict.RE, 0.0, "garbled"),
    "ready-mid-run": (Seen(Ready(0)), Verdict.RE, 0.0, "garbled"),
    # loading the file
    "loading-no-class": (
        Seen(Unrunnable("no `class Solution` defined"), loading=True),
        Verdict.CE,
        0.0,
        "no `class Solution`",
    ),
    "loading-raised": (
        Seen(Raised(None, 0, 0, failure(FailureKind.EXCEPTION)), loading=True),
        Verdict.RE,
        0.0,
        "ValueError: bad",
    ),
    "answer-while-loading": (Seen(Answered(0, 0, 0, 5), loading=True), Verdict.RE, 0.0, "garbled"),
    "loading-timed-out": (Seen(None, Stop.WALL, loading=True), Verdict.TLE, 0.0, "time limit"),
}


@pytest.mark.parametrize("seen, verdict, time_ms, message", CASES.values(), ids=list(CASES))
def test_what_the_sandbox_saw_decides_the_verdict(seen, verdict, time_ms, message):
    decision = verdicts.of_case(seen, LIMITS)
    assert decision.verdict is verdict
    assert decision.time_ms == pytest.approx(time_ms)
    assert message in decision.message


def test_a_runtime_error_keeps_the_solutions_traceback():
    decision = verdicts.of_case(Seen(Raised(0, 0, 0, failure(FailureKind.EXCEPTION))), LIMITS)
    assert decision.traceback == ("line 3, in f", "    raise ValueError('bad')")


def test_a_case_whose_input_cannot_be_built_is_the_problems_fault():
    with pytest.raises(verdicts.CaseInputError, match="no node"):
        verdicts.of_case(Seen(protocol.BadInput(0, "no node with value 7")), LIMITS)


INT = codecs.INT
LIST = codecs.Type("list", INT)
ANSWERS = {
    "same-bytes": (b"[1,2,3]", b"[1,2,3]", LIST, "exact", Verdict.AC, ""),
    "packed-same": (codecs.dump([7] * 100), codecs.dump([7] * 100), LIST, "exact", Verdict.AC, ""),
    "different": (b"[1,2,3]", b"[1,3,2]", LIST, "exact", Verdict.WA, "index 1"),
    "any-order": (b"[1,2,3]", b"[3,1,2]", LIST, "any_order", Verdict.AC, ""),
    "not-json": (b"[1,2,3]", b"[1,2", LIST, "exact", Verdict.RE, "garbled"),
    "wrong-type": (b"3", b'"3"', INT, "exact", Verdict.WA, "not a int"),
    "bool-for-int": (b"1", b"true", INT, "exact", Verdict.WA, "not a int"),
}


@pytest.mark.parametrize(
    "expected, answer, out_type, checker, verdict, hint", ANSWERS.values(), ids=list(ANSWERS)
)
def test_an_answer_against_the_expected_one(expected, answer, out_type, checker, verdict, hint):
    got, message = verdicts.of_answer(expected, answer, out_type, CHECKERS[checker])
    assert got is verdict and hint in message


def test_an_accepted_run_over_the_memory_limit_is_mle():
    assert verdicts.of_run(Verdict.AC, 300.0, 256) == (
        Verdict.MLE,
        "peak memory 300 MB is over the limit",
    )
    assert verdicts.of_run(Verdict.AC, 100.0, 256) is None
    assert verdicts.of_run(Verdict.WA, 300.0, 256) is None  # the first failure stands
