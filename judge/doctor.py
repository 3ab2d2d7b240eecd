"""`judge doctor`: which of the sandbox's protections are active on this machine."""

from __future__ import annotations

import os
import sys

from judge.limits import Limits
from judge.protocol import Call
from judge.records import record
from judge.sandbox import Worker

PROBE = Call(
    source="class Solution:\n    def probe(self) -> None:\n        return None\n",
    filename="probe.py",
    method="probe",
    params=(),
    output=("return", "None", -1),
)


@record
class Protection:
    """One protection, whether it is active here, and what it means for a submission."""

    name: str
    active: bool
    detail: str


def probe() -> list[Protection]:
    """Start one real worker and report what it could set up."""
    with Worker().start(PROBE, [], Limits(cpu_ms=1000, memory_mb=256)) as worker:
        worker.receive()
        active = set(worker.protections)
        measured = worker.pid != worker.keeper
    linux = sys.platform.startswith("linux")
    return [
        Protection(
            "separate process",
            True,
            "each run in a process of its own, forked from a pristine `python -I` that never runs "
            "solution code, with a clean environment, a scratch directory and stdin from "
            "/dev/null; the solution is never a child of the judge",
        ),
        Protection(
            "resource limits",
            True,
            "CPU, memory (address space), output size and no core dumps, set before any "
            "solution code runs",
        ),
        Protection(
            "CPU time watched by the judge",
            linux and os.path.exists("/proc/self/stat") and measured,
            "read from /proc and killed past the limit, whatever the solution reports",
        ),
        Protection(
            "PID namespace",
            "pid" in active,
            "the solution cannot see or signal the judge, and everything it starts is killed "
            "when its run ends, even detached processes",
        ),
        Protection("network namespace", "net" in active, "no network from the solution"),
        Protection(
            "user namespace",
            "user" in active,
            "lets an unprivileged user create the namespaces above",
        ),
        Protection(
            "Landlock",
            "landlock" in active,
            "no file may be created, changed or removed outside the scratch directory",
        ),
        Protection(
            "reads confined",
            "reads" in active,
            "the solution reads only what LeetCode's runtime offers (the standard library, "
            "sortedcontainers) and its scratch directory: not the problems, the reference "
            "solutions, the cached answers or your files"
            if "reads" in active
            else "reads are not confined: the solution can read any file you can, the "
            "expected answers and reference solutions included",
        ),
    ]
