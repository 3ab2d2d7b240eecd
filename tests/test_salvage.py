"""Reading rows page by page gives what SQLite reads from a sound file, and what can still be
read from a damaged one: real SQLite files, made by SQLite."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from judge import salvage

# Small values, every kind of value, and values too large for one page (overflow chains).
VALUES = [
    (None, 0, 1, "a"),
    (-1, 2**40, 3.5, b"\x00\x01"),
    (127, -(2**63), 0.0, ""),
    (1, 2, "text " * 3000, b"blob" * 5000),
    ("é", 1e300, b"", None),
]


def make(path: Path, page_size: int = 4096) -> None:
    with closing(sqlite3.connect(path, isolation_level=None)) as connection:
        connection.execute(f"PRAGMA page_size = {page_size}")
        connection.execute("BEGIN")
        connection.execute("CREATE TABLE t (a, b, c, d)")
        connection.executemany("INSERT INTO t VALUES (?, ?, ?, ?)", VALUES * 40)
        connection.execute("COMMIT")


def read_by_sqlite(path: Path) -> set[tuple]:
    with closing(sqlite3.connect(path)) as connection:
        return set(connection.execute("SELECT rowid, a, b, c, d FROM t"))


def read_by_pages(path: Path) -> set[tuple]:
    """The salvaged rows of table t (four values; sqlite_master's rows have five)."""
    return {(rowid, *values) for rowid, values in salvage.read_rows(path) if len(values) == 4}


@pytest.mark.parametrize("page_size", [512, 4096, 65536])
def test_a_sound_file_gives_exactly_what_sqlite_reads(tmp_path, page_size):
    path = tmp_path / "db.sqlite3"
    make(path, page_size)
    assert read_by_pages(path) == read_by_sqlite(path)
    assert len(read_by_pages(path)) == 200


def test_a_file_without_its_header_is_read_at_the_page_size_that_makes_sense(tmp_path):
    path = tmp_path / "db.sqlite3"
    make(path, 1024)
    expected = read_by_sqlite(path)
    data = bytearray(path.read_bytes())
    data[:100] = bytes(100)  # SQLite refuses the file now: "file is not a database"
    path.write_bytes(bytes(data))
    with pytest.raises(sqlite3.DatabaseError), closing(sqlite3.connect(path)) as connection:
        connection.execute("SELECT count(*) FROM t").fetchone()
    assert read_by_pages(path) == expected


def test_committed_wal_frames_are_read_and_a_transaction_cut_short_is_not(tmp_path):
    path = tmp_path / "db.sqlite3"
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA wal_autocheckpoint = 0")  # every change stays in the WAL
    connection.execute("CREATE TABLE t (a, b, c, d)")
    for rows in (VALUES[:3], VALUES[3:]):  # two transactions
        connection.execute("BEGIN")
        connection.executemany("INSERT INTO t VALUES (?, ?, ?, ?)", rows)
        connection.execute("COMMIT")
    wal = Path(f"{path}-wal")
    database, log = path.read_bytes(), wal.read_bytes()
    connection.close()

    def copy(name: str, log: bytes) -> Path:
        """The database as a crash would leave it: the file and this much of its WAL."""
        folder = tmp_path / name
        folder.mkdir()
        (folder / "db.sqlite3").write_bytes(database)
        Path(f"{folder / 'db.sqlite3'}-wal").write_bytes(log)
        return folder / "db.sqlite3"

    whole = copy("whole", log)
    assert len(read_by_pages(whole)) == len(VALUES)
    cut = copy("cut", log[: len(log) - 100])  # the second transaction's commit frame is gone
    assert len(read_by_pages(cut)) == 3
    assert read_by_pages(cut) == read_by_sqlite(cut)  # what SQLite itself makes of it


def test_a_truncated_file_keeps_the_rows_before_the_cut(tmp_path):
    path = tmp_path / "db.sqlite3"
    make(path)
    everything = read_by_sqlite(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 1000])
    with pytest.raises(sqlite3.DatabaseError), closing(sqlite3.connect(path)) as connection:
        connection.execute("SELECT count(*) FROM t").fetchall()
    kept = read_by_pages(path)
    assert kept and kept < everything  # some rows lost with the cut, none invented
