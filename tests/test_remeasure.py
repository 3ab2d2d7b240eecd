"""Timing again: a case slowed once by outside load keeps its usual time."""

from __future__ import annotations

import json

from conftest import SUBMISSIONS, write

CONTAINER = "container-with-most-water"
ACCEPTED = SUBMISSIONS / CONTAINER / "accepted" / "two_pointers.py"


def test_a_case_slowed_once_by_outside_load_keeps_its_usual_time(invoke, tmp_path):
    # A burst of load elsewhere slows one case, once: simulated by a solution that spins for
    # 60 ms on its 20th call only. That case is out of line with the run, so it is timed again
    # at the end, and the run reports its usual time.
    source = ACCEPTED.read_text().replace(
        "class Solution:",
        "import time as _time\n_calls = [0]\n\n\nclass Solution:",
        1,
    )
    head, sep, rest = source.partition("def maxArea(")
    signature, colon, body = rest.partition(":\n")
    spin = (
        "        _calls[0] += 1\n"
        "        if _calls[0] == 20:\n"
        "            _end = _time.thread_time() + 0.06\n"
        "            while _time.thread_time() < _end:\n"
        "                pass\n"
    )
    path = tmp_path / "unlucky.py"
    write(path, head + sep + signature + colon + spin + body)
    data = json.loads(invoke("submit", str(path), "--problem", CONTAINER, "--json").stdout)
    assert data["verdict"] == "AC"
    (unlucky,) = [case for case in data["cases"] if max(case.get("runs_ms", [0])) >= 60]
    assert data["cases"].index(unlucky) == 19  # the 20th call, and only it
    first, second = unlucky["runs_ms"]
    assert unlucky["time_ms"] == second < first  # the spin does not count
    assert data["cpu_spent_ms"] >= data["time_ms"] + 60
    text = invoke("submit", str(path), "--problem", CONTAINER).stdout
    assert "timed again" in text


def test_out_of_line_picks_the_unlucky_cases_first_within_a_budget():
    from judge.remeasure import out_of_line

    references = {i: 10.0 for i in range(20)}
    times = {i: 20.0 for i in range(20)}  # twice the reference's time on every case: its pace
    assert out_of_line(times, references) == []
    times[3], times[5] = 60.0, 30.0
    assert out_of_line(times, references) == [3, 5]
    times[6] = 600.0  # more than half the run: never run twice
    assert 6 not in out_of_line(times, references)
    slow_spell = {i: 20.0 if i < 6 else 30.0 for i in range(20)}  # most of the run slowed
    assert out_of_line(slow_spell, references)[:3] == [6, 7, 8]
    assert out_of_line({0: 50.0, 1: 5.0}, {0: 1.0, 1: 1.0}) == []  # too few to tell a pace
    many = {i: 20.0 for i in range(100)}
    many[7] = 30.0  # out of line, but its excess is half a percent of the run: not worth it
    assert out_of_line(many, {i: 10.0 for i in range(100)}) == []
