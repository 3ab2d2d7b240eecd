"""Known-verdict submissions exist for every problem, and every reference is accepted."""

from __future__ import annotations

import pytest

from conftest import SUBMISSIONS
from judge.catalog import Catalog
from judge.grading import grade
from judge.references import prepare_cases
from judge.results import Verdict
from judge.submission import read_submission

# Each file's verdict is asserted by `judge verify` (tests/test_verify.py), which also reruns
# the TLE ones at 1.5x the limit; here: every problem has the folders it needs.
SLUGS = sorted(Catalog().paths)


@pytest.mark.parametrize("slug", SLUGS)
def test_every_problem_has_its_known_verdicts(slug):
    folders = {p.parent.name for p in SUBMISSIONS.glob(f"{slug}/*/*.py")}
    assert {"accepted", "wrong_answer", "run_time_error"} <= folders
    assert len(list(SUBMISSIONS.glob(f"{slug}/accepted/*.py"))) >= 2


@pytest.mark.parametrize("slug", SLUGS)
def test_the_reference_solution_is_accepted(slug, catalog):
    problem = catalog.get(slug)
    events = list(grade(problem, read_submission(problem.reference), prepare_cases(problem)))
    assert events[-1].result.verdict is Verdict.AC
