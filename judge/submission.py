"""Read a submitted file as LeetCode would receive it, and find which problem it solves."""

from __future__ import annotations

import ast
from pathlib import Path

from judge.errors import UsageError
from judge.records import record

# LeetCode refuses code longer than about 100 KB; a larger file is refused before it is read,
# so a huge file costs neither memory nor time.
MAX_SOURCE_BYTES = 100 * 1024


class CompileError(Exception):
    """The file cannot run at all: a CE verdict, with the line when there is one."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message, self.line = message, line


@record
class Submission:
    """A readable submission; `error` is set when it does not compile (CE)."""

    path: Path
    source: str = ""
    data: bytes = b""  # the file's bytes as read: what the history keeps of it
    # Methods of the top-level `class Solution`; None when the file has no such class.
    methods: set[str] | None = None
    error: CompileError | None = None

    @property
    def display_name(self) -> str:
        return str(self.path)


def read_file(path: str | Path) -> bytes:
    """A submission's bytes (one byte past the size limit at most); a usage error if it
    cannot be read."""
    path = Path(path)
    if path.is_dir():
        raise UsageError(f"{path} is a folder, not a Python file")
    try:
        with path.open("rb") as f:
            return f.read(MAX_SOURCE_BYTES + 1)
    except FileNotFoundError:
        raise UsageError(f"file not found: {path}") from None
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from None


def read_submission(path: str | Path, data: bytes | None = None) -> Submission:
    """Read and compile a file (its bytes `data`, if already read); unreadable is a usage
    error, uncompilable is a CE."""
    path = Path(path)
    if data is None:
        data = read_file(path)
    submission = Submission(path, data=data)
    try:
        if len(data) > MAX_SOURCE_BYTES:
            raise CompileError(
                f"the file is over {MAX_SOURCE_BYTES // 1024} KB; LeetCode accepts about "
                f"{MAX_SOURCE_BYTES // 1024} KB of code"
            )
        submission.source = _decode(data)
        tree = _parse(submission.source, str(path))
    except CompileError as exc:
        submission.error = exc
        return submission
    submission.methods = solution_methods(tree)
    return submission


def _decode(data: bytes) -> str:
    if not data.strip():
        raise CompileError("the file is empty")
    if b"\x00" in data:
        raise CompileError("the file is binary, not Python source (it contains NUL bytes)")
    if data.startswith(b"\xef\xbb\xbf"):  # editors on Windows may add a BOM
        data = data[3:]  # (not the utf-8-sig codec: a module to load at every start)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CompileError(
            f"the file is not UTF-8 text (invalid byte at line {line})", line
        ) from None
    return text.replace("\r\n", "\n")


def _parse(source: str, filename: str) -> ast.Module:
    try:
        return ast.parse(source, filename)
    except SyntaxError as exc:
        line = exc.lineno
        text = (exc.text or "").strip()
        where = f" at line {line}" if line else ""
        shown = f": {text}" if text else ""
        raise CompileError(f"{type(exc).__name__}: {exc.msg}{where}{shown}", line) from None
    except (ValueError, RecursionError, MemoryError) as exc:
        raise CompileError(f"the file cannot be compiled: {exc}") from None


def solution_methods(tree: ast.Module) -> set[str] | None:
    """Method names of the top-level `class Solution`, or None if the file has no such class."""
    methods: set[str] | None = None
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == "Solution":
            methods = {
                item.name
                for item in node.body
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef))
            }
            if node.bases or node.decorator_list:
                methods.add(INHERITED)
    return methods


# Stands for "methods this file cannot show statically" (the class has bases or decorators).
INHERITED = "*"


def defines(submission: Submission, method: str) -> bool:
    """Whether the submission's `class Solution` (statically) has `method`."""
    methods = submission.methods or set()
    return method in methods or INHERITED in methods
