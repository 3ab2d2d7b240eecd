"""Timing again: a case slowed once by outside load keeps its usual time."""

from __future__ import annotations

import json

from conftest import write

SPEC = """\
slug: count
number: 9002
title: Count
difficulty: Easy
tags: [math]
statement: Sum the numbers below n.
constraints: ["`1 <= n <= 10^6`"]
signature:
  method: count
  params:
    - {name: n, type: int}
  returns: int
judge:
  checker: exact
limits:
  time_ms: 5000
  memory_mb: 256
reference: count.py
cases:
  - {name: one, input: {n: 1}, expected: 0}
generators: |
  def steady(rng, n):
      return {"n": n}
generated:
"""
COUNT = (
    "class Solution:\n"
    "    def count(self, n):\n"
    "        total = 0\n"
    "        for i in range(n):\n"
    "            total += i\n"
    "        return total\n"
)


def test_a_case_slowed_once_by_outside_load_keeps_its_usual_time(invoke, tmp_path):
    # A burst of load elsewhere slows one case, once: simulated by a solution that, on its
    # 7th call only, spins for three times as long as the call took. That case is the most out
    # of line with the run whatever the machine's speed, so it is timed again first, and the
    # run reports its usual time.
    generated = "".join(
        f"  - {{name: steady-{i}, generator: steady, seed: {i}, args: {{n: 300000}}}}\n"
        for i in range(12)
    )
    write(tmp_path / "problems" / "count.yaml", SPEC + generated)
    write(tmp_path / "problems" / "count.py", COUNT)
    unlucky_source = (
        COUNT.replace(
            "class Solution:\n",
            "import time\n_calls = [0]\n\n\nclass Solution:\n",
        )
        .replace(
            "        return total\n",
            "        _calls[0] += 1\n"
            "        if _calls[0] == 8:  # the 7th generated case, after the hand-written one\n"
            "            spent = time.thread_time() - _start\n"
            "            end = time.thread_time() + 3 * spent\n"
            "            while time.thread_time() < end:\n"
            "                pass\n"
            "        return total\n",
        )
        .replace("        total = 0\n", "        _start = time.thread_time()\n        total = 0\n")
    )
    path = write(tmp_path / "unlucky.py", unlucky_source)
    args = ["submit", str(path), "--problem", "count", "--problems", str(tmp_path / "problems")]
    data = json.loads(invoke(*args, "--json").stdout)
    assert data["verdict"] == "AC"
    unlucky = data["cases"][7]
    first, second = unlucky["runs_ms"]
    assert unlucky["time_ms"] == second < first / 2  # the spin does not count
    assert data["cpu_spent_ms"] > data["time_ms"] + first / 2
    assert "timed again" in invoke(*args).stdout


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
