"""Where judge keeps what it measures once: expected answers, reference timings, calibration."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


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
