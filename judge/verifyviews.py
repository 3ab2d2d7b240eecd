"""The terminal views of `judge verify --matrix` and `judge verify --mutants` (their JSON is
`jsonout`'s). Apart from `report`, which every command loads: only these two modes need them.

The matrix must stay readable at 80 columns with a dozen files and fifty cases: cases are its
rows and files its columns, under short labels explained by a legend; the columns are printed
in blocks as wide as the terminal, and in each block runs of cases its files all pass fold
into one line.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator
from typing import Any

from rich.console import Console
from rich.text import Text

from judge import layout
from judge.matrix import HAND, Cell, Matrix, Row
from judge.mutants import MutantResult, MutantsReport
from judge.report import VERDICT_STYLE, labelled, spaced
from judge.results import Verdict

FOLDED = 3  # a run of at least this many cases every file passes is one line
_NAME_WIDTH = 24  # a case name is cut no shorter than this, where a block needs the room
_MARK = "*"  # marks the case that catches a file first


@contextlib.contextmanager
def status(out: Console, what: str, enabled: bool = True) -> Iterator[Callable[[int, int], None]]:
    """A status line while files or mutants run, on a terminal; yields `shown(done, total)`."""
    if not (enabled and out.is_terminal):
        yield lambda done, total: None
        return
    with out.status(f"{what}…") as line:
        yield lambda done, total: line.update(f"{what}: {done}/{total}")


def short_ms(value: float) -> str:
    """A time in a matrix cell: `0.3`, `12`, `1430`."""
    return f"{value:.1f}" if value < 10 else f"{value:.0f}"


def _cell_text(cell: Cell | None, first: bool) -> Text:
    if cell is None:
        return Text("—", style="dim")
    mark = _MARK if first else ""
    text = Text(f"{cell.verdict.value}{mark}", style=VERDICT_STYLE[cell.verdict] if first else "")
    if cell.verdict is Verdict.AC:
        text.stylize("green")
    elif not first:
        text.stylize(VERDICT_STYLE[cell.verdict].replace("bold ", ""))
    return text.append(f" {short_ms(cell.time_ms)}", style="dim")


def _folded_text(cells: list[Cell | None]) -> Text:
    slowest = max((c.time_ms for c in cells if c is not None), default=0.0)
    return Text("AC", style="green").append(f" ≤{short_ms(slowest)}", style="dim")


def render_matrix(out: Console, matrix: Matrix) -> None:
    """`judge verify --matrix` for one problem: the legend, then the matrix in blocks."""
    parts = [
        Text(matrix.problem, style="bold"),
        Text(f"{len(matrix.rows)} files × {len(matrix.cases)} cases", style="dim"),
        Text(f"time limit {matrix.time_limit_ms} ms", style="dim"),
    ]
    out.print(spaced(parts, out.width), soft_wrap=True)
    out.print(_legend(matrix, out.width))
    for row in matrix.unguarded():
        out.print(
            Text(
                f"warning: {row.label} {row.name} is caught by no hand-written case ", "yellow"
            ).append(f"(first by {row.caught_by}): add one that shows its bug", style="yellow"),
            soft_wrap=False,
        )
    for block in _blocks(out, matrix):
        out.print()
        out.print(_block(matrix, block, out.width))
    verdicts = "every file gets its verdict" if matrix.ok else "some files get the wrong verdict"
    tail = Text(f"{_MARK} the case that catches the file first; ", style="dim")
    tail.append(verdicts, style="bold green" if matrix.ok else "bold red")
    out.print(tail)


def _legend(matrix: Matrix, width: int) -> Text:
    columns = [
        layout.Column("", style="bold"),
        layout.Column("file", least=16),
        layout.Column("want"),
        layout.Column("got"),
        layout.Column("caught first by", least=16),
        layout.Column("slowest", right=True),
    ]
    rows = []
    for row in matrix.rows:
        got = Text(row.result.verdict.value, style=VERDICT_STYLE[row.result.verdict])
        if not row.ok:
            got.append(" ✗", style="bold red")
        caught = ""
        if row.caught_by is not None:
            kind = matrix.kind(row.first)
            caught = row.caught_by if kind == HAND else f"{row.caught_by} ({kind})"
        slowest = max((c.time_ms for c in row.cells if c is not None), default=None)
        name = row.name.rsplit("/", 1)[-1]  # its folder is what `want` says
        shown = "" if slowest is None else f"{short_ms(slowest)} ms"
        rows.append([row.label, name, row.wanted.value, got, caught, shown])
    moves = [layout.drop("slowest"), layout.cut("file"), layout.below("caught first by")]
    return layout.render(columns, rows, width, moves, ruled=False)


def _blocks(out: Console, matrix: Matrix) -> list[list[Row]]:
    """The rows split into blocks of columns that fit the terminal's width."""
    name_width = min(_NAME_WIDTH, max((len(n) for n, _ in matrix.cases), default=4))
    cell_width = max(
        (len(_cell_text(c, True).plain) for row in matrix.rows for c in row.cells), default=4
    )
    per_block = max(1, (out.width - name_width - 1) // (cell_width + 2))
    # Even blocks: 13 files at 7 a block print as 7 and 6, not 7 and 1... nearly.
    blocks = -(-len(matrix.rows) // per_block)
    size = -(-len(matrix.rows) // blocks)
    return [matrix.rows[i : i + size] for i in range(0, len(matrix.rows), size)]


def _block(matrix: Matrix, rows: list[Row], width: int) -> Text:
    columns = [layout.Column("case", least=_NAME_WIDTH)]
    columns += [layout.Column(row.label, style="") for row in rows]
    lines = []
    index = 0
    while index < len(matrix.cases):
        end = index
        while end < len(matrix.cases) and _all_pass(rows, end):
            end += 1
        if end - index >= FOLDED:
            folded = Text(f"… {end - index} cases", style="dim")
            lines.append([folded, *(_folded_text(row.cells[index:end]) for row in rows)])
            index = end
            continue
        name, kind = matrix.cases[index]
        label = Text(name, style="" if kind == HAND else "cyan")
        lines.append([label, *(_cell_text(row.cells[index], row.first == index) for row in rows)])
        index += 1
    # A case name is cut only as far as the block needs (it is whole in the JSON).
    return layout.render(columns, lines, width, [layout.cut("case")], ruled=False)


def _all_pass(rows: list[Row], index: int) -> bool:
    return all(
        row.cells[index] is not None and row.cells[index].verdict is Verdict.AC  # type: ignore[union-attr]
        for row in rows
    )


def render_mutants(out: Console, report: MutantsReport) -> None:
    """`judge verify --mutants` for one problem: the counts, which cases kill, the survivors."""
    survivors = report.survivors
    counts = Text(
        f"{len(report.results)} mutants: {len(report.equivalent)} equivalent, "
        f"{len(report.killed)} killed, "
    )
    counts.append(
        f"{len(survivors)} survivor{'' if len(survivors) == 1 else 's'}",
        style="bold red" if survivors else "bold green",
    )
    parts = [
        Text(report.problem, style="bold"),
        counts,
        Text(f"{report.seconds:.1f} s", style="dim"),
    ]
    out.print(spaced(parts, out.width), soft_wrap=True)
    out.print(
        Text(
            f"equivalent: agree with the brute force on all {report.inputs} small inputs (dropped)",
            style="dim",
        )
    )
    killed = ", ".join(f"{case} {count}" for case, count in report.killed_by())
    if killed:
        out.print(Text("killed by: ", style="dim").append(killed), soft_wrap=False)
    for result in survivors:
        _render_survivor(out, result)


def _render_survivor(out: Console, result: MutantResult) -> None:
    mutant, case = result.mutant, result.failure
    assert case is not None and result.values is not None
    out.print()
    out.print(
        Text(f"survivor #{mutant.number}", style="bold red").append(
            f"  {mutant.kind}", style="dim"
        ),
        soft_wrap=True,
    )
    rows: list[tuple[str, str | Text]] = [
        ("Mutant", mutant.diff),
        ("Input", case.input),
        ("Expected", json.dumps(case.expected)),
    ]
    if case.verdict is None:
        rows.append(("Output", json.dumps(case.output)))
    else:
        rows.append(("Verdict", f"{case.verdict.label} ({case.verdict.value})"))
        if case.message:
            rows.append(("Message", case.message))
    commands = [("Add", hand_case(f"mutant-{mutant.number}", result.values, case.expected))]
    out.print(labelled(out, rows, (), "", commands), soft_wrap=True)


def hand_case(name: str, values: dict[str, Any], expected: Any) -> str:
    """The input as a hand case of the spec, one YAML line to paste under `cases:`."""
    shown = ", ".join(f"{key}: {json.dumps(value)}" for key, value in values.items())
    return f"- {{name: {name}, input: {{{shown}}}, expected: {json.dumps(expected)}}}"


def render_mutants_summary(out: Console, reports: list[MutantsReport]) -> None:
    """One line per problem, after a run over several."""
    columns = [
        layout.Column("problem", least=24),
        *(
            layout.Column(name, right=True)
            for name in ("mutants", "equivalent", "killed", "survivors", "time")
        ),
    ]
    rows: list[list[layout.Cell]] = []
    for r in reports:
        survivors = Text(str(len(r.survivors)), style="bold red" if r.survivors else "green")
        counts = (str(len(r.results)), str(len(r.equivalent)), str(len(r.killed)))
        rows.append([r.problem, *counts, survivors, f"{r.seconds:.1f} s"])
    moves = [layout.drop("equivalent"), layout.drop("time"), layout.split("problem")]
    table = layout.render(columns, rows, out.width, moves)
    out.print()
    out.print(table)
