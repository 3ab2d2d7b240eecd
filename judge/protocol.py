"""What the judge and a worker say to each other: one job in, typed messages out.

A run has three channels, all handed to it by the fork server (see `forkserver`):

- **The job pipe**, judge -> worker (its stdin): one header line (`encode_job`: the
  submission, how to call it, the run's rlimits and each case's size), then each case's packed
  arguments back to back (cached cases are mapped from the cache file instead, see `FileSpan`),
  then `START`, one byte: the job may arrive ahead of its turn. After the last case the pipe
  stays open as the worker's leash: `again_line` asks for a case to be timed again, and EOF
  tells the worker the judge is done with it.
- **The result channel**, worker -> judge: one JSON line per `Message`, with an answer's
  canonical bytes (`codecs.dump`) right after its line, their size in the line's `n`.
  Everything on it comes from a process that runs solution code, so `decode_message` trusts
  nothing: any line that is not exactly one of the records below is `Garbled`.
- **The status pipe**, the run's first processes -> judge: `pid N` once the run exists, then
  `code N` or `signal N` when the worker has ended (`status_line`, `read_status`).

Both sides import this module, so it uses only the standard library (and `records`).
"""

from __future__ import annotations

import json
import os
from enum import Enum
from typing import Any

from judge.records import Record

START = b"g"

_dumps = json.dumps
_loads = json.loads


# The job --------------------------------------------------------------------------------------


class Call(Record):
    """What to run on every case: the submission, and how to call its method."""

    __slots__ = ("filename", "method", "output", "params", "source")

    def __init__(
        self,
        source: str,
        filename: str,
        method: str,
        params: tuple[tuple[str, str, str | None], ...],
        output: tuple[str, str, int],
    ) -> None:
        self.source = source
        self.filename = filename
        self.method = method
        self.params = params  # (name, type, node_of) in order
        self.output = output  # (kind, type, argument index), see `OUTPUT_KINDS`


# How the call becomes an answer: its return value, an argument after the call (LeetCode's
# "do not return anything"), or the `val` of the node it returns.
OUTPUT_KINDS = ("return", "in_place", "node")
# A case's arguments are a marshalled list; a batch of inputs judged as one case (the
# small-input sweep) is a marshalled tuple of them: the first byte says which.
_BATCH_MARKS = (b"(", b")")  # marshal's tuple and small tuple


def is_batch(payload: bytes | memoryview) -> bool:
    """Whether a case's packed arguments are a batch of inputs rather than one input."""
    return bytes(payload[:1]) in _BATCH_MARKS


class FileSpan(Record):
    """A case's packed arguments where they lie in a file (the cached cases): the worker maps
    them from there rather than getting a copy through its job pipe. `data` is the same bytes,
    sent instead if the file is no longer the one they were read from."""

    __slots__ = ("data", "device", "inode", "offset", "path")

    def __init__(self, path: str, device: int, inode: int, offset: int, data: memoryview) -> None:
        self.path = path  # absolute: the worker runs in its own directory
        self.device = device
        self.inode = inode
        self.offset = offset
        self.data = data


class Job(Record):
    """A job as the worker reads it: the call, its rlimits, and where each case's bytes are."""

    __slots__ = ("batch_ns", "call", "mapped", "rlimits", "sizes")

    def __init__(
        self,
        call: Call,
        rlimits: tuple[int, int, int],
        sizes: list[Any],
        mapped: list[Any] | None,
        batch_ns: int = 0,
    ) -> None:
        self.call = call
        self.rlimits = rlimits  # address space bytes, output bytes, CPU seconds (`limits`)
        self.sizes = sizes  # per case: its size in the pipe, or [offset, length] in `mapped`
        self.mapped = mapped  # [path, device, inode, length] of the file spans lie in
        self.batch_ns = batch_ns  # CPU after which a batch's other inputs are left out


def encode_job(job: Job) -> bytes:
    """The job's header line."""
    call = job.call
    header = {
        "source": call.source,
        "filename": call.filename,
        "method": call.method,
        "params": [list(p) for p in call.params],
        "output": list(call.output),
        "limits": list(job.rlimits),
        "sizes": job.sizes,
        "file": job.mapped,
        "batch_ns": job.batch_ns,
    }
    return _dumps(header).encode() + b"\n"


def decode_job(line: bytes | bytearray) -> Job:
    """A job from its header line (the worker's side: the judge wrote it)."""
    header = _loads(line)
    call = Call(
        header["source"],
        header["filename"],
        header["method"],
        tuple((name, kind, ref) for name, kind, ref in header["params"]),
        tuple(header["output"]),
    )
    return Job(call, tuple(header["limits"]), header["sizes"], header["file"], header["batch_ns"])


def again_line(index: int) -> bytes:
    """Ask the worker, once its cases are done, to time case `index` of its job again."""
    return b"again %d\n" % index


def read_again(line: bytes) -> int | None:
    """The case an `again_line` asks for; None for anything else."""
    kind, _, value = line.rstrip(b"\n").partition(b" ")
    return int(value) if kind == b"again" and value.isdigit() else None


# Messages -------------------------------------------------------------------------------------


class FailureKind(str, Enum):
    """How a solution's code failed, as the worker saw it (the judge names the verdict)."""

    EXIT = "exit"  # SystemExit
    MEMORY = "memory"  # MemoryError
    OUTPUT = "output"  # the output file hit its size limit
    EXCEPTION = "exception"  # any other exception


class Failure(Record):
    """An exception that came out of the solution's code."""

    __slots__ = ("exception", "kind", "text", "traceback")

    def __init__(
        self, kind: FailureKind, exception: str, text: str, traceback: tuple[str, ...] = ()
    ) -> None:
        self.kind = kind
        self.exception = exception  # its class name
        self.text = text
        self.traceback = traceback  # the last lines that point into the submission


class Hello(Record):
    """The worker's first words, before any solution code runs: its pid as the judge sees it,
    and the protections it could set up."""

    __slots__ = ("pid", "protections")

    def __init__(self, pid: int, protections: tuple[str, ...]) -> None:
        self.pid = pid
        self.protections = protections


class Ready(Record):
    """The file ran and defines the method: cases follow."""

    __slots__ = ("stdout_end",)

    def __init__(self, stdout_end: int) -> None:
        self.stdout_end = stdout_end


class Unrunnable(Record):
    """The file ran but cannot be called: no `class Solution`, or not the method."""

    __slots__ = ("reason",)

    def __init__(self, reason: str) -> None:
        self.reason = reason


class Raised(Record):
    """The solution's code raised: while the file loaded (`index` None) or on a case (on its
    input `part`, for a batch)."""

    __slots__ = ("cpu_ns", "failure", "index", "longest_ns", "part", "stdout_end")

    def __init__(
        self,
        index: int | None,
        cpu_ns: int,
        stdout_end: int,
        failure: Failure,
        part: int | None = None,
        longest_ns: int | None = None,
    ) -> None:
        self.index = index
        self.cpu_ns = cpu_ns
        self.stdout_end = stdout_end
        self.failure = failure
        self.part = part
        self.longest_ns = longest_ns  # for a batch: its slowest input's CPU, which the limit is on


class Answered(Record):
    """A case returned; its answer's canonical bytes follow the line (`size` of them). For a
    batch, `longest_ns` is its slowest input's CPU: the time limit is on that one."""

    __slots__ = ("cpu_ns", "index", "longest_ns", "size", "stdout_end")

    def __init__(
        self, index: int, cpu_ns: int, stdout_end: int, size: int, longest_ns: int | None = None
    ) -> None:
        self.index = index
        self.cpu_ns = cpu_ns
        self.stdout_end = stdout_end
        self.size = size
        self.longest_ns = longest_ns


class Unfit(Record):
    """A case returned something that is not of the declared type (no answer follows); for a
    batch, on its input `part`."""

    __slots__ = ("cpu_ns", "index", "longest_ns", "part", "reason", "stdout_end")

    def __init__(
        self,
        index: int,
        cpu_ns: int,
        stdout_end: int,
        reason: str,
        part: int | None = None,
        longest_ns: int | None = None,
    ) -> None:
        self.index = index
        self.cpu_ns = cpu_ns
        self.stdout_end = stdout_end
        self.reason = reason
        self.part = part
        self.longest_ns = longest_ns


class TimedAgain(Record):
    """A case run again on request: its CPU time, or None if it failed this time."""

    __slots__ = ("cpu_ns", "index", "stdout_end")

    def __init__(self, index: int, cpu_ns: int | None, stdout_end: int) -> None:
        self.index = index
        self.cpu_ns = cpu_ns
        self.stdout_end = stdout_end


class BadInput(Record):
    """A case's arguments could not be built: a broken problem, not the solution's fault."""

    __slots__ = ("index", "reason")

    def __init__(self, index: int, reason: str) -> None:
        self.index = index
        self.reason = reason


Message = Hello | Ready | Unrunnable | Raised | Answered | Unfit | TimedAgain | BadInput


class Garbled(ValueError):
    """A line on the result channel that is not a message the worker sends."""


def encode_message(message: Message) -> bytes:
    """One message's line (without the answer bytes that may follow it)."""
    m: Any = message
    if type(m) is Answered:  # the common case first
        wire: dict[str, Any] = {"t": "ok", "i": m.index, "cpu": m.cpu_ns, "so": m.stdout_end}
        if m.size:
            wire["n"] = m.size
        if m.longest_ns is not None:
            wire["lg"] = m.longest_ns
    elif type(m) is Raised:
        f = m.failure
        if m.index is None:  # while the file loaded: no case, no case time
            wire = {"t": "load", "so": m.stdout_end}
        else:
            wire = {"t": "err", "i": m.index, "cpu": m.cpu_ns, "so": m.stdout_end}
        wire.update(kind=f.kind.value, exc=f.exception, msg=f.text, tb=list(f.traceback))
        if m.part is not None:
            wire.update(p=m.part, lg=m.longest_ns)
    elif type(m) is Unfit:
        wire = {"t": "bad", "i": m.index, "cpu": m.cpu_ns, "so": m.stdout_end, "msg": m.reason}
        if m.part is not None:
            wire.update(p=m.part, lg=m.longest_ns)
    elif type(m) is TimedAgain:
        wire = {"t": "again", "i": m.index, "cpu": m.cpu_ns, "so": m.stdout_end}
    elif type(m) is Ready:
        wire = {"t": "ready", "so": m.stdout_end}
    elif type(m) is Hello:
        wire = {"t": "hello", "pid": m.pid, "protections": list(m.protections)}
    elif type(m) is Unrunnable:
        wire = {"t": "ce", "msg": m.reason}
    elif type(m) is BadInput:
        wire = {"t": "internal", "i": m.index, "msg": m.reason}
    else:
        raise TypeError(f"not a message: {message!r}")
    return (_dumps(wire, separators=(",", ":")) + "\n").encode()


def _int(wire: dict, key: str) -> int:
    value = wire.get(key)
    if type(value) is not int or value < 0:
        raise Garbled(f"{key!r} is not a count")
    return value


def _optional(wire: dict, key: str) -> int | None:
    """A count only messages about a batch carry (its input, its slowest input's CPU)."""
    return None if wire.get(key) is None else _int(wire, key)


def _str(wire: dict, key: str) -> str:
    value = wire.get(key)
    if type(value) is not str:
        raise Garbled(f"{key!r} is not text")
    return value


def decode_message(line: bytes | bytearray) -> Message:
    """The message on one line of the result channel; `Garbled` if it is not one."""
    try:
        wire = _loads(line)
    except ValueError:
        raise Garbled("not JSON") from None
    if type(wire) is not dict:
        raise Garbled("not a JSON object")
    kind = wire.get("t")
    if kind == "ok":
        size = wire.get("n", 0)
        if type(size) is not int or size < 0:
            raise Garbled("'n' is not a size")
        longest = _optional(wire, "lg")
        return Answered(_int(wire, "i"), _int(wire, "cpu"), _int(wire, "so"), size, longest)
    if kind == "err" or kind == "load":
        index = None if kind == "load" else _int(wire, "i")
        cpu = 0 if kind == "load" else _int(wire, "cpu")
        try:
            failure_kind = FailureKind(wire.get("kind"))
        except ValueError:
            raise Garbled("unknown failure kind") from None
        lines = wire.get("tb", [])
        if type(lines) is not list:
            raise Garbled("'tb' is not a list")
        failure = Failure(
            failure_kind,
            _str(wire, "exc"),
            _str(wire, "msg"),
            tuple(line for line in lines if type(line) is str),
        )
        part, longest = _optional(wire, "p"), _optional(wire, "lg")
        return Raised(index, cpu, _int(wire, "so"), failure, part, longest)
    if kind == "bad":
        part, longest = _optional(wire, "p"), _optional(wire, "lg")
        reason = _str(wire, "msg")
        return Unfit(_int(wire, "i"), _int(wire, "cpu"), _int(wire, "so"), reason, part, longest)
    if kind == "again":
        again_ns = None if wire.get("cpu") is None else _int(wire, "cpu")
        return TimedAgain(_int(wire, "i"), again_ns, _int(wire, "so"))
    if kind == "ready":
        return Ready(_int(wire, "so"))
    if kind == "hello":
        protections = wire.get("protections")
        if type(protections) is not list:
            raise Garbled("'protections' is not a list")
        return Hello(_int(wire, "pid"), tuple(str(p) for p in protections))
    if kind == "ce":
        return Unrunnable(_str(wire, "msg"))
    if kind == "internal":
        return BadInput(_int(wire, "i"), _str(wire, "msg"))
    raise Garbled(f"unknown message kind {kind!r}")


# The status pipe ------------------------------------------------------------------------------


def pid_line(pid: int) -> bytes:
    """The keeper's first line: the run exists, and this is the process to kill and reap."""
    return b"pid %d\n" % pid


def status_line(waitstatus: int) -> bytes:
    """How the worker ended, from its supervisor."""
    code = os.waitstatus_to_exitcode(waitstatus)
    return b"signal %d\n" % -code if code < 0 else b"code %d\n" % code


def read_status(line: bytes) -> tuple[str, int] | None:
    """("pid", N), or ("exit", code) with a negative code for a signal; None if garbled."""
    kind, _, value = line.decode("ascii", "replace").strip().partition(" ")
    if not value.isdigit():
        return None
    if kind == "pid":
        return ("pid", int(value))
    if kind == "code":
        return ("exit", int(value))
    if kind == "signal":
        return ("exit", -int(value))
    return None
