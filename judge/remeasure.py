"""Which cases to time again. A busy machine now and then slows one case down (another process,
the host of a virtual machine); it never makes one faster. So a case whose time is out of line
with the rest of the run is run once more at the end, and keeps the better of its two times.
"""

from __future__ import annotations

# Shorter cases are left alone: their noise hardly moves a run's total.
SLOW_MS = 2.0
# Out of line: this much slower, against the reference's time on the same case, than the
# run's pace. Noise only slows cases down, so the pace is that of the faster ones: the lower
# quartile of those ratios (a slow spell of the machine may span most of a run).
OUT_OF_LINE = 1.2
PACE_QUANTILE = 0.25
# Second runs may add at most this share of the run's own time...
BUDGET = 0.5
# ...and are only worth it for a case whose excess is at least this share of the run's time.
WORTH = 0.01
# A second run at least this close to the first confirms it: the case is slow, not unlucky,
# and so are the cases less out of line than it (they are not tried).
CONFIRMED = 0.95
# Reference times are measured once and kept: every case of at least this many ms runs twice.
REFERENCE_MS = 1.0


def out_of_line(times: dict[int, float], references: dict[int, float]) -> list[int]:
    """The cases to run again, most out of line first (times and references in ms, by case)."""
    ratios = sorted(t / references[i] for i, t in times.items() if references.get(i, 0.0) >= 1.0)
    if len(ratios) < 3:
        return []  # too few to tell a run's pace
    pace = ratios[int(PACE_QUANTILE * (len(ratios) - 1))]
    total = sum(times.values())
    excess = {}
    for i, t in times.items():
        expected = pace * max(references.get(i, 0.0), 1.0)  # a tiny reference time is noise
        if t >= SLOW_MS and t > OUT_OF_LINE * expected and t - expected >= WORTH * total:
            excess[i] = t - expected
    budget = BUDGET * total
    chosen = []
    for i in sorted(excess, key=lambda i: -excess[i]):
        if times[i] <= budget:
            budget -= times[i]
            chosen.append(i)
    return chosen


def every_timed(times: dict[int, float]) -> list[int]:
    """For a reference solution: every case long enough to be worth a second run."""
    return [i for i, t in times.items() if t >= REFERENCE_MS]
