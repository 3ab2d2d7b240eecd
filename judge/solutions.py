"""Split a reference solution into its approaches: explanation (docstring) and code."""

from __future__ import annotations

import ast
import inspect
import re

from judge.records import record


@record
class Section:
    """One approach: `Solution` first (with the module docstring), then `Solution<Name>`s."""

    title: str
    explanation: str
    code: str


def _docstring_lines(node: ast.AST) -> set[int]:
    body = getattr(node, "body", [])
    first = body[0] if body else None
    if not isinstance(first, ast.Expr):
        return set()
    value = first.value
    if isinstance(value, ast.Constant) and isinstance(value.value, str):
        return set(range(first.lineno, (first.end_lineno or first.lineno) + 1))
    return set()


def _title(name: str) -> str:
    """`SolutionQuickselect` -> `Quickselect`; `SolutionTwoPointers` -> `Two Pointers`; `DP`."""
    words = re.findall(r"[A-Z]+(?![a-z])|[A-Z][a-z0-9]*|[a-z0-9]+", name.removeprefix("Solution"))
    return " ".join(words) or "Solution"


def solution_sections(source: str) -> list[Section]:
    """The main approach (module docstring, all other code), then each alternative."""
    tree = ast.parse(source)
    lines = source.splitlines()
    hidden = _docstring_lines(tree)
    alternatives: list[Section] = []
    for node in tree.body:
        if (
            isinstance(node, ast.ClassDef)
            and node.name.startswith("Solution")
            and node.name != "Solution"
        ):
            start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            span = set(range(start, (node.end_lineno or node.lineno) + 1))
            doc = _docstring_lines(node)
            code = "\n".join(lines[i - 1] for i in sorted(span - doc))
            alternatives.append(
                Section(_title(node.name), inspect.cleandoc(ast.get_docstring(node) or ""), code)
            )
            hidden |= span
        elif isinstance(node, ast.ClassDef) and node.name == "Solution":
            hidden |= _docstring_lines(node)
    main_code = "\n".join(line for i, line in enumerate(lines, 1) if i not in hidden)
    main = Section("Solution", ast.get_docstring(tree) or "", _squeeze(main_code))
    return [main, *alternatives]


def _squeeze(code: str) -> str:
    """Drop the blank runs left where docstrings and alternatives were cut out."""
    out: list[str] = []
    for line in code.strip("\n").splitlines():
        if not line.strip() and len(out) >= 2 and not out[-1].strip() and not out[-2].strip():
            continue
        out.append(line)
    return "\n".join(out)
