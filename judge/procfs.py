"""The one reader of /proc: what the kernel says about a process, never what it says itself.

Both sides of the sandbox use it (the judge to measure and end a run, a run's supervisor to
find the processes left behind), so it imports only the standard library. Every reader returns
None (or "gone") for a process that no longer exists instead of raising: processes end at any
moment.
"""

from __future__ import annotations

import os
import select
import time

CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
# The signal that ends a run's processes: 9 by POSIX (`kill -9`). Not `signal.SIGKILL`: that
# module builds its enums when loaded, which the judge's and the fork server's start-up notice.
SIGKILL = 9

# Fields of /proc/PID/stat after the command name, counted from 0 (the state), see proc(5).
_STATE, _PARENT, _GROUP, _UTIME, _STIME, _START = 0, 1, 2, 11, 12, 19


def stat(pid: int | str) -> list[bytes]:
    """The fields of /proc/PID/stat after the command name (the state first); empty if the
    process is gone. The name is skipped by its closing parenthesis: it may hold spaces."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return f.read().rpartition(b")")[2].split()
    except OSError:
        return []


def _field(pid: int | str, index: int) -> int | None:
    fields = stat(pid)
    try:
        return int(fields[index])
    except (IndexError, ValueError):
        return None


def parent(pid: int | str) -> int | None:
    """The parent pid of a process."""
    return _field(pid, _PARENT)


def started(pid: int | str) -> int | None:
    """When a process started (clock ticks since boot): tells it from a later one that reused
    its pid."""
    return _field(pid, _START)


def cpu_ns(pid: int | str) -> int | None:
    """User and system CPU time of a process (all its threads), in nanoseconds."""
    fields = stat(pid)
    try:
        ticks = int(fields[_UTIME]) + int(fields[_STIME])
    except (IndexError, ValueError):
        return None
    return ticks * 1_000_000_000 // CLOCK_TICKS


def gone(pid: int | str) -> bool:
    """Whether a process has ended (a zombie not yet reaped has ended too)."""
    return stat(pid)[:1] in ([], [b"Z"], [b"X"])


def peak_memory_kb(pid: int | str) -> int | None:
    """Peak resident memory of a process (VmHWM). The kernel's ru_maxrss of a child would
    include the memory copied from its parent at fork, so it is not used."""
    try:
        with open(f"/proc/{pid}/status", "rb") as f:
            status = f.read()
        at = status.index(b"VmHWM:")
        return int(status[at + 6 : status.index(b"kB", at)])
    except (OSError, ValueError):
        return None


def pids() -> list[int]:
    """Every process this process can see."""
    try:
        return [int(entry) for entry in os.listdir("/proc") if entry.isdigit()]
    except OSError:
        return []


def children(pid: int) -> list[int]:
    """The live processes whose parent is `pid`."""
    return [p for p in pids() if parent(p) == pid]


def group(pgid: int) -> list[int]:
    """The live processes of a process group."""
    return [p for p in pids() if _field(p, _GROUP) == pgid and not gone(p)]


def wait_gone(pid: int, timeout_s: float = 1.0) -> None:
    """Wait until a process has ended, at most `timeout_s` (it may be someone else's child)."""
    if timeout_s <= 0 or gone(pid):
        return
    try:
        handle = os.pidfd_open(pid)  # readable the moment the process ends
    except (AttributeError, OSError):
        handle = -1
    if handle >= 0:
        try:
            poller = select.poll()
            poller.register(handle, select.POLLIN)
            poller.poll(timeout_s * 1000)
        finally:
            os.close(handle)
        return
    deadline = time.monotonic() + timeout_s
    while not gone(pid) and time.monotonic() < deadline:
        time.sleep(0.001)
