"""Errors by owner: the user's mistake (exit 2), a broken problem package (exit 2), a judge bug."""

from __future__ import annotations


class UsageError(Exception):
    """Bad usage or bad input from the user: a missing file, an unknown problem."""


class SpecError(UsageError):
    """An invalid problem spec; the message names the file, the line and the key."""

    def __init__(self, path: str, line: int | None, key: str, message: str) -> None:
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {key}: {message}" if key else f"{where}: {message}")
        self.path, self.line, self.key = path, line, key


class ProblemError(UsageError):
    """A problem package that cannot be judged: its generator or reference solution fails."""


class SandboxError(UsageError):
    """This machine cannot start a sandboxed run (out of processes, no interpreter...)."""
