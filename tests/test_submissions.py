"""Known-verdict submissions: each file in tests/submissions/<slug>/<verdict>/ gets that verdict."""

from __future__ import annotations

import pytest

from conftest import SUBMISSIONS
from judge.expected import prepare_cases
from judge.grading import Finished, grade
from judge.submission import read_submission

FOLDERS = {
    "accepted": "AC",
    "wrong_answer": "WA",
    "time_limit_exceeded": "TLE",
    "run_time_error": "RE",
}
FILES = sorted(SUBMISSIONS.glob("*/*/*.py"))


@pytest.mark.parametrize(
    "path", FILES, ids=[f"{p.parent.parent.name}/{p.parent.name}/{p.stem}" for p in FILES]
)
def test_known_verdict(path, catalog):
    problem = catalog.get(path.parent.parent.name)
    result = None
    for event in grade(problem, read_submission(path), prepare_cases(problem)):
        if isinstance(event, Finished):
            result = event.result
    assert result is not None
    message = result.failure.message if result.failure else ""
    assert result.verdict.value == FOLDERS[path.parent.name], message


def test_every_problem_has_its_known_verdicts(catalog):
    for problem in catalog.all():
        folders = {p.parent.name for p in SUBMISSIONS.glob(f"{problem.slug}/*/*.py")}
        assert {"accepted", "wrong_answer", "run_time_error"} <= folders, problem.slug
        assert len(list(SUBMISSIONS.glob(f"{problem.slug}/accepted/*.py"))) >= 2, problem.slug


def test_reference_solutions_are_accepted(catalog):
    for problem in catalog.all():
        events = list(grade(problem, read_submission(problem.reference), prepare_cases(problem)))
        assert events[-1].result.verdict.value == "AC", problem.slug
