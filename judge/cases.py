"""Test cases as the worker receives them: hand-written ones and seeded generated inputs."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from judge.errors import ProblemError
from judge.problems import Problem, check_input


@dataclass
class PreparedCase:
    """A case ready to send: its arguments as one JSON line, and the expected answer."""

    name: str
    line: bytes  # JSON array of the written arguments, in parameter order
    expected: Any
    params: tuple[str, ...]
    example: bool = False

    @cached_property
    def input(self) -> dict[str, Any]:
        """The input by parameter name (decoded only when someone needs to show it)."""
        return dict(zip(self.params, json.loads(self.line)))


def encode_args(problem: Problem, values: dict[str, Any]) -> bytes:
    """The arguments of one case in parameter order, as the compact JSON line the worker reads."""
    return json.dumps([values[p.name] for p in problem.params], separators=(",", ":")).encode()


def hand_cases(problem: Problem) -> list[PreparedCase]:
    """The spec's hand-written cases."""
    names = tuple(p.name for p in problem.params)
    return [
        PreparedCase(c.name, encode_args(problem, c.input), c.expected, names, c.example)
        for c in problem.cases
    ]


class _Complaint:
    """Reports a bad generated input as a problem error (there is no spec line to point at)."""

    def __init__(self, problem: Problem, name: str) -> None:
        self.where = f"{problem.path}: generated case {name!r}"

    def fail(self, where: tuple, message: str) -> None:
        key = ".".join(str(w) for w in where[1:])
        raise ProblemError(f"{self.where}: {key + ': ' if key else ''}{message}")


def generate_inputs(problem: Problem) -> list[tuple[str, bytes]]:
    """Run the spec's generators: (case name, argument line) for every generated case."""
    if not problem.generated:
        return []
    scope: dict[str, Any] = {"__name__": f"generators:{problem.slug}"}
    try:
        exec(compile(problem.generators, f"{problem.path}:generators", "exec"), scope)
    except Exception as exc:
        raise ProblemError(f"{problem.path}: generators: {type(exc).__name__}: {exc}") from None
    out = []
    for gen in problem.generated:
        function = scope.get(gen.generator)
        if not callable(function):
            raise ProblemError(
                f"{problem.path}: generated case {gen.name!r}: no generator {gen.generator!r}"
            )
        try:
            values = function(random.Random(gen.seed), **gen.args)
        except Exception as exc:
            raise ProblemError(
                f"{problem.path}: generator {gen.generator!r} failed: {type(exc).__name__}: {exc}"
            ) from None
        check_input(_Complaint(problem, gen.name), ("input",), values, problem.params)  # type: ignore[arg-type]
        out.append((gen.name, encode_args(problem, values)))
    return out
