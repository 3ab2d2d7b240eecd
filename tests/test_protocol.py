"""What the judge and the worker say to each other: every record round-trips, and nothing else
on the result channel is taken for a message."""

from __future__ import annotations

import os

import pytest

from judge import protocol
from judge.protocol import (
    Answered,
    BadInput,
    Call,
    Failure,
    FailureKind,
    Garbled,
    Hello,
    Job,
    Raised,
    Ready,
    TimedAgain,
    Unfit,
    Unrunnable,
)

MESSAGES = {
    "hello": Hello(4321, ("landlock", "net", "pid")),
    "ready": Ready(17),
    "unrunnable": Unrunnable("no `class Solution` defined"),
    "raised-loading": Raised(None, 0, 3, Failure(FailureKind.EXIT, "SystemExit", "exited (0)")),
    "raised": Raised(2, 1500, 9, Failure(FailureKind.EXCEPTION, "KeyError", "'x'", ("line 4",))),
    "answered": Answered(0, 123456, 0, 42),
    "answered-nothing": Answered(1, 0, 0, 0),
    "raised-in-a-batch": Raised(
        0, 80, 2, Failure(FailureKind.EXCEPTION, "IndexError", "out of range"), part=136
    ),
    "unfit": Unfit(5, 10, 0, "returned str, expected int"),
    "unfit-in-a-batch": Unfit(3, 10, 0, "returned str, expected int", part=0),
    "timed-again": TimedAgain(7, 999, 0),
    "timed-again-failed": TimedAgain(7, None, 0),
    "bad-input": BadInput(0, "bad case input: no node with value 7"),
}


@pytest.mark.parametrize("message", MESSAGES.values(), ids=list(MESSAGES))
def test_every_message_round_trips_as_one_line(message):
    line = protocol.encode_message(message)
    assert line.endswith(b"\n") and line.count(b"\n") == 1
    decoded = protocol.decode_message(line[:-1])
    assert type(decoded) is type(message) and decoded == message


@pytest.mark.parametrize(
    "line",
    [
        b"not json",
        b"[1, 2]",
        b'{"t": "ok"}',  # no case index
        b'{"t": "ok", "i": 0, "cpu": "fast", "so": 0}',
        b'{"t": "ok", "i": 0, "cpu": -5, "so": 0}',
        b'{"t": "ok", "i": 0, "cpu": 1, "so": 0, "n": -1}',
        b'{"t": "ok", "i": true, "cpu": 1, "so": 0}',
        b'{"t": "bad", "i": 0, "cpu": 1, "so": 0, "msg": "", "p": -1}',
        b'{"t": "err", "i": 0, "cpu": 1, "so": 0, "kind": "boom", "exc": "E", "msg": ""}',
        b'{"t": "accepted"}',
        b'{"t": "hello", "pid": 1, "protections": "all"}',
    ],
)
def test_anything_else_is_garbled(line):
    with pytest.raises(Garbled):
        protocol.decode_message(line)


def test_a_job_header_round_trips():
    call = Call("class Solution: ...", "/x/s.py", "maxArea", (("height", "List[int]", None),),
                ("return", "int", -1))  # fmt: skip
    job = Job(call, (1 << 28, 1 << 24, 40), [12, [0, 30]], ["/cache/f", 1, 2, 30])
    line = protocol.encode_job(job)
    assert line.endswith(b"\n") and line.count(b"\n") == 1
    assert protocol.decode_job(line[:-1]) == job


def test_again_lines():
    assert protocol.read_again(protocol.again_line(12)) == 12
    assert protocol.read_again(b"again x\n") is None
    assert protocol.read_again(b"stop 3\n") is None


@pytest.mark.parametrize(
    "waitstatus, status",
    [(0, ("exit", 0)), (3 << 8, ("exit", 3)), (9, ("exit", -9)), (11, ("exit", -11))],
)
def test_status_lines(waitstatus, status):
    assert os.waitstatus_to_exitcode(waitstatus) == status[1]
    assert protocol.read_status(protocol.status_line(waitstatus)) == status


def test_pid_line_and_garbage_on_the_status_pipe():
    assert protocol.read_status(protocol.pid_line(77)) == ("pid", 77)
    assert protocol.read_status(b"pid seventy\n") is None
    assert protocol.read_status(b"") is None
