"""The fork server: started early, replaced if killed, gone with its judge."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from conftest import SUBMISSIONS
from judge import forkserver, procfs
from judge.grading import grade
from judge.references import prepare_cases
from judge.results import Verdict
from judge.submission import read_submission

SLUG = "container-with-most-water"
ACCEPTED = SUBMISSIONS / SLUG / "accepted" / "two_pointers.py"

pytestmark = pytest.mark.usefixtures("leaves_nothing_behind")


def test_a_killed_fork_server_is_replaced(catalog):
    problem = catalog.get(SLUG)
    cases = prepare_cases(problem)

    def verdict():
        return list(grade(problem, read_submission(ACCEPTED), cases))[-1].result.verdict

    assert verdict() is Verdict.AC
    server = forkserver.shared()
    pid = server._pid
    os.kill(pid, signal.SIGKILL)
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass  # the judge saw it die first (a run it released was being reaped) and reaped it
    assert verdict() is Verdict.AC


def _fork_servers_of(judge: int) -> set[int]:
    """Fork servers started by the process `judge` (other judges on the machine are not ours
    to count)."""
    found = set()
    for pid in procfs.pids():
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                cmdline = f.read()
        except OSError:
            continue
        if forkserver.BOOT.encode() in cmdline and procfs.parent(pid) == judge:
            found.add(pid)
    return found


def test_a_failing_judging_command_leaves_no_fork_server(tmp_path):
    # `judge submit` starts the sandbox's fork server before the CLI loads; a command that then
    # fails on its input still gives one clean line, and the server goes with it.
    proc = subprocess.Popen(
        [sys.executable, "-m", "judge", "submit", str(tmp_path / "missing.py")],
        cwd=tmp_path,
        stderr=subprocess.PIPE,
        text=True,
    )
    started: set[int] = set()
    while proc.poll() is None:  # the server starts before the CLI loads: catch it meanwhile
        started |= _fork_servers_of(proc.pid)
    stderr = proc.stderr.read()
    assert proc.returncode == 2
    assert stderr.count("\n") == 1 and "Traceback" not in stderr
    assert started, "the command never started a fork server: nothing was checked"
    for pid in started:
        procfs.wait_gone(pid, 30.0)  # it leaves as soon as its judge has gone
        assert procfs.gone(pid)
