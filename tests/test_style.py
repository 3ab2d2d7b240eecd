"""The code stays lint-clean, formatted (ruff) and type-checked (mypy), and CI runs exactly the
README's test command."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import REPO

# Both are test dependencies: run from this interpreter, so a venv's copies are found whether
# or not its bin folder is on PATH (CI calls `.venv/bin/python -m pytest`).
CHECKS = {
    "ruff-check": ["ruff", "check", "."],
    "ruff-format": ["ruff", "format", "--check", "."],
    "mypy": ["mypy"],
}


@pytest.mark.parametrize("command", list(CHECKS.values()), ids=list(CHECKS))
def test_static_checks(command):
    proc = subprocess.run(
        [sys.executable, "-m", *command], cwd=REPO, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_ci_runs_the_readme_test_command():
    readme = (REPO / "README.md").read_text()
    command = next(line.strip() for line in readme.splitlines() if "pytest" in line)
    assert command in (REPO / ".ci" / "run").read_text()
