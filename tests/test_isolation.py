"""Sealed runs: a solution reads what LeetCode's runtime offers and nothing else."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from conftest import REPO, SUBMISSIONS, judge_file, write
from judge import isolation
from judge.cache import cache_dir
from judge.results import Verdict

SLUG = "container-with-most-water"
HONEST_BODY = """
        left, right, best = 0, len(height) - 1, 0
        while left < right:
            best = max(best, (right - left) * min(height[left], height[right]))
            if height[left] < height[right]:
                left += 1
            else:
                right -= 1
        return best
"""


def cheater(folder: Path, target: Path, listing: bool = False) -> Path:
    """A solution that reads `target` (lists it, with `listing`) before answering honestly:
    Accepted only if the read is allowed."""
    read = f"os.listdir({str(target)!r})" if listing else f"open({str(target)!r}, 'rb').read()"
    return write(
        folder / "cheat.py",
        f"import os\n\n\nclass Solution:\n    def maxArea(self, height):\n        {read}\n"
        + HONEST_BODY,
    )


@pytest.fixture(scope="module")
def sealed():
    if os.environ.get("JUDGE_NO_NAMESPACES") or isolation.landlock_abi() < 1:
        pytest.skip("Landlock is not available here")


def _cached_cases() -> Path:
    found = sorted((cache_dir() / "expected").glob(f"{SLUG}-*.cases"))
    assert found, "the cases are cached once the problem has been judged"
    return found[0]


@pytest.mark.parametrize(
    "what",
    [
        "reference",
        "spec",
        "known submission",
        "cached answers",
        "a user's file",
        "the submission's folder",
        "the home folder",
        "the history",
    ],
)
def test_a_solution_cannot_read_what_would_give_it_the_answers(
    catalog, tmp_path, sealed, leaves_nothing_behind, what, monkeypatch
):
    problem = catalog.get(SLUG)
    honest = write(
        tmp_path / "honest.py", "class Solution:\n    def maxArea(self, height):\n" + HONEST_BODY
    )
    assert judge_file(catalog, honest, SLUG).verdict is Verdict.AC  # and the cases are cached
    secret = write(tmp_path / "home" / "notes.txt", "my own file")
    monkeypatch.setenv("JUDGE_DATA_DIR", str(tmp_path / "data"))
    from judge import history

    database = history.database_path()
    database.parent.mkdir(parents=True)
    sqlite3.connect(database).execute("create table submissions (source blob)").connection.commit()
    targets = {
        "reference": (problem.reference, False),
        "spec": (problem.path, False),
        "known submission": (SUBMISSIONS / SLUG / "accepted" / "two_pointers.py", False),
        "cached answers": (_cached_cases(), False),
        "a user's file": (secret, False),
        "the submission's folder": (tmp_path, True),
        "the home folder": (Path.home(), True),
        "the history": (database, False),
    }
    target, listing = targets[what]
    assert target.exists()
    result = judge_file(catalog, cheater(tmp_path / "solutions", target, listing), SLUG)
    assert result.verdict is Verdict.RE
    assert "PermissionError" in result.failure.message


def test_the_bundled_reference_cannot_be_loaded_through_the_judge_package(
    catalog, tmp_path, sealed
):
    path = write(
        tmp_path / "through-judge.py",
        """
import os
import judge

here = os.path.dirname(judge.__file__)


class Solution:
    def maxArea(self, height):
        for folder in (os.path.join(here, "_data"), os.path.join(here, "..")):
            folder = os.path.join(folder, "solutions")
            path = os.path.join(folder, "container-with-most-water.py")
            if os.path.exists(path):
                scope = dict(globals())
                exec(open(path).read(), scope)
                return scope["Solution"]().maxArea(height)
        raise FileNotFoundError("no reference found")
""",
    )
    result = judge_file(catalog, path, SLUG)
    assert result.verdict is Verdict.RE
    assert "PermissionError" in result.failure.message


def test_an_honest_solution_uses_all_that_leetcodes_runtime_offers(catalog, tmp_path, sealed):
    path = write(
        tmp_path / "honest.py",
        """
import datetime
import fractions
import json
import os
import statistics
from decimal import Decimal
from sortedcontainers import SortedList


class Solution:
    def maxArea(self, height: List[int]) -> int:
        print("year", datetime.datetime.now().year > 2000, json.dumps(height[:2]))
        assert statistics.mean([1, 3]) == 2 and fractions.Fraction(1, 2) * 2 == 1
        assert Decimal("0.1") + Decimal("0.2") == Decimal("0.3")
        assert list(SortedList([3, 1, 2])) == [1, 2, 3] and heappop([1]) == 1
        with open(os.devnull, "w") as sink:
            sink.write("quiet")
        with open("scratch.txt", "w") as mine:
            mine.write("mine")
        assert open("scratch.txt").read() == "mine"
        return self.best(height, 0, len(height) - 1)

    def best(self, height, left, right):
        if left >= right:
            return 0
        area = (right - left) * min(height[left], height[right])
        if height[left] < height[right]:
            return max(area, self.best(height, left + 1, right))
        return max(area, self.best(height, left, right - 1))
""",
    )
    result = judge_file(catalog, path, SLUG)
    assert result.verdict is Verdict.AC, result.failure


def test_a_traceback_still_quotes_the_solution_it_cannot_read(catalog, tmp_path, sealed):
    path = write(
        tmp_path / "crash.py",
        "class Solution:\n    def maxArea(self, height):\n        return height[len(height)]\n",
    )
    result = judge_file(catalog, path, SLUG)
    assert result.verdict is Verdict.RE
    assert "return height[len(height)]" in "\n".join(result.failure.traceback)


def test_doctor_says_whether_reads_are_confined(monkeypatch):
    from judge.doctor import probe

    def confined() -> bool:
        (row,) = [p for p in probe() if p.name == "reads confined"]
        return row.active

    monkeypatch.setenv("JUDGE_NO_NAMESPACES", "1")
    assert not confined()
    monkeypatch.delenv("JUDGE_NO_NAMESPACES")
    assert confined() is (isolation.landlock_abi() >= 1)


def test_only_the_named_third_party_packages_are_readable():
    paths = isolation.runtime_paths(("sortedcontainers",))
    site = [p for p in paths if "site-packages" in p or "dist-packages" in p]
    assert site and all(os.path.basename(p) == "sortedcontainers" for p in site)
    assert not any(Path(p) in (REPO, REPO / "judge") or "judge" in Path(p).parts for p in paths)
