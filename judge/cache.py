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
    it, parses specs and measures references again. Derived from the files themselves (once
    per process, about a millisecond), so no list of "files that matter" can fall behind."""
    package = Path(__file__).resolve().parent
    digest = blake2b()
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package).as_posix()
        if relative.startswith("_data/"):
            continue  # bundled problems and solutions: keyed by their own bytes
        digest.update(relative.encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.digest()
