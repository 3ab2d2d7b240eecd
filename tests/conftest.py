"""Shared fixtures: a private cache, the bundled catalog, and a way to run the real CLI."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from judge import calibration, procfs
from judge.catalog import Catalog
from judge.cli import cli

REPO = Path(__file__).resolve().parent.parent
SUBMISSIONS = REPO / "tests" / "submissions"
HOSTILE = REPO / "tests" / "hostile"
FIXTURES = REPO / "tests" / "fixtures"


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Expected answers are computed once per run of the tests, never in the user's cache; what
    the tests judge is recorded in a history of their own, never in the user's."""
    path = tmp_path_factory.mktemp("cache")
    os.environ["JUDGE_CACHE_DIR"] = str(path)
    os.environ["JUDGE_DATA_DIR"] = str(tmp_path_factory.mktemp("data"))
    for name in ("JUDGE_PROBLEMS", "JUDGE_TIME_SCALE", "JUDGE_NO_HISTORY"):
        os.environ.pop(name, None)
    return path


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A history folder of the test's own (not created yet), for this process and the judges
    it starts."""
    path = tmp_path / "data"
    monkeypatch.setenv("JUDGE_DATA_DIR", str(path))
    return path


@pytest.fixture(scope="session", autouse=True)
def runs_ended():
    """Workers are ended in the background once released: none is left when the tests end."""
    yield
    from judge import sandbox

    sandbox.settle()


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh cache and no calibration in memory, as on a machine judge has never run on."""
    monkeypatch.setenv("JUDGE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(calibration, "_current", None)
    return tmp_path / "cache"


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return Catalog()


def _workers(scratch_parent: str) -> set[int]:
    """Live processes whose working directory is a scratch directory under `scratch_parent`."""
    found = set()
    for pid in procfs.pids():
        try:
            if os.readlink(f"/proc/{pid}/cwd").startswith(scratch_parent):
                found.add(pid)
        except OSError:
            pass
    return found


@pytest.fixture
def leaves_nothing_behind(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """After the test, no process and no scratch directory of its runs remains. Yields the
    folder the runs' scratch directories are made in."""
    parent = tmp_path_factory.mktemp("scratch")
    monkeypatch.setenv("TMPDIR", str(parent))
    monkeypatch.setattr(tempfile, "tempdir", str(parent))  # where tempfile has looked already
    yield parent
    from judge import sandbox

    sandbox.settle()  # workers are ended in the background once released
    assert list(parent.iterdir()) == []
    assert _workers(str(parent)) == set()


@pytest.fixture(params=["namespaces", "fallback"])
def isolation_mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test with the kernel's namespaces, and again with the fallback without them."""
    if request.param == "fallback":
        monkeypatch.setenv("JUDGE_NO_NAMESPACES", "1")
    return request.param


@pytest.fixture
def invoke():
    """Run `judge ARGS` in-process through click, stdout and stderr kept apart."""

    def run(*args: str, input: str | None = None):
        return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)

    return run


def run_judge(
    *args: str, cwd: Path | None = None, env: dict | None = None
) -> subprocess.CompletedProcess:
    """Run the real `judge` program in a subprocess, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "judge", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


ECHO = "class Solution:\n    def echo(self, x: int) -> int:\n        return x\n"


def echo_spec(slug: str, reference: str = "echo.py", number: int = 0, example: bool = False) -> str:
    """A spec of one tiny problem, `echo(x) -> x`, with one hand-written case."""
    case = "example-1, example: true" if example else "one"
    return f"""\
slug: {slug}
number: {number}
title: Echo
difficulty: Easy
tags: [test]
statement: Return x.
constraints: []
signature:
  method: echo
  params: [{{name: x, type: int}}]
  returns: int
judge: {{checker: exact}}
limits: {{time_ms: 1000, memory_mb: 256}}
reference: {reference}
cases:
  - {{name: {case}, input: {{x: 1}}, expected: 1}}
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


@contextmanager
def cpu_hog() -> Iterator[None]:
    """Another process spinning on a CPU for as long as the block runs."""
    hog = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        yield
    finally:
        hog.kill()
        hog.wait()


def declared(path: Path) -> dict[str, str]:
    """What a file of tests/hostile/ declares in its first lines, `# key: value` each:
    `problem` (a slug), `verdict` (a code) and, optionally, `message` (text the failure's
    message contains) and `python` (the oldest Python it holds for, such as 3.11)."""
    fields = {}
    for line in path.read_bytes().decode("latin-1").splitlines():
        key, colon, value = line.removeprefix("# ").partition(": ")
        if not line.startswith("# ") or not colon:
            break
        fields[key] = value
    return fields


def judge_file(catalog: Catalog, path: Path, slug: str | None = None) -> Any:
    """Judge a file through the library; a file of tests/hostile/ on the problem it declares."""
    from judge.grading import Finished, grade
    from judge.references import prepare_cases
    from judge.submission import read_submission

    problem = catalog.get(slug or declared(path)["problem"])
    events = list(grade(problem, read_submission(path), prepare_cases(problem)))
    assert isinstance(events[-1], Finished)
    return events[-1].result


# A problem small enough to judge in a blink, for tests of `judge verify` and its modes.
ADD_SPEC = """\
slug: add
number: 9001
title: Add
difficulty: Easy
tags: [math]
statement: Add two numbers.
constraints: ["`0 <= a, b <= 10`"]
signature:
  method: add
  params:
    - {name: a, type: int}
    - {name: b, type: int}
  returns: int
judge: {checker: exact}
limits: {time_ms: 200, memory_mb: 256}
cases:
  - {name: one, example: true, input: {a: 1, b: 2}, expected: 3}
  - {name: zero, input: {a: 0, b: 0}, expected: 0}
generators: |
  def check(a, b):
      if not (0 <= a <= 10 and 0 <= b <= 10):
          return "values must be in [0, 10]"
  def small(rng):
      return {"a": rng.randint(0, 10), "b": rng.randint(0, 10)}
verify: {validate: check, small: small}
small_inputs:
  draw:
    a: {int: [0, 10]}
    b: {int: [0, 10]}
"""
ADD = "class Solution:\n    def add(self, a, b):\n        return a + b\n"
