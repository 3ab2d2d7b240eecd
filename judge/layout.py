"""Tables that fit the terminal's width by giving things up in an order the table states.

A table that does not fit gives things up one move at a time, in its own order, until it fits:
a prose column word-wraps down to a readable width (`wrap`), a column of hyphenated names such
as slugs wraps after their hyphens (`split`), a note leaves its column for a line of its own
under its row (`below`), a column of lesser figures goes (`drop`), a column of names is cut
with "…" (`cut`). Headers are never cut, and no column is squeezed narrower than
its header or its minimum: a table that still does not fit is left wider than the terminal,
whole, rather than cut into fragments. Plain text, so that `rich.table` (10 ms of start-up) is
not loaded; it draws rich's `show_edge=False` look.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich.text import Text

from judge.records import record

Cell = str | Text


@record(frozen=True)
class Column:
    """One column: its header, how it is aligned, and how far it may be squeezed."""

    header: str
    right: bool = False  # figures are right-aligned
    style: str = ""
    least: int = 0  # the narrowest a `wrap` or `cut` move leaves it (never under the header)


@record(frozen=True)
class Move:
    """One thing a table gives up to fit: `wrap`, `split`, `below`, `drop` or `cut`, on a
    column."""

    kind: str  # "wrap", "split", "below", "drop" or "cut"
    header: str


def wrap(header: str) -> Move:
    """Prose that word-wraps down to its least width: lines between words, never inside."""
    return Move("wrap", header)


def split(header: str) -> Move:
    """Hyphenated names (`binary-tree-level-order-traversal`) that wrap as prose does, and
    also after a hyphen: a name is read whole over two lines, where "…" would hide its end."""
    return Move("split", header)


def below(header: str) -> Move:
    """A note that leaves its column for a line of its own under its row."""
    return Move("below", header)


def drop(header: str) -> Move:
    """A column of lesser figures that goes."""
    return Move("drop", header)


def cut(header: str) -> Move:
    """Names cut with "…" down to their least width."""
    return Move("cut", header)


def _text(cell: Cell) -> Text:
    return cell if isinstance(cell, Text) else Text(cell)


def render(
    columns: Sequence[Column],
    rows: Sequence[Sequence[Cell]],
    width: int,
    moves: Sequence[Move] = (),
    ruled: bool = True,
) -> Text:
    """The table as text lines at most `width` wide where its moves allow. `ruled`: rich's
    lines between columns and under the header; else two spaces between columns."""
    cells = [[_text(c) for c in row] for row in rows]
    sep = 3 if ruled else 2
    index = {c.header: i for i, c in enumerate(columns)}
    natural = [
        max([len(c.header), *(cells[r][i].cell_len for r in range(len(cells)))])
        for i, c in enumerate(columns)
    ]
    active = list(range(len(columns)))
    squeezed: dict[int, str] = {}  # column -> "wrap", "split" or "cut"
    under: list[int] = []  # columns shown under their row

    # Wrapping never breaks a word: a column wraps no narrower than its longest word.
    longest_pieces: dict[tuple[int, str], int] = {}

    def longest(i: int, how: str) -> int:
        if (i, how) not in longest_pieces:
            pieces = (p for r in range(len(cells)) for p in _pieces(cells[r][i].plain, how))
            longest_pieces[i, how] = max([0, *(len(p) for p in pieces)])
        return longest_pieces[i, how]

    def least(i: int) -> int:
        floor = max(len(columns[i].header), columns[i].least)
        if squeezed.get(i) in ("wrap", "split"):
            floor = max(floor, longest(i, squeezed[i]))
        return min(natural[i], floor)

    def current(i: int) -> int:
        return least(i) if i in squeezed else natural[i]

    def total() -> int:
        return sum(current(i) for i in active) + sep * (len(active) - 1)

    for move in moves:
        if total() <= width:
            break
        i = index[move.header]
        if i not in active:
            continue
        if move.kind in ("wrap", "split", "cut"):
            squeezed[i] = move.kind
        else:
            active.remove(i)
            if move.kind == "below":
                under.append(i)
    widths = {i: current(i) for i in active}
    spare = width - total()
    for i in active:  # what is left goes back to the squeezed columns, left to right
        if i in squeezed and spare > 0:
            grow = min(spare, natural[i] - widths[i])
            widths[i] += grow
            spare -= grow
    return _draw(columns, cells, active, widths, squeezed, under, width, ruled)


def _draw(
    columns: Sequence[Column],
    cells: list[list[Text]],
    active: list[int],
    widths: dict[int, int],
    squeezed: dict[int, str],
    under: list[int],
    width: int,
    ruled: bool,
) -> Text:
    out = Text()
    bar, row_bar = (" ┃ ", " │ ") if ruled else ("  ", "  ")
    for n, i in enumerate(active):
        if n:
            out.append(bar)
        out.append_text(_pad(Text(columns[i].header, style="bold"), widths[i], columns[i].right))
    out.rstrip()
    if ruled:
        out.append("\n" + "━╇━".join("━" * widths[i] for i in active))
    for row in cells:
        parts = {i: _fit(row[i], widths[i], squeezed.get(i), columns[i].style) for i in active}
        height = max((len(p) for p in parts.values()), default=1)
        for line in range(height):
            out.append("\n")
            shown = Text()
            for n, i in enumerate(active):
                if n:
                    shown.append(row_bar)
                piece = parts[i][line] if line < len(parts[i]) else Text()
                shown.append_text(_pad(piece, widths[i], columns[i].right))
            shown.rstrip()
            out.append_text(shown)
        for i in under:
            if row[i].plain:
                for piece in _fit(row[i], max(width - 2, 20), "wrap", columns[i].style):
                    out.append("\n  ")
                    out.append_text(piece)
    return out


def _pad(text: Text, width: int, right: bool) -> Text:
    room = width - text.cell_len
    if room <= 0:
        return text
    padded = Text(" " * room) + text if right else text + Text(" " * room)
    return padded


def _fit(cell: Text, width: int, how: str | None, style: str) -> list[Text]:
    """A cell as the lines it takes: whole, word-wrapped, or cut with "…"."""
    if style:
        cell = cell.copy()
        cell.stylize(style, 0, len(cell))
    if cell.cell_len <= width or how is None:
        return [cell]
    if how == "cut":
        cut = cell.copy()
        cut.truncate(width, overflow="ellipsis")
        return [cut]
    return [cell[start:end] for start, end in _lines(cell.plain, width, how)] or [Text()]


# Where a wrapped line may break: between words, and after the "/" of a path
# (`wrong_answer/packed_heap_short_index.py` after `wrong_answer/`; never `1/5`'s).
# A `split` column may also break after a hyphen between letters (never in `-5` or `10-20`).
# (Patterns, compiled by `re` on first use: many commands draw no table.)
_PIECE = r"\S+?(?:(?<=\w/)(?=[A-Za-z_])|(?=\s)|$)"
_NAME_PIECE = r"\S+?(?:(?<=[A-Za-z]-)(?=[A-Za-z])|(?<=\w/)(?=[A-Za-z_])|(?=\s)|$)"


def _pieces(text: str, how: str = "wrap") -> list[str]:
    """The pieces of `text` a wrapped line never breaks inside."""
    return re.findall(_NAME_PIECE if how == "split" else _PIECE, text)


def _lines(text: str, width: int, how: str = "wrap") -> list[tuple[int, int]]:
    """Where `text` breaks into lines of at most `width`: only after a space or a "/" (or, in
    a `split` column, a hyphen); a piece longer than `width` has a line of its own, whole.
    Spans of `text`, so that each line keeps the styles of the characters it holds."""
    spans: list[tuple[int, int]] = []
    line: tuple[int, int] | None = None
    for piece in re.finditer(_NAME_PIECE if how == "split" else _PIECE, text):
        start, end = piece.span()
        if line is not None and end - line[0] <= width:
            line = (line[0], end)
            continue
        if line is not None:
            spans.append(line)
        line = (start, end)
    if line is not None:
        spans.append(line)
    return spans
