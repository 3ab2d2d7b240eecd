"""Where judge keeps what it measures once: expected answers, reference timings, calibration."""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

try:  # hashlib would also load OpenSSL, which costs judge a tenth of its start-up
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - interpreters without the built-in module
    from hashlib import blake2b

KEY_LENGTH = 20


def _user_dir(xdg_variable: str, linux_default: str, kind: str) -> Path:
    """judge's folder in one of the user's base folders. On Linux that is the XDG base
    directory rule, read here: platformdirs, which also knows macOS's folders, costs a few
    milliseconds to import, a visible part of `judge list`'s start-up."""
    if sys.platform == "linux":
        base = os.environ.get(xdg_variable, "")
        if not os.path.isabs(base):  # unset, empty or relative: the spec says to ignore it
            base = os.path.join(os.path.expanduser("~"), linux_default)
        return Path(base, "judge")
    import platformdirs

    return Path(getattr(platformdirs, kind)("judge", appauthor=False))


def cache_dir() -> Path:
    """`JUDGE_CACHE_DIR`, else the user cache folder (~/.cache/judge on Linux)."""
    configured = os.environ.get("JUDGE_CACHE_DIR")
    if configured:
        return Path(configured)
    return _user_dir("XDG_CACHE_HOME", ".cache", "user_cache_dir")


HISTORY_FILE = "history.sqlite3"


def data_dir() -> Path:
    """`JUDGE_DATA_DIR`, else the platform's user data folder (~/.local/share/judge): what
    judge keeps for the user, where the cache is what it can always make again."""
    configured = os.environ.get("JUDGE_DATA_DIR")
    if configured:
        return Path(configured)
    return _user_dir("XDG_DATA_HOME", ".local/share", "user_data_dir")


def history_path() -> Path:
    """The history database (`judge.history` owns what is in it)."""
    return data_dir() / HISTORY_FILE


def no_history() -> bool:
    """Whether there is no history file at all (one that cannot be looked at may exist)."""
    try:
        os.stat(history_path())
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return False


def write_atomically(path: Path, data: bytes) -> bool:
    """Replace `path` in one step, so a crash never leaves half a file; False if it cannot be
    written (a read-only cache only costs time)."""
    import tempfile  # here: reading the cache, as `judge list` does, never needs it

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return False
    return True


def write_entry(path: Path, head: dict, body: Sequence[bytes | bytearray | memoryview]) -> bool:
    """Replace a cache entry (`<slug>-<key>.<kind>`): a JSON head line, then `body` back to
    back. The slug's entries of the same kind under other keys (an earlier spec, reference or
    judge) are removed first."""
    # Exactly `<slug>-<key>`: a plain `*` would also match `combination-sum-ii-...` when
    # writing `combination-sum`, and each would keep deleting the other's entries.
    slug = path.stem[: -1 - KEY_LENGTH]
    try:
        for stale in path.parent.glob(f"{slug}-{'?' * KEY_LENGTH}{path.suffix}"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError:
        pass
    return write_atomically(path, b"".join([json.dumps(head).encode(), b"\n", *body]))


def map_entry(path: Path) -> tuple[dict, memoryview, int, tuple[int, int]]:
    """A cache entry mapped, not read: its head, the whole file as a view, where the body
    starts, and the file's (device, inode) so a worker can map the same bytes. The file is
    only ever replaced whole, never rewritten. OSError or ValueError if missing or damaged."""
    import mmap

    with open(path, "rb") as f:
        raw = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        found = os.fstat(f.fileno())
    end = raw.find(b"\n")
    head = json.loads(raw[:end])
    if not isinstance(head, dict):
        raise ValueError("not a cache entry")
    return head, memoryview(raw), end + 1, (found.st_dev, found.st_ino)


def key(*parts: bytes) -> str:
    """A short hex digest of everything a cached entry depends on: any change, a new entry."""
    digest = blake2b()
    for part in parts:
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest.hexdigest()[:KEY_LENGTH]


@functools.cache
def code_version() -> bytes:
    """A digest of the judge's own code, part of every cache key: a new version, or any edit of
    it, parses specs and measures references again. Derived from the files themselves (their
    names, sizes and modification times: a stat each, once per process), so no list of "files
    that matter" can fall behind."""
    digest = blake2b()
    _digest_sources(os.path.dirname(os.path.abspath(__file__)), "", digest)
    return digest.digest()


def _digest_sources(folder: str, prefix: str, digest: Any) -> None:
    """Each .py file's path (below the package), size and modification time, in name order."""
    for entry in sorted(os.scandir(folder), key=lambda entry: entry.name):
        if entry.name.endswith(".py"):
            info = entry.stat()
            digest.update(f"{prefix}{entry.name}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
        # Bundled problems and solutions (`_data`) are keyed by their own bytes.
        elif entry.name not in ("_data", "__pycache__") and entry.is_dir():
            _digest_sources(entry.path, f"{prefix}{entry.name}/", digest)
