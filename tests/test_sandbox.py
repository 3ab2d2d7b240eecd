"""The sandbox around a run: it starts a worker, feeds it one job, ends it and everything it
started, and keeps it away from the judge, the machine and the network."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import HOSTILE, SUBMISSIONS, declared, judge_file, write
from judge import procfs, protocol, sandbox
from judge.doctor import PROBE
from judge.grading import Execution, grade, limits_for, load_ahead
from judge.limits import Limits
from judge.references import prepare_cases
from judge.results import Verdict
from judge.sandbox import Stop, Worker
from judge.submission import read_submission

SLUG = "container-with-most-water"
ACCEPTED = SUBMISSIONS / SLUG / "accepted" / "two_pointers.py"

pytestmark = pytest.mark.usefixtures("leaves_nothing_behind")


def _descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        children = procfs.children(todo.pop())
        found += children
        todo += children
    return found


def _waiting_on_a_pipe(pid: int) -> bool:
    """Whether a process sleeps in a read of a pipe (its job pipe: the worker's leash)."""
    try:
        with open(f"/proc/{pid}/wchan") as f:
            return "pipe_read" in f.read()
    except OSError:
        return False


def _wait_until(condition, what: str) -> None:
    """Wait for something the kernel will show soon, however busy the machine; fail after a
    minute rather than hang."""
    import time

    deadline = time.monotonic() + 60
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"never happened: {what}")
        time.sleep(0.005)


@pytest.fixture(scope="module")
def wchan_shows_pipes() -> None:
    """Skip where the kernel hides what a process waits on (the tests below read it)."""
    read, write_end = os.pipe()
    child = os.fork()
    if child == 0:
        os.read(read, 1)
        os._exit(0)
    try:
        import time

        deadline = time.monotonic() + 10
        while not _waiting_on_a_pipe(child) and time.monotonic() < deadline:
            time.sleep(0.005)
        shown = _waiting_on_a_pipe(child)
    finally:
        os.write(write_end, b"x")
        os.waitpid(child, 0)
        os.close(read)
        os.close(write_end)
    if not shown:
        pytest.skip("this kernel does not show what a process waits on (/proc/PID/wchan)")


def _named(name: str) -> list[int]:
    """Live processes with this name (`/proc/PID/comm`)."""
    found = []
    for pid in procfs.pids():
        try:
            with open(f"/proc/{pid}/comm") as comm:
                if comm.read().strip() == name and not procfs.gone(pid):
                    found.append(pid)
        except OSError:
            pass
    return found


@pytest.mark.parametrize("kind", ["subprocess", "fork", "detached"])
def test_started_processes_do_not_outlive_the_run(catalog, kind, isolation_mode):
    # Each spawned process is alive and named when the call returns; the name is printed.
    path = HOSTILE / f"spawn-{kind}.py"
    result = judge_file(catalog, path)
    assert result.verdict is Verdict(declared(path)["verdict"])
    names = [line.split()[1] for line in result.failure.stdout.splitlines() if "leftover" in line]
    sandbox.settle()  # the run is over once its released worker has been ended
    assert names, result.failure.stdout
    assert not [pid for name in names for pid in _named(name)]


def test_a_killed_judge_leaves_no_run_behind(tmp_path, isolation_mode):
    # The judge is killed while a solution sleeps: the fork server sees it go, ends the run
    # (without namespaces the worker does not die with its parent, the keeper) and removes its
    # scratch folder, which the judge can no longer do.
    from conftest import _workers

    script = (
        "from judge import runner\nfrom judge.catalog import Catalog\n"
        f"list(runner.submit(Catalog(), {str(HOSTILE / 'sleep.py')!r}, {SLUG!r}))\n"
    )
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {**os.environ, "TMPDIR": str(scratch)}
    judge = subprocess.Popen([sys.executable, "-c", script], env=env)
    try:  # until the solution says it sleeps
        _wait_until(
            lambda: any(p.read_text() for p in scratch.glob(f"*/{sandbox.STDOUT_NAME}")),
            "the solution started",
        )
        running = _workers(str(scratch))
        assert running
    finally:
        judge.send_signal(signal.SIGKILL)
        judge.wait()
    for pid in running:
        procfs.wait_gone(pid, 30.0)
    assert _workers(str(scratch)) == set()
    _wait_until(lambda: not any(scratch.iterdir()), "the scratch folder removed")


def test_writes_outside_the_scratch_directory_and_network_are_refused(
    catalog, leaves_nothing_behind
):
    from judge.doctor import probe

    active = {p.name for p in probe() if p.active}
    if not {"Landlock", "network namespace"} & active:
        pytest.skip("neither Landlock nor a network namespace is available here")
    # The file writes beside its scratch directory: in the folder the scratch directories
    # are made in.
    result = judge_file(catalog, HOSTILE / "escape.py")
    target = leaves_nothing_behind / "escaped.txt"
    if "Landlock" in active:
        assert not target.exists() and "write refused" in result.failure.stdout
    else:
        target.unlink(missing_ok=True)
    if "network namespace" in active:
        assert "network refused" in result.failure.stdout


def test_what_a_solution_leaves_in_its_scratch_folder_goes_with_it(
    catalog, tmp_path, leaves_nothing_behind
):
    # Files, a folder of files and a link to a file outside: all removed with the scratch
    # folder (the fixture checks), the link's target untouched.
    kept = write(tmp_path / "kept.txt", "mine")
    path = write(
        tmp_path / f"{SLUG}.py",
        "import os\n\n\nclass Solution:\n"
        "    def maxArea(self, height: List[int]) -> int:\n"
        "        os.makedirs('deep/er', exist_ok=True)\n"
        "        open('deep/er/file.txt', 'w').write('x')\n"
        "        open('loose.txt', 'w').write('x')\n"
        f"        if not os.path.islink('link'): os.symlink({str(kept)!r}, 'link')\n"
        "        return 0\n",
    )
    result = judge_file(catalog, path, SLUG)
    assert result.verdict is Verdict.WA
    sandbox.settle()
    assert kept.read_text() == "mine"


def _peak_memory_kb_of_judging(path: Path, cwd: Path) -> tuple[int, str]:
    """The peak memory of a fresh `judge submit` process, and what it printed."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "judge", "submit", str(path), "--json"],
        cwd=cwd,
        stdout=subprocess.PIPE,
        text=True,
    )
    out = proc.stdout.read()
    _, _, usage = os.wait4(proc.pid, 0)
    proc.returncode = 0  # reaped above
    return usage.ru_maxrss, out


def test_output_flood_keeps_the_judge_small(tmp_path):
    # Measured in a fresh process each: the peak of this test process would hide it.
    import json

    flood = HOSTILE / "write-flood.py"
    quiet = write(tmp_path / "quiet.py", ACCEPTED.read_text())
    flooded_kb, out = _peak_memory_kb_of_judging(flood, tmp_path)
    data = json.loads(out)
    assert data["verdict"] == "OLE" and len(data["failure"]["stdout"]) < 5000
    quiet_kb, _ = _peak_memory_kb_of_judging(quiet, tmp_path)
    assert (flooded_kb - quiet_kb) / 1024 < 50  # the flood was 16 MB and more


def test_a_job_sent_ahead_runs_only_when_started(catalog, tmp_path, wchan_shows_pipes):
    path = write(tmp_path / "loud.py", "print('loaded')\n" + ACCEPTED.read_text())
    problem, submission = catalog.get(SLUG), read_submission(path)
    cases = prepare_cases(problem)
    with Worker() as worker:
        load_ahead(worker, problem, submission, cases)
        # The worker has read its cases and waits on its leash for the start signal.
        _wait_until(
            lambda: any(map(_waiting_on_a_pipe, _descendants(worker.keeper))),
            "the worker waits for its start",
        )
        assert worker.stdout_size() == 0  # read its cases, ran nothing
        events = list(grade(problem, submission, cases, spare=worker))
    assert events[-1].result.verdict is Verdict.AC


def test_a_worker_starts_only_the_job_it_was_loaded_with():
    with Worker() as worker:
        worker.load(PROBE, [b"x"], Limits(1000, 256))
        with pytest.raises(ValueError):
            worker.start(PROBE.replace(source="b"), [b"x"], Limits(1000, 256))


def test_a_script_using_the_library_leaves_no_scratch_directory(tmp_path):
    # Workers are ended on a background thread; a script that just exits still waits for it.
    script = (
        "from judge import runner\nfrom judge.catalog import Catalog\n"
        f"print(list(runner.submit(Catalog(), {str(ACCEPTED)!r}, {SLUG!r}))[-1].result.verdict)\n"
    )
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {**os.environ, "TMPDIR": str(scratch)}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
    assert "AC" in done.stdout, done.stderr
    assert list(scratch.iterdir()) == []


def test_a_worker_with_no_cases_waits_to_be_measured(wchan_shows_pipes):
    # `judge doctor` starts one with no cases: it must stay until the judge has seen it, or a
    # busy judge finds it gone and reports every protection as missing.
    with Worker().start(PROBE, [], Limits(cpu_ms=1000, memory_mb=256)) as worker:
        assert worker.pid != worker.keeper  # adopted from its hello, before the start
        _wait_until(lambda: _waiting_on_a_pipe(worker.pid), "the worker is done and waits")
        assert worker.receive().message == protocol.Ready(0)
        assert not procfs.gone(worker.pid)


def test_a_worker_gone_before_the_judge_reads_it_still_gets_its_verdict(catalog):
    # On a busy machine the judge may read the worker's messages after it has ended: a
    # solution that kills itself at once is still a Runtime Error by SIGKILL, not "garbled".
    problem = catalog.get(SLUG)
    cases = prepare_cases(problem)
    execution = Execution(
        problem, read_submission(HOSTILE / "sigkill.py"), cases, limits_for(problem)
    )
    with Worker().start(execution.call(), [c.job for c in cases], execution.limits) as worker:
        procfs.wait_gone(worker.keeper, 60.0)  # the whole run has ended before any read
        assert worker.receive().message == protocol.Ready(0)
        assert worker.receive().stop is Stop.EOF
        assert worker.finish() == -signal.SIGKILL
