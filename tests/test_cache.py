"""Cache keys follow the judge's own code: any edit of it measures and parses again."""

from __future__ import annotations

import shutil
import subprocess
import sys

from conftest import REPO
from judge import cache


def _version_of(package_parent) -> str:
    script = "from judge import cache; print(cache.code_version().hex())"
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=package_parent,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(package_parent)},
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_editing_any_module_of_the_judge_changes_the_code_version(tmp_path):
    copy = tmp_path / "judge"
    shutil.copytree(REPO / "judge", copy, ignore=shutil.ignore_patterns("__pycache__", "_data"))
    first = _version_of(tmp_path)
    assert first == _version_of(tmp_path)  # stable while nothing changes
    # A module no hand-kept list would name: every file of the package counts.
    some = sorted(copy.rglob("*.py"))[-1]
    some.write_text(some.read_text() + "\n# changed\n")
    assert _version_of(tmp_path) != first
    (copy / "brand_new.py").write_text("X = 1\n")
    assert len({first, _version_of(tmp_path)}) == 2


def test_bundled_problem_data_is_not_part_of_the_code_version(tmp_path):
    copy = tmp_path / "judge"
    shutil.copytree(REPO / "judge", copy, ignore=shutil.ignore_patterns("__pycache__", "_data"))
    first = _version_of(tmp_path)
    (copy / "_data" / "solutions").mkdir(parents=True)
    (copy / "_data" / "solutions" / "x.py").write_text("class Solution: pass\n")
    assert _version_of(tmp_path) == first  # references are keyed by their own bytes


def test_an_unwritable_cache_only_costs_time(tmp_path):
    target = tmp_path / "file-not-folder"
    target.write_text("")
    assert cache.write_atomically(target / "x" / "y.bin", b"data") is False


def test_the_folders_follow_the_xdg_rule_and_judges_own_variables_win(tmp_path, monkeypatch):
    monkeypatch.delenv("JUDGE_CACHE_DIR", raising=False)
    monkeypatch.delenv("JUDGE_DATA_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", "relative/share")  # the rule: a relative one is ignored
    assert cache.cache_dir() == tmp_path / "home" / ".cache" / "judge"
    assert cache.data_dir() == tmp_path / "home" / ".local" / "share" / "judge"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xc"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xd"))
    assert cache.cache_dir() == tmp_path / "xc" / "judge"
    assert cache.history_path() == tmp_path / "xd" / "judge" / "history.sqlite3"
    monkeypatch.setenv("JUDGE_CACHE_DIR", str(tmp_path / "mine"))
    monkeypatch.setenv("JUDGE_DATA_DIR", str(tmp_path / "kept"))
    assert cache.cache_dir() == tmp_path / "mine"
    assert cache.data_dir() == tmp_path / "kept"
