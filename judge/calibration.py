"""How fast this machine runs Python, so time limits mean the same everywhere.

A spec's `time_ms` is the limit on the reference machine. On another machine judge runs a fixed
workload of typical solution code (loops, sorting, dicts, heaps, deques, recursion), compares its
CPU time with the reference machine's, and scales every limit by that factor:

    limit here = spec time_ms x machine factor x --time-scale

The factor is measured once and cached; `judge calibrate` measures it again, or pins it.
"""

from __future__ import annotations

import functools
import gc
import heapq
import json
import platform
import random
import threading
import time
from collections import deque
from datetime import datetime, timezone
from pathlib import Path

from judge.cache import cache_dir, key, write_atomically
from judge.records import asdict, record

# The workload's best CPU time on the reference machine: an AMD EPYC KVM guest with 2 cores,
# CPython 3.11.7 (the machine the bundled problems' limits were set on).
REFERENCE_MS = 14.5
REFERENCE_MACHINE = "AMD EPYC (KVM guest, 2 cores), CPython 3.11.7"
# Beyond these the measurement is more likely wrong than the machine that fast or slow.
LOWEST, HIGHEST = 0.25, 8.0
_REPEATS = 10
_FORMAT = 1


@record
class Calibration:
    """This machine's speed factor and how it was obtained."""

    factor: float  # limits are multiplied by this: above 1 means slower than the reference
    workload_ms: float | None  # best CPU time of the workload here (None when pinned)
    machine: str
    measured: str  # ISO date and time
    pinned: bool = False


def _tree(depth: int) -> list | None:
    return None if depth == 0 else [_tree(depth - 1), depth, _tree(depth - 1)]


def _tree_sum(node: list | None) -> int:
    return 0 if node is None else _tree_sum(node[0]) + node[1] + _tree_sum(node[2])


def workload() -> int:
    """One round of typical solution code; returns a checksum so nothing is optimised away."""
    rng = random.Random(2026)
    nums = [rng.randint(-(10**4), 10**4) for _ in range(12_000)]
    total = 0
    for i, x in enumerate(nums):  # plain loops and arithmetic
        total += (x * i) % 7
    ordered = sorted(nums)  # sorting, then two pointers
    lo, hi = 0, len(ordered) - 1
    while lo < hi:
        if ordered[lo] + ordered[hi] > 0:
            hi -= 1
        else:
            lo += 1
        total += lo
    counts: dict[int, int] = {}  # hashing
    for x in nums:
        counts[x] = counts.get(x, 0) + 1
    total += len(counts)
    heap: list[int] = []  # a bounded heap, as in top-k
    for x in nums:
        heapq.heappush(heap, x)
        if len(heap) > 64:
            heapq.heappop(heap)
    total += heap[0]
    window: deque[int] = deque()  # a monotonic deque, as in sliding-window maximum
    for i, x in enumerate(nums):
        while window and nums[window[-1]] <= x:
            window.pop()
        window.append(i)
        if window[0] <= i - 100:
            window.popleft()
        total += nums[window[0]]
    total += _tree_sum(_tree(13))  # recursion over a tree
    total += len("".join(str(x) for x in nums[:4000]).split("1"))  # strings
    return total


def measure(repeats: int = _REPEATS) -> float:
    """The workload's best CPU time in ms: the least disturbed of several rounds. With the
    garbage collector on, as solutions run (the judge holds it off while it starts)."""
    gc.enable()
    workload()  # warm up: first calls are slower while the interpreter specialises
    best = float("inf")
    for _ in range(repeats):
        start = time.thread_time_ns()
        workload()
        best = min(best, (time.thread_time_ns() - start) / 1e6)
    return best


@functools.cache
def machine() -> str:
    """What the factor depends on: interpreter, architecture, CPU model and host."""
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.partition(":")[2].strip()
                break
    except OSError:
        pass
    # Elsewhere, platform's guess; on Linux it would run `uname -p` on every start.
    model = model or platform.processor()
    return (
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"{platform.machine()} {model}, host {platform.node()}"
    )


def _path() -> Path:
    return cache_dir() / "calibration.json"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@functools.cache
def _workload_version() -> str:
    """This module's own code: an edited workload or reference time is measured again."""
    return key(Path(__file__).read_bytes())


def load() -> Calibration | None:
    """The cached calibration, if it is for this machine and this workload (a pinned factor
    always is)."""
    try:
        data = json.loads(_path().read_text())
        if data.pop("format") != _FORMAT:
            return None
        measured_with = data.pop("workload_version", None)
        cached = Calibration(**data)
        if not cached.pinned and measured_with != _workload_version():
            return None
        if not isinstance(cached.factor, (int, float)) or not LOWEST <= cached.factor <= HIGHEST:
            return None
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None
    return cached if cached.pinned or cached.machine == machine() else None


def _save(calibration: Calibration) -> Calibration:
    data = {"format": _FORMAT, "workload_version": _workload_version(), **asdict(calibration)}
    write_atomically(_path(), json.dumps(data, indent=2).encode())
    global _current
    _current = calibration
    return calibration


def calibrate() -> Calibration:
    """Measure this machine now and cache the result."""
    best = measure()
    factor = min(HIGHEST, max(LOWEST, best / REFERENCE_MS))
    return _save(Calibration(round(factor, 2), round(best, 2), machine(), _now()))


def pin(factor: float) -> Calibration:
    """Use a fixed factor from now on (e.g. 1.0 on a CI runner), instead of measuring."""
    return _save(Calibration(round(factor, 2), None, machine(), _now(), pinned=True))


_current: Calibration | None = None
_lock = threading.Lock()


def current() -> Calibration:
    """This machine's calibration: cached, or measured now (once per machine)."""
    global _current
    with _lock:  # parallel judging threads must not all measure at once
        if _current is None:
            _current = load() or calibrate()
        return _current


def factor() -> float:
    """The machine factor every time limit is multiplied by."""
    return current().factor


def limit_ms(spec_ms: int, machine_factor: float, time_scale: float = 1.0) -> int:
    """The rule: a spec's time limit (for the reference machine) on a machine, in ms."""
    return max(1, round(spec_ms * machine_factor * time_scale))
