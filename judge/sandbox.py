"""Start the worker with limits, feed it one job, watch it, kill it, measure it, clean up.

One worker process serves one (submission, problem) run; the fork server starts it. The judge
never trusts the worker's word about time: it reads the process's CPU time from /proc while
waiting, kills it past the limit (`limits`), and takes peak memory from the kernel's accounting.
What it sees is handed on as facts (`Received`); `verdicts` decides what they mean.
"""

from __future__ import annotations

import os
import select
import threading
import time
from collections.abc import Callable
from enum import Enum

from judge import forkserver, procfs, protocol
from judge.errors import SandboxError
from judge.limits import Limits
from judge.protocol import FileSpan
from judge.records import record

STDOUT_NAME = "stdout.txt"
_SAMPLE_EVERY_S = 0.02
_MAX_ANSWER_BYTES = 1 << 30
_START_TIMEOUT_S = 30
_PIPE_BYTES = 1 << 20
_IOV_MAX = 1024  # buffers one writev takes (Linux's limit)


class Stop(Enum):
    """Why a wait on the worker ended without a message."""

    CPU = "cpu"  # killed: its CPU time passed the budget
    WALL = "wall"  # killed: the wall-clock budget ran out
    EOF = "eof"  # the worker ended between messages
    GARBLED = "garbled"  # the channel held something that is not a message, or ended mid-one


@record
class Received:
    """What one wait on the worker produced: a message, or why there is none."""

    message: protocol.Message | None
    stop: Stop | None = None
    answer: bytes | bytearray = b""  # the answer's canonical bytes (codecs.dump), if any
    proc_cpu_ns: int = 0  # CPU the judge saw the process use since the previous message
    stdout: tuple[int, int] = (0, 0)  # byte range of the solution's output since then


def mappable(cases: list[bytes | memoryview | FileSpan]) -> list | None:
    """[path, device, inode, length] of the one file the cases' spans lie in, for the worker to
    map; None when there are none, or the file at that path is not the one read any more."""
    spans = [case for case in cases if isinstance(case, FileSpan)]
    if not spans:
        return None
    first = spans[0]
    if any((s.path, s.device, s.inode) != (first.path, first.device, first.inode) for s in spans):
        return None
    try:
        now = os.stat(first.path)
    except OSError:
        return None
    if (now.st_dev, now.st_ino) != (first.device, first.inode):
        return None  # replaced since it was read: send the bytes themselves
    length = max(s.offset + len(s.data) for s in spans)
    return [first.path, first.device, first.inode, length]


_local = threading.local()


def _read_buffer() -> bytearray:
    """This thread's buffer for reading the worker's messages, reused run after run."""
    buffer = getattr(_local, "buffer", None)
    if buffer is None:
        buffer = _local.buffer = bytearray(64 * 1024)
    return buffer


class Worker:
    """A running worker; use as a context manager so it is always killed and cleaned up."""

    def __init__(self) -> None:
        """Ask for the worker process; it waits for its job (`start`), so it can be started
        early, while the judge is still loading the problem."""
        _after_closing()
        self.limits = Limits(cpu_ms=1000, memory_mb=256)  # replaced by start()
        self._closed = False
        # Each descriptor is -1 until it is open: whatever stops this half-way (Ctrl-C while a
        # watcher boots its next worker) closes what is open and removes the scratch folder.
        self._out_fd = self._read_fd = self._status_fd = self._job_fd = -1
        theirs: list[int] = []  # the run's ends of the pipes, closed here once it has them
        self.scratch = _new_scratch()
        try:
            self._stdout_path = os.path.join(self.scratch, STDOUT_NAME)
            self._out_fd = os.open(self._stdout_path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600)
            self._read_fd, write_fd = os.pipe()
            theirs.append(write_fd)
            _widen(self._read_fd)
            self._status_fd, status_write = os.pipe()
            theirs.append(status_write)
            job_read, self._job_fd = os.pipe()
            theirs.append(job_read)
            _widen(self._job_fd)
            os.set_blocking(self._status_fd, False)
            self._poller = select.poll()
            self._poller.register(self._read_fd, select.POLLIN)
            self._buffer = bytearray()
            self._status = b""
            self._last_cpu = 0
            self._last_sample = 0.0
            self._last_stdout = 0
            self.returncode: int | None = None
            self.peak_memory_kb = 0
            self._keeper: int | None = None
            self._adopted: int | None = None  # the process that runs the solution, once known
            self._greeted = False  # its first message (its pid) has been read
            self._greeting: Received | None = None  # why there was no hello, until received
            self._pid_started: int | None = None
            self.protections: list[str] = []
            self._loaded: tuple[protocol.Call, Limits, int] | None = None  # sent, not started
            self._released = False  # handed to the background thread that ends workers
            self.on_start: Callable[[], None] | None = None  # the caller's work meanwhile
            env = {**forkserver.ENV, "HOME": self.scratch, "TMPDIR": self.scratch}
            isolate = not os.environ.get("JUDGE_NO_NAMESPACES")
            fds = [job_read, self._out_fd, write_fd, status_write]
            forkserver.shared().spawn(fds, self.scratch, env, isolate)
        except BaseException:
            self._cleanup_files()
            raise
        finally:
            for fd in theirs:
                os.close(fd)

    @property
    def keeper(self) -> int:
        """The run's first process (outside any namespace): what the judge kills and reaps."""
        if self._keeper is None:
            self._keeper = self._read_keeper()
        return self._keeper

    @property
    def pid(self) -> int:
        """The process measured: the worker itself once it has said who it is, else the keeper."""
        return self._adopted if self._adopted is not None else self.keeper

    def _read_keeper(self) -> int:
        """The keeper's pid, its first line on the status pipe (it may still be starting)."""
        deadline = time.monotonic() + _START_TIMEOUT_S
        poller = select.poll()
        poller.register(self._status_fd, select.POLLIN)
        while b"\n" not in self._status:
            left = deadline - time.monotonic()
            if left <= 0 or not poller.poll(left * 1000):
                raise SandboxError("the sandbox did not start a worker within 30 s")
            chunk = os.read(self._status_fd, 64)
            if not chunk:
                raise SandboxError("the sandbox could not start a worker process")
            self._status += chunk
        line, _, self._status = self._status.partition(b"\n")
        status = protocol.read_status(line)
        if status is None or status[0] != "pid":
            raise SandboxError("the sandbox could not start a worker process")
        return status[1]

    def load(
        self, call: protocol.Call, cases: list[bytes | memoryview | FileSpan], limits: Limits
    ) -> None:
        """Send the job: the limits, the solution and its cases (each one's packed arguments,
        or where they lie in a file). The worker reads it, then waits for `start`: a job sent
        ahead of its turn is read while the judge does other work."""
        self._loaded = (call, limits, len(cases))
        self.limits = limits
        mapped = mappable(cases)
        sizes: list[int | list[int]] = []
        sent: list[bytes | memoryview] = []
        for case in cases:
            if isinstance(case, FileSpan) and mapped is not None:
                sizes.append([case.offset, len(case.data)])
            else:
                data = case.data if isinstance(case, FileSpan) else case
                sizes.append(len(data))
                sent.append(data)
        job = protocol.Job(call, limits.rlimits(len(cases)), sizes, mapped, limits.batch_ns)
        # After the job the pipe stays open as the worker's leash: it waits on it after its
        # last case (so the judge can measure it) and exits when the judge goes.
        self._send(protocol.encode_job(job), *sent)

    def start(
        self, call: protocol.Call, cases: list[bytes | memoryview | FileSpan], limits: Limits
    ) -> Worker:
        """Send the job unless `load` did, then let the worker run it: it sets the limits on
        itself, then loads the solution. Its hello is read first (`_greet`). Before that,
        `on_start` (if set) is called once: it may start the caller's own work, to overlap
        the run."""
        if self._loaded is None:
            self.load(call, cases, limits)
        elif self._loaded != (call, limits, len(cases)):
            raise ValueError("a worker can only start the job it was loaded with")
        if self.on_start is not None:
            work, self.on_start = self.on_start, None
            work()
        if not self._greeted:
            self._greeting = self._greet(time.monotonic() + _START_TIMEOUT_S)
        self._send(protocol.START)
        return self

    def _greet(self, deadline: float) -> Received | None:
        """Read the worker's first message, the hello that gives its pid, and adopt that pid:
        None, or why not (the worker is then stopped). Done before the start signal, so the
        pid is checked against the process tree before any solution code can change the tree
        (a solution that kills its parent has the worker adopted by another process)."""
        self._greeted = True
        hello = self._next_message(self.limits.kill_cpu_ns, deadline)
        if isinstance(hello, Received):
            return hello
        if not isinstance(hello, protocol.Hello) or not self._adopt(hello):
            return self._stop(Stop.GARBLED)
        return None

    def _next_message(self, cpu_ns: int, deadline: float) -> protocol.Message | Received:
        """The next message line from the worker, or why there is none (it is then stopped, or
        it ended)."""
        stopped = self._fill(lambda: b"\n" in self._buffer, cpu_ns, deadline)
        if stopped is not None:
            return stopped
        end = self._buffer.index(b"\n")
        line = bytes(self._buffer[:end])
        del self._buffer[: end + 1]
        try:
            return protocol.decode_message(line)
        except protocol.Garbled:
            return self._stop(Stop.GARBLED)

    def time_again(self, index: int) -> None:
        """Ask the worker, once it has run every case, to run case `index` (of its job) again;
        it answers with an `again` message holding the new CPU time."""
        self._send(protocol.again_line(index))

    def _send(self, *parts: bytes | memoryview) -> None:
        """Write the parts to the job pipe as they are: gathered by the kernel, not first
        joined into one more copy of megabytes of cases."""
        views = [memoryview(part).cast("B") for part in parts if len(part)]
        first = 0
        try:
            while first < len(views):
                written = os.writev(self._job_fd, views[first : first + _IOV_MAX])
                while first < len(views) and written >= len(views[first]):
                    written -= len(views[first])
                    first += 1
                if written:
                    views[first] = views[first][written:]
        except OSError:
            pass  # the worker died before reading its job; the next receive() reports it

    def __enter__(self) -> Worker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def receive(self, cpu_ns: int | None = None, wall_s: float | None = None) -> Received:
        """Wait for the next message, killing the worker past the CPU or wall budget."""
        cpu_ns = self.limits.kill_cpu_ns if cpu_ns is None else cpu_ns
        wall_s = self.limits.wall_s if wall_s is None else wall_s
        deadline = time.monotonic() + wall_s
        if not self._greeted:
            self._greeting = self._greet(deadline)
        if self._greeting is not None:  # no hello: how the worker ended or was stopped
            greeting, self._greeting = self._greeting, None
            return greeting
        message = self._next_message(cpu_ns, deadline)
        if isinstance(message, Received):
            return message
        size = message.size if isinstance(message, protocol.Answered) else 0
        if size > _MAX_ANSWER_BYTES:
            return self._stop(Stop.GARBLED)
        # The answer is read straight into its own buffer: a long one is copied once, not
        # through the line buffer.
        answer = bytearray(size)
        have = min(size, len(self._buffer))
        answer[:have] = self._buffer[:have]
        del self._buffer[:have]
        rest = memoryview(answer)[have:]
        while rest:
            got = self._read_into(rest, cpu_ns, deadline, mid_message=len(rest) < size)
            if isinstance(got, Received):
                return got
            rest = rest[got:]
        return self._mark(Received(message, answer=answer))

    def _fill(self, enough: Callable[[], bool], cpu_ns: int, deadline: float) -> Received | None:
        """Read from the worker until `enough()`; None then, else why it stopped (the worker
        is killed past its budget, or it ended mid-message)."""
        chunk = memoryview(_read_buffer())
        while not enough():
            got = self._read_into(chunk, cpu_ns, deadline, mid_message=bool(self._buffer))
            if isinstance(got, Received):
                return got
            self._buffer += chunk[:got]
        return None

    def _read_into(
        self, target: memoryview, cpu_ns: int, deadline: float, mid_message: bool
    ) -> int | Received:
        """Wait for bytes from the worker and read them into `target`: how many, or why there
        are none (the worker is killed past its budget, or it ended)."""
        poller = self._poller
        while True:
            now = time.monotonic()
            if now >= deadline:
                return self._stop(Stop.WALL)
            # Wake up often enough to catch a CPU hog soon after it passes its limit.
            if poller.poll(min(deadline - now, 0.05) * 1000):
                break
            if self._cpu_ns() - self._last_cpu > cpu_ns:
                return self._stop(Stop.CPU)
        got = os.readv(self._read_fd, [target])
        if got:
            return got
        received = self._mark(Received(None, Stop.GARBLED if mid_message else Stop.EOF))
        self._kill(grace_s=0.5)
        return received

    def _adopt(self, hello: protocol.Hello) -> bool:
        """Measure the process that runs the solution, once its pid is shown to be our own
        descendant (its parent, or its parent's parent, is the process the judge started).

        Only the first message counts: the worker says it before any solution code runs. It
        may have ended by the time the judge reads it (killed from outside): there is nothing
        left to measure then, and its exit status says how it ended, so that is no reason to
        call the channel garbled."""
        pid = hello.pid
        if pid <= 0:
            return False
        parent = procfs.parent(pid)
        if parent is not None and parent != self.keeper and procfs.parent(parent) != self.keeper:
            return False
        self.protections = list(hello.protections)
        if parent is not None:
            self._adopted = pid
            self._pid_started = procfs.started(pid)
        return True

    def stdout(self, span: tuple[int, int], limit: int = 4096) -> str:
        """The solution's output in a byte range, cut to `limit` bytes."""
        start, end = span
        if start >= end:
            return ""
        data = os.pread(self._out_fd, min(end - start, limit), start)
        text = data.decode("utf-8", "replace")
        if end - start > limit:
            text += f"\n... ({end - start - limit} more bytes)"
        return text

    def stdout_size(self) -> int:
        return os.fstat(self._out_fd).st_size

    def close(self) -> None:
        """Kill the worker and everything it started, reap it, and remove its scratch files
        (unless it was released: then the background thread does)."""
        if not self._released:
            self._end()

    def release(self) -> None:
        """Done with the worker: measure it one last time now, then leave killing, reaping
        and removing its files to a background thread. Waiting for a run's processes to end
        takes milliseconds that the next run need not wait for; `settle` waits for them."""
        if self._released:
            return
        self._released = True
        if self.returncode is None and not procfs.gone(self.pid):
            self._sample_memory()
        _reaper.put(self)

    def _end(self) -> None:
        self._kill()
        self._cleanup_files()

    def _mark(self, received: Received) -> Received:
        # Reading /proc costs tens of microseconds: for a stream of quick cases, sample it every
        # few milliseconds, not per case. The CPU seen since the last sample is charged here.
        now = time.monotonic()
        if received.message is None or now - self._last_sample >= _SAMPLE_EVERY_S:
            self._last_sample = now
            self._sample_memory()
            cpu = self._cpu_ns()
            received.proc_cpu_ns = max(0, cpu - self._last_cpu)
            self._last_cpu = cpu
        size = self.stdout_size()
        # The worker says where this case's output ended; the file may already hold the next
        # case's prints. Its word only places the cut, and only within what is really there.
        end = getattr(received.message, "stdout_end", self._last_stdout)
        if received.message is None or not self._last_stdout <= end <= size:
            end = size
        received.stdout = (self._last_stdout, end)
        self._last_stdout = end
        return received

    def _stop(self, stop: Stop) -> Received:
        received = self._mark(Received(None, stop))
        self._kill()
        return received

    def _sample_memory(self) -> None:
        """Peak resident memory so far, from /proc."""
        peak = procfs.peak_memory_kb(self.pid)
        if peak is not None:
            self.peak_memory_kb = max(self.peak_memory_kb, peak)

    def worker_status(self) -> int | None:
        """How the process that ran the solution ended, as its supervisor reported it (a
        negative code for a signal)."""
        try:
            while chunk := os.read(self._status_fd, 64):
                self._status += chunk
        except OSError:
            pass
        status = protocol.read_status(self._status)
        return status[1] if status is not None and status[0] == "exit" else None

    def _cpu_ns(self) -> int:
        """CPU time of the worker process, read by the judge."""
        cpu = procfs.cpu_ns(self.pid)
        return self._last_cpu if cpu is None else cpu

    def _kill(self, grace_s: float = 0.0) -> None:
        """Wait `grace_s` for the run to end by itself, then kill it and everything it started.

        The fork server reaps the keeper only when told to, after this: until then its pid
        (and its process group's id) cannot be reused, so nothing else can be hit here.
        """
        if self.returncode is not None:
            return
        try:
            keeper = self.keeper
        except SandboxError:
            self.returncode = -procfs.SIGKILL  # it never started: nothing to kill
            return
        procfs.wait_gone(keeper, grace_s)
        if not procfs.gone(keeper):
            self._sample_memory()
        # The start time tells the worker from a new process that reused its pid.
        if self._adopted is not None and procfs.started(self._adopted) == self._pid_started:
            # Kill the worker first: its supervisor then kills everything the solution started
            # (the namespace, or the orphans it adopted) and exits by itself.
            try:
                os.kill(self._adopted, procfs.SIGKILL)
            except OSError:
                pass
            procfs.wait_gone(keeper, 1.0)
        self._close_job()
        try:
            # Also whatever the solution started: they share the keeper's process group.
            os.killpg(keeper, procfs.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        procfs.wait_gone(keeper, 5.0)
        if self._adopted is not None and procfs.started(self._adopted) == self._pid_started:
            procfs.wait_gone(self._adopted)  # if its supervisor was killed, no one waits for it
        elif self._adopted is None:
            # Ended before it said who it is (closed before its turn): its processes were killed
            # with the keeper's group, but a killed process takes a moment to go.
            for pid in procfs.group(keeper):
                procfs.wait_gone(pid, 5.0)
        forkserver.shared().reap(keeper)
        status = self.worker_status()
        self.returncode = status if status is not None else -procfs.SIGKILL

    def _close_job(self) -> None:
        """Close the job pipe: the worker's leash (it exits when the judge lets go)."""
        if self._job_fd >= 0:
            try:
                os.close(self._job_fd)
            except OSError:
                pass
            self._job_fd = -1

    def finish(self) -> int:
        """End the run: measure the worker one last time, kill it and all it started, reap it."""
        self._kill()
        assert self.returncode is not None
        return self.returncode

    def _cleanup_files(self) -> None:
        if getattr(self, "_closed", False):
            return  # never close descriptor numbers twice: they may belong to someone else now
        self._closed = True
        self._close_job()
        for fd in (self._status_fd, self._read_fd, self._out_fd):
            try:
                os.close(fd)
            except OSError:
                pass
        forkserver.remove_scratch(self.scratch)


# A run's scratch folder is made without tempfile in the usual case (with shutil, which it
# loads, some 4 ms of `judge run`'s start-up), and removed by `forkserver.remove_scratch`.


def _new_scratch() -> str:
    """A new folder that only this user may enter, in the temporary folder (as
    `tempfile.mkdtemp` names and makes it, which is called where this cannot)."""
    base = next((os.environ[v] for v in ("TMPDIR", "TEMP", "TMP") if os.environ.get(v)), "/tmp")
    for _ in range(100):
        path = os.path.join(os.path.abspath(base), f"judge-{os.urandom(6).hex()}")
        try:
            os.mkdir(path, 0o700)
            return path
        except FileExistsError:
            continue
        except OSError:
            break  # a temporary folder that cannot be used: tempfile looks for another
    import tempfile

    return tempfile.mkdtemp(prefix="judge-")


class _Reaper:
    """A background thread that ends released workers, one after another."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._pending: list[Worker] = []
        self._thread: threading.Thread | None = None

    def put(self, worker: Worker) -> None:
        with self._changed:
            self._pending.append(worker)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="judge-reaper", daemon=True)
                self._thread.start()
                import atexit

                atexit.register(self.settle, 10.0)  # for library use; the CLI settles itself
            self._changed.notify_all()

    def settle(self, timeout_s: float) -> None:
        with self._changed:
            self._changed.wait_for(lambda: not self._pending, timeout_s)

    def _run(self) -> None:
        while True:
            with self._changed:
                self._changed.wait_for(lambda: bool(self._pending))
                worker = self._pending[0]
            try:
                worker._end()
            except Exception:
                pass  # its processes die with the judge anyway; nothing to report to
            with self._changed:
                self._pending.pop(0)
                self._changed.notify_all()


_reaper = _Reaper()


def settle(timeout_s: float = 10.0) -> None:
    """Wait until every released worker has been killed, reaped and cleaned up."""
    _reaper.settle(timeout_s)


_closing: list[threading.Thread] = []  # `close_all_soon`'s


def close_all() -> None:
    """The judge is done with the sandbox: once every released worker is ended and its files
    are removed, stop the fork server. No process or scratch folder outlives this."""
    _after_closing()
    _close_all()


def close_all_soon() -> None:
    """`close_all` on a thread, for a command that runs nothing more: its runs' processes
    end while it reports, instead of after (`close_all` then only waits for the thread)."""
    thread = threading.Thread(target=_close_all, name="judge-close", daemon=True)
    thread.start()
    _closing.append(thread)


def _close_all() -> None:
    settle()
    forkserver.shared().close()


def _after_closing() -> None:
    """Wait for `close_all_soon`'s thread, if any: a new worker in the same process (tests, the
    pytest plugin) must not have its fork server stopped by an earlier command's."""
    while _closing:
        try:
            thread = _closing.pop()
        except IndexError:  # (another thread took the last one meanwhile)
            return
        thread.join()


def _widen(pipe_fd: int) -> None:
    """Let a pipe hold up to 1 MB, so that a long answer or case goes through in one write,
    not in sixteen 64 KB turns of the writer and the reader waking each other up."""
    try:
        import fcntl

        fcntl.fcntl(pipe_fd, fcntl.F_SETPIPE_SZ, _PIPE_BYTES)
    except (ImportError, AttributeError, OSError):
        pass  # not Linux, or above this user's limit: the default size works, only slower
