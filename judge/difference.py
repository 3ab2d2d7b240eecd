"""Where a wrong answer first departs from the expected one, and what is around it.

`locate` is a pure function of the problem's checker, the expected answer and the output (plain
data, as `checkers` sees them): a list's first differing index with its neighbours aligned, a
nested list's first differing inner list, what an any-order answer misses or adds (as
multisets, since no order was asked for), a tree's path from the root to the first differing
node. `focus_of` turns what a spec states about which part of the input made an answer's
element (`spec.Focus`, from `judge.focus`) and a difference into the part to show. The terminal
view (`report`) and the JSON (`jsonout`) both read these records; neither searches again.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import TYPE_CHECKING, Any

from judge.records import field, record

if TYPE_CHECKING:
    from judge.spec import Focus

NEIGHBOURS = 3  # elements shown either side of the first difference


class _Absent:
    """A position one list has and the other has not (past the shorter one's end)."""

    def __repr__(self) -> str:
        return "ABSENT"


ABSENT: Any = _Absent()


@record(frozen=True)
class Row:
    """One position of the aligned neighbourhood: the output's and the expected element."""

    index: int
    output: Any
    expected: Any

    @property
    def differs(self) -> bool:
        return not _same(self.output, self.expected)


@record(frozen=True)
class Difference:
    """What differs between an output and the expected answer, for people and for scripts."""

    index: int | None = None  # a list's first differing position
    inner: int | None = None  # inside that element, when both are lists: its first difference
    rows: tuple[Row, ...] = ()  # the positions around `index`, both values aligned
    output_length: int | None = None
    expected_length: int | None = None
    missing: list | None = None  # any order: expected elements the output lacks, with repeats
    extra: list | None = None  # any order: output elements beyond the expected ones
    repeated: list | None = None  # a set of lists: inner lists the output holds more than once
    path: list[str] | None = None  # a tree: sides from the root to the first difference
    expected_path: list[str] | None = None  # a node answer: where the expected node is

    @property
    def lengths_differ(self) -> bool:
        return self.output_length != self.expected_length


def _same(a: Any, b: Any) -> bool:
    """Equal as plain data, where `1`, `1.0` and `true` are three values (as `checkers` has it)."""
    if type(a) is not type(b):
        return False
    if type(a) is list:
        return len(a) == len(b) and all(map(_same, a, b))
    return bool(a == b)


def _first(expected: list, output: list) -> int | None:
    """The first position where the lists differ (the shorter's length if one is a prefix)."""
    if output == expected and _same(output, expected):
        return None
    for i, (e, o) in enumerate(zip(expected, output)):
        if not _same(e, o):
            return i
    return min(len(expected), len(output))


def _rows(expected: list, output: list, at: int) -> tuple[Row, ...]:
    stop = min(max(len(expected), len(output)), at + NEIGHBOURS + 1)
    return tuple(
        Row(
            i,
            output[i] if i < len(output) else ABSENT,
            expected[i] if i < len(expected) else ABSENT,
        )
        for i in range(max(0, at - NEIGHBOURS), stop)
    )


def _in_order(expected: list, output: list) -> Difference | None:
    at = _first(expected, output)
    if at is None:
        return None
    inner = None
    if at < min(len(expected), len(output)):
        e, o = expected[at], output[at]
        if isinstance(e, list) and isinstance(o, list):
            inner = _first(e, o)
    return Difference(
        index=at,
        inner=inner,
        rows=_rows(expected, output, at),
        output_length=len(output),
        expected_length=len(expected),
    )


def _freeze(value: Any) -> Any:
    if isinstance(value, list):
        return ("list", tuple(_freeze(v) for v in value))
    return (type(value).__name__, value)


def _thaw(key: Any) -> Any:
    kind, value = key
    return [_thaw(v) for v in value] if kind == "list" else value


def _sorted(values: list) -> list:
    """In a stable order to read: numbers and lists sorted where they compare, else as found."""
    try:
        return sorted(values)
    except TypeError:
        return values


def _multisets(expected: list, output: list, inner_order: bool) -> Difference | None:
    """What an any-order answer lacks and adds, each with its repeats; with `inner_order`
    False, inner lists are compared as multisets too (and shown sorted)."""

    def key(value: Any) -> Any:
        if not inner_order and isinstance(value, list):
            return ("list", tuple(sorted((_freeze(v) for v in value), key=repr)))
        return _freeze(value)

    shown: dict[Any, Any] = {}
    for value in (*expected, *output):
        k = key(value)
        if k not in shown:
            shown[k] = _sorted(value) if not inner_order and isinstance(value, list) else value
    want, got = Counter(map(key, expected)), Counter(map(key, output))
    missing = [shown[k] for k, n in (want - got).items() for _ in range(n)]
    extra = [shown[k] for k, n in (got - want).items() for _ in range(n)]
    repeated = [shown[k] for k, n in got.items() if n > 1] if not inner_order else []
    if not missing and not extra and not repeated:
        return None
    return Difference(
        output_length=len(output),
        expected_length=len(expected),
        missing=_sorted(missing),
        extra=_sorted(extra),
        repeated=_sorted(repeated) or None,
    )


def locate(
    checker: str, expected: Any, output: Any, tree: bool = False, nodes: list | None = None
) -> Difference | None:
    """Where `output` first differs from `expected` under `checker`; None when nothing can be
    said beyond the two values (two numbers) or they do not differ. `tree`: the answers are
    trees in level order. `nodes`: for a node answer (`node_value`), the tree it comes from,
    in level order, to say where both nodes are."""
    if checker == "node_value":
        if nodes is None or output == expected:
            return None
        got, want = _position(nodes, output), _position(nodes, expected)
        return Difference(
            path=None if got is None else sides(nodes, got),
            expected_path=None if want is None else sides(nodes, want),
        )
    if not isinstance(expected, list) or not isinstance(output, list):
        return None
    if tree:
        return _tree_difference(expected, output)
    if checker == "any_order":
        return _multisets(expected, output, inner_order=True)
    if checker == "nested_any_order":
        if not all(isinstance(x, list) for x in output):
            return None
        return _multisets(expected, output, inner_order=False)
    return _in_order(expected, output)


def _position(nodes: list, value: Any) -> int | None:
    """The level-order position of the first node holding `value` (as `codecs.build_args`
    finds a node argument)."""
    if value is None:
        return None
    try:
        return nodes.index(value)
    except ValueError:
        return None


def children(nodes: list) -> tuple[list[int], list[int]]:
    """Each level-order position's left and right child positions (-1: none), as
    `codecs.tree_nodes` links them: every node in turn takes the next two positions."""
    left = [-1] * len(nodes)
    right = [-1] * len(nodes)
    slot = 1
    for i, value in enumerate(nodes):
        if value is None:
            continue
        if slot < len(nodes) and nodes[slot] is not None:
            left[i] = slot
        if slot + 1 < len(nodes) and nodes[slot + 1] is not None:
            right[i] = slot + 1
        slot += 2
    return left, right


def sides(nodes: list, position: int) -> list[str]:
    """The sides ("left", "right") from the root down to the node at `position`."""
    left, right = children(nodes)
    parent: dict[int, tuple[int, str]] = {}
    for i in range(len(nodes)):
        if left[i] >= 0:
            parent[left[i]] = (i, "left")
        if right[i] >= 0:
            parent[right[i]] = (i, "right")
    path: list[str] = []
    while position in parent:
        position, side = parent[position]
        path.append(side)
    return path[::-1]


def path_text(path: list[str]) -> str:
    """`root.left.right`; a run of one side is counted (4999 lefts in a row are one step),
    so that a path down a 10^5-deep tree stays one line."""
    parts = ["root"]
    i = 0
    while i < len(path):
        j = i
        while j < len(path) and path[j] == path[i]:
            j += 1
        run = j - i
        parts.extend([path[i]] * run if run <= 3 else [f"{path[i]}×{run}"])
        i = j
    return ".".join(parts)


def _tree_difference(expected: list, output: list) -> Difference | None:
    """Two trees walked side by side from the root: the first node (breadth first) that one
    has and the other has not, or that holds another value."""
    if expected == output and _same(expected, output):
        return None
    e_left, e_right = children(expected)
    o_left, o_right = children(output)
    e_root = 0 if expected and expected[0] is not None else -1
    o_root = 0 if output and output[0] is not None else -1
    queue: list[tuple[int, int, list[str]]] = [(e_root, o_root, [])]
    for e, o, path in queue:  # grows while it is walked: breadth first
        if (e < 0) != (o < 0) or (e >= 0 and not _same(expected[e], output[o])):
            return Difference(
                path=path, output_length=_count(output), expected_length=_count(expected)
            )
        if e >= 0:
            queue.append((e_left[e], o_left[o], [*path, "left"]))
            queue.append((e_right[e], o_right[o], [*path, "right"]))
    return None


def _count(nodes: list) -> int:
    return sum(1 for v in nodes if v is not None)


@record(frozen=True)
class InputPart:
    """The part of the input behind the first difference: `name[start:stop]`, or a tree's node
    (`path`), with what it says in words."""

    name: str
    start: int = 0
    stop: int = 0
    path: list[str] | None = None
    value: Any = None
    words: str = ""


def focus_of(
    focus: Focus | None, values: dict[str, Any], diff: Difference | None
) -> InputPart | None:
    """The input behind the first difference, when the spec states which part made it."""
    if focus is None or diff is None or diff.index is None:
        return None
    index = diff.index
    if focus.window is not None:
        array = values.get(focus.window)
        size = values.get(focus.size) if isinstance(focus.size, str) else focus.size
        if not isinstance(array, list) or type(size) is not int or index >= len(array):
            return None
        stop = min(len(array), index + size)
        return InputPart(focus.window, index, stop, words=f"the window of index {index}")
    if focus.tree is not None:
        nodes = values.get(focus.tree)
        if not isinstance(nodes, list):
            return None
        at = node_at(nodes, focus.order, index, diff.inner)
        if at is None:
            return None
        if focus.order == "level":
            words = f"level {index}" + ("" if diff.inner is None else f", its node {diff.inner}")
        else:
            words = f"the {_ordinal(index)} node in {focus.order}"
        return InputPart(focus.tree, path=sides(nodes, at), value=nodes[at], words=words)
    return None


def _ordinal(index: int) -> str:
    """Index 0 is the 1st node visited."""
    n = index + 1
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def node_at(nodes: list, order: str, index: int, inner: int | None = None) -> int | None:
    """The level-order position of the `index`-th node visited in `order` (in level order,
    the `inner`-th node of level `index`); None past the tree's end. Iterative: a 10^5-deep
    path is walked without recursion."""
    if not nodes or nodes[0] is None:
        return None
    left, right = children(nodes)
    seen = 0
    if order == "level":
        level = [0]
        for _ in range(index):
            level = [c for i in level for c in (left[i], right[i]) if c >= 0]
        if not level:
            return None
        return level[min(inner or 0, len(level) - 1)]
    stack: list[tuple[int, bool]] = [(0, False)]
    while stack:
        i, expanded = stack.pop()
        if expanded or (order == "preorder"):
            if order == "preorder":
                if seen == index:
                    return i
                seen += 1
                for child in (right[i], left[i]):
                    if child >= 0:
                        stack.append((child, False))
                continue
            if seen == index:
                return i
            seen += 1
            continue
        if order == "inorder":
            if right[i] >= 0:
                stack.append((right[i], False))
            stack.append((i, True))
            if left[i] >= 0:
                stack.append((left[i], False))
        else:  # postorder
            stack.append((i, True))
            if right[i] >= 0:
                stack.append((right[i], False))
            if left[i] >= 0:
                stack.append((left[i], False))
    return None


def shape(nodes: list) -> tuple[int, int]:
    """A tree's node count and height (levels), from level order."""
    if not nodes or nodes[0] is None:
        return 0, 0
    left, right = children(nodes)
    count, height, level = 0, 0, [0]
    while level:
        count += len(level)
        height += 1
        level = [c for i in level for c in (left[i], right[i]) if c >= 0]
    return count, height


@record(frozen=True)
class NodeArgument:
    """A node argument (`p`), its value and where it sits in its tree."""

    name: str
    value: Any
    path: list[str] | None


@record(frozen=True)
class InputContext:
    """The input of a failing case as the failure view needs it: every argument by name, each
    one's kind (`list`, `tree`, `int`, ...), the node arguments' places and the part behind the
    first difference (if the problem says which)."""

    values: dict[str, Any]
    kinds: dict[str, str]
    part: InputPart | None = None
    nodes: list[NodeArgument] = field(default_factory=list)

    def sizes(self) -> str:
        """`nums: 100000 elements, k = 2`; a tree by its nodes and levels."""
        shown = []
        for name, value in self.values.items():
            kind = self.kinds.get(name)
            if kind == "tree" and isinstance(value, list):
                count, height = shape(value)
                what = f"{count} node{'' if count == 1 else 's'}, {height} level"
                what += "" if height == 1 else "s"
                if count > 2 and height == count:
                    what += " (a path)"
                shown.append(f"{name}: {what}")
            elif isinstance(value, list):
                shown.append(f"{name}: {len(value)} element{'' if len(value) == 1 else 's'}")
            elif isinstance(value, str) and len(value) > 20:
                shown.append(f"{name}: {len(value)} characters")
            else:
                shown.append(f"{name} = {json.dumps(value)}")
        return ", ".join(shown)


def context(
    kinds: dict[str, str],
    values: dict[str, Any],
    focus: Focus | None,
    diff: Difference | None,
    node_params: dict[str, str],
) -> InputContext:
    """The failure view's input: `node_params` maps each node argument to its tree's name."""
    nodes = []
    for name, tree in node_params.items():
        level = values.get(tree)
        at = _position(level, values.get(name)) if isinstance(level, list) else None
        nodes.append(
            NodeArgument(name, values.get(name), None if at is None else sides(level, at))  # type: ignore[arg-type]
        )
    return InputContext(values, kinds, focus_of(focus, values, diff), nodes)
