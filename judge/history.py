"""Every judged file, kept in a SQLite database in the user data folder: what was solved, when,
in how many tries and how fast, and each version of the code.

The record must never be lost or corrupted, and must never cost a verdict:
- one short transaction per submission, in WAL mode, so concurrent judges queue for a moment
  and a judge killed at any point leaves every committed submission readable;
- the schema has a version (`PRAGMA user_version`) and migrations; a file written by a newer
  judge is read if its columns are still there, and never written;
- any failure (a damaged, locked, read-only or newer file, a missing permission) becomes one
  warning line, the verdict and exit status are unchanged, and the file is left as it is;
  `judge history --repair` then rebuilds it from every row that can still be read.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any

from judge import cache
from judge.errors import UsageError
from judge.records import record

if TYPE_CHECKING:
    import sqlite3

    from judge.catalog import Catalog
    from judge.results import RunResult

FILE_NAME = cache.HISTORY_FILE
# A writer waits this long for another to finish: eight judges at once each hold the lock for
# under a millisecond, so a wait this long means another program holds it.
BUSY_TIMEOUT_S = 2.0
# Connections are never closed (see `_open`), so SQLite's own checkpoints never empty the WAL,
# and every open reads all of it (0.6 ms a megabyte here; a submission adds about 25 KB). A
# judge folds it back into the database when it opens the history and finds it past this size:
# two fsyncs (10-20 ms here), on the thread that opens the history while the judging runs,
# and an fsync of the emptied WAL's new header at the next commit: once in some 40 records.
CHECKPOINT_BYTES = 1 << 20

# Each migration takes the schema from version i to i + 1, as one transaction.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        # The submissions, in small rows (the sources are apart), so that listing and stats
        # read few pages.
        """CREATE TABLE submissions (
            id INTEGER PRIMARY KEY,
            at REAL NOT NULL,              -- when it was judged: seconds since the epoch, UTC
            problem TEXT NOT NULL,         -- the problem's slug
            path TEXT NOT NULL,            -- the file, as an absolute path
            source_hash TEXT NOT NULL,     -- blake2b-160 of the file's bytes, a key of sources
            verdict TEXT NOT NULL,         -- AC, WA, TLE, MLE, RE, CE or OLE
            passed INTEGER NOT NULL,
            total INTEGER NOT NULL,
            time_ms REAL NOT NULL,         -- CPU time over the cases run
            relative REAL,                 -- time_ms / the reference's; NULL under 1 ms
            memory_mb REAL NOT NULL,
            failed_case TEXT,              -- the first failing case's name
            judge_version TEXT NOT NULL,
            command TEXT NOT NULL          -- submit, all or watch
        )""",
        "CREATE INDEX submissions_by_problem ON submissions (problem, id)",
        # Each version of a file once, however often it was judged.
        "CREATE TABLE sources (hash TEXT PRIMARY KEY, source BLOB NOT NULL)",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)
VERDICTS = frozenset({"AC", "WA", "TLE", "MLE", "RE", "CE", "OLE"})
_COLUMNS = (
    "id, at, problem, path, source_hash, verdict, passed, total, time_ms, relative, memory_mb, "
    "failed_case, judge_version, command"
)


class HistoryError(UsageError):
    """The history cannot be used as asked; the message is one line that says why."""


data_dir, database_path = cache.data_dir, cache.history_path


def source_hash(data: bytes) -> str:
    """The key a file's bytes are kept under."""
    from judge.cache import blake2b  # the built-in module, without OpenSSL

    return blake2b(data, digest_size=20).hexdigest()


def warn(message: str) -> None:
    """One line on stderr: the history's trouble is never the command's."""
    try:
        sys.stderr.write(f"warning: {message}\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def _sqlite() -> Any:
    """The SQLite module. The C module alone: `sqlite3`'s Python layer imports datetime for
    adapters judge never uses, 3 ms of every recorded submission."""
    try:
        import _sqlite3 as module
    except ImportError:  # pragma: no cover - interpreters that only ship the package
        import sqlite3 as module  # type: ignore[no-redef]
    return module


@record
class _Opened:
    connection: sqlite3.Connection
    version: int  # the schema version found


def _open(path: Path, write: bool) -> _Opened:
    """Connect to the history, migrated to this version's schema when writing.

    The connection is never closed: closing the last one checkpoints the WAL into the
    database with an fsync, 10-20 ms here, where a commit takes 0.2 ms. A process that ends
    without closing leaves its committed transactions in the WAL, which SQLite reads back on
    the next open (as after a crash: what WAL mode is built for).
    """
    if write:
        path.parent.mkdir(parents=True, exist_ok=True)
    elif not path.exists():
        raise FileNotFoundError(path)
    sqlite3 = _sqlite()
    mode = "rwc" if write else "rw"  # a reader never creates the file
    connection = sqlite3.connect(
        f"{path.resolve().as_uri()}?mode={mode}",
        uri=True,
        timeout=BUSY_TIMEOUT_S,
        isolation_level=None,  # transactions are begun and committed here, explicitly
        check_same_thread=False,  # opened on a thread, used after it ends (never at once)
    )
    # One statement, so one snapshot: another judge may be creating the file right now.
    version, tables = connection.execute(
        "SELECT (SELECT user_version FROM pragma_user_version), "
        "(SELECT count(*) FROM sqlite_master)"
    ).fetchone()
    if version > SCHEMA_VERSION:
        return _Opened(connection, version)  # a newer judge's: read as it is, never written
    if version == 0 and tables:
        raise HistoryError("it holds tables of something else, not a judge history")
    if write:
        # Durable against the end of the process, however it ends, not against a crash of
        # the machine: NORMAL syncs only at checkpoints, where FULL would sync every commit
        # (10 ms here). A power cut may lose the last commits, never the database.
        connection.execute("PRAGMA synchronous = NORMAL")
        connection.execute("PRAGMA wal_autocheckpoint = 0")  # see CHECKPOINT_BYTES
        if connection.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            _to_wal(connection)
        if version < SCHEMA_VERSION:
            version = migrate(connection)
    return _Opened(connection, version)


def _to_wal(connection: sqlite3.Connection) -> None:
    """Switch a new file to WAL mode. The switch needs the file to itself, and SQLite answers
    "locked" at once when it cannot have it, busy timeout or not: judges that create the file
    together take turns here, as they would at the timeout."""
    sqlite3 = _sqlite()
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    pause = 0.001
    while True:
        try:
            connection.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.05)


def _user_version(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def migrate(
    connection: sqlite3.Connection, migrations: tuple[tuple[str, ...], ...] = MIGRATIONS
) -> int:
    """Bring the schema up to date in one transaction; the version it ends at. Judges that
    open a new file at once all get here: the first one creates it, the rest find it done."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        version = _user_version(connection)
        if version == 0 and _has_tables(connection):
            raise HistoryError("it holds tables of something else, not a judge history")
        for number in range(version, len(migrations)):
            for statement in migrations[number]:
                connection.execute(statement)
        version = max(version, len(migrations))
        connection.execute(f"PRAGMA user_version = {version}")
        connection.execute("COMMIT")
    except BaseException:
        _rollback(connection)
        raise
    return version


def _has_tables(connection: sqlite3.Connection) -> bool:
    return bool(connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0])


def _rollback(connection: sqlite3.Connection) -> None:
    try:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
    except Exception:
        pass  # the connection's own state is all that is left to lose


def _newer(version: int) -> str:
    return f"written by a newer judge (schema {version}; this one knows up to {SCHEMA_VERSION})"


def explain(exc: BaseException, path: Path) -> str:
    """Why the history could not be used, in one line."""
    if isinstance(exc, HistoryError):
        reason = str(exc)
    elif isinstance(exc, OSError):
        reason = exc.strerror or str(exc)
        if exc.filename and str(exc.filename) != str(path):
            return f"{reason}: {exc.filename}"
    else:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if _damaged(exc):
            reason += "; `judge history --repair` keeps every record that can be read"
    return f"{reason} ({path})"


def _damaged(exc: BaseException) -> bool:
    """SQLite's word for a file that is not what it should be: corrupt, or not a database.
    (OperationalError, its subclass, is everything else: locked, read-only, cannot open.)"""
    sqlite3 = _sqlite()
    return isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError)


@contextmanager
def interrupts_held() -> Iterator[None]:
    """Hold Ctrl-C until the block ends, then deliver it: a verdict on the screen is recorded
    before the command stops, even when the user stops it the moment the verdict appears.
    (A record takes a millisecond or two; the main thread only, where Python takes signals.)"""
    import signal

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: held.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if held:
            signal.raise_signal(signal.SIGINT)  # to the handler it was meant for


class Recorder:
    """Records a command's judged files. Recording never raises: its first failure is one
    warning line, and the command's output and exit status are those without history."""

    def __init__(
        self,
        command: str,
        enabled: bool = True,
        stop_on_failure: bool = False,
        open_now: bool = False,
    ) -> None:
        """`stop_on_failure`: one failure ends the recording (a folder's files, recorded
        within a second, would all fail alike; `watch` tries again at the next save).
        `open_now`: open the history on a thread while the judging runs, so that recording
        after the verdict is a commit (0.3 ms) rather than loading SQLite, opening the file
        and reading its WAL (3-4 ms here, more on a busy machine). SQLite works with
        Python's lock released, so the judging, which mostly waits on its worker, hardly
        notices."""
        self.command = command
        self.enabled = enabled
        self.stop_on_failure = stop_on_failure
        self.path: Path | None = None
        self._connection: sqlite3.Connection | None = None
        self._opening: threading.Thread | None = None
        self._opening_failed: Exception | None = None
        self._warned = False
        if enabled and open_now:
            self._opening = threading.Thread(target=self._open_early, name="judge-history")
            self._opening.daemon = True  # a command that ends early does not wait for it
            self._opening.start()

    def record(self, result: RunResult) -> bool:
        """Record one judged file; whether it was recorded."""
        if not self.enabled or result.submission is None:
            return False
        try:
            if self._opening is not None:
                self._opening.join()
                self._opening = None
                if self._opening_failed is not None:
                    raise self._opening_failed
            if self._connection is None:
                self._open()
            assert self._connection is not None
            _fold_wal(self._connection, self.path)  # `watch`, `all`: records since the open
            _insert(self._connection, result, self.command)
            return True
        # Anything at all, a bug included: history must never cost the verdict.
        except Exception as exc:
            self._fail(exc)
            return False

    def _open(self) -> None:
        self.path = database_path()
        opened = _open(self.path, write=True)
        if opened.version > SCHEMA_VERSION:
            raise HistoryError(_newer(opened.version))
        self._connection = opened.connection
        _fold_wal(self._connection, self.path)

    def _open_early(self) -> None:
        """Open an existing history; a new one is only made by a record, so a command that
        fails before its verdict leaves no file behind."""
        try:
            if database_path().exists():
                self._open()
        except Exception as exc:  # reported by the first record, as if it had opened
            self._opening_failed = exc

    def interrupts_held(self) -> AbstractContextManager[None]:
        """For the block that shows a verdict and records it: Ctrl-C waits for the record
        (see `interrupts_held`); nothing is held when nothing is recorded."""
        return interrupts_held() if self.enabled else nullcontext()

    def passing(self, finished: Iterable[tuple[int, RunResult]]) -> Iterator[tuple[int, RunResult]]:
        """Pass `judge all`'s results on, each recorded as it arrives: the writing overlaps
        the judging of the files still running, and a run cut short keeps what it judged."""
        for position, result in finished:
            with self.interrupts_held():
                self.record(result)
            yield position, result

    def close(self) -> None:
        """Close the connection, for a process that goes on without the history. (The
        commands never do: they end with os._exit, which leaves it to the next open.)"""
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _fail(self, exc: Exception) -> None:
        if self.stop_on_failure:
            self.enabled = False
        if not self._warned:
            self._warned = True
            warn(f"history not recorded: {explain(exc, self.path or Path(FILE_NAME))}")


def _insert(connection: sqlite3.Connection, result: RunResult, command: str) -> None:
    """One submission and its source, in one short transaction."""
    from judge import __version__

    submission = result.submission
    assert submission is not None
    digest = source_hash(submission.data)
    failed = result.failure.case if result.failure is not None else None
    row = (
        time.time(),
        result.problem,
        os.path.abspath(submission.path),
        digest,
        result.verdict.value,
        result.passed,
        result.total,
        result.time_ms,
        result.relative,
        round(result.memory_mb, 1),
        failed,
        __version__,
        command,
    )
    # IMMEDIATE takes the write lock first, so a busy database makes SQLite wait (up to the
    # busy timeout) instead of failing a transaction that read before it wrote.
    connection.execute("BEGIN IMMEDIATE")
    try:
        connection.execute(
            "INSERT OR IGNORE INTO sources (hash, source) VALUES (?, ?)",
            (digest, submission.data),
        )
        connection.execute(
            f"INSERT INTO submissions ({_COLUMNS.partition(', ')[2]}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            row,
        )
        connection.execute("COMMIT")
    except BaseException:
        _rollback(connection)
        raise


def _fold_wal(connection: sqlite3.Connection, path: Path | None) -> None:
    """Checkpoint the WAL into the database and empty it, once it has grown past
    CHECKPOINT_BYTES (see there). Killed halfway, the WAL still holds everything; another
    judge reading or writing makes it wait (the busy timeout) or leaves it for later."""
    try:
        if path is None or os.path.getsize(f"{path}-wal") < CHECKPOINT_BYTES:
            return
    except OSError:
        return
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


@record
class Entry:
    """One recorded submission."""

    id: int
    at: float
    problem: str
    path: str
    source_hash: str
    verdict: str
    passed: int
    total: int
    time_ms: float
    relative: float | None
    memory_mb: float
    failed_case: str | None
    judge_version: str
    command: str


class Reader:
    """The history as it stands, for `judge history`, `judge stats` and `judge list`."""

    def __init__(self, path: Path | None = None) -> None:
        """Opens the file now; HistoryError says why it cannot be read. A missing file is an
        empty history (and is not created)."""
        self.path = path or database_path()
        self._connection: sqlite3.Connection | None = None
        self.newer = False
        self._told = False
        try:
            opened = _open(self.path, write=False)
        except FileNotFoundError:
            return
        except Exception as exc:
            raise HistoryError(explain(exc, self.path)) from None
        self._connection = opened.connection
        self.newer = opened.version > SCHEMA_VERSION
        if opened.version == 0:
            self._connection = None  # a file created but never written: nothing to show
        elif opened.version < SCHEMA_VERSION:
            try:
                migrate(self._connection)
            except Exception as exc:
                raise HistoryError(
                    f"cannot update the history: {explain(exc, self.path)}"
                ) from None

    def _query(self, sql: str, parameters: tuple[Any, ...] = ()) -> list[Any]:
        if self._connection is None:
            return []
        try:
            rows = self._connection.execute(sql, parameters).fetchall()
        except Exception as exc:
            if self.newer:
                reason = f"{_newer(self.version)} and cannot be read by this one"
                raise HistoryError(f"history {reason} ({self.path})") from None
            raise HistoryError(f"cannot read the history: {explain(exc, self.path)}") from None
        if self.newer and not self._told:  # once it is known to be readable: one line
            self._told = True
            warn(f"history {_newer(self.version)}: shown as this judge reads it ({self.path})")
        return rows

    @property
    def version(self) -> int:
        return 0 if self._connection is None else _user_version(self._connection)

    def entries(self, problem: str | None = None, limit: int | None = None) -> list[Entry]:
        """Submissions, newest first."""
        where = "WHERE problem = ?" if problem is not None else ""
        bound = f"LIMIT {int(limit)}" if limit is not None else ""
        rows = self._query(
            f"SELECT {_COLUMNS} FROM submissions {where} ORDER BY id DESC {bound}",
            (problem,) if problem is not None else (),
        )
        return [Entry(*row) for row in rows]

    def count(self, problem: str | None = None) -> int:
        where = "WHERE problem = ?" if problem is not None else ""
        rows = self._query(
            f"SELECT count(*) FROM submissions {where}", (problem,) if problem is not None else ()
        )
        return int(rows[0][0]) if rows else 0

    def entry(self, number: int) -> tuple[Entry, bytes | None] | None:
        """One submission and its source (None if that was lost in a repair)."""
        rows = self._query(f"SELECT {_COLUMNS} FROM submissions WHERE id = ?", (number,))
        if not rows:
            return None
        found = Entry(*rows[0])
        source = self._query("SELECT source FROM sources WHERE hash = ?", (found.source_hash,))
        return found, (bytes(source[0][0]) if source else None)

    def verdicts(self) -> list[tuple[float, str, str, float, float | None]]:
        """(at, problem, verdict, time_ms, relative) of every submission, oldest first: what
        the stats are made of."""
        return self._query(
            "SELECT at, problem, verdict, time_ms, relative FROM submissions ORDER BY id"
        )

    def statuses(self) -> dict[str, str]:
        """Each attempted problem's status: solved or attempted."""
        rows = self._query("SELECT problem, max(verdict = 'AC') FROM submissions GROUP BY problem")
        return {problem: "solved" if solved else "attempted" for problem, solved in rows}


def statuses() -> dict[str, str] | None:
    """Each attempted problem's status, for `judge list`; None, after a warning, when the
    history cannot be read (the list is still worth printing)."""
    try:
        return Reader().statuses()
    except HistoryError as exc:
        warn(str(exc))
        return None


def problem_name(reader: Reader, catalog: Catalog, name: str) -> str:
    """The slug `name` stands for: a known problem (or its number), or one the history holds
    that is not loaded now (from a `--problems` folder not given this time)."""
    if name in catalog or reader.count(name) == 0:
        return catalog.find(name).slug  # an unknown name is a usage error with suggestions
    return name


@record
class Repair:
    """What `judge history --repair` found and did."""

    path: Path
    found: bool  # whether there was a history file at all
    sound: bool  # whether SQLite found nothing wrong (then nothing was changed)
    submissions: int  # in the history now
    sources: int  # versions of files kept
    highest_id: int = 0  # ids below it that are not there were lost with the damage
    without_source: int = 0  # submissions kept whose source could not be read
    kept_as: Path | None = None  # the damaged file, kept under this name


def repair(path: Path | None = None) -> Repair:
    """Check the history; if it is damaged, rebuild it from every row that can be read.

    The rows are read page by page (`salvage`), so a damaged page loses only the rows on it.
    The damaged file is kept beside the new one, never overwritten, and the new one replaces
    it in one rename. Run it while no other judge is using the history.
    """
    path = path or database_path()
    if not path.exists():
        return Repair(path, found=False, sound=True, submissions=0, sources=0)
    if _in_use(path):
        raise HistoryError(
            f"another judge has the history open (a `judge watch`?); repair it once that one "
            f"ends ({path})"
        )
    sound = _sound(path)
    if sound is not None:
        return Repair(path, found=True, sound=True, submissions=sound[0], sources=sound[1])
    entries, sources = _salvage(path)
    rebuilt = path.with_name(f"{FILE_NAME}.repairing")
    _build(rebuilt, entries, sources)
    kept = _keep_damaged(path)
    os.replace(rebuilt, path)
    _sync_folder(path.parent)
    return Repair(
        path,
        found=True,
        sound=False,
        submissions=len(entries),
        sources=len(sources),
        highest_id=max((e.id for e in entries), default=0),
        without_source=sum(1 for e in entries if e.source_hash not in sources),
        kept_as=kept,
    )


# Where SQLite's unix VFS locks the WAL index: every connection holds a shared lock on this
# byte of the -shm file while it is open.
_SHM_DMS_BYTE = 128


def _in_use(path: Path) -> bool:
    """Whether another process has the database open (it holds the -shm file's lock)."""
    import fcntl

    try:
        fd = os.open(f"{path}-shm", os.O_RDWR)
    except OSError:
        return False  # no WAL index: no connection in WAL mode
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, _SHM_DMS_BYTE)
    except OSError:
        return True
    finally:
        os.close(fd)  # which also drops the lock just taken
    return False


def _sound(path: Path) -> tuple[int, int] | None:
    """(submissions, sources) if SQLite reads the whole file without finding anything wrong;
    None if it is damaged. Read-only, so nothing is written to a damaged file; a newer
    judge's file is refused whole."""
    sqlite3 = _sqlite()
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=1)
    except sqlite3.Error:
        return None
    try:
        version = _user_version(connection)
        if version > SCHEMA_VERSION:
            raise HistoryError(f"history {_newer(version)}: repair it with that judge ({path})")
        if connection.execute("PRAGMA integrity_check").fetchall() != [("ok",)]:
            return None
        if version == 0:
            return 0, 0
        counts = [
            connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("submissions", "sources")
        ]
        return counts[0], counts[1]
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc):
            raise HistoryError(f"cannot check the history: {explain(exc, path)}") from None
        return None
    except sqlite3.DatabaseError:
        return None
    finally:
        connection.close()  # read-only: closing writes nothing


def _salvage(path: Path) -> tuple[list[Entry], dict[str, bytes]]:
    """Every submission and source that can be read from the damaged file and its WAL; a
    source is kept only if its bytes still give its hash."""
    from judge import salvage

    entries: dict[int, Entry] = {}
    sources: dict[str, bytes] = {}
    for rowid, values in salvage.read_rows(path):
        if len(values) == 2 and isinstance(values[1], bytes) and _is_hash(values[0]):
            if source_hash(values[1]) == values[0]:
                sources[values[0]] = values[1]
        else:
            entry = _as_entry(rowid, values)
            if entry is not None:
                entries[entry.id] = entry
    return sorted(entries.values(), key=lambda e: e.id), sources


def _is_hash(value: Any) -> bool:
    return isinstance(value, str) and len(value) == 40 and value.isalnum() and value.islower()


def _as_entry(rowid: int, values: list[Any]) -> Entry | None:
    """A submission row, if the values have its exact shape (a row of another table, or
    bytes that only look like a row, do not)."""
    if len(values) != 14 or values[0] is not None or rowid < 1:
        return None
    at, problem, path, digest, verdict, passed, total, time_ms, relative, memory = values[1:11]
    failed, version, command = values[11:]

    def number(value: Any) -> bool:
        return isinstance(value, (int, float)) and value >= 0

    shape = (
        number(at)
        and isinstance(problem, str)
        and isinstance(path, str)
        and _is_hash(digest)
        and verdict in VERDICTS
        and isinstance(passed, int)
        and isinstance(total, int)
        and 0 <= passed <= total
        and number(time_ms)
        and (relative is None or number(relative))
        and number(memory)
        and (failed is None or isinstance(failed, str))
        and isinstance(version, str)
        and command in ("submit", "all", "watch")
    )
    if not shape:
        return None
    return Entry(rowid, *values[1:])


def _build(path: Path, entries: list[Entry], sources: dict[str, bytes]) -> None:
    """A new history file holding exactly these rows, written and synced before it is used."""
    sqlite3 = _sqlite()
    for leftover in (path, Path(f"{path}-journal")):
        leftover.unlink(missing_ok=True)  # an earlier repair that was stopped
    connection = sqlite3.connect(str(path), isolation_level=None)
    try:
        migrate(connection)
        connection.execute("BEGIN IMMEDIATE")
        connection.executemany(
            "INSERT INTO sources (hash, source) VALUES (?, ?)", sorted(sources.items())
        )
        connection.executemany(
            f"INSERT INTO submissions ({_COLUMNS}) VALUES ({', '.join('?' * 14)})",
            [tuple(vars(e).values()) for e in entries],
        )
        connection.execute("COMMIT")
        if connection.execute("PRAGMA integrity_check").fetchall() != [("ok",)]:
            raise HistoryError("the rebuilt history does not check out; nothing was replaced")
        connection.execute("PRAGMA journal_mode = WAL")
    finally:
        connection.close()


def _keep_damaged(path: Path) -> Path:
    """Keep the damaged file (and its WAL) under a new name; the original name still points
    at it until the rebuilt file replaces it, so there is never a moment without one."""
    import shutil

    stamp = time.strftime("%Y%m%d-%H%M%S")
    kept = path.with_name(f"history-damaged-{stamp}.sqlite3")
    n = 1
    while kept.exists():
        n += 1
        kept = path.with_name(f"history-damaged-{stamp}-{n}.sqlite3")
    try:
        os.link(path, kept)
    except OSError:  # a file system without hard links
        shutil.copy2(path, kept)
    wal = Path(f"{path}-wal")
    if wal.exists():
        # Moved, not copied: left beside the new file, SQLite would read it into it.
        os.replace(wal, f"{kept}-wal")
    Path(f"{path}-shm").unlink(missing_ok=True)
    return kept


def _sync_folder(folder: Path) -> None:
    """Make the renames durable."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
