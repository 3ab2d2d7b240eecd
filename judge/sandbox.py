"""Start the worker with limits, feed it one job, watch it, kill it, measure it, clean up.

One worker process serves one (submission, problem) run. The judge never trusts the worker's
word about time: it reads the process's CPU time from /proc while waiting, kills it past the
limit, and takes peak memory from the kernel's accounting when it is reaped.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# Memory the interpreter itself maps before the solution allocates anything.
_BASE_ADDRESS_SPACE_MB = 96
_CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
_PACKAGE_PARENT = str(Path(__file__).resolve().parent.parent)
_BOOT = (
    "import sys; sys.path.insert(0, sys.argv[1]); import judge.worker as w; "
    "del sys.path[0]; w.main(*map(int, sys.argv[2:]))"
)
STDOUT_NAME = "stdout.txt"
_SAMPLE_EVERY_S = 0.02
_MAX_ANSWER_BYTES = 1 << 30


@dataclass(frozen=True)
class Limits:
    """Per-case CPU and wall time, whole-run memory and output size."""

    cpu_ms: int
    memory_mb: int
    output_bytes: int = 16 * 1024 * 1024

    @property
    def wall_s(self) -> float:
        # Wall time catches sleeping and blocked solutions; generous so a busy machine is no TLE.
        return max(4 * self.cpu_ms / 1000, self.cpu_ms / 1000 + 4)

    @property
    def kill_cpu_ns(self) -> int:
        # The worker also spends CPU decoding a case and encoding its answer: leave room for it.
        return (self.cpu_ms + max(250, self.cpu_ms // 4)) * 1_000_000


@dataclass
class Received:
    """What one wait on the worker produced: a message, or why there is none."""

    message: dict | None
    reason: str = ""  # "", "cpu", "wall", "eof", "garbled"
    answer: bytes = b""  # the canonical JSON the worker sent after the message, if any
    proc_cpu_ns: int = 0  # CPU the judge saw the process use since the previous message
    stdout: tuple[int, int] = (0, 0)  # byte range of the solution's output since then


class Worker:
    """A running worker; use as a context manager so it is always killed and cleaned up."""

    def __init__(self) -> None:
        """Start the worker process; it waits for its job (`start`), so it can be started early,
        while the judge is still loading the problem."""
        self.limits = Limits(cpu_ms=1000, memory_mb=256)  # replaced by start()
        self._closed = False
        self.scratch = tempfile.mkdtemp(prefix="judge-")
        self._stdout_path = os.path.join(self.scratch, STDOUT_NAME)
        self._out_fd = os.open(self._stdout_path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600)
        read_fd, write_fd = os.pipe()
        self._status_fd, status_write = os.pipe()
        os.set_blocking(self._status_fd, False)
        self._read_fd = read_fd
        self._poller = select.poll()
        self._poller.register(read_fd, select.POLLIN)
        self._buffer = bytearray()
        self._last_cpu = 0
        self._last_sample = 0.0
        self._last_stdout = 0
        self.returncode: int | None = None
        self.peak_memory_kb = 0
        argv = [
            sys.executable,
            "-I",
            "-c",
            _BOOT,
            _PACKAGE_PARENT,
            str(write_fd),
            str(status_write),
            "0" if os.environ.get("JUDGE_NO_NAMESPACES") else "1",
        ]
        env = {
            "PATH": "/usr/bin:/bin",
            "HOME": self.scratch,
            "TMPDIR": self.scratch,
            "LANG": "C.UTF-8",
            "MALLOC_ARENA_MAX": "2",
        }
        try:
            self.proc = subprocess.Popen(
                argv,
                stdin=subprocess.PIPE,
                stdout=self._out_fd,
                stderr=self._out_fd,
                cwd=self.scratch,
                env=env,
                pass_fds=(write_fd, status_write),
                start_new_session=True,
            )
        except BaseException:
            os.close(write_fd)
            os.close(status_write)
            self._cleanup_files()
            raise
        os.close(write_fd)
        os.close(status_write)
        # Measured until the worker says who it is: the process the judge started (a keeper).
        self.pid = self.proc.pid
        self._pid_started: int | None = None
        self.protections: list[str] = []

    def start(self, header: dict, cases: list[bytes], limits: Limits) -> Worker:
        """Send the job: the limits, the solution and its cases (each one's encoded arguments).
        The worker sets the limits on itself before it loads the solution."""
        self.limits = limits
        total_cpu_s = (len(cases) + 2) * limits.cpu_ms // 1000 + 10
        address_space = (limits.memory_mb + _BASE_ADDRESS_SPACE_MB) * 1024 * 1024
        header = {
            **header,
            "limits": [address_space, limits.output_bytes, total_cpu_s],
            "sizes": [len(case) for case in cases],
        }
        # After the job the pipe stays open as the worker's leash: it waits on it after its
        # last case (so the judge can measure it) and exits when the judge goes.
        job = b"".join([json.dumps(header).encode(), b"\n", *cases])
        try:
            assert self.proc.stdin is not None
            self.proc.stdin.write(job)
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError):
            pass  # the worker died before reading its job; the next receive() reports it
        return self

    def __enter__(self) -> Worker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def receive(self, cpu_ns: int | None = None, wall_s: float | None = None) -> Received:
        """Wait for the next message, killing the worker past the CPU or wall budget."""
        cpu_ns = self.limits.kill_cpu_ns if cpu_ns is None else cpu_ns
        wall_s = self.limits.wall_s if wall_s is None else wall_s
        deadline = time.monotonic() + wall_s
        stopped = self._fill(lambda: b"\n" in self._buffer, cpu_ns, deadline)
        if stopped is not None:
            return stopped
        end = self._buffer.index(b"\n")
        line = bytes(self._buffer[:end])
        del self._buffer[: end + 1]
        try:
            message = json.loads(line)
        except ValueError:
            return self._stop("garbled")
        if not isinstance(message, dict):
            return self._stop("garbled")
        if message.get("t") == "hello" and self.pid == self.proc.pid:
            if not self._adopt(message):
                return self._stop("garbled")
            return self.receive(cpu_ns, max(0.0, deadline - time.monotonic()))
        size = message.get("n", 0)
        if type(size) is not int or not 0 <= size <= _MAX_ANSWER_BYTES:
            return self._stop("garbled")
        stopped = self._fill(lambda: len(self._buffer) >= size, cpu_ns, deadline)
        if stopped is not None:
            return stopped
        answer = bytes(self._buffer[:size])
        del self._buffer[:size]
        return self._mark(Received(message, answer=answer))

    def _fill(self, enough: Callable[[], bool], cpu_ns: int, deadline: float) -> Received | None:
        """Read from the worker until `enough()`; None then, else why it stopped (the worker
        is killed past its budget, or it ended mid-message)."""
        poller = self._poller
        while not enough():
            now = time.monotonic()
            if now >= deadline:
                return self._stop("wall")
            # Wake up often enough to catch a CPU hog soon after it passes its limit.
            if not poller.poll(min(deadline - now, 0.05) * 1000):
                if self._cpu_ns() - self._last_cpu > cpu_ns:
                    return self._stop("cpu")
                continue
            chunk = os.read(self._read_fd, 1 << 20)
            if not chunk:
                reason = "garbled" if self._buffer else "eof"
                received = self._mark(Received(None, reason))
                self._kill(grace_s=0.5)
                return received
            self._buffer += chunk
        return None

    def _adopt(self, hello: dict) -> bool:
        """Measure the process that runs the solution, once its pid is shown to be our own
        descendant (its parent, or its parent's parent, is the process the judge started)."""
        pid = hello.get("pid")
        if not isinstance(pid, int) or pid <= 0:
            return False
        parent = _parent(pid)
        if parent != self.proc.pid and (parent is None or _parent(parent) != self.proc.pid):
            return False
        self.pid = pid
        self._pid_started = _started(pid)
        protections = hello.get("protections")
        if isinstance(protections, list):
            self.protections = [str(p) for p in protections]
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
        """Kill the worker and everything it started, reap it, and remove its scratch files."""
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
        end = received.message.get("so", self._last_stdout) if received.message else size
        if not isinstance(end, int) or not self._last_stdout <= end <= size:
            end = size
        received.stdout = (self._last_stdout, end)
        self._last_stdout = end
        return received

    def _stop(self, reason: str) -> Received:
        received = self._mark(Received(None, reason))
        self._kill()
        return received

    def _sample_memory(self) -> None:
        """Peak resident memory from /proc; the kernel's ru_maxrss would include the judge's own
        memory copied at fork, so it is not used."""
        try:
            with open(f"/proc/{self.pid}/status", "rb") as f:
                status = f.read()
            at = status.index(b"VmHWM:")
            self.peak_memory_kb = max(
                self.peak_memory_kb, int(status[at + 6 : status.index(b"kB", at)])
            )
        except (OSError, ValueError):
            pass

    def worker_status(self) -> int | None:
        """How the process that ran the solution ended, as its supervisor reported it."""
        try:
            text = os.read(self._status_fd, 64).decode()
        except (OSError, UnicodeDecodeError):
            return None
        kind, _, value = text.strip().partition(" ")
        if not value.lstrip("-").isdigit():
            return None
        return -int(value) if kind == "signal" else int(value)

    def _cpu_ns(self) -> int:
        """CPU time of the worker process, read by the judge (Linux /proc)."""
        try:
            with open(f"/proc/{self.pid}/stat", "rb") as f:
                fields = f.read().rpartition(b")")[2].split()
            ticks = int(fields[11]) + int(fields[12])
        except (OSError, IndexError, ValueError):
            return self._last_cpu
        return ticks * 1_000_000_000 // _CLOCK_TICKS

    def _kill(self, grace_s: float = 0.0) -> None:
        """Reap the worker (after `grace_s` to exit by itself), then kill its whole group."""
        if self.returncode is not None:
            return
        pid = self.proc.pid
        deadline = time.monotonic() + grace_s
        reaped = os.wait4(pid, os.WNOHANG)
        while reaped[0] == 0 and time.monotonic() < deadline:
            time.sleep(0.005)
            reaped = os.wait4(pid, os.WNOHANG)
        if reaped[0] == 0:
            self._sample_memory()
        # The start time tells the worker from a new process that reused its pid.
        if self.pid != pid and _started(self.pid) == self._pid_started:
            # Kill the worker first: its supervisor then kills everything the solution started
            # (the namespace, or the orphans it adopted) and exits by itself.
            try:
                os.kill(self.pid, signal.SIGKILL)
            except OSError:
                pass
            deadline = time.monotonic() + 1.0
            while reaped[0] == 0 and time.monotonic() < deadline:
                time.sleep(0.001)
                reaped = os.wait4(pid, os.WNOHANG)
        if self.proc.stdin is not None:
            try:
                self.proc.stdin.close()
            except OSError:
                pass
        try:
            # Also whatever the solution started: they share the worker's process group.
            os.killpg(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        if reaped[0] == 0:
            reaped = os.wait4(pid, 0)
        if self.pid != pid and _started(self.pid) == self._pid_started:
            _wait_gone(self.pid)  # if its supervisor was killed, no one else waits for it
        self.proc.returncode = os.waitstatus_to_exitcode(reaped[1])
        status = self.worker_status()
        self.returncode = status if status is not None else self.proc.returncode

    def finish(self) -> int:
        """End the run: measure the worker one last time, kill it and all it started, reap it."""
        self._kill()
        assert self.returncode is not None
        return self.returncode

    def _cleanup_files(self) -> None:
        if getattr(self, "_closed", False):
            return  # never close descriptor numbers twice: they may belong to someone else now
        self._closed = True
        for fd in (getattr(self, "_status_fd", None),):
            if fd is not None:
                try:
                    os.close(fd)
                except OSError:
                    pass
        try:
            os.close(self._read_fd)
        except (OSError, AttributeError):
            pass
        try:
            os.close(self._out_fd)
        except OSError:
            pass
        shutil.rmtree(self.scratch, ignore_errors=True)


def _parent(pid: int) -> int | None:
    """The parent pid of a process, from /proc."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return int(f.read().rpartition(b")")[2].split()[1])
    except (OSError, IndexError, ValueError):
        return None


def _started(pid: int) -> int | None:
    """When a process started (clock ticks since boot), from /proc."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return int(f.read().rpartition(b")")[2].split()[19])
    except (OSError, IndexError, ValueError):
        return None


def _wait_gone(pid: int, timeout_s: float = 1.0) -> None:
    """Wait until a killed process has really died (it may be someone else's child)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            with open(f"/proc/{pid}/stat", "rb") as f:
                if f.read().rpartition(b")")[2].split()[0] in (b"Z", b"X"):
                    return
        except (OSError, IndexError):
            return
        time.sleep(0.001)
