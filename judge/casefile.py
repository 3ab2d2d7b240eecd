"""A failing case kept in a file: `judge submit --save-case` writes it, `judge run --case-file`
reads it back.

The file holds the case's whole input in LeetCode's `name = value` text (`Problem.
format_input`), the text `casetext.parse` reads, so a case of 10^5 numbers that the failure
view shows cut can be run again, printed into and stepped through as it was judged.
"""

from __future__ import annotations

import sys
from pathlib import Path

from judge.errors import UsageError
from judge.results import RunResult


def check_destination(path: str) -> Path:
    """Where a case will be saved, refused before anything is judged if it cannot be."""
    target = Path(path)
    folder = target.parent
    if not folder.is_dir():
        raise UsageError(f"cannot save the case to {path}: there is no folder {folder}")
    if target.is_dir():
        raise UsageError(f"cannot save the case to {path}: it is a folder")
    return target


def save_case(result: RunResult, path: str, command: str) -> str:
    """Write the failing case's input to `path`; returns what to tell the user. `command`: the
    file and options judged, to show how to run the case again."""
    failure = result.failure
    if failure is None or failure.input is None:
        why = "every case passed" if failure is None else "nothing ran"
        return f"no case saved to {path}: {why}"
    try:
        check_destination(path).write_text(failure.input + "\n", encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot save the case to {path}: {exc.strerror or exc}") from None
    from judge.report import quoted

    return (
        f"saved case {failure.case} to {path}; run it with: "
        f"judge run {command} --case-file {quoted(path)}"
    )


def read_case(path: str) -> str:
    """One case's text from a file (`-`: standard input)."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read()
        else:
            data = Path(path).read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read the case file {path}: {exc.strerror or exc}") from None
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError(f"the case file {path} is not UTF-8 text") from None
