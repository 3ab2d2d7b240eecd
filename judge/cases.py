"""Test cases as the worker receives them: hand-written ones and seeded generated inputs."""

from __future__ import annotations

import marshal
import random
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from judge.codecs import dump, load
from judge.errors import ProblemError
from judge.protocol import FileSpan
from judge.spec import Problem, check_input

# marshal reads a 10^5-number input three times faster than JSON. Version 2 has no shared
# references, so two equal lists in one input arrive as two lists, as they would from JSON.
MARSHAL_VERSION = 2


@dataclass
class PreparedCase:
    """A case ready to send: its arguments as the worker reads them, and the expected answer."""

    name: str
    payload: bytes | memoryview  # the packed arguments (`pack_args`)
    answer: (
        bytes | bytearray | memoryview | None
    )  # the expected answer (codecs.dump); None: not known
    params: tuple[str, ...]
    example: bool = False
    reference_ms: float | None = None  # the reference solution's CPU time on this machine
    span: FileSpan | None = None  # where `payload` lies in the cached cases, if it does

    @property
    def job(self) -> bytes | memoryview | FileSpan:
        """What the worker is given: where the arguments lie, if they are in a file."""
        return self.span or self.payload

    @cached_property
    def input(self) -> dict[str, Any]:
        """The input by parameter name (decoded only when someone needs to show it)."""
        return dict(zip(self.params, marshal.loads(self.payload)))

    @property
    def expected(self) -> Any:
        """The expected answer as plain data (decoded only when a comparison needs it)."""
        return None if self.answer is None else load(self.answer)


def pack_args(problem: Problem, values: dict[str, Any]) -> bytes:
    """The arguments of one case in parameter order, marshalled: the form the worker reads.
    After them comes, for each `node_of` parameter, the position of its node in its tree's
    level order (see `codecs.build_args`): found once here, not by a search on every run."""
    written = [values[p.name] for p in problem.params]
    for p in problem.params:
        if p.node_of is not None:
            try:
                written.append(values[p.node_of].index(values[p.name]))
            except (ValueError, AttributeError):
                written.append(-1)  # not in the tree: the worker reports it
    return marshal.dumps(written, MARSHAL_VERSION)


def hand_cases(problem: Problem) -> list[PreparedCase]:
    """The spec's hand-written cases."""
    names = tuple(p.name for p in problem.params)
    return [
        PreparedCase(c.name, pack_args(problem, c.input), dump(c.expected), names, c.example)
        for c in problem.cases
    ]


class _Complaint:
    """Reports a bad generated input as a problem error (there is no spec line to point at)."""

    def __init__(self, problem: Problem, what: str) -> None:
        self.where = f"{problem.path}: {what}"

    def fail(self, where: tuple, message: str) -> None:
        key = ".".join(str(w) for w in where[1:])
        raise ProblemError(f"{self.where}: {key + ': ' if key else ''}{message}")


def generator_function(problem: Problem, name: str, what: str) -> Any:
    """A function defined by the spec's `generators` source (run once per problem)."""
    scope = _GENERATOR_SCOPES.get(problem.path)
    if scope is None or scope[0] is not problem:
        namespace: dict[str, Any] = {"__name__": f"generators:{problem.slug}"}
        try:
            exec(compile(problem.generators, f"{problem.path}:generators", "exec"), namespace)
        except Exception as exc:
            raise ProblemError(f"{problem.path}: generators: {type(exc).__name__}: {exc}") from None
        scope = _GENERATOR_SCOPES[problem.path] = (problem, namespace)
    function = scope[1].get(name)
    if not callable(function):
        raise ProblemError(f"{problem.path}: {what}: no function {name!r} in `generators`")
    return function


_GENERATOR_SCOPES: dict[Any, tuple[Problem, dict[str, Any]]] = {}


def generate(problem: Problem, name: str, rng: random.Random, args: dict, what: str) -> bytes:
    """Call one generator and check its input against the signature: the packed arguments."""
    function = generator_function(problem, name, what)
    try:
        values = function(rng, **args)
    except Exception as exc:
        raise ProblemError(
            f"{problem.path}: {what}: generator {name!r} failed: {type(exc).__name__}: {exc}"
        ) from None
    check_input(_Complaint(problem, what), ("input",), values, problem.params)  # type: ignore[arg-type]
    return pack_args(problem, values)


def generate_inputs(problem: Problem) -> list[tuple[str, bytes]]:
    """Run the spec's generators: (case name, packed arguments) for every generated case."""
    return [
        (
            g.name,
            generate(
                problem, g.generator, random.Random(g.seed), g.args, f"generated case {g.name!r}"
            ),
        )
        for g in problem.generated
    ]
