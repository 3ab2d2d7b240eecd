"""Where judge keeps what it measures once: expected answers, reference timings, calibration."""

from __future__ import annotations

import functools
import os
import tempfile
from pathlib import Path

try:  # hashlib would also load OpenSSL, which costs judge a tenth of its start-up
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - interpreters without the built-in module
    from hashlib import blake2b

KEY_LENGTH = 20


def cache_dir() -> Path:
    """`JUDGE_CACHE_DIR`, else the platform's user cache folder."""
    configured = os.environ.get("JUDGE_CACHE_DIR")
    if configured:
        return Path(configured)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("judge", appauthor=False))


def write_atomically(path: Path, data: bytes) -> bool:
    """Replace `path` in one step, so a crash never leaves half a file; False if it cannot be
    written (a read-only cache only costs time)."""
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
    package = os.path.dirname(os.path.abspath(__file__))
    digest = blake2b()
    for folder, subfolders, files in os.walk(package):
        # Bundled problems and solutions (`_data`) are keyed by their own bytes.
        subfolders[:] = sorted(d for d in subfolders if d not in ("_data", "__pycache__"))
        for name in sorted(files):
            if name.endswith(".py"):
                info = os.stat(os.path.join(folder, name))
                relative = os.path.relpath(os.path.join(folder, name), package)
                digest.update(f"{relative}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    return digest.digest()
