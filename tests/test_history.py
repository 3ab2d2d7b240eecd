"""The history: every judged file recorded, and nothing ever lost or costing a verdict.

Real `judge` processes and real files throughout: eight submits at once, kills at any moment,
truncated and overwritten databases, a newer judge's file, read-only and forbidden folders,
and a lock held by another program.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from conftest import ECHO, REPO, SUBMISSIONS, echo_spec, run_judge, write
from judge import __version__, history
from judge.results import CaseResult, Failure, RunResult, Verdict
from judge.submission import Submission

MERGE = SUBMISSIONS / "merge-sorted-array"
ACCEPTED = (MERGE / "accepted" / "three_pointers.py").read_text()
WRONG = MERGE / "wrong_answer" / "sort_by_abs.py"
DB = history.FILE_NAME


def rows(data_dir: Path, columns: str = "*") -> list[tuple]:
    """Every recorded submission, oldest first, read by plain SQLite."""
    with closing(sqlite3.connect(data_dir / DB)) as connection:
        return connection.execute(f"SELECT {columns} FROM submissions ORDER BY id").fetchall()


def integrity(path: Path) -> str:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]


def submit(path: Path, *args: str) -> subprocess.CompletedProcess:
    return run_judge("submit", str(path), "--problem", "merge-sorted-array", *args)


def accepted(folder: Path, tag: int) -> Path:
    """An accepted file whose bytes are its own: each is a new version in the history."""
    return write(folder / f"merge-{tag}.py", f"# version {tag}\n{ACCEPTED}")


# What each command records ------------------------------------------------------------------


def test_submit_records_what_was_judged(data_dir, tmp_path):
    path = write(tmp_path / "mine.py", WRONG.read_text())
    done = submit(path, "--json")
    shown = json.loads(done.stdout)
    assert done.returncode == 1 and done.stderr == ""
    with closing(sqlite3.connect(data_dir / DB)) as connection:
        connection.row_factory = sqlite3.Row
        [row] = connection.execute("SELECT * FROM submissions").fetchall()
        source = connection.execute("SELECT source FROM sources WHERE hash = ?", (row[4],))
        assert source.fetchone()[0] == path.read_bytes()
    assert dict(row) == {
        "id": 1,
        "at": row["at"],
        "problem": "merge-sorted-array",
        "path": str(path),
        "source_hash": history.source_hash(path.read_bytes()),
        "verdict": "WA",
        "passed": shown["passed"],
        "total": shown["total"],
        "time_ms": shown["time_ms"],
        "relative": shown["relative"],
        "memory_mb": shown["memory_mb"],
        "failed_case": shown["failure"]["case"],
        "judge_version": __version__,
        "command": "submit",
    }
    assert time.time() - 120 < row["at"] <= time.time()


@pytest.mark.parametrize(
    "how", ["--no-history", "JUDGE_NO_HISTORY=1", "judge run", "judge verify", "a missing file"]
)
def test_commands_that_record_nothing(how, data_dir, tmp_path, invoke, monkeypatch):
    path = write(tmp_path / "merge-sorted-array.py", ACCEPTED)
    if how == "a missing file":  # no verdict: not even an empty history is made
        assert invoke("submit", str(tmp_path / "missing.py")).exit_code == 2
    elif how == "--no-history":
        assert invoke("submit", str(path), "--no-history").exit_code == 0
    elif how == "JUDGE_NO_HISTORY=1":
        monkeypatch.setenv("JUDGE_NO_HISTORY", "1")
        assert invoke("submit", str(path)).exit_code == 0
    elif how == "judge run":
        assert invoke("run", str(path)).exit_code == 0
    else:  # a problem whose known accepted submission verify judges
        problems = tmp_path / "problems"
        write(problems / "echo-one.yaml", echo_spec("echo-one"))
        write(problems / "echo.py", ECHO)
        write(tmp_path / "tests" / "submissions" / "echo-one" / "accepted" / "echo.py", ECHO)
        verified = invoke("verify", "echo-one", "--problems", str(problems), "--json")
        [checks] = json.loads(verified.stdout)["problems"]
        judged = {c["name"]: c["ok"] for c in checks["checks"]}
        assert judged["accepted/echo.py is AC"]  # verify did judge a submission
    assert not data_dir.exists()


def test_all_records_each_file_of_a_folder(data_dir, tmp_path, invoke):
    folder = tmp_path / "mine"
    write(folder / "merge-sorted-array.py", ACCEPTED)
    inorder = (REPO / "solutions" / "binary-tree-inorder-traversal.py").read_text()
    write(folder / "binary-tree-inorder-traversal.py", inorder)
    assert invoke("all", str(folder), "-j", "2").exit_code == 0
    recorded = rows(data_dir, "path, verdict, command")
    assert sorted(recorded) == sorted((str(f), "AC", "all") for f in folder.iterdir())


def test_a_verdict_that_cannot_be_shown_is_recorded_all_the_same(data_dir):
    reader, closed = os.pipe()
    os.close(reader)  # as `judge submit ... | head -1` leaves it once head has its line
    try:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "judge",
                "submit",
                str(WRONG),
                "--problem",
                "merge-sorted-array",
            ],
            stdout=closed,
            stderr=subprocess.PIPE,
            timeout=120,
        )
    finally:
        os.close(closed)
    assert done.returncode != 0
    assert rows(data_dir, "verdict, path") == [("WA", str(WRONG))]


def watch_two_saves(path: Path, *args: str) -> None:
    """`judge watch` in a real process: its first judging, one save, Ctrl-C."""
    path.write_text(ACCEPTED)
    watcher = subprocess.Popen(
        [sys.executable, "-m", "judge", "watch", str(path), "--json", *args],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert watcher.stdout is not None
    watcher.stdout.readline()
    new = path.with_name("new.py")
    new.write_text(WRONG.read_text())
    os.replace(new, path)  # saved as vim saves
    watcher.stdout.readline()
    watcher.send_signal(signal.SIGINT)
    assert watcher.wait(timeout=60) == 0


def test_watch_records_each_judging_and_no_run(data_dir, tmp_path):
    path = tmp_path / "merge-sorted-array.py"
    watch_two_saves(path)
    assert rows(data_dir, "verdict, command") == [("AC", "watch"), ("WA", "watch")]
    watch_two_saves(path, "--run")
    assert len(rows(data_dir)) == 2


# Nothing lost ------------------------------------------------------------------------------


def test_eight_submits_at_once_on_a_new_history_are_all_recorded(data_dir, tmp_path):
    files = [accepted(tmp_path, n) for n in range(8)]
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "judge", "submit", str(f), "--problem", "merge-sorted-array"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for f in files
    ]
    for process in processes:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0 and "Accepted (AC)" in out
        assert err == ""  # no judge had to give up on the history
    recorded = rows(data_dir, "path, source_hash")
    assert sorted(recorded) == sorted((str(f), history.source_hash(f.read_bytes())) for f in files)
    assert integrity(data_dir / DB) == "ok"


# A judge that records `count` submissions as soon as it reads a line: several started
# together write at the same instant, from the very first one (which creates the file).
RECORDER_AT_A_SIGNAL = """
import sys
from pathlib import Path
from judge import history
from judge.results import RunResult, Verdict
from judge.submission import Submission

name, count = sys.argv[1], int(sys.argv[2])
recorder = history.Recorder("submit")
print("ready", flush=True)
sys.stdin.readline()
for n in range(count):
    result = RunResult("merge-sorted-array", Verdict.AC, 32)
    result.submission = Submission(Path(f"/{name}/{n}.py"), data=f"{name} {n}".encode())
    assert recorder.record(result)
"""


def test_writers_at_the_same_instant_each_wait_their_turn(data_dir):
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", RECORDER_AT_A_SIGNAL, f"writer{w}", "25"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for w in range(8)
    ]
    for writer in writers:
        assert writer.stdout is not None and writer.stdout.readline() == "ready\n"
    for writer in writers:
        assert writer.stdin is not None
        writer.stdin.write("go\n")
        writer.stdin.flush()
    for writer in writers:
        _, err = writer.communicate(timeout=60)
        assert writer.returncode == 0 and err == "", err
    assert len(rows(data_dir)) == 8 * 25
    assert integrity(data_dir / DB) == "ok"


# A process that records in a loop, as fast as it can, printing the number of each record
# once it is committed; its sources are large, and its WAL is folded back often, so that
# kills land while opening, writing, committing and checkpointing alike.
RECORDING_LOOP = """
import sys
from pathlib import Path
from judge import history
from judge.results import RunResult, Verdict
from judge.submission import Submission

history.CHECKPOINT_BYTES = 64 * 1024
print("opening", flush=True)
recorder = history.Recorder("submit")
number = int(sys.argv[1])
while True:
    data = f"# record {number}\\n".encode() + bytes([number % 251]) * 30000
    result = RunResult("merge-sorted-array", Verdict.AC, 32)
    result.submission = Submission(Path(f"/record/{number}.py"), data=data)
    assert recorder.record(result)
    print(number, flush=True)
    number += 1
"""


def test_killed_at_any_moment_every_finished_record_is_kept(data_dir):
    confirmed: set[int] = set()
    in_flight: set[int] = set()
    number = 0
    # Killed while opening (before the first record), then after 1, 2, 7, ... records.
    for kill_after in (0, 1, 0, 2, 7, 1, 20, 3, 45):
        loop = subprocess.Popen(
            [sys.executable, "-c", RECORDING_LOOP, str(number)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert loop.stdout is not None
        assert loop.stdout.readline() == "opening\n"
        for _ in range(kill_after):
            confirmed.add(int(loop.stdout.readline()))
        loop.send_signal(signal.SIGKILL)
        loop.wait()
        in_flight.add(number + kill_after)  # may or may not have committed
        number += kill_after + 1
    assert integrity(data_dir / DB) == "ok"
    with closing(sqlite3.connect(data_dir / DB)) as connection:
        found = connection.execute(
            "SELECT path, source FROM submissions JOIN sources ON hash = source_hash"
        ).fetchall()
    kept = {int(Path(path).stem) for path, _ in found}
    assert confirmed <= kept <= confirmed | in_flight
    for path, source in found:  # each row whole, with its own source
        n = int(Path(path).stem)
        assert source == f"# record {n}\n".encode() + bytes([n % 251]) * 30000
    assert len(found) == len(rows(data_dir))


def test_a_judge_killed_while_it_records_loses_nothing_else(data_dir, tmp_path):
    finished = [accepted(tmp_path, n) for n in range(2)]
    for path in finished:
        assert submit(path).returncode == 0
    for stage in ("the first line", "the whole verdict"):
        path = accepted(tmp_path, 10 + len(stage))
        judge = subprocess.Popen(
            [sys.executable, "-m", "judge", "submit", str(path), "--json"],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert judge.stdout is not None
        line = judge.stdout.readline()
        while stage == "the whole verdict" and line != "}\n":
            line = judge.stdout.readline()
        judge.send_signal(signal.SIGKILL)
        judge.wait()
    assert submit(accepted(tmp_path, 99)).returncode == 0
    assert integrity(data_dir / DB) == "ok"
    recorded = [Path(p).name for (p,) in rows(data_dir, "path")]
    assert recorded[:2] == ["merge-0.py", "merge-1.py"] and recorded[-1] == "merge-99.py"


# Never costs a verdict ---------------------------------------------------------------------


STABLE = ("problem", "verdict", "passed", "total", "time_limit_ms", "failure")


def unchanged_verdict(path: Path) -> str:
    """Submit `path` and check the verdict and exit status are those without history; the
    one line the history said on stderr."""
    done = submit(path, "--json")
    without = submit(path, "--json", "--no-history")
    assert done.returncode == without.returncode
    shown, expected = json.loads(done.stdout), json.loads(without.stdout)
    assert [shown[k] for k in STABLE] == [expected[k] for k in STABLE]  # times may differ
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("warning: history not recorded: "), lines
    return lines[0]


def marked(n: int) -> RunResult:
    """A judged file whose path marks where its row lies in the database file."""
    result = RunResult("merge-sorted-array", Verdict.WA, 32)
    result.failure = Failure(f"case-{n}", None, None, None, "")
    result.submission = Submission(Path(f"/marked/{n:04d}.py"), data=f"# {n}\n".encode() * 20)
    return result


def a_history(data_dir: Path, count: int) -> list[int]:
    """A history of `count` small submissions, all in the database file itself (no WAL), as a
    copy or a backup would be; the offset in the file of each one's path."""
    recorder = history.Recorder("submit")
    for n in range(count):
        assert recorder.record(marked(n))
    recorder.close()  # the last connection: SQLite folds the WAL into the file
    assert not Path(f"{data_dir / DB}-wal").exists()
    data = (data_dir / DB).read_bytes()
    return [data.index(f"/marked/{n:04d}.py".encode()) for n in range(count)]


def test_a_truncated_history_costs_no_verdict_and_repair_keeps_every_readable_row(data_dir):
    offsets = a_history(data_dir, 300)
    size = (data_dir / DB).stat().st_size
    cut = size // 2 // 4096 * 4096 + 1500  # mid-page, through the rows of that page
    with open(data_dir / DB, "r+b") as f:
        f.truncate(cut)
    damaged = (data_dir / DB).read_bytes()
    warning = unchanged_verdict(WRONG)
    assert "malformed" in warning and "--repair" in warning
    assert (data_dir / DB).read_bytes() == damaged  # nothing overwritten
    assert run_judge("history").returncode == 2

    fixed = run_judge("history", "--repair", "--json")
    assert fixed.returncode == 0, fixed.stderr
    report = json.loads(fixed.stdout)
    kept = {int(Path(p).stem) for (p,) in rows(data_dir, "path")}
    # Every row wholly before the cut is kept (a row is under 300 bytes); none past it.
    assert {n for n, at in enumerate(offsets) if at < cut - 300} <= kept
    assert all(offsets[n] < cut for n in kept)
    assert report["sound"] is False and report["submissions"] == len(kept)
    assert Path(report["kept_as"]).read_bytes() == damaged
    assert integrity(data_dir / DB) == "ok"
    assert submit(WRONG).stderr == ""  # recorded again, after the highest id kept
    assert rows(data_dir, "max(id)")[0][0] == max(kept) + 2
    again = run_judge("history", "--repair", "--json")
    assert again.returncode == 0, again.stderr
    again = json.loads(again.stdout)
    assert again["sound"] is True


def test_repair_reads_past_a_destroyed_page_that_hides_every_row_from_sqlite(data_dir):
    a_history(data_dir, 300)
    with closing(sqlite3.connect(data_dir / DB)) as connection:
        root = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'submissions'"
        ).fetchone()[0]
    with open(data_dir / DB, "r+b") as f:  # the table's root: the way to every row
        f.seek((root - 1) * 4096)
        f.write(b"\xde\xad\xbe\xef" * 1024)
    assert "malformed" in unchanged_verdict(WRONG)
    assert run_judge("history", "--repair").returncode == 0
    assert [int(Path(p).stem) for (p,) in rows(data_dir, "path")] == list(range(300))
    with closing(sqlite3.connect(data_dir / DB)) as connection:
        assert connection.execute("SELECT count(*) FROM sources").fetchone()[0] == 300


def test_a_newer_judges_history_is_read_and_never_written(data_dir, tmp_path):
    assert submit(WRONG).returncode == 1
    with closing(sqlite3.connect(data_dir / DB)) as connection:
        connection.execute("ALTER TABLE submissions ADD COLUMN tags TEXT")
        connection.execute(f"PRAGMA user_version = {history.SCHEMA_VERSION + 1}")
    before = (data_dir / DB).read_bytes()
    assert "written by a newer judge" in unchanged_verdict(WRONG)
    assert (data_dir / DB).read_bytes() == before and len(rows(data_dir)) == 1
    shown = run_judge("history", "--json")
    assert shown.returncode == 0 and len(json.loads(shown.stdout)) == 1
    assert len(shown.stderr.splitlines()) == 1 and "newer judge" in shown.stderr
    with closing(
        sqlite3.connect(data_dir / DB)
    ) as connection:  # a newer judge that renamed a table
        connection.execute("ALTER TABLE submissions RENAME TO attempts")
    before = (data_dir / DB).read_bytes()
    unreadable = run_judge("stats")
    assert unreadable.returncode == 2 and len(unreadable.stderr.splitlines()) == 1
    listed = run_judge("list")
    assert listed.returncode == 0 and len(listed.stderr.splitlines()) == 1
    assert run_judge("history", "--repair").returncode == 2
    assert (data_dir / DB).read_bytes() == before


def _without_permission_override() -> None:
    """In the child: root's power to ignore file permissions is dropped, so a read-only
    folder is read-only to it too (as it is to every other user)."""
    if os.geteuid() == 0:
        libc = ctypes.CDLL(None, use_errno=True)
        for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
            if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
                raise OSError(ctypes.get_errno(), "cannot drop a capability")


def as_a_user(*command: str) -> subprocess.CompletedProcess:
    """Run a command that file permissions apply to, as they do to every user but root."""
    return subprocess.run(
        command, preexec_fn=_without_permission_override, capture_output=True, text=True
    )


@pytest.mark.parametrize("case", ["read-only folder", "read-only file", "no permission"])
def test_a_history_that_cannot_be_written_costs_no_verdict(case, data_dir):
    data_dir.mkdir()
    if case != "read-only folder":
        assert submit(WRONG).returncode == 1
        sqlite3.connect(data_dir / DB).close()  # the last connection: no WAL left beside it
    target = data_dir / DB if case == "read-only file" else data_dir
    before = {p.name: p.read_bytes() for p in data_dir.iterdir()}
    os.chmod(target, {"read-only folder": 0o555, "read-only file": 0o444}.get(case, 0))
    try:
        # The premise: this really cannot be written.
        attempt = "open(sys.argv[1], 'ab')" if target.is_file() else "open(sys.argv[1] + '/x', 'w')"
        assert as_a_user(sys.executable, "-c", f"import sys; {attempt}", str(target)).returncode
        done = as_a_user(
            sys.executable, "-m", "judge", "submit", str(WRONG), "--problem", "merge-sorted-array"
        )
    finally:
        os.chmod(target, 0o755 if target.is_dir() else 0o644)
    assert done.returncode == 1 and "Wrong Answer (WA)" in done.stdout
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("warning: history not recorded: "), lines
    if DB in before:
        assert (data_dir / DB).read_bytes() == before[DB]
    else:
        assert list(data_dir.iterdir()) == []


def test_a_history_locked_by_another_program_costs_no_verdict(data_dir, tmp_path):
    assert submit(WRONG).returncode == 1
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys\n"
            f"c = sqlite3.connect({str(data_dir / DB)!r}, isolation_level=None)\n"
            "c.execute('BEGIN IMMEDIATE')\n"
            "print('locked', flush=True)\n"
            "sys.stdin.read()\n",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdin is not None
    assert holder.stdout.readline() == "locked\n"
    done = submit(WRONG)
    holder.stdin.close()
    holder.wait()
    assert done.returncode == 1 and "Wrong Answer (WA)" in done.stdout
    assert done.stderr == "warning: history not recorded: database is locked " + (
        f"({data_dir / DB})\n"
    )
    assert submit(WRONG).stderr == ""
    assert len(rows(data_dir)) == 2


# The schema -------------------------------------------------------------------------------


def test_migrations_run_once_each_and_keep_the_rows(tmp_path):
    path = tmp_path / DB
    connection = sqlite3.connect(path, isolation_level=None)
    first = (("CREATE TABLE submissions (id INTEGER PRIMARY KEY, problem TEXT)",),)
    assert history.migrate(connection, first) == 1
    connection.execute("INSERT INTO submissions (problem) VALUES ('two-sum')")
    second = (*first, ("ALTER TABLE submissions ADD COLUMN verdict TEXT DEFAULT 'AC'",))
    assert history.migrate(connection, second) == 2
    assert history.migrate(connection, second) == 2  # already there: nothing run twice
    assert connection.execute("SELECT * FROM submissions").fetchall() == [(1, "two-sum", "AC")]
    assert connection.execute("PRAGMA user_version").fetchone()[0] == 2


def test_a_database_of_something_else_is_left_alone(data_dir):
    data_dir.mkdir()
    with closing(sqlite3.connect(data_dir / DB)) as connection:
        connection.execute("CREATE TABLE notes (text TEXT)")
    before = (data_dir / DB).read_bytes()
    assert "not a judge history" in unchanged_verdict(WRONG)
    assert (data_dir / DB).read_bytes() == before


def imported(*args: str) -> str:
    """The modules `judge ARGS` imports, as `python -X importtime` lists them."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "judge", *args], capture_output=True, text=True
    )
    return done.stderr


def test_sqlite_is_loaded_only_when_there_is_a_history_to_use(data_dir):
    args = ("submit", str(WRONG), "--problem", "merge-sorted-array")
    assert "sqlite3" not in imported(*args, "--no-history")
    assert "sqlite3" not in imported("list")  # no history yet: nothing to read
    assert "sqlite3" in imported(*args)
    assert "sqlite3" in imported("list")


# The commands -----------------------------------------------------------------------------


def recorded(when: dt.datetime, problem: str, verdict: str, time_ms: float, source: bytes) -> None:
    """A submission recorded as the judge records one, at a chosen moment."""
    result = RunResult(problem, Verdict(verdict), 10)
    result.cases = [
        CaseResult(f"case-{n}", Verdict.AC, time_ms / 10, time_ms / 20) for n in range(10)
    ]
    if verdict != "AC":
        result.cases[-1].verdict = Verdict(verdict)
        result.failure = Failure("case-9", None, None, None, "")
    result.submission = Submission(Path(f"/work/{problem}.py"), data=source)
    recorder = history.Recorder("submit")
    real = time.time
    time.time = when.timestamp  # type: ignore[assignment]
    try:
        assert recorder.record(result)
    finally:
        time.time = real  # type: ignore[assignment]
        recorder.close()


@pytest.fixture
def practised(data_dir: Path) -> dt.date:
    """Five submissions over three recent days; the day of the first."""
    today = dt.datetime.combine(dt.date.today(), dt.time(12))
    recorded(today - dt.timedelta(days=9), "merge-sorted-array", "WA", 0.2, b"# first\n")
    recorded(today - dt.timedelta(days=2), "merge-sorted-array", "AC", 0.4, b"# second\r\n")
    recorded(today - dt.timedelta(days=2), "container-with-most-water", "TLE", 3000, b"# slow\n")
    recorded(today, "container-with-most-water", "AC", 240, b"# fast\n")
    recorded(today, "merge-sorted-array", "AC", 0.3, b"# third\n")
    return (today - dt.timedelta(days=9)).date()


def test_history_lists_newest_first_one_line_each(practised, invoke):
    shown = invoke("history")
    assert shown.exit_code == 0
    lines = shown.stdout.splitlines()
    assert lines[0].split()[:4] == ["id", "when", "problem", "verdict"]
    assert [line.split()[0] for line in lines[1:]] == ["5", "4", "3", "2", "1"]
    assert lines[3].split()[3:6] == ["container-with-most-water", "TLE", "10/10"] or (
        "TLE" in lines[3] and "case-9" in lines[3]
    )
    limited = invoke("history", "--limit", "2").stdout.splitlines()
    assert len(limited) == 4 and limited[-1] == "2 of 5 submissions; --limit N shows more"
    by_number = invoke("history", "88", "--json")  # merge-sorted-array, by its number
    assert [e["id"] for e in json.loads(by_number.stdout)] == [5, 2, 1]


def test_history_json_shape(practised, invoke):
    entries = json.loads(invoke("history", "--json", "--limit", "1").stdout)
    assert list(entries[0]) == [
        "id", "at", "problem", "path", "source_hash", "verdict", "passed", "total",
        "time_ms", "relative", "memory_mb", "failed_case", "judge_version", "command",
    ]  # fmt: skip
    assert entries[0]["at"].startswith(dt.date.today().isoformat() + "T12:00:00")


def test_show_prints_the_source_as_it_was_under_its_verdict(practised, invoke, tmp_path):
    shown = invoke("history", "--show", "2")
    assert shown.exit_code == 0
    head, judged, *rest = shown.stdout_bytes.split(b"\n", 2)
    assert head.startswith(b"# submission 2: Accepted (AC) on merge-sorted-array, 10/10 cases")
    assert judged.startswith(b"# judged ") and b"/work/merge-sorted-array.py" in judged
    assert rest == [b"# second\r\n"]  # byte for byte: `> old.py` gets the file back
    failed = invoke("history", "--show", "3").stdout.splitlines()[0]
    assert "Time Limit Exceeded (TLE)" in failed and "failed on case-9" in failed


@pytest.mark.parametrize(
    "args, message",
    [
        (["history", "nope"], "unknown problem 'nope'"),
        (["history", "--show", "99"], "no submission 99 in the history"),
        (["history", "merge-sorted-array", "--show", "1"], "take no SLUG"),
        (["history", "--show", "1", "--repair"], "one at a time"),
    ],
)
def test_history_mistakes_exit_2_with_one_line(practised, invoke, args, message):
    result = invoke(*args)
    assert result.exit_code == 2 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and message in result.stderr


def test_stats_per_problem_in_all_and_by_day(practised, invoke):
    data = json.loads(invoke("stats", "--json").stdout)
    assert set(data) == {"problems", "solved", "total", "submissions"}
    assert (data["solved"], data["total"], data["submissions"]) == (2, 13, 5)
    by_name = {p["problem"]: p for p in data["problems"]}
    assert by_name["merge-sorted-array"] == {
        "problem": "merge-sorted-array",
        "status": "solved",
        "attempts": 3,
        "first_accepted": (dt.date.today() - dt.timedelta(days=2)).isoformat(),
        "best_time_ms": 0.3,
        "best_ratio": None,
        "last_verdict": "AC",
    }
    container = by_name["container-with-most-water"]
    assert (container["best_time_ms"], container["best_ratio"]) == (240, 2.0)
    assert by_name["smallest-k"]["status"] == "not started"
    text = invoke("stats").stdout
    assert "2 of 13 solved, 5 submissions" in text
    assert "5 submissions in the last year" in text
    calendar = text.split("in the last year")[1]
    assert sum(calendar.count(glyph) for glyph in "░▒▓█") == 3 + 4  # three days, and the key


def test_list_shows_each_problems_status(practised, invoke):
    rows = {r["slug"]: r["status"] for r in json.loads(invoke("list", "--json").stdout)}
    assert rows["merge-sorted-array"] == "solved" and rows["smallest-k"] == "not started"
    lines = invoke("list").stdout.splitlines()
    assert "status" in lines[0]
    assert next(line for line in lines if "merge-sorted-array" in line).count("solved") == 1


def test_an_empty_history(data_dir, invoke):
    assert invoke("history").stdout == "no submissions yet\n"
    assert "0 of 13 solved, 0 submissions" in invoke("stats").stdout
    assert "nothing to repair" in invoke("history", "--repair").stdout
    assert not data_dir.exists()  # reading never creates it


def test_repair_waits_for_the_history_to_be_free(practised, data_dir):
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys\n"
            f"c = sqlite3.connect({str(data_dir / DB)!r})\n"
            "c.execute('SELECT count(*) FROM submissions').fetchall()\n"
            "print('open', flush=True)\n"
            "sys.stdin.read()\n",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdin is not None
    assert holder.stdout.readline() == "open\n"
    busy = run_judge("history", "--repair")
    holder.stdin.close()
    holder.wait()
    assert busy.returncode == 2 and "has the history open" in busy.stderr
    assert "is sound" in run_judge("history", "--repair").stdout
