"""The worker's side of the sandbox, called directly where no process is needed."""

from __future__ import annotations

import pytest


def test_a_worker_refuses_a_cases_file_other_than_the_one_read(tmp_path):
    from judge.worker import map_file

    path = tmp_path / "cases"
    path.write_bytes(b"x" * 100)
    found = path.stat()
    assert bytes(map_file([str(path), found.st_dev, found.st_ino, 100])) == b"x" * 100
    with pytest.raises(OSError, match="changed"):
        map_file([str(path), found.st_dev, found.st_ino + 1, 100])
