"""Hostile submissions, one file each in tests/hostile/: each gets the verdict (and message)
its first lines declare, and leaves no process or scratch directory behind."""

from __future__ import annotations

import sys

import pytest

from conftest import HOSTILE, declared
from judge.grading import Finished, grade
from judge.references import prepare_cases
from judge.results import Verdict
from judge.submission import read_submission

FILES = sorted(HOSTILE.glob("*.py"))

pytestmark = pytest.mark.usefixtures("leaves_nothing_behind")


def test_every_file_declares_a_problem_and_a_verdict(catalog):
    assert FILES
    for path in FILES:
        fields = declared(path)
        assert set(fields) <= {"problem", "verdict", "message", "python"}, path.name
        assert catalog.get(fields["problem"]), path.name
        assert fields["verdict"] in {v.value for v in Verdict}, path.name
        assert "message" in fields or fields["verdict"] == "AC", path.name


@pytest.mark.parametrize("path", FILES, ids=[path.name for path in FILES])
def test_hostile_submission_gets_its_declared_verdict(catalog, path):
    fields = declared(path)
    oldest = tuple(int(part) for part in fields.get("python", "3").split("."))
    if sys.version_info < oldest:
        pytest.skip(f"holds for Python {fields['python']} and later")
    problem = catalog.get(fields["problem"])
    events = list(grade(problem, read_submission(path), prepare_cases(problem)))
    assert isinstance(events[-1], Finished)
    result = events[-1].result
    assert result.verdict is Verdict(fields["verdict"]), result.failure
    if "message" in fields:
        assert result.failure is not None and fields["message"] in result.failure.message
    else:
        assert result.failure is None
