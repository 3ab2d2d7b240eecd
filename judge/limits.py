"""How time, memory and output limits are set and enforced: every rule in one place.

A spec's `time_ms` is the limit on the reference machine; `for_problem` scales it by this
machine's calibration and the user's `--time-scale`. A case's time is the CPU time of the
method call, and the limit is enforced in layers, each for what the one before cannot catch:

1. The worker times every call on the exact per-thread CPU clock (work handed to other threads
   is added) and reports it; a case over `cpu_ms` is TLE (`over_time`, in `verdicts`).
2. The judge does not take the worker's word for it: while it waits it reads the worker's CPU
   time from /proc (`sandbox`) and kills it past `kill_cpu_ns`, which leaves room for decoding
   inputs and encoding answers: TLE however the solution lies about its time.
3. Wall time, `wall_s`, catches sleeping and blocked solutions: TLE.
4. RLIMIT_CPU over the whole run (`rlimits`) is the kernel's backstop if the judge itself is
   stalled: SIGXCPU, TLE.

Memory is capped by RLIMIT_AS (`rlimits`): an allocation past it raises MemoryError (MLE); the
peak resident memory the judge reads from /proc is checked against `memory_mb` at the end. The
solution's output goes to a file capped by RLIMIT_FSIZE (OLE).

The worker applies the rlimits to itself (`apply`), so this module uses only the standard
library at import time.
"""

from __future__ import annotations

import sys

from judge.records import Record

# Memory the interpreter itself maps before the solution allocates anything.
BASE_ADDRESS_SPACE_MB = 96
OUTPUT_BYTES = 16 * 1024 * 1024
# Loading the file runs its top-level code with a case's CPU budget, and this much more wall
# time: interpreter start-up is slow on a busy machine.
LOAD_EXTRA_WALL_S = 5.0


class Limits(Record):
    """Per-case CPU and wall time, whole-run memory and output size."""

    __slots__ = ("cpu_ms", "memory_mb", "output_bytes")

    def __init__(self, cpu_ms: int, memory_mb: int, output_bytes: int = OUTPUT_BYTES) -> None:
        self.cpu_ms = cpu_ms
        self.memory_mb = memory_mb
        self.output_bytes = output_bytes

    @property
    def wall_s(self) -> float:
        """Generous, so that a busy machine is never a TLE by itself."""
        return max(4 * self.cpu_ms / 1000, self.cpu_ms / 1000 + 4)

    @property
    def kill_cpu_ns(self) -> int:
        """The process CPU past which the judge kills a case: the limit, plus room for the
        worker's own work on the case (decoding its input, encoding its answer)."""
        return (self.cpu_ms + max(250, self.cpu_ms // 4)) * 1_000_000

    @property
    def batch_ns(self) -> int:
        """The CPU a batch of inputs (the small-input sweep) may spend before its other inputs
        are left out. The limit is per input, as it is per case: a solution with a costly
        set-up on every call (a table of 10^6 entries) is accepted on LeetCode's hundred
        cases and must not be a TLE for 2000 tiny ones. Half the room `kill_cpu_ns` leaves
        past the limit, so that a worker is killed in a batch only when one input alone broke
        the limit."""
        return max(250, self.cpu_ms // 4) * 1_000_000 // 2

    def over_time(self, cpu_ns: int, process_cpu_ns: int) -> bool:
        """Whether a case that reported `cpu_ns` (and was seen using `process_cpu_ns` in all)
        broke the time limit."""
        return cpu_ns > self.cpu_ms * 1_000_000 or process_cpu_ns > self.kill_cpu_ns

    def rlimits(self, cases: int) -> tuple[int, int, int]:
        """(address space bytes, output bytes, CPU seconds) for a run of `cases` cases."""
        address_space = (self.memory_mb + BASE_ADDRESS_SPACE_MB) * 1024 * 1024
        total_cpu_s = (cases + 2) * self.cpu_ms // 1000 + 10
        return address_space, self.output_bytes, total_cpu_s


def for_problem(time_ms: int, memory_mb: int, time_scale: float = 1.0) -> Limits:
    """A problem's limits on this machine."""
    from judge import calibration

    cpu_ms = calibration.limit_ms(time_ms, calibration.factor(), time_scale)
    return Limits(cpu_ms=cpu_ms, memory_mb=memory_mb)


def _set(resource_id: int, value: int) -> None:
    import resource

    try:
        resource.setrlimit(resource_id, (value, value))
    except (ValueError, OSError):
        hard = resource.getrlimit(resource_id)[1]
        if hard == resource.RLIM_INFINITY or value < hard:
            resource.setrlimit(resource_id, (value, hard))


def apply(rlimits: tuple[int, int, int]) -> None:
    """Set hard limits on this process (the worker) before any solution code runs; the
    solution cannot raise them again."""
    import resource

    address_space, output_bytes, cpu_s = rlimits
    _set(resource.RLIMIT_CORE, 0)
    _set(resource.RLIMIT_CPU, cpu_s)
    _set(resource.RLIMIT_FSIZE, output_bytes)
    # Deep recursion grows the C stack; let it use the room the memory limit allows.
    _set(resource.RLIMIT_STACK, min(address_space // 2, 1 << 30))
    if sys.platform.startswith("linux"):
        _set(resource.RLIMIT_AS, address_space)
    else:  # RLIMIT_AS is not enforced everywhere (macOS); RLIMIT_DATA is the closest.
        _set(resource.RLIMIT_DATA, address_space)
