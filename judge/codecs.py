"""LeetCode values: parse type names, build trees from level order, turn answers into plain data.

Three forms of a value, and one verb for each move between them:

- **plain data** (JSON-like: lists, ints, `None`...) is how specs write values and how the
  judge compares answers;
- **objects** are what a solution receives and returns: `build`/`build_args` make them from
  plain data (a level-order list becomes a tree of `TreeNode`), and `plain` turns a returned
  object back into plain data, checking its type;
- **canonical bytes** are how answers travel and are cached: `dump` and `load`.

This module runs on both sides of the sandbox, so it imports only the standard library.
"""

from __future__ import annotations

import json
import sys
from array import array
from collections import deque
from itertools import chain, islice
from typing import Any, NamedTuple


class Type(NamedTuple):
    """A parsed type: `int`, `float`, `bool`, `str`, `list` (of `item`), `tree` or `none`. A
    tuple, so that the hot paths test `t[0]` at C speed."""

    kind: str
    item: Type | None = None


_SCALARS = {"int", "float", "bool", "str"}
# The built-in types that plain data of each scalar type may hold (`bool` is not an `int` here).
_EXACT: dict[str, set[type]] = {"int": {int}, "float": {int, float}, "bool": {bool}, "str": {str}}
_TREE_ITEMS = {int, type(None)}
_SEQUENCES = (list, tuple, deque)
_SEQUENCE_TYPES = set(_SEQUENCES)


INT = Type("int")
TREE = Type("tree")
TREE_LIST = Type("list", TREE)
NONE = Type("none")
_INT_LIST = Type("list", INT)


def _item(t: Type) -> Type:
    """The items' type of a list type."""
    assert t.item is not None, t
    return t.item


class TypeSpecError(ValueError):
    """A type name in a spec that the judge does not know."""


class AnswerTypeError(ValueError):
    """A value that does not have the declared type (a wrong answer, not a judge bug)."""


def parse_type(text: str) -> Type:
    """Parse `List[List[int]]`, `Optional[TreeNode]`, ... into the tuple form."""
    name = text.strip()
    if name in _SCALARS:
        return Type(name)
    if name in {"TreeNode", "'TreeNode'"}:
        return TREE
    if name == "None":
        return NONE
    for prefix in ("List[", "list[", "Optional["):
        if name.startswith(prefix) and name.endswith("]"):
            inner = parse_type(name[len(prefix) : -1])
            return Type("list", inner) if prefix != "Optional[" else inner
    raise TypeSpecError(f"unknown type {text!r} (use int, float, bool, str, List[T], TreeNode)")


def type_name(t: Type) -> str:
    """The Python spelling of a parsed type, as shown in signatures."""
    kind = t[0]
    if kind == "list":
        return f"List[{type_name(_item(t))}]"
    if kind == "tree":
        return "Optional[TreeNode]"
    if kind == "none":
        return "None"
    return kind


class TreeNode:
    """LeetCode's binary tree node; both `TreeNode(x)` and `TreeNode(val, left, right)` work."""

    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right

    def __repr__(self) -> str:
        return f"TreeNode({self.val})"


def tree_nodes(values: list, node_class: type = TreeNode) -> list:
    """The nodes of a tree written in LeetCode level order, one per written position (`None`
    for a `null`); the root is the first. Each non-null node takes the next two positions as its
    children. Iterative, so a 10^5-deep path is fine."""
    if not values or values[0] is None:
        return []
    nodes = [None if v is None else node_class(v) for v in values]
    # Each node in order takes the next two positions; zip pairs them at C speed. (`filter`
    # keeps the nodes: a node class without __bool__ or __len__ makes every instance true.)
    children = chain(islice(nodes, 1, None), (None,))
    for node, left, right in zip(filter(None, nodes), children, children):
        node.left = left
        node.right = right
    return nodes


def first_orphan(values: list) -> int | None:
    """The first entry of a level order that no node has as a child, or None. Each non-null
    entry takes the next two free entries as its children, so entry i > 0 is a child of the
    ((i - 1) // 2)-th non-null entry, which must come before it."""
    nodes = 0  # non-null entries read so far
    for i, value in enumerate(values):
        if i and (i - 1) // 2 >= nodes:
            return i
        if value is not None:
            nodes += 1
    return None


def tree_error(values: list) -> str | None:
    """What makes a list of values and `None`s no LeetCode level order, or None if it is one.
    `tree_nodes` would silently drop an entry that is no node's child, so every written tree
    (a spec's case, a generated input, a `--case` text) is checked here first."""
    if not values:
        return None
    if values[0] is None:
        return "the root (entry 0) is null; the empty tree is written []"
    i = first_orphan(values)
    if i is None:
        return None
    nodes = sum(1 for v in values[:i] if v is not None)
    shown = "null" if values[i] is None else show(values[i])
    return (
        f"entry {i} ({shown}) has no parent: each non-null entry takes the next two "
        f"free entries as its children, and the non-null entries before it ({nodes}) "
        f"have taken entries 1 to {2 * nodes}"
    )


def malformed(value: Any, t: Type) -> str | None:
    """What is wrong with a tree inside plain data of type `t` that `conforms`, or None."""
    kind = t[0]
    if kind == "tree":
        return tree_error(value)
    if kind == "list" and _has_tree(_item(t)):
        for i, item in enumerate(value):
            problem = malformed(item, _item(t))
            if problem:
                return f"item {i}: {problem}"
    return None


def _has_tree(t: Type) -> bool:
    return t[0] == "tree" or (t[0] == "list" and _has_tree(_item(t)))


def build_tree(values: list, node_class: type = TreeNode) -> Any:
    """Build a tree from LeetCode level order; `None` for the empty tree."""
    nodes = tree_nodes(values, node_class)
    return nodes[0] if nodes else None


def tree_to_list(root: Any) -> list:
    """Level order with `null`s, trailing `null`s dropped, as LeetCode prints a tree."""
    out: list = []
    queue = deque([root])
    seen: set[int] = set()
    while queue:
        node = queue.popleft()
        if node is None:
            out.append(None)
            continue
        if id(node) in seen:
            raise AnswerTypeError("the returned tree has a cycle")
        seen.add(id(node))
        out.append(scalar(node.val, INT))
        queue.append(node.left)
        queue.append(node.right)
    while out and out[-1] is None:
        out.pop()
    return out


def build(value: Any, t: Type, node_class: type = TreeNode) -> Any:
    """The object a solution receives for plain data of type `t` (unmarshalled data is already
    fresh lists)."""
    if t[0] == "tree":
        return build_tree(value, node_class)
    if t[0] == "list" and _item(t)[0] == "tree":
        return [build_tree(v, node_class) for v in value]
    return value


def build_args(written: list, params: list[tuple[Type, str | None]], names: list[str]) -> list:
    """The arguments a solution receives for one case. A `node_of` parameter becomes the very
    node of its tree holding the written value (the first in level order); its position may
    follow the arguments, which spares a search of a 10^5-node tree."""
    args: list = []
    trees: dict[str, tuple[list, list]] = {}
    for name, value, (t, ref) in zip(names, written, params):
        if ref is None and t[0] == "tree":
            nodes = tree_nodes(value)
            trees[name] = (value, nodes)
            args.append(nodes[0] if nodes else None)
        else:
            args.append(value if ref is not None else build(value, t))
    positions = iter(written[len(params) :])
    for i, (_, ref) in enumerate(params):
        if ref is not None:
            values, nodes = trees[ref]
            at = next(positions, -1)
            if not (type(at) is int and 0 <= at < len(nodes) and values[at] == written[i]):
                try:
                    at = values.index(written[i])
                except ValueError:
                    raise ValueError(f"no node with value {written[i]} in the tree") from None
            args[i] = nodes[at]
    return args


def scalar(value: Any, t: Type) -> Any:
    """A plain copy of a returned scalar; subclasses lose their overrides here."""
    kind = t[0]
    if kind == "int" and isinstance(value, int) and not isinstance(value, bool):
        return int.__int__(value)
    if kind == "float" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return float.__float__(value) if isinstance(value, float) else int.__int__(value)
    if kind == "bool" and isinstance(value, bool):
        return value is True
    if kind == "str" and isinstance(value, str):
        return str.__str__(value)
    raise AnswerTypeError(f"returned {_describe(value)}, expected {kind}")


def plain(value: Any, t: Type) -> Any:
    """Turn what the solution returned into plain data of type `t`, or raise AnswerTypeError."""
    kind = t[0]
    if kind == "none":
        return None
    if kind == "tree":
        if value is None:
            return []
        if not hasattr(value, "val"):
            raise AnswerTypeError(f"returned {_describe(value)}, expected a TreeNode")
        return tree_to_list(value)
    if kind == "list":
        if not isinstance(value, (list, tuple, deque)):
            raise AnswerTypeError(f"returned {_describe(value)}, expected {type_name(t)}")
        inner = _item(t)
        if inner[0] in _SCALARS:
            # Fast path: exactly the right built-in types (no subclass can hide here), checked
            # at C speed; a 10^5-element answer would otherwise cost tens of ms per case.
            if type(value) in _SEQUENCES and set(map(type, value)) <= _EXACT[inner[0]]:
                return list(value)
            return [scalar(v, inner) for v in value]
        innermost = inner.item
        if (
            inner[0] == "list"
            and innermost is not None
            and innermost[0] in _SCALARS
            and type(value) in _SEQUENCES
            and set(map(type, value)) <= _SEQUENCE_TYPES
            and set(map(type, chain.from_iterable(value))) <= _EXACT[innermost[0]]
        ):
            # The same for a list of lists (levels, combinations): thousands of small answers
            # of the small-input sweep are checked at C speed, not one call per inner list.
            return [list(v) for v in value]
        return [plain(v, inner) for v in value]
    return scalar(value, t)


def node_val(value: Any) -> Any:
    """A returned node is judged and shown by its `val`; `None` stays `null`."""
    if value is None:
        return None
    if not hasattr(value, "val"):
        raise AnswerTypeError(f"returned {_describe(value)}, expected a TreeNode")
    return scalar(value.val, INT)


def conforms(value: Any, t: Type) -> bool:
    """Whether plain data has the shape of `t` (the judge re-checks what it receives)."""
    kind = t[0]
    if kind == "none":
        return value is None
    if kind == "tree":
        return isinstance(value, list) and set(map(type, value)) <= _TREE_ITEMS
    if kind == "list":
        if not isinstance(value, list):
            return False
        inner = _item(t)
        if inner[0] in _EXACT:
            return set(map(type, value)) <= _EXACT[inner[0]]
        return all(conforms(v, inner) for v in value)
    if kind == "int":
        return type(value) is int
    if kind == "float":
        return type(value) in (int, float)
    if kind == "bool":
        return type(value) is bool
    return type(value) is str


# A long list of integers travels as one marker byte and 8-byte little-endian integers: three
# times faster to write than JSON and nothing to parse (a 10^5-number answer: 2.5 ms, not 8.5).
_INT_ARRAY = b"\x00"
_INT_ARRAY_MIN = 64
_SWAP = sys.byteorder != "little"


def dump(value: Any, t: Type | None = None) -> bytes:
    """The canonical bytes of an answer: the worker sends answers in this form and expected
    answers are kept in it, so equal answers are equal bytes and need no decoding. A long list
    of integers is packed (see `_INT_ARRAY`); anything else is compact JSON. `t`: the type
    `plain` gave the value, so its items need no second look."""
    if (
        type(value) is list
        and len(value) >= _INT_ARRAY_MIN
        and (t == _INT_LIST or set(map(type, value)) == {int})
    ):
        try:
            packed = array("q", value)
        except OverflowError:
            pass  # beyond 64 bits: JSON holds any integer
        else:
            if _SWAP:
                packed.byteswap()
            return _INT_ARRAY + packed.tobytes()
    return show(value).encode()


def load(raw: bytes | bytearray | memoryview) -> Any:
    """An answer as plain data from its canonical bytes; ValueError if they are not valid."""
    if raw[:1] == _INT_ARRAY:
        if len(raw) % 8 != 1:
            raise ValueError("a packed integer list of the wrong length")
        packed = array("q")
        packed.frombytes(raw[1:])
        if _SWAP:
            packed.byteswap()
        return packed.tolist()
    return json.loads(bytes(raw) if isinstance(raw, memoryview) else raw)


def show(value: Any) -> str:
    """LeetCode's compact text for a value: `[1,2,null]`, `true`, `"ab"`."""
    return json.dumps(value, separators=(",", ":"))


def _describe(value: Any) -> str:
    text = repr(value) if not isinstance(value, (list, tuple, dict, set)) else ""
    name = type(value).__name__
    return f"{name} {text[:40]}".strip() if text else name
