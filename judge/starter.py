"""The file a LeetCode user starts from (`judge new`): the problem as comments, then `class
Solution` with the method to write, as LeetCode's editor begins it.

`starter` only builds the text; `destination` and `save` decide where it goes and write it.
"""

from __future__ import annotations

import os
import re
import textwrap
import uuid
from pathlib import Path

from judge import codecs
from judge.errors import UsageError
from judge.spec import Problem

# Comment lines are wrapped to this width, `# ` included: inside the 100 columns ruff allows.
WIDTH = 96

TREE_NODE = """\
# Definition for a binary tree node.
# class TreeNode:
#     def __init__(self, val=0, left=None, right=None):
#         self.val = val
#         self.left = left
#         self.right = right"""

# LeetCode's first definition, which its editor still shows for problems that hand out nodes
# (lowest common ancestor); the judge's TreeNode takes both `TreeNode(x)` and keywords.
TREE_NODE_X = """\
# Definition for a binary tree node.
# class TreeNode:
#     def __init__(self, x):
#         self.val = x
#         self.left = None
#         self.right = None"""

# A body that returns a value of the answer's type, so the untouched file is judged (a wrong
# answer) rather than refused.
_PLACEHOLDER = {
    "int": "return 0",
    "float": "return 0.0",
    "bool": "return False",
    "str": 'return ""',
    "list": "return []",
    "tree": "return None",
    "none": "pass",
}
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_LIST_ITEM = re.compile(r"\s*(?:[-*+]|\d+[.)])\s+")
_LABEL = re.compile(r"Explanation: ")


def starter(problem: Problem) -> str:
    """The whole starter file: what the user reads first, then the method they fill in."""
    parts = ["\n".join(header(problem))]
    method = problem.signature()
    if uses_trees(problem):
        method = f"{TREE_NODE_X if problem.takes_nodes else TREE_NODE}\n{method}"
    parts.append(f"{method}\n{body(problem)}")
    return "\n\n\n".join(parts) + "\n"


def header(problem: Problem) -> list[str]:
    """The comment block LeetCode's page shows: title, statement, examples, constraints."""
    lines = [f"# {problem.number}. {problem.title} ({problem.difficulty})", "#"]
    lines += comment(problem.statement)
    for i, case in enumerate(problem.examples, 1):
        lines += ["#", f"# Example {i}:"]
        for line in problem.example_lines(case):
            # Input and output stay whole lines, so that they can be copied as they are.
            lines += comment(line) if line.startswith("Explanation:") else [f"# {line}"]
    lines += ["#", "# Constraints:"]
    for constraint in problem.constraints:
        lines += comment(f"- {constraint}")
    return lines


def comment(text: str) -> list[str]:
    """Markdown as `# ` lines: the author's line breaks kept (lists and code stay readable),
    bold markers dropped, and lines longer than WIDTH wrapped."""
    lines = []
    for line in plain(text).expandtabs().strip("\n").splitlines():
        line = line.rstrip()
        if len(line) + 2 <= WIDTH:
            lines.append(f"# {line}" if line else "#")
            continue
        # Continued lines start under the text of their list item or explanation.
        item = _LIST_ITEM.match(line) or _LABEL.match(line)
        indent = " " * (item.end() if item else len(line) - len(line.lstrip()))
        wrapped = textwrap.wrap(
            line,
            WIDTH - 2,
            subsequent_indent=indent,
            break_long_words=False,
            break_on_hyphens=False,
        )
        lines += [f"# {part}" for part in wrapped]
    return lines


def plain(text: str) -> str:
    """Markdown's `**bold**` as plain text; code in backticks is kept as written."""
    pieces = text.split("`")  # the even pieces lie outside backticks
    return "`".join(_BOLD.sub(r"\1", p) if i % 2 == 0 else p for i, p in enumerate(pieces))


def uses_trees(problem: Problem) -> bool:
    """Whether the method sees a TreeNode, so the file shows LeetCode's definition of one."""
    types = [p.parsed for p in problem.params] + [codecs.parse_type(problem.returns)]
    return any(_has_tree(t) for t in types)


def _has_tree(t: codecs.Type) -> bool:
    return t.kind == "tree" or (t.item is not None and _has_tree(t.item))


def body(problem: Problem) -> str:
    """The method's body: LeetCode's docstring for methods that only change an argument, then
    a placeholder."""
    indent = " " * 8
    lines = []
    kind = "tree" if problem.checker == "node_value" else codecs.parse_type(problem.returns).kind
    if problem.in_place and kind == "none":
        lines += [
            '"""',
            f"Do not return anything, modify {problem.in_place} in-place instead.",
            '"""',
        ]
    lines.append(_PLACEHOLDER[kind])
    return "\n".join(indent + line for line in lines)


def destination(slug: str, output: str | None) -> Path | None:
    """Where `judge new` writes: `<slug>.py` in the current folder, else `output` (a folder
    gets `<slug>.py` inside it); None for `-`, standard output."""
    if output == "-":
        return None
    if output is None:
        return Path(f"{slug}.py")
    path = Path(output)
    if path.is_dir() or output.endswith(("/", os.sep)):
        return path / f"{slug}.py"
    return path


def save(path: Path, text: str, force: bool = False) -> None:
    """Write `text` to `path` in one step (a temporary file beside it, then a rename), so an
    interrupted write never leaves half a file; an existing file is replaced only by `force`."""
    if not force and (path.exists() or path.is_symlink()):
        raise UsageError(f"{path} already exists; pass --force to overwrite it")
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        # O_EXCL: never write through someone else's file; 0o666 less the umask, as any editor.
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        try:
            with open(fd, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
                f.flush()
                os.fsync(f.fileno())
            os.replace(temporary, path)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
