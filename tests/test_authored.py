"""Problems written outside this repository keep working across releases.

tests/authored/ is a problem author's own folder, laid out as docs/problem-format.md says
(`problems/`, `solutions/`, `tests/submissions/`), holding LeetCode 704 and 104 written with
only the documented features. It stands for every spec already written by someone else: it
must never be edited to follow a change of the spec format. A change that makes this test fail
breaks those authors' problems; change the judge (or keep reading the old form), not the
folder.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import REPO, run_judge

AUTHORED = REPO / "tests" / "authored"
SLUGS = ["binary-search", "maximum-depth-of-binary-tree"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy outside the repository, where an author keeps their problems."""
    root = tmp_path_factory.mktemp("author") / "leetcode"
    shutil.copytree(AUTHORED, root)
    return root


@pytest.mark.parametrize("slug", SLUGS)
def test_an_authors_problem_verifies(folder, slug):
    proc = run_judge("verify", slug, "--problems", str(folder / "problems"))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stderr == ""


@pytest.mark.parametrize(
    ("file", "verdict", "status"),
    [
        ("binary-search/accepted/bisect_left.py", "Accepted (AC)", 0),
        ("binary-search/wrong_answer/misses_last.py", "Wrong Answer (WA)", 1),
        ("maximum-depth-of-binary-tree/accepted/recursive.py", "Accepted (AC)", 0),
        ("maximum-depth-of-binary-tree/run_time_error/no_none_check.py", "Runtime Error (RE)", 1),
    ],
)
def test_an_authors_problem_judges_a_submission(folder, file, verdict, status):
    # The problem is found from the method the file defines, as for a bundled problem.
    path = folder / "tests" / "submissions" / file
    proc = run_judge("submit", str(path), "--problems", str(folder / "problems"), "--no-history")
    assert proc.returncode == status, proc.stdout + proc.stderr
    assert proc.stdout.startswith(verdict)
