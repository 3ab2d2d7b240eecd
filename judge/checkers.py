"""Compare an answer with the expected one, on plain data decoded in the judge's own process.

A checker is a small pure function `check(expected, output) -> Check`, chosen by name from the
problem spec. Neither argument is ever an object the solution built, so no `__eq__` of its own
can take part.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Check:
    """Whether the answer is right, and for a wrong one a short hint of what differs."""

    ok: bool
    hint: str = ""


def _freeze(value: Any) -> Any:
    """A hashable copy of plain data, so lists can be counted as multiset elements."""
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return (type(value).__name__, value)


def _length_hint(expected: list, output: list, unit: str) -> str:
    if len(output) != len(expected):
        return f"expected {len(expected)} {unit}, got {len(output)}"
    return ""


def exact(expected: Any, output: Any) -> Check:
    """The same data in the same order; `1` and `true` differ, as they do on LeetCode."""
    if _freeze(expected) == _freeze(output):
        return Check(True)
    if isinstance(expected, list) and isinstance(output, list):
        hint = _length_hint(expected, output, "elements")
        if not hint:
            first = next(
                i for i, (e, o) in enumerate(zip(expected, output)) if _freeze(e) != _freeze(o)
            )
            hint = f"first difference at index {first}"
        return Check(False, hint)
    return Check(False)


def any_order(expected: Any, output: Any) -> Check:
    """A list with the same elements, counted with multiplicity, in any order."""
    if not isinstance(output, list):
        return Check(False, "expected a list")
    want, got = Counter(map(_freeze, expected)), Counter(map(_freeze, output))
    if want == got:
        return Check(True)
    return Check(False, _length_hint(expected, output, "elements"))


def nested_any_order(expected: Any, output: Any) -> Check:
    """A set of multisets: order is free at both levels, and no inner list may repeat."""
    if not isinstance(output, list) or not all(isinstance(x, list) for x in output):
        return Check(False, "expected a list of lists")
    got = Counter(tuple(sorted(map(_freeze, inner))) for inner in output)
    repeated = [combo for combo, n in got.items() if n > 1]
    if repeated:
        shown = "[" + ",".join(str(v[1]) for v in repeated[0]) + "]"
        return Check(False, f"{shown} appears {got[repeated[0]]} times")
    want = Counter(tuple(sorted(map(_freeze, inner))) for inner in expected)
    if want == got:
        return Check(True)
    return Check(False, _length_hint(expected, output, "lists"))


def node_value(expected: Any, output: Any) -> Check:
    """The returned node, judged by its `val` (the worker sends only the value)."""
    return Check(_freeze(expected) == _freeze(output))


CHECKERS: dict[str, Callable[[Any, Any], Check]] = {
    "exact": exact,
    "any_order": any_order,
    "nested_any_order": nested_any_order,
    "node_value": node_value,
}
