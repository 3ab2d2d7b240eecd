"""Compare an answer with the expected one, on plain data decoded in the judge's own process.

A checker is a small pure function `check(expected, output) -> Comparison`, chosen by name from the
problem spec. Neither argument is ever an object the solution built, so no `__eq__` of its own
can take part.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from judge.records import record


@record(frozen=True)
class Comparison:
    """Whether the answer is right, and for a wrong one a short hint of what differs."""

    ok: bool
    hint: str = ""


def _freeze(value: Any) -> Any:
    """A hashable copy of plain data, so lists can be counted as multiset elements."""
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return (type(value).__name__, value)


def _same(a: Any, b: Any) -> bool:
    """Equal as plain data, where `1`, `1.0` and `true` are different values; compares at C
    speed and only walks into nested lists."""
    if type(a) is not type(b):
        return False
    if type(a) is not list:
        return a == b
    if len(a) != len(b) or a != b:  # `==` alone would let `true` equal `1`: types are next
        return False
    types = list(map(type, a))
    if types != list(map(type, b)):
        return False
    return list not in set(types) or all(map(_same, a, b))


def _multiset(values: list) -> Any:
    """The elements with multiplicity, order forgotten: a sorted list when they are all of one
    scalar type (fast), else a Counter of frozen copies."""
    types = set(map(type, values))
    if len(types) == 1 and types <= _SORTABLE:
        return (types.pop(), sorted(values))
    return Counter(map(_freeze, values))


_SORTABLE = {int, float, str, bool}


def _length_hint(expected: list, output: list, unit: str) -> str:
    if len(output) != len(expected):
        return f"expected {len(expected)} {unit}, got {len(output)}"
    return ""


def exact(expected: Any, output: Any) -> Comparison:
    """The same data in the same order; `1` and `true` differ, as they do on LeetCode."""
    if _same(expected, output):
        return Comparison(True)
    if isinstance(expected, list) and isinstance(output, list):
        hint = _length_hint(expected, output, "elements")
        if not hint:
            first = next(i for i, (e, o) in enumerate(zip(expected, output)) if not _same(e, o))
            hint = f"first difference at index {first}"
        return Comparison(False, hint)
    return Comparison(False)


def any_order(expected: Any, output: Any) -> Comparison:
    """A list with the same elements, counted with multiplicity, in any order."""
    if not isinstance(output, list):
        return Comparison(False, "expected a list")
    if _multiset(expected) == _multiset(output):
        return Comparison(True)
    return Comparison(False, _length_hint(expected, output, "elements"))


def _inner_key(inner: list) -> tuple:
    """One inner list with its order forgotten; plain sorting when it holds only ints."""
    if set(map(type, inner)) <= {int}:
        return (int, tuple(sorted(inner)))
    return (None, tuple(sorted(map(_freeze, inner))))


def _shown(key: tuple) -> str:
    values = key[1] if key[0] is int else [v[1] for v in key[1]]
    return "[" + ",".join(str(v) for v in values) + "]"


def nested_any_order(expected: Any, output: Any) -> Comparison:
    """A set of multisets: order is free at both levels, and no inner list may repeat."""
    if not isinstance(output, list) or not all(isinstance(x, list) for x in output):
        return Comparison(False, "expected a list of lists")
    got = Counter(map(_inner_key, output))
    repeated = [key for key, n in got.items() if n > 1]
    if repeated:
        return Comparison(False, f"{_shown(repeated[0])} appears {got[repeated[0]]} times")
    if Counter(map(_inner_key, expected)) == got:
        return Comparison(True)
    return Comparison(False, _length_hint(expected, output, "lists"))


def same_val(expected: Any, output: Any) -> Comparison:
    """The returned node, judged by its `val` (the worker sends only the value)."""
    return Comparison(_same(expected, output))


CHECKERS: dict[str, Callable[[Any, Any], Comparison]] = {
    "exact": exact,
    "any_order": any_order,
    "nested_any_order": nested_any_order,
    "node_value": same_val,
}
