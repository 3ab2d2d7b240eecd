"""Verdict codes and the result records that every renderer (rich, JSON, tests) reads."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Any

from judge.records import field, record

if TYPE_CHECKING:
    from judge.difference import Difference, InputContext
    from judge.submission import Submission

COMPARABLE_MS = 1.0


class Verdict(str, Enum):
    """LeetCode's verdicts, by their short codes."""

    AC = "AC"
    WA = "WA"
    TLE = "TLE"
    MLE = "MLE"
    RE = "RE"
    CE = "CE"
    OLE = "OLE"

    @property
    def label(self) -> str:
        """LeetCode's words for it: "Wrong Answer"."""
        return _TITLES[self]


_TITLES = {
    Verdict.AC: "Accepted",
    Verdict.WA: "Wrong Answer",
    Verdict.TLE: "Time Limit Exceeded",
    Verdict.MLE: "Memory Limit Exceeded",
    Verdict.RE: "Runtime Error",
    Verdict.CE: "Compile Error",
    Verdict.OLE: "Output Limit Exceeded",
}


@record
class CaseResult:
    """How one case went."""

    name: str
    verdict: Verdict
    time_ms: float  # the better of its runs' CPU times
    reference_ms: float | None = None  # the reference solution's time on the same case
    runs_ms: list[float] = field(default_factory=list)  # both times, if it was timed again


@record
class Failure:
    """What the user needs to see about the first failing case (or the compile error)."""

    case: str | None
    input: str | None
    expected: Any
    output: Any
    message: str
    stdout: str = ""
    traceback: list[str] = field(default_factory=list)
    difference: Difference | None = None  # where a wrong answer departs from the expected one
    context: InputContext | None = None  # the input's sizes and the part behind the difference


@record
class RunResult:
    """The verdict of one submission on one problem."""

    problem: str
    verdict: Verdict
    total: int
    cases: list[CaseResult] = field(default_factory=list)
    failure: Failure | None = None
    memory_mb: float = 0.0
    time_limit_ms: int | None = None  # per case, on this machine
    # What the run left out and why (generated cases without a reference to answer them).
    notes: list[str] = field(default_factory=list)
    # What was judged (its path and bytes), for the history; not part of the verdict.
    submission: Submission | None = field(default=None, repr=False, compare=False)

    @property
    def reference_ms(self) -> float | None:
        """The reference's time on the cases this run went through, if known for all."""
        times = [c.reference_ms for c in self.cases]
        if not times or any(t is None for t in times):
            return None
        return round(sum(t for t in times if t is not None), 1)

    @property
    def relative(self) -> float | None:
        """Time as a multiple of the reference's (a lower bound when the run hit the limit);
        None when both took under a millisecond, where the ratio would be mostly noise."""
        reference = self.reference_ms
        if not reference or max(reference, self.time_ms) < COMPARABLE_MS:
            return None
        return round(self.time_ms / reference, 2)

    @property
    def passed(self) -> int:
        return sum(1 for c in self.cases if c.verdict is Verdict.AC)

    @property
    def time_ms(self) -> float:
        return round(sum(c.time_ms for c in self.cases), 1)

    @property
    def timed_again(self) -> int:
        """Cases run a second time because their first time was out of line (see remeasure)."""
        return sum(1 for c in self.cases if c.runs_ms)

    @property
    def cpu_spent_ms(self) -> float:
        """CPU time of every run of the solution, second runs included."""
        return round(sum(sum(c.runs_ms) if c.runs_ms else c.time_ms for c in self.cases), 1)
