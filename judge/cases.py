"""Test cases as the worker receives them: hand-written ones and seeded generated inputs."""

from __future__ import annotations

import marshal
from functools import cached_property
from typing import TYPE_CHECKING, Any

from judge import codecs
from judge.codecs import dump, load
from judge.errors import ProblemError
from judge.protocol import FileSpan, is_batch
from judge.records import record
from judge.spec import SWEEP_CASE, Problem, check_input

if TYPE_CHECKING:
    import random

# marshal reads a 10^5-number input three times faster than JSON. Version 2 has no shared
# references, so two equal lists in one input arrive as two lists, as they would from JSON.
MARSHAL_VERSION = 2


@record
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

    @property
    def batch(self) -> bool:
        """Whether the case is a batch of inputs, judged as one (the small-input sweep)."""
        return is_batch(self.payload)

    @cached_property
    def input(self) -> dict[str, Any]:
        """The input by parameter name (decoded only when someone needs to show it); for a
        batch, its first input."""
        return self.inputs[0]

    @cached_property
    def inputs(self) -> list[dict[str, Any]]:
        """Every input of the case: one, or a batch's, in order."""
        written = marshal.loads(self.payload)
        parts = written if type(written) is tuple else [written]
        return [dict(zip(self.params, part)) for part in parts]

    @property
    def expected(self) -> Any:
        """The expected answer as plain data (decoded only when a comparison needs it)."""
        return None if self.answer is None else load(self.answer)


def _written(problem: Problem, values: dict[str, Any]) -> list[Any]:
    """The arguments of one input in parameter order, then, for each `node_of` parameter, the
    position of its node in its tree's level order (see `codecs.build_args`): found once here,
    not by a search on every run."""
    written = [values[p.name] for p in problem.params]
    for p in problem.params:
        if p.node_of is not None:
            try:
                written.append(values[p.node_of].index(values[p.name]))
            except (ValueError, AttributeError):
                written.append(-1)  # not in the tree: the worker reports it
    return written


def pack_args(problem: Problem, values: dict[str, Any]) -> bytes:
    """The arguments of one case, marshalled: the form the worker reads."""
    return marshal.dumps(_written(problem, values), MARSHAL_VERSION)


def pack_batch(problem: Problem, inputs: list[dict[str, Any]]) -> bytes:
    """Many inputs as one case: the worker calls the method on each and answers with the list
    of its answers. One case of 2000 tiny inputs costs the worker a fraction of what 2000
    cases would, and shows as one line of a result."""
    return marshal.dumps(tuple(_written(problem, values) for values in inputs), MARSHAL_VERSION)


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


def _filename(problem: Problem) -> str:
    """The name the generators' code runs under: the spec's own path when its lines are the
    spec's lines (see `generator_function`), so a traceback there points into the spec."""
    return str(problem.path) if problem.generators_line else f"{problem.path}:generators"


def generator_function(problem: Problem, name: str, what: str) -> Any:
    """A function defined by the spec's `generators` source (run once per problem)."""
    scope = _GENERATOR_SCOPES.get(problem.path)
    if scope is None or scope[0] is not problem:
        namespace: dict[str, Any] = {"__name__": f"generators:{problem.slug}"}
        # Blank lines in front put each line of the source at its line of the spec: errors,
        # tracebacks and a debugger then show the spec's own lines.
        padding = "\n" * max(problem.generators_line - 1, 0)
        try:
            code = compile(padding + problem.generators, _filename(problem), "exec")
            exec(code, namespace)
        except SyntaxError as exc:
            raise ProblemError(
                f"{_at(problem, exc.lineno)}: generators: {type(exc).__name__}: {exc.msg}"
            ) from None
        except Exception as exc:
            raise ProblemError(
                f"{_at(problem, _line_in(problem, exc))}: generators: {type(exc).__name__}: {exc}"
            ) from None
        scope = _GENERATOR_SCOPES[problem.path] = (problem, namespace)
    function = scope[1].get(name)
    if not callable(function):
        raise ProblemError(f"{problem.path}: {what}: no function {name!r} in `generators`")
    return function


_GENERATOR_SCOPES: dict[Any, tuple[Problem, dict[str, Any]]] = {}


def _line_in(problem: Problem, exc: BaseException) -> int | None:
    """The line of the generators' code where `exc` was raised, or from where it called the
    code that raised it (a library's line means nothing to the spec's author)."""
    line = None
    filename = _filename(problem)
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _at(problem: Problem, line: int | None) -> str:
    """`spec.yaml:LINE` for a line of the generators' code: the spec's line when known, else
    the spec and the line within the source."""
    if line is None:
        return str(problem.path)
    if problem.generators_line:
        return f"{problem.path}:{line}"
    return f"{problem.path}: generators line {line}"


def call_spec_function(problem: Problem, function: Any, what: str, *args: Any, **kw: Any) -> Any:
    """Call a function of the spec's generators; its exception is the spec's error (one line:
    where in the spec it was raised, and what), never a traceback of the judge."""
    try:
        return function(*args, **kw)
    except Exception as exc:
        raise _failure(problem, what, exc) from None


def broken_constraint(problem: Problem, validate: Any, values: dict[str, Any]) -> str | None:
    """What the spec's `verify.validate` says is wrong with an input (None: nothing). A failed
    assertion is one way to say it; any other exception is a mistake in the spec."""
    try:
        return validate(**values) or None
    except AssertionError as exc:
        return str(exc) or "assertion failed"
    except Exception as exc:
        raise _failure(problem, "verify.validate", exc) from None


def _failure(problem: Problem, what: str, exc: Exception) -> ProblemError:
    line = _line_in(problem, exc)
    code = _source_line(problem, line)
    shown = f" at `{code}`" if code else ""
    return ProblemError(f"{_at(problem, line)}: {what} failed{shown}: {type(exc).__name__}: {exc}")


def _source_line(problem: Problem, line: int | None) -> str:
    if line is None:
        return ""
    lines = problem.generators.splitlines()
    at = line - problem.generators_line if problem.generators_line else line - 1
    return lines[at].strip() if 0 <= at < len(lines) else ""


def generate(problem: Problem, name: str, rng: random.Random, args: dict, what: str) -> bytes:
    """Call one generator and check its input against the signature: the packed arguments."""
    function = generator_function(problem, name, what)
    values = call_spec_function(problem, function, f"{what}: generator {name!r}", rng, **args)
    complaint = _Complaint(problem, f"{what}: generator {name!r} returned")
    if not isinstance(values, dict):
        complaint.fail((), f"a {type(values).__name__}, not a mapping from parameter name to value")
    values = _as_written(problem, values, complaint)
    check_input(complaint, ("input",), values, problem.params)  # type: ignore[arg-type]
    return pack_args(problem, values)


def generated_names(problem: Problem) -> list[str]:
    """The names of the cases made from the spec, in order: the small-input sweep, if the
    spec describes small inputs, then its generated cases."""
    small = problem.small_inputs
    sweep = [SWEEP_CASE] if small is not None and small.sweep > 0 else []
    return sweep + [g.name for g in problem.generated]


def _as_written(problem: Problem, values: dict[str, Any], complaint: _Complaint) -> dict[str, Any]:
    """A generator's input in the written form: a tree it built of nodes (LeetCode's
    `TreeNode`, or any object with `val`, `left` and `right`) becomes its level order."""
    out = dict(values)
    for p in problem.params:
        t = p.parsed
        value = values.get(p.name)
        try:
            if t == codecs.TREE and _is_node(value):
                out[p.name] = codecs.tree_to_list(value)
            elif t == codecs.TREE_LIST and isinstance(value, list):
                out[p.name] = [codecs.tree_to_list(v) if _is_node(v) else v for v in value]
        except (codecs.AnswerTypeError, AttributeError) as exc:
            message = str(exc).replace("returned ", "a node's value is ")
            complaint.fail(("input", p.name), f"a tree that cannot be written: {message}")
    return out


def _is_node(value: Any) -> bool:
    return all(hasattr(value, a) for a in ("val", "left", "right"))


def generate_inputs(problem: Problem) -> list[tuple[str, bytes]]:
    """(case name, packed arguments) for every case made from the spec (`generated_names`):
    the sweep of small inputs drawn from `small_inputs`, then the generated cases."""
    import random  # here: a command whose cases are all cached never needs it

    made = []
    if generated_names(problem)[:1] == [SWEEP_CASE]:
        from judge.smallinputs import Drawer  # the sweep is drawn once, then cached

        made.append((SWEEP_CASE, pack_batch(problem, Drawer(problem).sweep())))
    for g in problem.generated:
        what = f"generated case {g.name!r}"
        made.append((g.name, generate(problem, g.generator, random.Random(g.seed), g.args, what)))
    return made
