"""Progress from the history: statuses, attempts, first accepted day, best time; the calendar."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from judge.stats import calendar_weeks, compute


def at(day: int, hour: int = 12) -> float:
    """A moment of March 2025, local time."""
    return dt.datetime(2025, 3, day, hour).timestamp()


def test_each_problem_by_its_submissions():
    progress = compute(
        ["two-sum", "merge-sorted-array", "combination-sum", "smallest-k"],
        [
            (at(1), "merge-sorted-array", "WA", 0.1, None),
            (at(2), "merge-sorted-array", "AC", 0.5, None),
            (at(2), "two-sum", "TLE", 1000.0, 50.0),
            (at(3), "merge-sorted-array", "AC", 0.3, None),
            (at(3), "two-sum", "AC", 200.0, 2.0),
            (at(4), "two-sum", "AC", 200.0, 1.5),  # as fast: the first stays the best
            (at(4), "merge-sorted-array", "WA", 0.0, None),
            (at(5), "combination-sum", "RE", 3.0, None),
            (at(5), "gone-problem", "AC", 5.0, 1.0),  # a problem not loaded this time
        ],
    )
    by_name = {p.problem: p for p in progress.problems}
    merge = by_name["merge-sorted-array"]
    assert (merge.status, merge.attempts, merge.last_verdict) == ("solved", 4, "WA")
    assert merge.first_accepted == dt.date(2025, 3, 2)
    assert (merge.best_time_ms, merge.best_ratio) == (0.3, None)
    two = by_name["two-sum"]
    assert (two.status, two.attempts, two.best_time_ms, two.best_ratio) == ("solved", 3, 200, 2.0)
    assert two.first_accepted == dt.date(2025, 3, 3)
    combination = by_name["combination-sum"]
    assert (combination.status, combination.first_accepted, combination.best_time_ms) == (
        "attempted",
        None,
        None,
    )
    assert by_name["smallest-k"].status == "not started" and by_name["smallest-k"].attempts == 0
    assert [p.problem for p in progress.problems][-1] == "gone-problem"  # after the known ones
    assert (progress.solved, progress.total, progress.submissions) == (3, 5, 9)
    assert progress.days[dt.date(2025, 3, 2)] == 2 and sum(progress.days.values()) == 9


def test_days_are_the_learners_own():
    late = dt.datetime(2025, 3, 1, 23, 59).timestamp()
    progress = compute([], [(late, "x", "AC", 1.0, None)])
    assert list(progress.days) == [dt.date(2025, 3, 1)]


def test_the_calendar_has_a_column_a_week_sunday_on_top_and_nothing_after_today():
    today = dt.date(2025, 3, 12)  # a Wednesday
    days = Counter({dt.date(2025, 3, 9): 3, dt.date(2025, 3, 1): 1, dt.date(2025, 1, 1): 9})
    assert calendar_weeks(days, 3, today) == [
        [0, 0, 0, 0, 0, 0, 1],  # Sunday 23 February to Saturday 1 March
        [0, 0, 0, 0, 0, 0, 0],
        [3, 0, 0, 0, None, None, None],  # Sunday 9 March to today, Wednesday 12
    ]
