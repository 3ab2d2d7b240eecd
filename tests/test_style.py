"""The code stays lint-clean and formatted (ruff), and CI runs exactly the README's test command."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from conftest import REPO

ruff = shutil.which("ruff")


@pytest.mark.skipif(ruff is None, reason="ruff is not installed")
@pytest.mark.parametrize(
    "args", [["check", "."], ["format", "--check", "."]], ids=["check", "format"]
)
def test_ruff(args):
    proc = subprocess.run([ruff, *args], cwd=REPO, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_ci_runs_the_readme_test_command():
    readme = (REPO / "README.md").read_text()
    command = next(line.strip() for line in readme.splitlines() if "pytest" in line)
    assert command in (REPO / ".ci" / "run").read_text()
