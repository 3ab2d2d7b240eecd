"""Mutants of a reference solution: its `class Solution` with one small change each, the kind
of slip a real solution makes (`<` for `<=`, `+ 1` forgotten, a branch the wrong way round).

Each change is made in the source text, not by printing a changed syntax tree again: the rest
of the file keeps its layout, comments and line numbers, so a mutant's line is the reference's
line. Every edit is checked by parsing the mutant: it must give exactly the intended tree
(an operator swapped into `x - a * b` must not re-associate), else the change is made again
inside parentheses, else it is left out. Mutants are numbered in source order, and the same
source always gives the same mutants.
"""

from __future__ import annotations

import ast
import copy
import io
import tokenize
from collections.abc import Iterator

from judge.records import record

COMPARISON = "comparison"
ARITHMETIC = "arithmetic"
BOOLEAN = "boolean"
CONSTANT = "constant"
BOUND = "bound"
INDEX = "index"
MIN_MAX = "min/max"
ATTRIBUTE = "swapped attribute"
CONDITION = "negated condition"
BRANCHES = "swapped branches"
LOOP_EXIT = "break/continue"
REMOVED = "removed statement"
# Every kind, in the order a report lists them.
KINDS = (
    COMPARISON,
    ARITHMETIC,
    BOOLEAN,
    CONSTANT,
    BOUND,
    INDEX,
    MIN_MAX,
    ATTRIBUTE,
    CONDITION,
    BRANCHES,
    LOOP_EXIT,
    REMOVED,
)

# Relational slips: the boundary moved (< for <=) or the test negated (== for !=).
_COMPARE_SWAPS: dict[type, type] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
}
_NEGATED = {ast.Eq, ast.NotEq, ast.Is, ast.IsNot, ast.In, ast.NotIn}
# Integer arithmetic stays integer: * becomes //, not /, so a mutant fails on its logic rather
# than on a float where an index is wanted.
_ARITHMETIC_SWAPS: dict[type, type] = {
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.FloorDiv,
    ast.FloorDiv: ast.Mult,
    ast.Div: ast.Mult,
    ast.Mod: ast.FloorDiv,
    ast.Pow: ast.Mult,
    ast.LShift: ast.RShift,
    ast.RShift: ast.LShift,
    ast.BitAnd: ast.BitOr,
    ast.BitOr: ast.BitAnd,
    ast.BitXor: ast.BitOr,
}
_OPERATOR_TEXT: dict[type, str] = {
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.Is: "is",
    ast.IsNot: "is not",
    ast.In: "in",
    ast.NotIn: "not in",
    ast.Add: "+",
    ast.Sub: "-",
    ast.Mult: "*",
    ast.FloorDiv: "//",
    ast.Div: "/",
    ast.Mod: "%",
    ast.Pow: "**",
    ast.LShift: "<<",
    ast.RShift: ">>",
    ast.BitAnd: "&",
    ast.BitOr: "|",
    ast.BitXor: "^",
    ast.And: "and",
    ast.Or: "or",
}
# Statements whose removal is a plausible slip: a forgotten update, call, return or jump.
_REMOVABLE = (
    ast.Assign,
    ast.AugAssign,
    ast.AnnAssign,
    ast.Expr,
    ast.Return,
    ast.Break,
    ast.Continue,
    ast.Delete,
)
# Fields never mutated: annotations are not run, decorators and bases are not the algorithm.
_SKIPPED_FIELDS = {"annotation", "returns", "decorator_list", "bases", "type_comment"}
# Attributes mistaken for their twin: a tree walked the wrong way, a deque used at the wrong end.
_ATTRIBUTE_SWAPS = {
    "left": "right",
    "right": "left",
    "append": "appendleft",
    "appendleft": "append",
    "pop": "popleft",
    "popleft": "pop",
}
_GAP_NOISE = " \t\n\\()"  # what may surround an operator between its operands


@record(frozen=True)
class Mutant:
    """One changed copy of the file: what changed, where, and the whole source to run."""

    number: int  # 1, 2, ... in source order
    kind: str  # one of KINDS
    line: int  # the line changed, as numbered in the original file
    before: str  # that line as it was, without its indentation
    after: str  # that line in the mutant
    source: str

    @property
    def diff(self) -> str:
        """`line 14: if a < b: → if a <= b:`"""
        return f"line {self.line}: {self.before} → {self.after}"


@record
class _Edit:
    """A change to the source: text [start, end) becomes one of `texts` (the first that
    parses to the intended tree), standing for `node` replaced by `intended`."""

    kind: str
    node: ast.AST
    intended: ast.AST
    start: int
    end: int
    texts: list[str]


class SourceError(ValueError):
    """The file cannot be mutated: it does not parse, or has no `class Solution`."""


def mutants(source: str) -> list[Mutant]:
    """Every mutant of the top-level `class Solution` in `source`, numbered in source order;
    mutants with the same source as an earlier one are left out."""
    try:
        tree = ast.parse(source)
    except SyntaxError as exc:
        raise SourceError(f"the file does not parse: {exc.msg} at line {exc.lineno}") from None
    target = next(
        (n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Solution"), None
    )
    if target is None:
        raise SourceError("the file has no `class Solution` to mutate")
    starts = _line_starts(source)
    order = {id(node): i for i, node in enumerate(_preorder(tree))}
    original = ast.dump(tree)
    made: list[Mutant] = []
    seen = {source}
    edits = sorted(
        _edits(target, source, starts), key=lambda e: (e.start, KINDS.index(e.kind), e.end)
    )
    for edit in edits:
        mutated = _apply(source, tree, order, edit, original)
        if mutated is None or mutated in seen:
            continue
        seen.add(mutated)
        changed = next(i for i, (a, b) in enumerate(zip(source, mutated)) if a != b)
        line = source.count("\n", 0, changed) + 1
        before = _shown(source.splitlines()[line - 1])
        after = _shown(mutated.splitlines()[line - 1]) if mutated.count("\n") >= line - 1 else ""
        made.append(Mutant(len(made) + 1, edit.kind, line, before, after or "pass", mutated))
    return made


def _apply(
    source: str, tree: ast.Module, order: dict[int, int], edit: _Edit, original: str
) -> str | None:
    """The mutant's source, made with the first of the edit's texts that parses to the
    intended tree and compiles; None when none does."""
    wanted = ast.dump(_replaced(tree, order[id(edit.node)], edit.intended))
    if wanted == original:
        return None  # the change means nothing (it is its own replacement)
    for text in edit.texts:
        mutated = source[: edit.start] + text + source[edit.end :]
        try:
            parsed = ast.parse(mutated)
        except SyntaxError:
            continue
        if ast.dump(parsed) != wanted:
            continue
        try:
            compile(parsed, "<mutant>", "exec")  # `break` outside a loop and the like
        except SyntaxError:
            return None
        return mutated
    return None


def _shown(line: str) -> str:
    """A line as a diff shows it: no indentation, no trailing comment."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(line.strip() + "\n").readline))
    except (tokenize.TokenError, SyntaxError):
        return line.strip()
    comment = next((t for t in tokens if t.type == tokenize.COMMENT), None)
    text = line.strip()
    return text[: comment.start[1]].rstrip() if comment is not None else text


def _replaced(tree: ast.Module, index: int, new: ast.AST) -> ast.Module:
    """A copy of `tree` with its `index`-th node (in `_preorder`) replaced by `new`."""
    copied = copy.deepcopy(tree)
    counter = iter(range(1 << 30))

    class Swap(ast.NodeTransformer):
        def visit(self, node: ast.AST) -> ast.AST:
            if next(counter) == index:
                return new
            return self.generic_visit(node)

    swapped = Swap().visit(copied)
    assert isinstance(swapped, ast.Module)
    return swapped


def _preorder(node: ast.AST) -> Iterator[ast.AST]:
    """Every node, parents before children, in field order: `_replaced` counts the same way."""
    yield node
    for child in ast.iter_child_nodes(node):
        yield from _preorder(child)


def _line_starts(source: str) -> list[int]:
    starts = [0]
    for i, char in enumerate(source):
        if char == "\n":
            starts.append(i + 1)
    return starts


def _offset(starts: list[int], source: str, line: int, col: int) -> int:
    """The string index of an AST position (its column counts UTF-8 bytes)."""
    begin = starts[line - 1]
    end = starts[line] if line < len(starts) else len(source)
    return begin + len(source[begin:end].encode()[:col].decode(errors="ignore"))


class _Walker:
    """Finds the edits inside one class: its methods' bodies, never annotations."""

    def __init__(self, source: str, starts: list[int]) -> None:
        self.source, self.starts = source, starts
        self.edits: list[_Edit] = []
        self.negated: set[int] = set()  # constants moved whole with their minus sign

    def span(self, node: ast.AST) -> tuple[int, int]:
        start = _offset(self.starts, self.source, node.lineno, node.col_offset)  # type: ignore[attr-defined]
        end = _offset(self.starts, self.source, node.end_lineno, node.end_col_offset)  # type: ignore[attr-defined]
        return start, end

    def text(self, node: ast.AST) -> str:
        start, end = self.span(node)
        return self.source[start:end]

    def walk(self, node: ast.AST, loops: int = 0) -> None:
        if isinstance(node, ast.JoinedStr):
            return  # an f-string's pieces are text, not logic
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            return  # a docstring
        self.visit(node, loops)
        inner = loops + isinstance(node, (ast.For, ast.While, ast.AsyncFor))
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            inner = 0  # a loop outside a function does not make `break` legal inside it
        for field, value in ast.iter_fields(node):
            if field in _SKIPPED_FIELDS:
                continue
            children = value if isinstance(value, list) else [value]
            for child in children:
                if isinstance(child, ast.AST):
                    self.walk(child, inner)

    def add(self, kind: str, node: ast.AST, intended: ast.AST, *texts: str) -> None:
        start, end = self.span(node)
        # Last resort, the changed node written out anew (its own layout is lost).
        written = ast.unparse(intended)
        tried = [*texts, written, f"({written})"]
        self.edits.append(_Edit(kind, node, intended, start, end, tried))

    def operator(self, kind: str, node: ast.AST, left: ast.AST, right: ast.AST, new: type) -> None:
        """Swap the operator between `left` and `right` of `node` (changed into `intended`)."""
        intended = self._with_operator(node, left, new)
        start, end = self.span(node)
        gap_start, gap_end = self.span(left)[1], self.span(right)[0]
        gap = self.source[gap_start:gap_end]
        if "#" in gap:
            return  # a comment between the operands: leave such a line alone
        first = next((i for i, c in enumerate(gap) if c not in _GAP_NOISE), None)
        if first is None:
            return
        last = max(i for i, c in enumerate(gap) if c not in _GAP_NOISE)
        whole = self.source[start:end]
        cut = gap_start - start
        edited = whole[: cut + first] + _OPERATOR_TEXT[new] + whole[cut + last + 1 :]
        self.add(kind, node, intended, edited, f"({edited})")

    @staticmethod
    def _with_operator(node: ast.AST, left: ast.AST, new: type) -> ast.AST:
        changed = copy.deepcopy(node)
        if isinstance(changed, ast.Compare):
            assert isinstance(node, ast.Compare)
            position = 0 if left is node.left else node.comparators.index(left) + 1  # type: ignore[arg-type]
            changed.ops[position] = new()
        elif isinstance(changed, ast.BoolOp):
            changed.op = new()
        else:
            changed.op = new()  # type: ignore[attr-defined]
        return changed

    def visit(self, node: ast.AST, loops: int) -> None:
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            for i, op in enumerate(node.ops):
                swap = _COMPARE_SWAPS.get(type(op))
                if swap is not None:
                    self.operator(COMPARISON, node, operands[i], operands[i + 1], swap)
        elif isinstance(node, ast.BinOp):
            swap = _ARITHMETIC_SWAPS.get(type(node.op))
            if swap is not None:
                self.operator(ARITHMETIC, node, node.left, node.right, swap)
        elif isinstance(node, ast.AugAssign):
            swap = _ARITHMETIC_SWAPS.get(type(node.op))
            if swap is not None:
                intended = copy.deepcopy(node)
                intended.op = swap()
                self.augmented(node, intended)
        elif isinstance(node, ast.BoolOp) and len(node.values) == 2:
            swap = ast.Or if isinstance(node.op, ast.And) else ast.And
            self.operator(BOOLEAN, node, node.values[0], node.values[1], swap)
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            self.add(BOOLEAN, node, node.operand, self.text(node.operand))
        self.constant(node)
        self.bounds(node)
        self.branches(node)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            other = {"min": "max", "max": "min"}.get(node.func.id)
            if other is not None:
                self.add(MIN_MAX, node.func, ast.Name(other, ast.Load()), other)
        if isinstance(node, ast.Attribute) and node.attr in _ATTRIBUTE_SWAPS:
            self.attribute(node, _ATTRIBUTE_SWAPS[node.attr])
        if isinstance(node, (ast.Break, ast.Continue)) and loops:
            other = "continue" if isinstance(node, ast.Break) else "break"
            self.add(LOOP_EXIT, node, ast.parse(other).body[0], other)
        if isinstance(node, _REMOVABLE):
            self.add(REMOVED, node, ast.Pass(), "pass")

    def attribute(self, node: ast.Attribute, other: str) -> None:
        """`x.left` as `x.right`: only the name after the last dot changes."""
        start, end = self.span(node)
        whole = self.source[start:end]
        if not whole.endswith(node.attr):
            return
        intended = copy.deepcopy(node)
        intended.attr = other
        self.add(ATTRIBUTE, node, intended, whole[: -len(node.attr)] + other)

    def augmented(self, node: ast.AugAssign, intended: ast.AugAssign) -> None:
        start = self.span(node.target)[1]
        gap_end = self.span(node.value)[0]
        gap = self.source[start:gap_end]
        first = next((i for i, c in enumerate(gap) if c not in _GAP_NOISE), None)
        if first is None or "#" in gap:
            return
        whole_start, whole_end = self.span(node)
        whole = self.source[whole_start:whole_end]
        cut = start - whole_start
        end = gap.index("=", first)
        new = _OPERATOR_TEXT[type(intended.op)] + "="
        edited = whole[: cut + first] + new + whole[cut + end + 1 :]
        self.add(ARITHMETIC, node, intended, edited)

    def constant(self, node: ast.AST) -> None:
        """Integers one up and one down (`-1` taken whole), True and False swapped."""
        value: object = None
        if isinstance(node, ast.Constant) and id(node) not in self.negated:
            value = node.value
        elif (
            isinstance(node, ast.UnaryOp)
            and isinstance(node.op, ast.USub)
            and isinstance(node.operand, ast.Constant)
            and type(node.operand.value) is int
        ):
            value = -node.operand.value
            self.negated.add(id(node.operand))
        if type(value) is bool:
            self.add(CONSTANT, node, ast.Constant(not value), repr(not value))
        elif type(value) is int:
            for new in (value + 1, value - 1):
                literal = str(new)
                self.add(CONSTANT, node, ast.parse(literal, mode="eval").body, literal)

    def bounds(self, node: ast.AST) -> None:
        """`range` arguments and slice bounds one up and one down; subscripts one off."""
        targets: list[tuple[str, ast.expr]] = []
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id == "range":
                targets += [(BOUND, arg) for arg in node.args[:2]]
        elif isinstance(node, ast.Slice):
            targets += [(BOUND, b) for b in (node.lower, node.upper) if b is not None]
        elif isinstance(node, ast.Subscript) and not isinstance(node.slice, (ast.Slice, ast.Tuple)):
            targets.append((INDEX, node.slice))
        for kind, expr in targets:
            if _is_number(expr):
                continue  # the constant kind moves it already
            text = self.text(expr)
            for op in (ast.Add, ast.Sub):
                intended = ast.BinOp(copy.deepcopy(expr), op(), ast.Constant(1))
                sign = _OPERATOR_TEXT[op]
                self.add(kind, expr, intended, f"{text} {sign} 1", f"({text}) {sign} 1")

    def branches(self, node: ast.AST) -> None:
        """`if c` as `if not c`: with an `else` that swaps the branches."""
        if isinstance(node, (ast.If, ast.While)):
            kind = BRANCHES if isinstance(node, ast.If) and node.orelse else CONDITION
            test = node.test
        elif isinstance(node, ast.IfExp):
            kind, test = BRANCHES, node.test
        else:
            return
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            return  # `not` removed is the boolean kind already
        if isinstance(test, ast.Compare) and len(test.ops) == 1 and type(test.ops[0]) in _NEGATED:
            return  # `not a == b` is `a != b`, which the comparison kind makes already
        text = self.text(test)
        intended = ast.UnaryOp(ast.Not(), copy.deepcopy(test))
        self.add(kind, test, intended, f"not {text}", f"not ({text})")


def _is_number(node: ast.AST) -> bool:
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        node = node.operand
    return isinstance(node, ast.Constant) and type(node.value) is int


def _edits(target: ast.ClassDef, source: str, starts: list[int]) -> list[_Edit]:
    walker = _Walker(source, starts)
    for statement in target.body:
        walker.walk(statement)
    return walker.edits
