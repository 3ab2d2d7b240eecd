"""Known-verdict submissions exist for every problem, and every reference is accepted."""

from __future__ import annotations

from conftest import SUBMISSIONS
from judge.grading import grade
from judge.references import prepare_cases
from judge.submission import read_submission

# Each file's verdict is asserted by `judge verify` (tests/test_verify.py), which also reruns
# the TLE ones at 1.5x the limit; here: every problem has the folders it needs.


def test_every_problem_has_its_known_verdicts(catalog):
    for problem in catalog.all():
        folders = {p.parent.name for p in SUBMISSIONS.glob(f"{problem.slug}/*/*.py")}
        assert {"accepted", "wrong_answer", "run_time_error"} <= folders, problem.slug
        assert len(list(SUBMISSIONS.glob(f"{problem.slug}/accepted/*.py"))) >= 2, problem.slug


def test_reference_solutions_are_accepted(catalog):
    for problem in catalog.all():
        events = list(grade(problem, read_submission(problem.reference), prepare_cases(problem)))
        assert events[-1].result.verdict.value == "AC", problem.slug
