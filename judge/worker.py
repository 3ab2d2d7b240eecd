"""Runs inside the sandbox: load one submission, call its method on each case, report facts.

Each run is a process forked from a pristine interpreter (the fork server, see `forkserver`)
that never runs solution code. It reads one job from stdin (`protocol`: the header, then each
case's packed arguments, or cached ones mapped from the judge's cache file), which may come
ahead of its turn, limits itself (`limits.apply`), and waits for the judge's word to start.
Then stdin becomes /dev/null for the solution. What happened on each case goes back as
`protocol` messages on a private pipe, each answer right after its line in canonical form
(`codecs.dump`); the solution's prints go to stdout, a file the judge reads. Expected answers
are never sent here, and nothing here names a verdict: the judge decides (`verdicts`).
"""

from __future__ import annotations

import fcntl
import gc
import io
import linecache
import marshal
import os
import sys
import time
import traceback
from collections.abc import Callable
from typing import cast

from judge import codecs, isolation, limits, protocol
from judge.protocol import Failure, FailureKind

# The names LeetCode's Python 3 environment has without an import.
_STAR_MODULES = ("typing", "collections", "heapq", "bisect", "itertools", "functools", "math")
_PLAIN_MODULES = (
    "array",
    "bisect",
    "collections",
    "copy",
    "functools",
    "heapq",
    "itertools",
    "math",
    "operator",
    "random",
    "re",
    "string",
    "sys",
    "typing",
)

# Deep enough for a recursive walk of a 10^5-deep tree; shallow enough that endless recursion
# fails fast with RecursionError, within time and memory limits.
RECURSION_LIMIT = 250_000
# The C stack of each thread the solution starts. A thread reserves its whole stack up front,
# and the reservation counts against the address-space limit even where it is never touched,
# so dozens of 8 or 16 MB stacks would use up the memory limit. Python 3.11 and later run
# Python-to-Python calls without the C stack: 1 MB still takes a thread's plain recursion to
# RECURSION_LIMIT (Python 3.13 needs about 384 KB for it). Recursion through C code such as
# functools.cache takes about 630 bytes a level (some 1,600 levels here); a solution that
# wants more in a thread sets threading.stack_size itself, the usual idiom.
THREAD_STACK = 1024 * 1024

_process_ns = time.process_time_ns
_thread_ns = time.thread_time_ns
# Once RLIMIT_CPU is set, Linux advances the process CPU clock only at scheduler ticks (every
# 4 ms at HZ=250), which would round a 1 ms case to 0 or 4 ms. The thread clock stays exact; the
# process clock still catches work a solution hands to other threads, beyond a tick or two.
_TICK_SLACK_NS = 25_000_000
_unmarshal = marshal.loads
_write = os.write


class _Channel:
    """The private pipe to the judge, moved to a high descriptor that children do not inherit."""

    def __init__(self, fd: int) -> None:
        # The lowest free descriptor from there: one the run already holds is never replaced.
        self.fd = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 100 + os.getpid() % 800)
        os.close(fd)

    def send(self, message: protocol.Message, answer: bytes = b"") -> None:
        """One message; an answer follows it as raw bytes (its size is in the message)."""
        data = protocol.encode_message(message) + answer
        view = memoryview(data)
        while view:
            view = view[_write(self.fd, view) :]


def preload() -> None:
    """Import what LeetCode's scope holds, and what a run needs to set itself up, before the
    job arrives (in the fork server: once for every run)."""
    for name in (*_STAR_MODULES, *_PLAIN_MODULES, "mmap", "resource", "threading"):
        __import__(name)
    isolation.prepare()
    if not _SCOPE:
        _SCOPE.update(leetcode_scope())
    if not _RULES:
        _RULES.append(_rules())


# LeetCode's Python runtime offers these beyond the standard library: a solution may import
# them, and read nothing else of the installed packages.
THIRD_PARTY = ("sortedcontainers",)
_RULES: list[isolation.Rules] = []  # what a run may read, made ready once in the fork server


def _rules() -> isolation.Rules:
    return isolation.Rules(isolation.runtime_paths(THIRD_PARTY), isolation.listable_paths())


# LeetCode's scope, made once in the fork server: each run is a fresh process with its own copy
# of it (the pages it changes are copied), so a run takes it as it is instead of building one.
_SCOPE: dict = {}


def leetcode_scope() -> dict:
    """A fresh globals dict with LeetCode's pre-imported names and `TreeNode`."""
    scope: dict = {"__name__": "solution", "__builtins__": __builtins__}
    for name in _STAR_MODULES:
        module = __import__(name)
        public = getattr(module, "__all__", None) or [n for n in vars(module) if n[0] != "_"]
        scope.update((n, getattr(module, n)) for n in public)
    for name in _PLAIN_MODULES:
        scope[name] = __import__(name)
    scope["TreeNode"] = codecs.TreeNode
    return scope


def _solution_frames(exc: BaseException, filename: str) -> tuple[str, ...]:
    """The last few traceback lines that point into the submission itself."""
    frames = [
        f for f in traceback.extract_tb(exc.__traceback__, limit=-40) if f.filename == filename
    ]
    lines = []
    for frame in frames[-4:]:
        lines.append(f"line {frame.lineno}, in {frame.name}")
        if frame.line:
            lines.append(f"    {frame.line.strip()}")
    return tuple(lines)


def _failure(exc: BaseException, filename: str) -> Failure:
    """What an exception from the solution's code was, in plain facts."""
    if isinstance(exc, SystemExit):
        return Failure(FailureKind.EXIT, "SystemExit", f"the solution exited ({exc.code!r})")
    if isinstance(exc, MemoryError):
        return Failure(FailureKind.MEMORY, "MemoryError", "memory limit exceeded")
    if isinstance(exc, OSError) and exc.errno == 27:  # EFBIG: the output file hit its limit
        return Failure(FailureKind.OUTPUT, "OSError", "output limit exceeded")
    try:
        text = str(exc)[:500]
    except BaseException:
        text = "<unprintable>"
    return Failure(FailureKind.EXCEPTION, type(exc).__name__, text, _solution_frames(exc, filename))


def _flush() -> int:
    """Flush the solution's prints; returns the end of its output so far (for the judge)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BaseException:
            pass
    try:
        return os.lseek(1, 0, os.SEEK_END)
    except OSError:
        return 0  # the judge then takes everything written so far


Again = Callable[[int], "int | None"]
_KEPT: list = []


def run(
    channel: _Channel, call: protocol.Call, cases: list, scope: dict, batch_ns: int = 0
) -> Again | None:
    """Load the submission into `scope`, then run every case in order, reporting each as it
    ends. Returns, if every case returned, how to run one again (its CPU time, or None if it
    failed)."""
    filename = call.filename
    method = call.method
    params = [(codecs.parse_type(t), ref) for _, t, ref in call.params]
    # Without trees, an input's arguments are its written values: a batch of 2000 small
    # inputs then costs no building at all.
    as_written = all(t[0] != "tree" and t != codecs.TREE_LIST for t, _ in params)
    out_kind, out_type_name, out_arg = call.output
    out_type = codecs.parse_type(out_type_name)

    # Tracebacks quote the source as judged, not the file on disk (which the run cannot read).
    linecache.cache[filename] = (len(call.source), None, call.source.splitlines(True), filename)
    try:
        code = compile(call.source, filename, "exec", dont_inherit=True)
        exec(code, scope)
    except BaseException as exc:
        end = _flush()
        channel.send(protocol.Raised(None, 0, end, _failure(exc, filename)))
        return None
    end = _flush()
    cls = scope.get("Solution")
    if not isinstance(cls, type):
        channel.send(protocol.Unrunnable("no `class Solution` defined"))
        return None
    if not callable(getattr(cls, method, None)):
        channel.send(protocol.Unrunnable(f"`class Solution` has no method `{method}`"))
        return None
    channel.send(protocol.Ready(end))

    names = [name for name, _, _ in call.params]

    def inputs(line: bytes) -> list:
        # Fresh inputs for every case: a solution that mutates them cannot affect the next one.
        # The collector is off while inputs are built (10^5 fresh tree nodes would trigger full
        # collections costing more than many solutions), then what exists so far is frozen: the
        # solution runs with the collector on, but is not charged for scanning the judge's own
        # objects and its inputs, so its time does not depend on how big they are. A batch
        # (a tuple of inputs, `cases.pack_batch`) gives one list of arguments per input.
        gc.disable()
        gc.unfreeze()
        written = _unmarshal(line)
        if type(written) is tuple and as_written:
            args = list(written)  # each input's unmarshalled lists are fresh already
        elif type(written) is tuple:
            args = [codecs.build_args(part, params, names) for part in written]
        else:
            args = codecs.build_args(written, params, names)
        gc.freeze()
        gc.enable()
        return args

    def answer_of(args: list, result: object) -> object:
        if out_kind == "in_place":
            return codecs.plain(args[out_arg], out_type)
        if out_kind == "node":
            return codecs.node_val(result)
        return codecs.plain(result, out_type)

    def again(index: int) -> int | None:
        _KEPT.clear()  # a second run must not be measured with the last case's data still held
        try:
            args = inputs(cases[index])
            start = _thread_ns(), _process_ns()
            if protocol.is_batch(cases[index]):
                results = [getattr(cls(), method)(*part) for part in args]
            else:
                results = getattr(cls(), method)(*args)
            spent = _spent(start)  # before the answer is freed, as on the first run
            del results
            return spent
        except BaseException:
            return None

    args = result = output = None  # kept below even when there is no case (`judge doctor`)
    for index, line in enumerate(cases):
        args = result = output = None  # free the previous case's data before building this one
        try:
            args = inputs(line)
        except Exception as exc:
            channel.send(protocol.BadInput(index, f"bad case input: {exc}"))
            return None
        if protocol.is_batch(line):
            if not _run_batch(channel, index, cls, method, args, answer_of, filename, batch_ns):
                return None
            continue
        start = _thread_ns(), _process_ns()
        try:
            result = getattr(cls(), method)(*args)
            spent = _spent(start)
        except BaseException as exc:
            spent = _spent(start)
            end = _flush()
            channel.send(protocol.Raised(index, spent, end, _failure(exc, filename)))
            return None
        end = _flush()
        gc.disable()  # turning a big answer into plain data allocates too
        try:
            output = answer_of(args, result)
            answer = codecs.dump(output, out_type)
        except codecs.AnswerTypeError as exc:
            channel.send(protocol.Unfit(index, spent, end, str(exc)))
            continue
        except BaseException as exc:
            channel.send(protocol.Raised(index, spent, end, _failure(exc, filename)))
            return None
        channel.send(protocol.Answered(index, spent, end, len(answer)), answer)
    # The process ends with os._exit: the last case's data need not be freed, which costs a
    # few ms for a 10^5-node tree.
    _KEPT.append((args, result, output))
    return again


def _run_batch(
    channel: _Channel,
    index: int,
    cls: type,
    method: str,
    argsets: list,
    answer_of: Callable[[list, object], object],
    filename: str,
    budget_ns: int,
) -> bool:
    """Call the method on every input of a batch, each with a fresh `Solution()`; report the
    list of answers, or the first input that failed (`part`). The time limit is on each input,
    so each one is timed (`longest_ns`); once the batch has used `budget_ns` of CPU, the
    inputs left are left out and the answers stop there. Returns whether the run goes on (it
    does after an answer of the wrong type, as for one input)."""
    results = []
    longest = 0
    start = _thread_ns(), _process_ns()
    before = start[0]
    for part, args in enumerate(argsets):
        try:
            results.append(getattr(cls(), method)(*args))
        except BaseException as exc:
            spent = _spent(start)
            longest = max(longest, _thread_ns() - before)
            end = _flush()
            failure = _failure(exc, filename)
            channel.send(protocol.Raised(index, spent, end, failure, part, longest))
            return False
        now = _thread_ns()
        longest = max(longest, now - before)
        before = now
        if now - start[0] >= budget_ns:
            break
    spent = _spent(start)
    end = _flush()
    gc.disable()  # turning answers into plain data allocates too
    outputs: list = []  # as many as are done: the next is the one that fails, if one does
    try:
        for args, result in zip(argsets, results):
            outputs.append(answer_of(args, result))
        answer = codecs.dump(outputs)
    except codecs.AnswerTypeError as exc:
        channel.send(protocol.Unfit(index, spent, end, str(exc), len(outputs), longest))
        return True
    except BaseException as exc:
        failure = _failure(exc, filename)
        channel.send(protocol.Raised(index, spent, end, failure, len(outputs), longest))
        return False
    channel.send(protocol.Answered(index, spent, end, len(answer), longest), answer)
    return True


def _serve_again(leash: int, channel: _Channel, again: Again | None) -> None:
    """Until the judge lets go (EOF), run the cases it asks for again and report each one's
    time; its answer was judged the first time."""
    pending = b""
    while chunk := os.read(leash, 4096):
        *lines, pending = (pending + chunk).split(b"\n")
        for line in lines:
            index = protocol.read_again(line)
            if index is not None:
                spent = again(index) if again is not None else None
                channel.send(protocol.TimedAgain(index, spent, _flush()))


def _spent(start: tuple[int, int]) -> int:
    """CPU time of one call: the exact thread clock, unless other threads clearly did work."""
    thread = _thread_ns() - start[0]
    process = _process_ns() - start[1]
    return process if process > thread + _TICK_SLACK_NS else thread


def map_file(spec: list) -> memoryview:
    """The start of the cases file the judge read (`sandbox.mappable`): mapped, not copied.
    Only the cases' arguments are mapped, never the expected answers stored after them."""
    import mmap

    path, device, inode, length = spec
    fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    try:
        found = os.fstat(fd)
        if (found.st_dev, found.st_ino) != (device, inode) or found.st_size < length:
            raise OSError("the cached cases changed during the run; run it again")
        return memoryview(mmap.mmap(fd, length, access=mmap.ACCESS_READ))
    finally:
        os.close(fd)


def _read_job(fd: int) -> tuple[protocol.Job, list | None, bytes, str]:
    """The job, then the cases: views into one buffer, read without copying, or into the
    mapped cases file. Also returns what came after the job (the start signal, if it came
    with it). A file that cannot be mapped leaves the cases None and says why."""
    raw = bytearray()
    while b"\n" not in raw:
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            os._exit(3)
        raw += chunk
    end = raw.index(b"\n")
    job = protocol.decode_job(raw[:end])
    sizes = job.sizes
    inline = [size for size in sizes if type(size) is int]
    body = bytearray(sum(inline))
    have = min(len(raw) - end - 1, len(body))
    body[:have] = raw[end + 1 : end + 1 + have]
    surplus = bytes(raw[end + 1 + have :])
    view = memoryview(body)
    with open(fd, "rb", buffering=0, closefd=False) as stream:
        while have < len(body):
            got = stream.readinto(view[have:])
            if not got:
                os._exit(3)
            have += got
    mapped = None
    if job.mapped:
        try:
            mapped = map_file(job.mapped)
        except (OSError, ValueError) as exc:
            return job, None, surplus, f"cannot read the cached cases: {exc}"
    cases, at = [], 0
    for size in sizes:
        if type(size) is int:
            cases.append(view[at : at + size])
            at += size
        else:
            assert mapped is not None  # a span is only sent with the file it lies in
            offset, length = size
            cases.append(mapped[offset : offset + length])
    return job, cases, surplus, ""


def serve(channel_fd: int, entered: set, isolate: bool) -> None:
    """The worker: read the job, limit itself, hide stdin, run the cases, and exit hard."""
    channel = _Channel(channel_fd)
    try:
        pid = int(os.readlink("/proc/self"))  # as the judge sees it, outside our namespace
    except (OSError, ValueError):
        pid = os.getpid()
    # The job first: its cases may lie in the cache, which the solution must not read, so the
    # file is mapped before the run is confined.
    job, cases, surplus, error = _read_job(0)  # (the fork server has preloaded the modules)
    protections = set(entered)
    if isolate:
        rules = _RULES[0] if _RULES else _rules()
        protections |= isolation.confine(os.getcwd(), rules)
        rules.close()  # the kernel holds what it needs: the solution sees none of them
    channel.send(protocol.Hello(pid, tuple(sorted(protections))))
    # Everything up to the solution's first line is done before the start signal: the job
    # may have come ahead of its turn.
    scope = _SCOPE or leetcode_scope()
    limits.apply(job.rlimits)
    sys.setrecursionlimit(RECURSION_LIMIT)
    import threading

    threading.stack_size(THREAD_STACK)
    for stream, line_buffering in ((sys.stdout, False), (sys.stderr, None)):
        cast(io.TextIOWrapper, stream).reconfigure(
            encoding="utf-8", errors="backslashreplace", line_buffering=line_buffering
        )
    leash = os.dup(0)  # kept private: EOF on it means the judge is done with this process
    if not surplus and not os.read(leash, 1):
        os._exit(0)  # the judge let go without starting this run
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)
    try:
        if cases is None:
            channel.send(protocol.BadInput(0, error))
            os._exit(0)
        again = run(channel, job.call, cases, scope, job.batch_ns)
        _flush()
        # Wait until the judge has measured this process and lets go (or kills it); meanwhile
        # it may ask for cases to be timed again.
        _serve_again(leash, channel, again)
    finally:
        # Exit at once: threads the solution left running must not keep the run alive.
        os._exit(0)
