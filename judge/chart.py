"""A log-log chart drawn with characters, for time against input size in a terminal.

Each series is a list of (x, y) points, drawn as its marker joined by dots; both axes are
logarithmic, with ticks at the powers of ten inside the range (and at its ends when fewer than
two fit). The result is a rich `Text`, so it keeps its colours on a terminal and falls back to
its markers alone without one.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence

from rich.text import Text

from judge.records import record


@record
class Series:
    """One line of the chart."""

    label: str
    marker: str  # one character
    style: str
    points: list[tuple[float, float]]  # (x, y), both positive


def _ticks(low: float, high: float, show: Callable[[float], str]) -> list[tuple[float, str]]:
    """Ticks for a log axis from `low` to `high`: the powers of ten inside, or the ends."""
    ticks = [
        (10.0**k, show(10.0**k))
        for k in range(math.ceil(math.log10(low) - 1e-9), math.floor(math.log10(high) + 1e-9) + 1)
    ]
    if len(ticks) < 2:
        ticks = sorted({(low, show(low)), (high, show(high)), *ticks})
    return ticks


def show_count(x: float) -> str:
    """A size on an axis: 64, 1k, 100k, 1M."""
    for bound, suffix in ((1e6, "M"), (1e3, "k")):
        if x >= bound:
            value = x / bound
            return (
                f"{value:.0f}{suffix}"
                if value >= 10 or value == int(value)
                else f"{value:.1f}{suffix}"
            )
    return f"{x:.0f}"


def show_ms(y: float) -> str:
    """A time on an axis: 0.01 ms, 1 ms, 100 ms, 2 s."""
    if y >= 1000:
        return f"{y / 1000:g} s"
    return f"{y:.2g} ms" if y < 1 else f"{y:.0f} ms"


def loglog(series: Sequence[Series], width: int = 56, height: int = 12, x_name: str = "n") -> Text:
    """The series on one log-log chart of `width` by `height` cells, with axes and a legend."""
    points = [p for s in series for p in s.points]
    if not points:
        return Text("(nothing to draw)", style="dim")
    xs, ys = [x for x, _ in points], [y for _, y in points]
    x0, x1 = min(xs), max(xs)
    y0, y1 = min(ys), max(ys)
    if x1 <= x0:
        x0, x1 = x0 / 2, x1 * 2
    if y1 <= y0 * 1.5:  # a flat series still gets a little height
        y0, y1 = y0 / 2, y1 * 2
    lx0, lx1, ly0, ly1 = math.log(x0), math.log(x1), math.log(y0), math.log(y1)

    def cell(x: float, y: float) -> tuple[int, int]:
        column = round((math.log(x) - lx0) / (lx1 - lx0) * (width - 1))
        row = round((ly1 - math.log(y)) / (ly1 - ly0) * (height - 1))
        return row, column

    grid: list[list[tuple[str, str]]] = [[(" ", "")] * width for _ in range(height)]
    for s in series:  # the dots joining each series' points, under every marker
        ordered = sorted(s.points)
        for (xa, ya), (xb, yb) in itertools.pairwise(ordered):
            (ra, ca), (rb, cb) = cell(xa, ya), cell(xb, yb)
            steps = max(abs(rb - ra), abs(cb - ca))
            for i in range(1, steps):
                r = round(ra + (rb - ra) * i / steps)
                c = round(ca + (cb - ca) * i / steps)
                if grid[r][c][0] == " ":
                    grid[r][c] = ("·", s.style)
    for s in reversed(series):  # the first series' markers on top
        for x, y in s.points:
            r, c = cell(x, y)
            grid[r][c] = (s.marker, f"bold {s.style}")

    y_ticks = {cell(x0, y)[0]: label for y, label in _ticks(y0, y1, show_ms)}
    margin = max(len(label) for label in y_ticks.values()) + 1
    out = Text()
    for r, row in enumerate(grid):
        label = y_ticks.get(r)
        out.append(f"{label:>{margin - 1}} ┤" if label else " " * margin + "│", style="dim")
        for char, style in row:
            out.append(char, style=style)
        out.append("\n")
    x_ticks = [(cell(x, y0)[1], label) for x, label in _ticks(x0, x1, show_count)]
    axis = ["─"] * width
    labels = [" "] * (width + 8)
    end = -2  # the last column a label takes, so that labels keep a space between them
    for column, label in x_ticks:
        axis[column] = "┬"
        start = max(0, column - len(label) // 2)
        if start > end + 1:
            labels[start : start + len(label)] = label
            end = start + len(label) - 1
    out.append(" " * margin + "└" + "".join(axis) + "\n", style="dim")
    out.append(" " * (margin + 1) + "".join(labels).rstrip() + f"  {x_name}\n", style="dim")
    for i, s in enumerate(series):
        out.append("  " if i else " " * margin)
        out.append(s.marker, style=f"bold {s.style}")
        out.append(f" {s.label}")
    return out
