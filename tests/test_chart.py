"""The log-log chart: points land where their logarithms say, with axes and a legend."""

from __future__ import annotations

from judge import chart


def rows(text: str) -> list[str]:
    return text.splitlines()


def test_points_land_on_a_log_log_grid():
    line = chart.Series("mine", "●", "yellow", [(10, 1.0), (100, 10.0), (1000, 100.0)])
    text = chart.loglog([line], width=21, height=11).plain
    grid = [row.split("┤", 1)[-1].split("│", 1)[-1] for row in rows(text)[:11]]
    # y from 1 ms (bottom) to 100 ms (top), x from 10 to 1000: a straight diagonal
    assert grid[10][0] == "●" and grid[5][10] == "●" and grid[0][20] == "●"
    assert "·" in grid[7] and "·" in grid[2]  # the dots between the markers
    assert "100 ms ┤" in rows(text)[0] and "10 ms ┤" in rows(text)[5]
    assert "1 ms ┤" in rows(text)[10]
    axis, labels, legend = rows(text)[11:14]
    assert axis.count("┬") == 3
    assert labels.split() == ["10", "100", "1k", "n"]
    assert legend.strip() == "● mine"


def test_two_series_with_a_legend_each():
    mine = chart.Series("slow.py", "●", "yellow", [(64, 0.5), (128, 2.0), (256, 8.0)])
    theirs = chart.Series("reference", "○", "cyan", [(64, 0.01), (128, 0.02), (256, 0.04)])
    text = chart.loglog([mine, theirs], width=30, height=8, x_name="n: nodes").plain
    assert text.count("●") == 4 and text.count("○") == 4  # three points each, and the legend
    assert rows(text)[-1].strip() == "● slow.py  ○ reference"
    assert "n: nodes" in rows(text)[-2]
    assert "0.01 ms ┤" in text or "0.1 ms ┤" in text


def test_a_single_point_and_a_flat_line_still_draw():
    assert "●" in chart.loglog([chart.Series("one", "●", "", [(5, 3.0)])]).plain
    flat = chart.Series("flat", "●", "", [(10, 2.0), (20, 2.0), (40, 2.0)])
    text = chart.loglog([flat], width=20, height=6).plain
    assert text.count("●") == 4


def test_nothing_to_draw():
    assert chart.loglog([chart.Series("none", "●", "", [])]).plain == "(nothing to draw)"


def test_axis_labels():
    assert [chart.show_count(x) for x in (64, 1000, 1500, 32768, 100000, 10**6)] == [
        "64",
        "1k",
        "1.5k",
        "33k",
        "100k",
        "1M",
    ]
    assert [chart.show_ms(y) for y in (0.01, 0.5, 1, 250, 2000)] == [
        "0.01 ms",
        "0.5 ms",
        "1 ms",
        "250 ms",
        "2 s",
    ]
