"""Render results and problems for people, in the terminal (rich); JSON is `jsonout`'s."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.text import Text

from judge import codecs, difference, layout
from judge.catalog import Summary
from judge.results import RunResult, Verdict
from judge.spec import Problem

if TYPE_CHECKING:
    from rich.table import Table

    from judge.growth import Curve, FamilyGrowth, GrowthResult
    from judge.history import Entry, Repair
    from judge.stats import Stats
    from judge.stress import StressResult
    from judge.trial import TrialCase, TrialResult

VERDICT_STYLE = {
    Verdict.AC: "bold green",
    Verdict.WA: "bold red",
    Verdict.TLE: "bold yellow",
    Verdict.MLE: "bold yellow",
    Verdict.RE: "bold magenta",
    Verdict.CE: "bold magenta",
    Verdict.OLE: "bold yellow",
}
_SHOWN_CHARS = 600  # a failing input of 10^5 numbers is cut on screen (JSON keeps it whole)


def console(stderr: bool = False) -> Console:
    """A console that drops colour off a terminal and honours NO_COLOR."""
    out = Console(stderr=stderr, highlight=False, soft_wrap=False)
    if not out.is_terminal and "COLUMNS" not in os.environ:
        out.width = 120  # pipes and CI logs: wide enough that tables do not wrap
    return out


def _grid(**options: Any) -> Table:
    """A rich grid; `rich.table` is imported on first use, as it adds 10 ms to start-up."""
    from rich.table import Table

    return Table.grid(**options)


def verdict_text(verdict: Verdict) -> Text:
    return Text(f"{verdict.label} ({verdict.value})", style=VERDICT_STYLE[verdict])


def ms(value: float) -> str:
    """Milliseconds, with a decimal where whole numbers would say 0."""
    return f"{value:.1f} ms" if value < 10 else f"{value:.0f} ms"


def speed(result: RunResult) -> str:
    """ "312 ms, 1.4x the reference": the time, and how it compares on the same cases."""
    text = ms(result.time_ms)
    shown = _relative(result, "at least ")
    return f"{text}, {shown} the reference" if shown else text


def spaced(parts: list[Text], width: int) -> Text:
    """Parts two spaces apart, a line broken only between two parts, so that a narrow
    terminal never cuts "1.4x the reference" in two."""
    line = Text()
    used = 0
    for part in parts:
        if used and used + 2 + part.cell_len > width:
            line.append("\n")
            used = 0
        elif used:
            line.append("  ")
            used += 2
        line.append_text(part)
        used += part.cell_len
    return line


def _cut(text: str, limit: int = _SHOWN_CHARS) -> str:
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text) - limit} more characters)"


def render_result(out: Console, result: RunResult, command: str | None = None) -> None:
    """A submission's verdict, with the failing case the way LeetCode shows it. `command`, the
    file and options it was judged with, is suggested to `judge growth` after a TLE."""
    parts = [verdict_text(result.verdict), Text(result.problem, style="bold")]
    if result.verdict is not Verdict.CE:
        style = "dim" if result.verdict is not Verdict.AC else ""
        parts += [
            Text(f"{result.passed}/{result.total} cases passed", style=style),
            Text(speed(result), style=style),
            Text(f"{result.memory_mb:.1f} MB", style=style),
        ]
    out.print(spaced(parts, out.width), soft_wrap=True)
    for note in result.notes:
        out.print(Text(note, style="dim"), soft_wrap=True)  # one line: it ends with a path
    if result.timed_again:
        cases = "case was" if result.timed_again == 1 else "cases were"
        out.print(
            f"{result.timed_again} {cases} out of line with the rest of the run and timed "
            "again; the better time counts",
            style="dim",
        )
    failure = result.failure
    if failure is None:
        return
    rows: list[tuple[str, str | Text]] = []
    if failure.case is not None:
        rows.append(("Case", failure.case))
    wrong = result.verdict is Verdict.WA
    message = failure.message if failure.message != result.verdict.label else ""
    rows += _case_rows(out, failure, wrong, message)
    out.print(labelled(out, rows, failure.traceback, failure.stdout))
    if result.verdict is Verdict.TLE and command:
        hint = Text(f"See how its time grows with n: judge growth {command}", style="dim")
        out.print(hint, soft_wrap=True)  # one line, to copy whole


_TREE_DRAWN = 15  # an input tree of at most this many nodes is drawn beside the case
_ABSENT_SHOWN = "—"  # a position past the end of the shorter list


def _case_rows(out: Console, case: Any, wrong: bool, message: str) -> list[tuple[str, str | Text]]:
    """The failing case centred on what differs: the input (whole, or its sizes and the part
    that made the first difference), the output beside the expected answer (whole, or aligned
    around the first difference), and the message when it says more. `case` is a `Failure`
    or a `judge run` case: both carry the input, the answers, the difference and the input's
    context."""
    width = max(out.width - _LABEL, 20)
    diff: difference.Difference | None = case.difference if wrong else None
    context: difference.InputContext | None = case.context
    rows: list[tuple[str, str | Text]] = []
    if case.input is not None:
        rows += _input_rows(case.input, context, width)
    if context is not None:
        drawn = _drawn_tree(context, diff, case.output if wrong else None, case.expected)
        if drawn is not None:
            rows.append(("Tree", drawn))
    if wrong:
        rows += _answer_rows(case.expected, case.output, diff, width)
    if message and diff is None:  # else the checker's hint says less than the rows above
        rows.append(("Message", Text(message)))
    return rows


_LABEL = 10  # the labels' column ("Expected" and two spaces)


def _fits(text: str, width: int, lines: int) -> bool:
    return len(text) <= width * lines


def _input_rows(
    text: str, context: difference.InputContext | None, width: int
) -> list[tuple[str, str | Text]]:
    """The input whole when it fits in three lines; else its sizes, the part behind the first
    difference and each long argument cut around its middle, one line each."""
    if context is None or _fits(text, width, 3):
        rows: list[tuple[str, str | Text]] = [("Input", text)]
    else:
        shown = Text(context.sizes())
        for name, value in context.values.items():
            if isinstance(value, list) and context.kinds.get(name) != "tree":
                shown.append(f"\n{name} = ")
                shown.append(_elided(value, width - len(name) - 3), style="dim")
        rows = [("Input", shown)]
    if context is None:
        return rows
    for node in context.nodes:
        if node.path is not None:
            where = f"{node.name} = {codecs.show(node.value)} at {difference.path_text(node.path)}"
            rows.append(("", where))
    part = context.part
    if part is not None:
        if part.path is not None:
            where = f"{difference.path_text(part.path)} ({codecs.show(part.value)}), {part.words}"
            rows.append(("Node", where))
        else:
            values = context.values[part.name][part.start : part.stop]
            head = f"{part.name}[{part.start}:{part.stop}], {part.words}"
            if part.stop - part.start == 1:
                head = f"{part.name}[{part.start}] = {codecs.show(values[0])}, {part.words}"
                rows.append(("Window", head))
            else:
                whole = (
                    f"{part.name}[{part.start}:{part.stop}] = {codecs.show(values)}, {part.words}"
                )
                if len(whole) <= width:
                    rows.append(("Window", whole))
                else:
                    body = Text(head + ":\n").append(_elided(values, width, part.start))
                    rows.append(("Window", body))
    return rows


def _elided(values: list, width: int, first: int = 0) -> str:
    """A list cut to `width` around its middle: `[3,1,…(99994 more)…,7,2]`, as many elements
    from both ends as fit. (`first`: the index of its first element, for the count's sake.)"""
    whole = codecs.show(values)
    if len(whole) <= width:
        return whole
    shown = [codecs.show(v) for v in values]
    head: list[str] = []
    tail: list[str] = []
    used = 2 + len(f",…({len(values)} more)…,")
    while len(head) + len(tail) < len(values):
        taking_head = len(head) <= len(tail)
        item = shown[len(head)] if taking_head else shown[len(values) - 1 - len(tail)]
        if used + len(item) + 1 > width:
            break
        used += len(item) + 1
        (head if taking_head else tail).append(item)
    hidden = len(values) - len(head) - len(tail)
    middle = f"…({hidden} more)…"
    return "[" + ",".join([*head, middle, *reversed(tail)]) + "]"


def _answer_rows(
    expected: Any, output: Any, diff: difference.Difference | None, width: int
) -> list[tuple[str, str | Text]]:
    """Output and Expected whole when both fit in two lines, then where they differ; a long
    list aligned around its first difference instead."""
    out_text, want_text = codecs.show(output), codecs.show(expected)
    short = _fits(out_text, width, 2) and _fits(want_text, width, 2)
    rows: list[tuple[str, str | Text]] = []
    if diff is not None and not isinstance(expected, list):
        # A node answer: each node by its value and its place in the tree.
        rows.append(("Output", _at(out_text, diff.path)))
        rows.append(("Expected", _at(want_text, diff.expected_path)))
        return rows
    if short or diff is None or diff.index is None:
        rows.append(("Output", out_text if short else _elided_any(output, width)))
        rows.append(("Expected", want_text if short else _elided_any(expected, width)))
    if diff is None:
        return rows
    if diff.path is not None:
        rows.append(("Differs", f"first at {difference.path_text(diff.path)}"))
    if diff.index is not None:
        rows.append(("Differs", _aligned(diff, width, short)))
        if diff.lengths_differ:
            rows.append(("Lengths", _lengths(diff)))
    if diff.missing is not None or diff.extra is not None:
        if diff.missing:
            rows.append(("Missing", _counted(diff.missing, width)))
        if diff.extra:
            rows.append(("Extra", _counted(diff.extra, width)))
        if diff.repeated:
            rows.append(("Repeated", _counted(diff.repeated, width)))
        if diff.lengths_differ:
            rows.append(("Lengths", _lengths(diff)))
    return rows


def _lengths(diff: difference.Difference) -> str:
    return f"{diff.output_length} in the output, expected {diff.expected_length}"


def _at(value: str, path: list[str] | None) -> str:
    return value if path is None else f"{value} at {difference.path_text(path)}"


def _elided_any(value: Any, width: int) -> str:
    if isinstance(value, list):
        return _elided(value, width)
    return _cut(codecs.show(value), width)


def _counted(values: list, width: int) -> str:
    """Elements (a multiset, sorted), with how many when they do not all fit."""
    shown = _elided(values, width)
    return shown if len(values) < 4 or shown == codecs.show(values) else f"{shown} ({len(values)})"


def _aligned(diff: difference.Difference, width: int, short: bool) -> Text:
    """`at index 17301 of 50001`, then the positions around it, output beside expected (one
    line when both answers are shown whole already)."""
    assert diff.index is not None
    head = f"at index {diff.index}"
    if diff.inner is not None:
        head += f", inside it at index {diff.inner}"
    if not diff.lengths_differ:
        head += f" of {diff.expected_length}"
    row = next(r for r in diff.rows if r.index == diff.index)
    if short:
        if row.output is difference.ABSENT:
            return Text(
                f"{head}: the output ends where {_value_cell(row.expected, width)} is expected"
            )
        if row.expected is difference.ABSENT:
            return Text(f"{head}: {_value_cell(row.output, width)} where the expected answer ends")
        got, want = (_value_cell(v, width) for v in (row.output, row.expected))
        return Text(f"{head}: {got} where {want} is expected")
    index_w = max(len("index"), *(len(str(r.index)) for r in diff.rows))
    value_w = max(6, (width - index_w - 8) // 2)
    cells = [
        (str(r.index), _value_cell(r.output, value_w), _value_cell(r.expected, value_w))
        for r in diff.rows
    ]
    out_w = max(len("output"), *(len(c[1]) for c in cells))
    want_w = max(len("expected"), *(len(c[2]) for c in cells))
    text = Text(head + "\n")
    text.append(f"  {'index':>{index_w}}  {'output':>{out_w}}  {'expected':>{want_w}}", style="dim")
    for r, (index, got, want) in zip(diff.rows, cells):
        mark = "▸ " if r.differs else "  "
        line = f"\n{mark}{index:>{index_w}}  {got:>{out_w}}  {want:>{want_w}}"
        text.append(line, style="bold" if r.differs else "")
    return text


def _value_cell(value: Any, width: int) -> str:
    if value is difference.ABSENT:
        return _ABSENT_SHOWN
    return _cut_to(codecs.show(value), width)


def _drawn_tree(
    context: difference.InputContext,
    diff: difference.Difference | None,
    output: Any,
    expected: Any,
) -> Text | None:
    """A small input tree drawn as an outline, its node arguments and the nodes the answers
    name marked: LeetCode's level order is hard to read as a tree past a few levels."""
    trees = [n for n, kind in context.kinds.items() if kind == "tree"]
    if not trees or not isinstance(context.values.get(trees[0]), list):
        return None
    nodes = context.values[trees[0]]
    count, _ = difference.shape(nodes)
    if not 2 <= count <= _TREE_DRAWN:
        return None
    marks: dict[int, list[str]] = {}

    def mark(path: list[str] | None, label: str) -> None:
        if path is not None:
            marks.setdefault(_position_of(nodes, path), []).append(label)

    for node in context.nodes:
        mark(node.path, node.name)
    if diff is not None:
        mark(diff.path if diff.expected_path is not None else None, "output")
        mark(diff.expected_path, "expected")
    if context.part is not None and context.part.path is not None:
        mark(context.part.path, context.part.words)
    left, right = difference.children(nodes)
    text = Text()
    stack: list[tuple[int, str, str]] = [(0, "", "")]
    while stack:
        at, prefix, branch = stack.pop()
        text.append(f"{prefix}{branch}{codecs.show(nodes[at])}")
        if at in marks:
            text.append("  ← " + ", ".join(marks[at]), style="bold")
        text.append("\n")
        kids = [(c, side) for c, side in ((left[at], "L"), (right[at], "R")) if c >= 0]
        below = prefix + ("" if not branch else ("│  " if branch.startswith("├") else "   "))
        for i, (child, side) in reversed(list(enumerate(kids))):
            last = i == len(kids) - 1
            stack.append((child, below, ("└─" if last else "├─") + side + " "))
    text.rstrip()
    return text


def _position_of(nodes: list, path: list[str]) -> int:
    left, right = difference.children(nodes)
    at = 0
    for side in path:
        at = left[at] if side == "left" else right[at]
    return at


def labelled(
    out: Console,
    rows: list[tuple[str, str | Text]],
    traceback: Sequence[str],
    stdout: str,
    commands: Sequence[tuple[str, str]] = (),
) -> Text:
    """Labelled values (Input, Output, ...), then the traceback and what the code printed; a
    long value folds under itself. Then `commands`, never folded, so that a copy of one is one
    line (print the result with `soft_wrap`). Plain text, not a table: `rich.table` adds 10 ms
    to a command's start."""
    rows = list(rows)
    if traceback:
        rows.append(("Traceback", Text("\n".join(traceback))))
    if stdout:
        rows.append(("Stdout", Text(stdout.rstrip("\n"))))
    indent = max(len(label) for label, _ in [*rows, *commands]) + 2
    width = max(out.width - indent, 20)
    shown = Text()
    for label, value in rows:
        text = value if isinstance(value, Text) else Text(value)
        for i, line in enumerate(text.wrap(out, width, overflow="fold")):
            shown.append(label.ljust(indent) if i == 0 else " " * indent, style="bold")
            shown.append_text(line)
            shown.append("\n")
    for label, command in commands:
        shown.append(label.ljust(indent), style="bold")
        shown.append(f"{command}\n")
    shown.rstrip()
    return shown


def render_trial(out: Console, result: TrialResult) -> None:
    """`judge run`: each input with the solution's output beside the expected one."""
    if result.compile_error is not None:
        out.print(verdict_text(Verdict.CE).append(f"  {result.problem}", style="bold"))
        out.print(labelled(out, [("Message", Text(result.compile_error))], [], ""))
        return
    for number, case in enumerate(result.cases, 1):
        if number > 1:
            out.print()
        head = Text(f"Case {number}  ", style="bold")
        if case.verdict is not None:
            head.append_text(verdict_text(case.verdict))
        elif case.match:
            head.append("matches", style="bold green")
        else:
            head.append("differs", style="bold red")
        if case.verdict in (None, Verdict.TLE):
            head.append(f"  {ms(case.time_ms)}", style="dim")
        out.print(head)
        out.print(labelled(out, _trial_rows(out, case), case.traceback, case.stdout))
    out.print()
    style = "bold green" if result.matched == result.total else "bold red"
    noun = "output matches" if result.total == 1 else "outputs match"
    out.print(Text(f"{result.matched}/{result.total} {noun} the expected answer", style=style))


def _trial_rows(out: Console, case: TrialCase) -> list[tuple[str, str | Text]]:
    """An input run by `judge run` (or `judge stress`): the input, both answers, what differs,
    in the failure view's shape (see `_case_rows`)."""
    message = case.message
    if case.verdict is not None and message == case.verdict.label:
        message = ""
    rows = _case_rows(out, case, case.verdict is None, message)
    if case.verdict is not None:  # no output: the expected answer is still worth seeing
        rows.insert(1, ("Expected", _elided_any(case.expected, max(out.width - _LABEL, 20))))
    return rows


def render_stress(out: Console, result: StressResult, file: str) -> None:
    """`judge stress`: the smallest failing input found, how to run it and how to find it
    again; or how many inputs showed no difference. `file`: the file as a command names it."""
    import shlex

    again = f"judge stress {file} --seed {result.seed}"
    if result.compile_error is not None:
        out.print(verdict_text(Verdict.CE).append(f"  {result.problem}", style="bold"))
        out.print(labelled(out, [("Message", Text(result.compile_error))], [], ""))
        return
    case = result.case
    if case is None:
        out.print(
            Text(
                f"{result.problem}: no difference found in {result.examples_run} inputs", "bold"
            ).append(f"  (seed {result.seed})", style="dim")
        )
        return
    size = f"{result.size} element{'' if result.size == 1 else 's'}"
    if result.original_size != result.size:
        size = f"shrunk from {result.original_size} to {size}"
    parts = [
        verdict_text(case.verdict or Verdict.WA),
        Text(result.problem, style="bold"),
        Text(f"random input {result.examples_run}, {size}", style="dim"),
    ]
    out.print(spaced(parts, out.width), soft_wrap=True)
    commands = [
        ("Run it", f"judge run {file} --case {shlex.quote(case.input)}"),
        ("Again", again),
    ]
    shown = labelled(out, _trial_rows(out, case), case.traceback, case.stdout, commands)
    out.print(shown, soft_wrap=True)  # folded already, except the commands


def render_watched(out: Console, name: str, result: RunResult | TrialResult) -> None:
    """One judging of `judge watch`: a rule with the time, then the verdict or the run."""
    import time

    out.rule(Text(f"{time.strftime('%H:%M:%S')}  {name}", style="dim"), style="dim")
    if isinstance(result, RunResult):
        render_result(out, result, quoted(name))
    else:
        render_trial(out, result)


def _power(curve: Curve) -> str:
    """The growth as a power of n: "n^2.0", or "n^7.2 or faster" for a lower bound."""
    assert curve.exponent is not None
    return f"n^{curve.exponent:.1f}" + (" or faster" if curve.at_least else "")


def _growth_cell(curve: Curve | None, unfinished: bool = False) -> Text:
    """A program's growth on one family: "n^2.0  about n^2", or why there is no exponent."""
    if curve is None:
        return Text("no reference", style="dim")
    if curve.exponent is not None:
        return Text(f"{_power(curve)}  ").append(curve.label or "", style="dim")
    if curve.failed:
        return Text("fails", style=VERDICT_STYLE[Verdict.RE])
    if unfinished:
        return Text("does not finish", style=VERDICT_STYLE[Verdict.TLE])
    return Text("too fast to tell", style="dim")


def _largest_run(family: FamilyGrowth) -> str:
    ran = [n for n, t in zip(family.sizes, family.solution.times_ms) if t is not None]
    return f"{ran[-1]:,}" if ran else "none"


def _growth_headline(result: GrowthResult) -> Text:
    """The worst family in words: "Grows like n^2.0 on equal values (reference n^1.0)"."""
    worst = result.worst
    if worst is None:
        return Text(
            "Too fast to tell on every family: no size took long enough to time its growth.",
            style="bold green",
        )
    reference = worst.reference
    if reference is None:
        theirs = "no reference"
    elif reference.exponent is None:
        theirs = "reference too fast to tell"
    else:
        theirs = f"reference {_power(reference)}"
    style = "bold yellow" if result.slower else "bold green"
    if worst.solution.exponent is None:
        return Text(
            f"Does not finish on {worst.words} ({theirs}): {worst.solution.stopped}.", style
        )
    text = f"Grows like {_power(worst.solution)} on {worst.words} ({theirs})"
    text += f": {worst.solution.label}"
    if reference is not None and reference.label is not None:
        text += f", where the reference is {reference.label}"
    return Text(text + ".", style)


def render_growth(out: Console, result: GrowthResult) -> None:
    """`judge growth`: every family's exponents, the worst in words, and its log-log chart."""
    if result.compile_error is not None:
        out.print(verdict_text(Verdict.CE).append(f"  {result.problem}", style="bold"))
        out.print(labelled(out, [("Message", Text(result.compile_error))], [], ""))
        return
    from judge import chart
    from judge.growth import FLOOR_MS

    name = os.path.basename(result.file)
    columns = [
        layout.Column("family", least=10),
        layout.Column(name, least=12),
        layout.Column("reference", least=12),
        layout.Column("largest n", right=True),
    ]
    rows: list[list[str | Text]] = [
        [
            f.words,
            _growth_cell(f.solution, f.unfinished),
            _growth_cell(f.reference),
            _largest_run(f),
        ]
        for f in result.families
    ]
    moves = [layout.drop("largest n"), layout.wrap(name), layout.wrap("reference")]
    moves.append(layout.wrap("family"))
    table = layout.render(columns, rows, out.width, moves)
    about = "" if result.n == "n" else f", where n is {result.n}"
    out.print(Text(f"{result.problem}: CPU time against n{about}", style="bold"))
    out.print(table)
    for f in result.families:
        if f.solution.failed:
            out.print(Text(f"{f.words}: {f.solution.stopped}", style=VERDICT_STYLE[Verdict.RE]))
    out.print(_growth_headline(result))
    shown = result.worst or result.families[0]
    series = [chart.Series(name, "●", "yellow", _points(shown.sizes, shown.solution.times_ms))]
    if shown.reference is not None:
        points = _points(shown.sizes, shown.reference.times_ms)
        series.append(chart.Series("reference", "○", "cyan", points))
    out.print()
    out.print(Text(f"CPU time against n, both on log scales: {shown.words}", style="dim"))
    width = max(24, min(64, out.width - 12))
    out.print(chart.loglog(series, width=width, x_name="n"))
    caps = {f.solution.over[1] for f in result.families if f.solution.over}
    note = "Each time is the fastest of several runs; exponents fit the largest sizes above "
    note += f"{FLOOR_MS} ms"
    if caps:
        note += f", and a ladder stops where a run would take over {max(caps):.0f} ms"
    out.print(Text(note + ".", style="dim"))


def _points(sizes: list[int], times: list[float | None]) -> list[tuple[float, float]]:
    return [(float(n), t) for n, t in zip(sizes, times) if t is not None and t > 0]


def quoted(*words: str) -> str:
    """Words as a shell reads them back."""
    import shlex

    return " ".join(shlex.quote(word) for word in words)


def results_table(results: Iterable[RunResult], width: int) -> Text:
    """The summary of `judge all`: a failing file's note goes on a line of its own under its
    row when the terminal is too narrow for it beside the figures."""
    columns = [
        layout.Column("problem", least=24),
        layout.Column("verdict"),
        layout.Column("cases", right=True),
        layout.Column("time", right=True),
        layout.Column("vs reference", right=True),
        layout.Column("memory", right=True),
        layout.Column("note", least=30),
    ]
    rows: list[list[str | Text]] = []
    for r in results:
        note = ""
        if r.failure is not None:
            note = f"{r.failure.case}: " if r.failure.case else ""
            note += r.failure.message.splitlines()[0] if r.failure.message else ""
        elif r.notes:
            note = r.notes[0]
        rows.append(
            [
                r.problem,
                Text(r.verdict.value, style=VERDICT_STYLE[r.verdict]),
                f"{r.passed}/{r.total}",
                ms(r.time_ms),
                _relative(r),
                f"{r.memory_mb:.0f} MB",
                _cut(note, 200),
            ]
        )
    moves = [
        layout.wrap("note"),
        layout.below("note"),
        layout.drop("memory"),
        layout.drop("vs reference"),
        layout.split("problem"),
        layout.drop("time"),
    ]
    return layout.render(columns, rows, width, moves)


def _relative(result: RunResult, bound: str = "≥") -> str:
    """The ratio as 1.4x or 12x; a run stopped at the limit took at least that long, so its
    ratio is a lower bound and says so with `bound`."""
    value = result.relative
    if value is None:
        return ""
    prefix = bound if result.verdict is Verdict.TLE else ""
    return f"{prefix}{value:.1f}x" if value < 10 else f"{prefix}{value:.0f}x"


def problems_table(
    problems: list[Summary], width: int, statuses: dict[str, str] | None = None
) -> Text:
    """`judge list`; with the history's statuses, a column of them (blank: not started)."""
    columns = [
        layout.Column("#", right=True),
        layout.Column("slug", style="bold", least=24),
        layout.Column("title", least=20),
        layout.Column("difficulty"),
    ]
    if statuses is not None:
        columns.append(layout.Column("status"))
    columns.append(layout.Column("tags", style="dim", least=14))
    colour = {"Easy": "green", "Medium": "yellow", "Hard": "red"}
    rows = []
    for p in problems:
        cells: list[str | Text] = [
            str(p.number),
            p.slug,
            p.title,
            Text(p.difficulty, style=colour[p.difficulty]),
        ]
        if statuses is not None:
            status = statuses.get(p.slug, "")
            cells.append(Text(status, style=_STATUS_STYLE.get(status, "")))
        rows.append([*cells, ", ".join(p.tags)])
    # The list is an overview, a line per problem where it can be: the tags are cut first
    # (`judge show` gives them all), then the title wraps.
    moves = [
        layout.cut("tags"),
        layout.wrap("title"),
        layout.drop("tags"),
        layout.drop("title"),
        layout.drop("difficulty"),
        layout.split("slug"),
    ]
    return layout.render(columns, rows, width, moves)


_STATUS_STYLE = {"solved": "green", "attempted": "yellow", "not started": "dim"}


def render_problem(out: Console, p: Problem) -> None:
    """`judge show`: statement, examples, constraints and the method to write."""
    from rich.markdown import Markdown
    from rich.panel import Panel
    from rich.syntax import Syntax

    out.print(Text(f"{p.number}. {p.title}", style="bold"), Text(f"  {p.difficulty}", style="dim"))
    out.print(Text(", ".join(p.tags), style="dim"))
    out.print(Markdown(p.statement))
    for i, case in enumerate(p.examples, 1):
        lines = p.example_lines(case)
        out.print(
            Panel(Text("\n".join(lines)), title=f"Example {i}", title_align="left", expand=False)
        )
    out.print(Text("Constraints", style="bold"))
    out.print(Markdown("\n".join(f"- {c}" for c in p.constraints)))
    out.print(Text("Write", style="bold"))
    out.print(Syntax(p.signature(), "python", background_color="default"))
    from judge import calibration

    limits = f"Limits: {p.time_ms} ms CPU per case on the reference machine"
    measured = calibration.load()
    if measured is not None and measured.factor != 1:
        limits += f" ({calibration.limit_ms(p.time_ms, measured.factor)} ms on this one)"
    out.print(Text(f"{limits}, {p.memory_mb} MB memory", style="dim"))


def render_solution(out: Console, p: Problem) -> None:
    """`judge solution`: each approach's explanation, then its code."""
    from rich.console import Group
    from rich.markdown import Markdown
    from rich.syntax import Syntax

    from judge.solutions import solution_sections

    sections = solution_sections(p.reference.read_text(encoding="utf-8"))
    out.print(Text(f"{p.number}. {p.title} — reference solution", style="bold"))
    for i, section in enumerate(sections):
        if i:
            out.rule(section.title)
        parts: list[Any] = []
        if section.explanation:
            parts.append(Markdown(section.explanation))
        parts.append(Syntax(section.code, "python", line_numbers=False, background_color="default"))
        out.print(Group(*parts))


class _CaseStatus:
    """A transient "case 12/33" line while a submission is judged on a terminal."""

    def __init__(self, out: Console, enabled: bool) -> None:
        self.status = out.status("Judging…") if enabled and out.is_terminal else None

    def __enter__(self) -> _CaseStatus:
        if self.status is not None:
            self.status.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.status is not None:
            self.status.__exit__(None, None, None)

    def advance(self, event: Any) -> None:
        if self.status is not None:
            self.status.update(f"Judging… case {event.index + 1} ({event.result.name}) done")


def case_status(out: Console, enabled: bool = True) -> _CaseStatus:
    return _CaseStatus(out, enabled)


def with_progress(
    out: Console, total: int, finished: Iterable[tuple[int, RunResult]]
) -> Iterator[tuple[int, RunResult]]:
    """Pass results on as they finish, with a progress bar on a terminal."""
    if not out.is_terminal:
        yield from finished
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=out, transient=True) as progress:
        task = progress.add_task("judging", total=total)
        for position, result in finished:
            progress.update(task, description=f"judged {result.problem}", advance=1)
            yield position, result


@contextlib.contextmanager
def measuring(out: Console) -> Iterator[Callable[[str], None]]:
    """A status line while `judge growth` measures, on a terminal; yields what updates it."""
    if not out.is_terminal:
        yield lambda text: None
        return
    with out.status("Measuring…") as status:
        yield lambda text: status.update(f"Measuring: {text}")


def run_checks(out: Console, problems: list[Any], verify_one: Callable, enabled: bool) -> list[Any]:
    """Run `judge verify` checks with a status line on a terminal; returns every check."""
    checks: list[Any] = []
    status = out.status("Verifying…") if enabled and out.is_terminal else None
    if status is not None:
        status.start()
    try:
        for problem in problems:
            for check in verify_one(problem):
                checks.append(check)
                if status is not None:
                    status.update(f"Verifying {problem.slug}: {check.name}")
    finally:
        if status is not None:
            status.stop()
    return checks


def checks_table(checks: list[Any], width: int) -> Text:
    """`judge verify`: one row per check; its detail word-wraps, or goes under the row."""
    columns = [
        layout.Column("problem", least=20),
        layout.Column("check", least=28),
        layout.Column("result"),
        layout.Column("detail", least=24),
    ]
    rows = []
    previous = None
    for c in checks:
        shown = c.problem if c.problem != previous else ""
        previous = c.problem
        rows.append([shown, c.name, _CHECK_STATUS[c.status], _cut(c.detail, 200)])
    moves = [
        layout.wrap("detail"),
        layout.wrap("check"),
        layout.below("detail"),
        layout.split("problem"),
    ]
    return layout.render(columns, rows, width, moves)


_CHECK_STATUS = {
    "ok": Text("ok", style="green"),
    "failed": Text("FAIL", style="bold red"),
    "skipped": Text("skip", style="dim"),
    "warning": Text("warn", style="bold yellow"),
}


def checks_summary(checks: list[Any]) -> Text:
    """`judge verify`'s last line: the checks that ran and passed, then those skipped and
    those with a warning (neither changes the exit status)."""
    ran = [c for c in checks if c.status != "skipped"]
    passed = sum(1 for c in ran if c.ok)
    text = f"{passed}/{len(ran)} checks passed"
    skipped = len(checks) - len(ran)
    warned = sum(1 for c in ran if c.status == "warning")
    if skipped:
        text += f", {skipped} skipped"
    if warned:
        text += f", {warned} with a warning"
    return Text(text, style="bold red" if passed < len(ran) else "bold green")


def render_calibration(out: Console, result: Any) -> None:
    """`judge calibrate`: the factor, where it came from, and what it does to a limit."""
    from judge import calibration

    grid = _grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    how = "pinned with --set" if result.pinned else f"workload {result.workload_ms:.1f} ms here"
    grid.add_row("Machine factor", Text(f"{result.factor:.2f}x", style="bold"))
    grid.add_row("Measured", f"{how}, {calibration.REFERENCE_MS:.1f} ms on the reference machine")
    grid.add_row("This machine", result.machine)
    grid.add_row("Reference", calibration.REFERENCE_MACHINE)
    example = calibration.limit_ms(1000, result.factor)
    grid.add_row("Effect", f"a 1000 ms limit in a spec is {example} ms here (before --time-scale)")
    out.print(grid)


def protections_table(protections: list[Any], width: int) -> Text:
    """`judge doctor`: one row per protection; what it does word-wraps, or goes under it."""
    columns = [
        layout.Column("protection"),
        layout.Column("active"),
        layout.Column("what it does", least=30),
    ]
    rows = []
    for p in protections:
        mark = Text("yes", style="green") if p.active else Text("no", style="yellow")
        rows.append([p.name, mark, p.detail])
    moves = [layout.wrap("what it does"), layout.below("what it does")]
    return layout.render(columns, rows, width, moves)


def _when(at: float) -> str:
    """A recorded time in local time, to the minute."""
    import time

    return time.strftime("%Y-%m-%d %H:%M", time.localtime(at))


def _ratio(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:.1f}x" if value < 10 else f"{value:.0f}x"


def render_history(out: Console, entries: list[Entry], total: int, slug: str | None) -> None:
    """`judge history`: one line per submission, newest first. Plain aligned text, no rules;
    on a narrow terminal the file's name is cut, then the lesser columns go, so that a line
    never wraps."""
    if not entries:
        what = f"of {slug} " if slug else ""
        out.print(f"no submissions {what}yet", style="dim")
        return
    columns = [
        layout.Column("id", right=True),
        layout.Column("when"),
        layout.Column("problem", least=16),
        layout.Column("verdict"),
        layout.Column("cases", right=True),
        layout.Column("time", right=True),
        layout.Column("vs ref", right=True),
        layout.Column("failed on", least=12),
        layout.Column("file", style="dim", least=12),
    ]
    rows: list[list[str | Text]] = []
    for e in entries:
        compiled = e.verdict != Verdict.CE.value
        verdict = Verdict(e.verdict) if e.verdict in Verdict.__members__ else None
        rows.append(
            [
                str(e.id),
                _when(e.at),
                e.problem,
                Text(e.verdict, style=VERDICT_STYLE[verdict] if verdict else ""),
                f"{e.passed}/{e.total}" if compiled else "",
                ms(e.time_ms) if compiled else "",
                _ratio(e.relative),
                e.failed_case or "",
                os.path.basename(e.path),
            ]
        )
    moves = [
        layout.cut("file"),
        layout.drop("vs ref"),
        layout.split("failed on"),
        layout.drop("file"),
        layout.drop("when"),
        layout.drop("time"),
        layout.split("problem"),
    ]
    out.print(layout.render(columns, rows, out.width, moves, ruled=False))
    if total > len(entries):
        out.print(f"{len(entries)} of {total} submissions; --limit N shows more", style="dim")


def _cut_to(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def render_submission(out: Console, entry: Entry, source: bytes | None) -> None:
    """`judge history --show ID`: the verdict as Python comments, then the source as it was
    judged, byte for byte off a terminal (so that `> old.py` gets the file back)."""
    import sys

    verdict = Verdict(entry.verdict) if entry.verdict in Verdict.__members__ else None
    label = f"{verdict.label} ({verdict.value})" if verdict else entry.verdict
    head = f"# submission {entry.id}: {label} on {entry.problem}"
    if entry.verdict != Verdict.CE.value:
        head += f", {entry.passed}/{entry.total} cases passed, {ms(entry.time_ms)}"
    if entry.failed_case:
        head += f", failed on {entry.failed_case}"
    out.print(Text(head, style=VERDICT_STYLE[verdict] if verdict else ""), soft_wrap=True)
    out.print(
        Text(
            f"# judged {_when(entry.at)} by judge {entry.judge_version} ({entry.command}) "
            f"from {entry.path}",
            style="dim",
        ),
        soft_wrap=True,
    )
    if source is None:
        out.print("# its source was lost to damage in the history file", style="dim")
        return
    if out.is_terminal:
        from rich.syntax import Syntax

        text = source.decode("utf-8-sig", "replace")
        out.print(Syntax(text, "python", background_color="default"))
        return
    sys.stdout.flush()
    sys.stdout.buffer.write(source if source.endswith(b"\n") or not source else source + b"\n")
    sys.stdout.flush()


def stats_table(progress: Stats, width: int) -> Text:
    """`judge stats`: one row per problem; a problem not started is left blank, as in
    `judge list`, so that what was done stands out."""
    columns = [
        layout.Column("problem", least=24),
        layout.Column("status"),
        layout.Column("attempts", right=True),
        layout.Column("first AC"),
        layout.Column("best time", right=True),
        layout.Column("last"),
    ]
    rows: list[list[str | Text]] = []
    for p in progress.problems:
        best = ""
        if p.best_time_ms is not None:
            best = ms(p.best_time_ms) + (f", {_ratio(p.best_ratio)}" if p.best_ratio else "")
        last = Verdict(p.last_verdict) if p.last_verdict in Verdict.__members__ else None
        rows.append(
            [
                p.problem,
                Text(p.status if p.attempts else "", style=_STATUS_STYLE.get(p.status, "")),
                str(p.attempts) if p.attempts else "",
                p.first_accepted.isoformat() if p.first_accepted else "",
                best,
                Text(last.value, style=VERDICT_STYLE[last]) if last else "",
            ]
        )
    # On a narrow terminal the first accepted day goes first, then the problem's name wraps
    # after its hyphens; a figure is never cut.
    moves = [layout.drop("first AC"), layout.split("problem"), layout.drop("attempts")]
    return layout.render(columns, rows, width, moves)


# A day's cell by its count: the glyph tells the level without colour, the colour (GitHub's and
# LeetCode's greens) on a terminal.
_LEVELS = ((0, "·", "dim"), (1, "░", "#0e4429"), (2, "▒", "#006d32"), (4, "▓", "#26a641"))
_TOP_LEVEL = (7, "█", "#39d353")


def _cell(count: int) -> tuple[str, str]:
    for floor, glyph, style in reversed((*_LEVELS, _TOP_LEVEL)):
        if count >= floor:
            return glyph, style
    return _LEVELS[0][1], _LEVELS[0][2]


def calendar(progress: Stats, width: int) -> Text:
    """Submissions per day over the last weeks that fit in `width` (a year at most), one
    column a week, Sunday on top, months named above: LeetCode's profile, in characters."""
    import datetime as dt

    from judge.stats import calendar_weeks

    weeks = max(4, min(52, (width - 5) // 2))
    today = dt.date.today()
    columns = calendar_weeks(progress.days, weeks, today)
    first = today - dt.timedelta(days=(today.weekday() + 1) % 7, weeks=weeks - 1)
    in_view = sum(c for column in columns for c in column if c)
    text = Text()
    span = "year" if weeks == 52 else f"{weeks} weeks"
    noun = "submission" if in_view == 1 else "submissions"
    text.append(f"{in_view} {noun} in the last {span}\n", style="bold")
    # A month is named above the week it begins in; the first column's month, already under
    # way, only if its name fits before the next one's (as on GitHub's and LeetCode's).
    starts = [w for w in range(1, weeks) if (first + dt.timedelta(weeks=w)).day <= 7]
    if not starts or starts[0] >= 2:
        starts.insert(0, 0)
    months = [" "] * (weeks * 2 + 2)
    for week in starts:
        months[week * 2 : week * 2 + 3] = (first + dt.timedelta(weeks=week)).strftime("%b")
    text.append("    " + "".join(months).rstrip() + "\n", style="dim")
    for weekday, name in enumerate(("", "Mon", "", "Wed", "", "Fri", "")):
        text.append(f"{name:<4}", style="dim")
        for column in columns:
            count = column[weekday]
            if count is None:
                break
            glyph, style = _cell(count)
            text.append(glyph + " ", style=style)
        text.rstrip()
        text.append("\n")
    text.append("    less ", style="dim")
    for _, glyph, style in (*_LEVELS, _TOP_LEVEL):
        text.append(glyph + " ", style=style)
    text.append("more", style="dim")
    return text


def render_stats(out: Console, progress: Stats) -> None:
    """`judge stats`: the problems, the total, then the calendar."""
    out.print(stats_table(progress, out.width))
    style = "bold green" if progress.total and progress.solved == progress.total else "bold"
    noun = "submission" if progress.submissions == 1 else "submissions"
    out.print(
        f"{progress.solved} of {progress.total} solved, {progress.submissions} {noun}", style=style
    )
    out.print()
    out.print(calendar(progress, out.width))


def render_repair(out: Console, result: Repair) -> None:
    """`judge history --repair`: what was found, and what was kept."""
    if not result.found:
        out.print(f"no history at {result.path} yet: nothing to repair")
        return
    submissions = _count(result.submissions, "submission")
    versions = _count(result.sources, "version of a file", "versions of files")
    if result.sound:
        out.print(
            f"{result.path} is sound ({submissions}, {versions}): nothing to repair",
            soft_wrap=True,
        )
        return
    lost = result.highest_id - result.submissions
    line = Text(f"repaired {result.path}: ", style="bold")
    line.append(f"kept {submissions}")
    if lost > 0:
        line.append(f" ({lost} of ids 1 to {result.highest_id} could not be read)")
    line.append(f" and {versions}")
    if result.without_source:
        line.append(f" ({_count(result.without_source, 'submission')} without the source)")
    out.print(line, soft_wrap=True)
    out.print(f"the damaged file is kept as {result.kept_as}", style="dim", soft_wrap=True)


def _count(n: int, one: str, many: str | None = None) -> str:
    """ "1 submission", "2 submissions"."""
    return f"{n} {one if n == 1 else (many or one + 's')}"
