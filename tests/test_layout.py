"""Tables fitted to a width by their own moves: headers whole, notes under their row."""

from __future__ import annotations

from judge import layout
from judge.layout import Column

COLUMNS = [
    Column("problem", least=12),
    Column("verdict"),
    Column("memory", right=True),
    Column("note", least=20),
]
ROWS = [
    [
        "container-with-most-water",
        "TLE",
        "18 MB",
        "random-max: time limit exceeded (770 ms of CPU per case)",
    ],
    ["smallest-k", "AC", "31 MB", ""],
]
MOVES = [layout.wrap("note"), layout.below("note"), layout.drop("memory"), layout.cut("problem")]


def _lines(width: int) -> list[str]:
    return layout.render(COLUMNS, ROWS, width, MOVES).plain.splitlines()


def test_a_wide_table_is_drawn_whole():
    lines = _lines(200)
    assert lines[0].split(" ┃ ") == ["problem                  ", "verdict", "memory", "note"]
    assert lines[2].endswith("│ random-max: time limit exceeded (770 ms of CPU per case)")


def test_a_note_word_wraps_before_it_goes_under_its_row():
    lines = _lines(80)
    assert all(len(line) <= 80 for line in lines)
    assert lines[2].endswith("│ random-max: time limit exceeded")
    assert lines[3].endswith("│ (770 ms of CPU per case)")


def test_then_it_goes_under_its_row_then_figures_go_then_names_are_cut():
    assert _lines(60)[3] == "  random-max: time limit exceeded (770 ms of CPU per case)"
    narrow = _lines(36)
    assert narrow[0] == "problem                   ┃ verdict"  # memory went first
    assert _lines(24)[:3] == [
        "problem        ┃ verdict",
        "━" * 15 + "╇" + "━" * 8,
        "container-wit… │ TLE",
    ]


def test_a_header_is_never_cut_even_when_nothing_fits():
    lines = _lines(10)
    assert lines[0] == "problem      ┃ verdict"  # wider than 10: whole, not "verdi…"


def test_a_wrapped_path_breaks_after_a_slash_and_a_fraction_never_does():
    columns = [Column("check", least=10), Column("result")]
    rows = [
        ["wrong_answer/packed_heap_short_index.py is WA", "ok"],
        ["reference within 1/5 of the time limit", "ok"],
    ]
    lines = layout.render(columns, rows, 41, [layout.wrap("check")]).plain.splitlines()
    assert all(len(line) <= 41 for line in lines)
    cells = [line.split("│")[0].strip() for line in lines[2:]]
    assert cells == [
        "wrong_answer/",
        "packed_heap_short_index.py is WA",
        "reference within 1/5 of the time",
        "limit",
    ]


def test_a_split_name_wraps_after_its_hyphens_and_is_never_cut():
    columns = [Column("problem", least=10), Column("failed on", least=9)]
    rows = [
        ["binary-tree-level-order-traversal", "only-nums2-several"],
        ["smallest-k", "range-10-20-minus-5 x"],
    ]
    moves = [layout.split("failed on"), layout.split("problem")]
    lines = layout.render(columns, rows, 34, moves).plain.splitlines()
    assert all(len(line) <= 34 for line in lines) and "…" not in "".join(lines)
    cells = [[part.strip() for part in line.split("│")] for line in lines[2:]]
    assert [c[0] for c in cells] == ["binary-tree-", "level-order-", "traversal", "smallest-k", ""]
    # After a hyphen between letters only: never next to a digit, as in `10-20` or `-5`.
    assert [c[1] for c in cells] == ["only-nums2-several", "", "", "range-10-20-minus-5", "x"]
    # A plain wrap keeps a hyphenated name whole.
    whole = layout.render(columns, rows, 60, [layout.wrap("problem")]).plain
    assert "binary-tree-level-order-traversal" in whole
