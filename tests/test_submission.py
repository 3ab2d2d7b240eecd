"""Reading a submitted file as LeetCode would receive it."""

from __future__ import annotations

import pytest

from judge.errors import UsageError
from judge.submission import INHERITED, MAX_SOURCE_BYTES, defines, read_submission


def test_crlf_and_a_bom_are_taken_as_pasted(tmp_path):
    path = tmp_path / "s.py"
    path.write_bytes(b"\xef\xbb\xbfclass Solution:\r\n    def f(self):\r\n        return 1\r\n")
    submission = read_submission(path)
    assert submission.error is None and submission.methods == {"f"}
    assert "\r" not in submission.source and not submission.source.startswith("\ufeff")


def test_a_file_over_the_size_limit_is_a_compile_error_without_being_read(tmp_path):
    path = tmp_path / "huge.py"
    with path.open("wb") as f:
        f.write(b"class Solution:\n    pass\n")
        f.truncate(1 << 32)  # 4 GB, sparse: reading it whole would take the memory limit
    submission = read_submission(path)
    assert submission.error is not None and "100 KB" in submission.error.message
    assert submission.source == ""


def test_a_file_at_the_size_limit_is_read(tmp_path):
    path = tmp_path / "s.py"
    head = b"class Solution:\n    def f(self):\n        return 1\n"
    path.write_bytes(head + b"#" * (MAX_SOURCE_BYTES - len(head)))
    assert read_submission(path).error is None


def test_missing_and_folder_are_usage_errors(tmp_path):
    with pytest.raises(UsageError, match="file not found"):
        read_submission(tmp_path / "nope.py")
    with pytest.raises(UsageError, match="is a folder"):
        read_submission(tmp_path)


def test_a_solution_with_bases_may_inherit_its_method(tmp_path):
    path = tmp_path / "s.py"
    path.write_text("class Base:\n    def f(self): pass\nclass Solution(Base):\n    pass\n")
    submission = read_submission(path)
    assert submission.methods == {INHERITED} and defines(submission, "f")
