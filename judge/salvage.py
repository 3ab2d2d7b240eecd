"""Read every intact row of a damaged SQLite file page by page, trusting nothing but each page.

SQLite reaches a row through the pages above it, so one damaged interior page hides every row
below it, and a file cut short is refused whole. The rows themselves sit in leaf pages that
say what they hold: this reads each page of the file (and each committed page of its WAL) on
its own, decodes the rows of every table leaf it can, and lets the caller keep those that
prove themselves (the history's rows are never changed once written, so any copy of a row is
the row). It follows SQLite's file format (sqlite.org/fileformat2.html) and uses no SQLite.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any

_MAGIC = b"SQLite format 3\x00"
_TABLE_LEAF = 0x0D
_WAL_MAGIC = (0x377F0682, 0x377F0683)  # checksums in little- or big-endian words
_PAGE_SIZES = tuple(1 << n for n in range(9, 17))

Row = tuple[int, list[Any]]  # (rowid, the record's values)


def read_pages(database: bytes, wal: bytes = b"") -> tuple[int, list[tuple[int, bytes]]]:
    """The page size, and (page number, content) of every page: the file's own, then the
    WAL's committed frames in order, so a later version of a page comes later. A page cut
    short by a truncated file is kept as far as it goes."""
    wal_size, frames = _wal_frames(wal)
    size = _page_size(database) or wal_size
    sizes = [size] if size else list(_PAGE_SIZES)
    best: tuple[int, list[tuple[int, bytes]]] = (sizes[0], [])
    for size in sizes:  # a damaged header: the size whose pages decode to the most rows
        pages = [(n // size + 1, database[n : n + size]) for n in range(0, len(database), size)]
        pages += [(number, data) for number, data in frames if len(data) == size]
        if len(sizes) == 1:
            return size, pages
        if sum(1 for _ in rows(pages, size)) > sum(1 for _ in rows(best[1], best[0])):
            best = (size, pages)
    return best


def rows(pages: list[tuple[int, bytes]], usable: int) -> Iterator[Row]:
    """Every row of every table-leaf page that decodes, overflow chains followed. `usable`
    is the page size less the bytes reserved at the end of each page."""
    latest = dict(pages)  # an overflow chain is followed through the newest copy of each page
    for number, page in pages:
        yield from _leaf_rows(number, page, usable, latest)


def usable_size(database: bytes, page_size: int) -> int:
    """The page size less the bytes an extension may reserve at the end of every page."""
    if database.startswith(_MAGIC) and len(database) >= 100:
        return page_size - database[20]
    return page_size


def read_rows(path: Path) -> list[Row]:
    """Every row that can be read from the database at `path` and its WAL beside it."""
    database = path.read_bytes()
    try:
        wal = path.with_name(path.name + "-wal").read_bytes()
    except FileNotFoundError:
        wal = b""
    size, pages = read_pages(database, wal)
    return list(rows(pages, usable_size(database, size)))


def _page_size(database: bytes) -> int | None:
    if not database.startswith(_MAGIC) or len(database) < 100:
        return None
    (value,) = struct.unpack_from(">H", database, 16)
    size = 65536 if value == 1 else value
    return size if size in _PAGE_SIZES else None


def _wal_frames(wal: bytes) -> tuple[int | None, list[tuple[int, bytes]]]:
    """The WAL's page size and its frames up to the last commit whose checksums hold: what
    SQLite itself would read from it. Frames after that belong to a transaction that never
    committed (its command did not finish) and are left out."""
    if len(wal) < 32:
        return None, []
    magic, _version, size = struct.unpack_from(">III", wal, 0)
    if magic not in _WAL_MAGIC or size not in _PAGE_SIZES:
        return None, []
    order = ">" if magic & 1 else "<"
    salt = wal[16:24]
    checksum = _checksum(order, wal[:24], (0, 0))
    if checksum != struct.unpack_from(">II", wal, 24):
        return size, []
    frames: list[tuple[int, bytes]] = []
    committed = 0
    offset = 32
    while offset + 24 + size <= len(wal):
        number, commit = struct.unpack_from(">II", wal, offset)
        if wal[offset + 8 : offset + 16] != salt or number == 0:
            break
        checksum = _checksum(order, wal[offset : offset + 8], checksum)
        page = wal[offset + 24 : offset + 24 + size]
        checksum = _checksum(order, page, checksum)
        if checksum != struct.unpack_from(">II", wal, offset + 16):
            break
        frames.append((number, page))
        if commit:
            committed = len(frames)
        offset += 24 + size
    return size, frames[:committed]


def _checksum(order: str, data: bytes, start: tuple[int, int]) -> tuple[int, int]:
    """SQLite's WAL checksum: two running sums over the data's 32-bit words."""
    s0, s1 = start
    words = struct.unpack(f"{order}{len(data) // 4}I", data)
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[i + 1] + s0) & 0xFFFFFFFF
    return s0, s1


def _varint(data: bytes, offset: int) -> tuple[int, int]:
    """SQLite's variable-length integer at `offset`: its value and the offset after it."""
    value = 0
    for i in range(8):
        byte = data[offset + i]  # IndexError past the end: the caller drops the cell
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, offset + i + 1
    return (value << 8) | data[offset + 8], offset + 9


def _leaf_rows(number: int, page: bytes, usable: int, latest: dict[int, bytes]) -> Iterator[Row]:
    start = 100 if number == 1 else 0
    if len(page) < start + 8 or page[start] != _TABLE_LEAF:
        return
    (cells,) = struct.unpack_from(">H", page, start + 3)
    for i in range(cells):
        pointer_at = start + 8 + 2 * i
        if pointer_at + 2 > len(page):
            return
        (pointer,) = struct.unpack_from(">H", page, pointer_at)
        try:
            row = _cell(page, pointer, usable, latest)
        except (IndexError, ValueError, struct.error, UnicodeDecodeError):
            continue  # a damaged cell: the others may still be whole
        if row is not None:
            yield row


def _cell(page: bytes, pointer: int, usable: int, latest: dict[int, bytes]) -> Row | None:
    """One table-leaf cell: payload size, rowid, then the payload (spilling to overflow pages
    past what fits in the page, by the format's own arithmetic)."""
    size, at = _varint(page, pointer)
    rowid, at = _varint(page, at)
    most = usable - 35
    if size <= most:
        payload = page[at : at + size]
    else:
        least = (usable - 12) * 32 // 255 - 23
        local = least + (size - least) % (usable - 4)
        if local > most:
            local = least
        payload = page[at : at + local]
        (following,) = struct.unpack_from(">I", page, at + local)
        seen = set()
        while len(payload) < size:
            if following in seen or following not in latest:
                return None  # a chain that loops or leads off the file: the row is lost
            seen.add(following)
            overflow = latest[following]
            (next_page,) = struct.unpack_from(">I", overflow, 0)
            payload += overflow[4:usable][: size - len(payload)]
            following = next_page
    if len(payload) != size:
        return None
    return rowid, _record(payload)


def _record(payload: bytes) -> list[Any]:
    """The values of a record: a header of serial types, then their bodies."""
    header_size, at = _varint(payload, 0)
    types = []
    while at < header_size:
        serial, at = _varint(payload, at)
        types.append(serial)
    if at != header_size:
        raise ValueError("record header overruns itself")
    values: list[Any] = []
    at = header_size
    for serial in types:
        if serial == 0:
            values.append(None)
        elif serial <= 6:
            width = (0, 1, 2, 3, 4, 6, 8)[serial]
            if at + width > len(payload):
                raise ValueError("record cut short")
            values.append(int.from_bytes(payload[at : at + width], "big", signed=True))
            at += width
        elif serial == 7:
            (number,) = struct.unpack_from(">d", payload, at)
            values.append(number)
            at += 8
        elif serial in (8, 9):
            values.append(serial - 8)
        elif serial >= 12:
            length = (serial - 12) // 2
            body = payload[at : at + length]
            if len(body) != length:
                raise ValueError("record cut short")
            values.append(body.decode("utf-8") if serial % 2 else bytes(body))
            at += length
        else:
            raise ValueError(f"reserved serial type {serial}")
    if at != len(payload):
        raise ValueError("record longer than its values")
    return values
