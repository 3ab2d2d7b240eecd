"""`judge verify --matrix`: Polygon's invocations. The reference and every known-verdict
submission run on every case, each case's verdict and time kept, so the author sees which case
catches which wrong submission and how close each slow one comes to the limit.

Every file runs on all the cases (as `judge submit --all-cases`): a run that stops at the
first failure would hide which other cases catch it. Its verdict is still the first failing
case's, as a submission's is, and must be the verdict of its folder.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from judge.cases import PreparedCase
from judge.grading import Finished, grade, limits_for
from judge.records import record
from judge.references import prepare_cases
from judge.results import RunResult, Verdict
from judge.spec import SWEEP_CASE, Problem
from judge.submission import read_submission
from judge.threads import in_parallel
from judge.verify import FOLDERS, known_submissions, large_only

HAND, SWEEP, GENERATED = "hand", "sweep", "generated"
# Short labels, one letter per folder: the matrix's columns are these, explained by a legend.
_LETTERS = {"accepted": "A", "wrong_answer": "W", "time_limit_exceeded": "T", "run_time_error": "R"}
REFERENCE_LABEL = "ref"


@record
class Cell:
    """One file on one case."""

    verdict: Verdict
    time_ms: float


@record
class Row:
    """One file on every case."""

    label: str  # `ref`, `A1`, `W2`, ...: the column it gets
    name: str  # `reference`, or `wrong_answer/average_gap.py`
    wanted: Verdict
    result: RunResult
    cells: list[Cell | None]  # by case; None: not run (the file does not compile)
    large_only: bool = False  # says it is wrong on large inputs only (see `verify.large_only`)

    @property
    def ok(self) -> bool:
        return self.result.verdict is self.wanted

    @property
    def first(self) -> int | None:
        """The first case that catches the file (the case its verdict comes from)."""
        return next(
            (i for i, c in enumerate(self.cells) if c is not None and c.verdict is not Verdict.AC),
            None,
        )

    @property
    def caught_by(self) -> str | None:
        """The case (a sweep's input named) that catches the file first, if one does."""
        failure = self.result.failure
        return failure.case if failure is not None and self.first is not None else None


@record
class Matrix:
    """Every known file of a problem on every case."""

    problem: str
    cases: list[tuple[str, str]]  # (name, HAND, SWEEP or GENERATED), in the order they run
    rows: list[Row]
    time_limit_ms: int

    @property
    def ok(self) -> bool:
        """Every file gets the verdict of its folder (the reference: accepted)."""
        return all(row.ok for row in self.rows)

    def kind(self, index: int | None) -> str | None:
        return None if index is None else self.cases[index][1]

    def unguarded(self) -> list[Row]:
        """Wrong files (WA, RE) that no hand-written case catches: only generated data stands
        between them and an accepted verdict. (Slow files are caught by large generated
        cases by design.)"""
        return [
            row
            for row in self.rows
            if row.wanted in (Verdict.WA, Verdict.RE)
            and row.first is not None
            and not row.large_only
            and not any(
                c is not None and c.verdict is not Verdict.AC and kind == HAND
                for c, (_, kind) in zip(row.cells, self.cases)
            )
        ]


def case_kinds(problem: Problem, cases: list[PreparedCase]) -> list[tuple[str, str]]:
    hand = {c.name for c in problem.cases}
    return [
        (c.name, HAND if c.name in hand else SWEEP if c.name == SWEEP_CASE else GENERATED)
        for c in cases
    ]


def entries(problem: Problem) -> list[tuple[str, str, Path, Verdict]]:
    """(label, name, file, wanted verdict): the reference, then the known submissions."""
    found = [(REFERENCE_LABEL, "reference", problem.reference, Verdict.AC)]
    numbers: dict[str, int] = {}
    for path, verdict in known_submissions(problem):
        folder = path.parent.name
        numbers[folder] = numbers.get(folder, 0) + 1
        label = f"{_LETTERS[folder]}{numbers[folder]}"
        found.append((label, f"{folder}/{path.name}", path, verdict))
    assert set(_LETTERS) == set(FOLDERS)
    return found


def build(
    problem: Problem,
    time_scale: float = 1.0,
    jobs: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> Matrix:
    """Run every known file of `problem` on every case, `jobs` files at a time (each is a
    sandboxed run measured by its own CPU clock, so running several at once leaves the times
    as they are)."""
    cases = prepare_cases(problem)
    files = entries(problem)

    def row(i: int) -> Row:
        label, name, path, wanted = files[i]
        submission = read_submission(path)
        result = _finished(grade(problem, submission, cases, all_cases=True, time_scale=time_scale))
        return Row(label, name, wanted, result, _cells(result, cases), large_only(path))

    rows = in_parallel(len(files), jobs, row, progress, "judge-matrix")
    limit = limits_for(problem, time_scale).cpu_ms
    return Matrix(problem.slug, case_kinds(problem, cases), rows, limit)


def _cells(result: RunResult, cases: list[PreparedCase]) -> list[Cell | None]:
    by_name = {c.name: Cell(c.verdict, c.time_ms) for c in result.cases}
    return [by_name.get(c.name) for c in cases]


def _finished(events: Iterator[Any]) -> RunResult:
    for event in events:
        if isinstance(event, Finished):
            return event.result
    raise AssertionError("grading ended without a result")
