"""Progress from the history, as LeetCode's profile gives it: per problem what was solved, in
how many tries, when first and how fast at best; and the submissions of each day."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable

from judge.records import field, record

SOLVED, ATTEMPTED, NOT_STARTED = "solved", "attempted", "not started"


@record
class ProblemStats:
    """One problem's line of `judge stats`."""

    problem: str
    status: str = NOT_STARTED
    attempts: int = 0  # every recorded submission of it
    first_accepted: dt.date | None = None
    best_time_ms: float | None = None  # the fastest accepted submission's time
    best_ratio: float | None = None  # that submission's time against the reference's
    last_verdict: str | None = None


@record
class Stats:
    problems: list[ProblemStats]
    days: Counter[dt.date] = field(default_factory=Counter)  # submissions per local day

    @property
    def solved(self) -> int:
        return sum(1 for p in self.problems if p.status == SOLVED)

    @property
    def total(self) -> int:
        return len(self.problems)

    @property
    def submissions(self) -> int:
        return sum(p.attempts for p in self.problems)


def compute(
    slugs: Iterable[str], verdicts: Iterable[tuple[float, str, str, float, float | None]]
) -> Stats:
    """Stats over `slugs` (the known problems, in their order) from (at, problem, verdict,
    time_ms, relative) rows, oldest first. A problem judged but no longer known (its folder
    not loaded this time) still counts, after the known ones."""
    by_slug = {slug: ProblemStats(slug) for slug in slugs}
    days: Counter[dt.date] = Counter()
    for at, problem, verdict, time_ms, relative in verdicts:
        stats = by_slug.setdefault(problem, ProblemStats(problem))
        day = dt.datetime.fromtimestamp(at).date()  # the learner's local day
        days[day] += 1
        stats.attempts += 1
        stats.last_verdict = verdict
        if verdict == "AC":
            stats.status = SOLVED
            if stats.first_accepted is None:
                stats.first_accepted = day
            # The first of equally fast ones: ties keep the earlier.
            if stats.best_time_ms is None or time_ms < stats.best_time_ms:
                stats.best_time_ms, stats.best_ratio = time_ms, relative
        elif stats.status == NOT_STARTED:
            stats.status = ATTEMPTED
    return Stats(list(by_slug.values()), days)


def calendar_weeks(days: Counter[dt.date], weeks: int, today: dt.date) -> list[list[int | None]]:
    """The last `weeks` weeks, oldest first, as LeetCode's profile draws them: one column a
    week, Sunday on top; each day's count, None for the days after today."""
    last_sunday = today - dt.timedelta(days=(today.weekday() + 1) % 7)
    start = last_sunday - dt.timedelta(weeks=weeks - 1)
    columns = []
    for week in range(weeks):
        column: list[int | None] = []
        for weekday in range(7):
            day = start + dt.timedelta(weeks=week, days=weekday)
            column.append(None if day > today else days.get(day, 0))
        columns.append(column)
    return columns
