"""The inputs `judge growth` runs: each growth family's ladder of sizes, generated once and cached.

A family's input at size n is `generator(random.Random(n), n, **args)`. Drawing a ladder of
10^5-node trees takes seconds of pure Python, so the packed inputs are kept in the user cache
(keyed like `references`: the spec, the judge's code, the reference and this machine) together
with the reference's times on them, which are measured once, as the reference's times on the
judged cases are. Later runs map the inputs from the file and run only the solution.
"""

from __future__ import annotations

import math
import random
from pathlib import Path
from typing import Any

from judge import calibration
from judge.cache import cache_dir, code_version, key, map_entry, write_entry
from judge.cases import PreparedCase, generate
from judge.protocol import FileSpan
from judge.records import record
from judge.spec import GrowthFamily, Problem

_FORMAT = 1


@record
class Ladder:
    """One family's inputs, smallest first, and the reference's times on them once measured."""

    family: GrowthFamily
    sizes: list[int]
    cases: list[PreparedCase]
    reference: Any = None  # what `growth` stored of the reference's curve; None: not measured


def sizes(family: GrowthFamily) -> list[int]:
    """The family's sizes: `low`, then each `step` times the one before, ending at `high`."""
    found: list[int] = []
    size = float(family.low)
    while round(size) < family.high:
        if not found or round(size) > found[-1]:
            found.append(round(size))
        size *= family.step
    # The last size is `high` itself; a size less than half a step below it is dropped.
    if len(found) > 1 and family.high < found[-1] * math.sqrt(family.step):
        found.pop()
    return [*found, family.high]


def _name(n: int) -> str:
    return f"n = {n}"


def _generate(problem: Problem, family: GrowthFamily) -> list[bytes]:
    """The family's packed input at every size."""
    return [
        generate(
            problem,
            family.generator,
            random.Random(n),
            {"n": n, **family.args},
            f"growth family {family.name!r} at n = {n}",
        )
        for n in sizes(family)
    ]


def _path(problem: Problem) -> Path:
    try:
        reference = problem.reference.read_bytes()
    except OSError:
        reference = b""
    context = f"{_FORMAT}\0{calibration.machine()}".encode()
    digest = key(context, code_version(), problem.source, reference)
    return cache_dir() / "growth" / f"{problem.slug}-{digest}.ladders"


def load(problem: Problem) -> list[Ladder]:
    """Every family's ladder: from the cache, else generated now (the reference not measured)."""
    path = _path(problem)
    cached = _read(path, problem)
    if cached is not None:
        return cached
    names = tuple(p.name for p in problem.params)
    return [
        Ladder(
            family,
            sizes(family),
            [
                PreparedCase(_name(n), args, None, names)
                for n, args in zip(sizes(family), _generate(problem, family))
            ],
        )
        for family in problem.growth
    ]


def _read(path: Path, problem: Problem) -> list[Ladder] | None:
    """The cached ladders, or None if the file is missing, damaged or for other families.
    The file is a JSON head line, then every input's packed arguments back to back."""
    names = tuple(p.name for p in problem.params)
    path = path.absolute()
    try:
        head, data, at, (device, inode) = map_entry(path)
        if head["format"] != _FORMAT or len(head["families"]) != len(problem.growth):
            return None
        ladders = []
        for family, stored in zip(problem.growth, head["families"]):
            if stored["name"] != family.name or stored["sizes"] != sizes(family):
                return None
            cases = []
            for n, size in zip(stored["sizes"], stored["payloads"], strict=True):
                span = FileSpan(str(path), device, inode, at, data[at : at + size])
                cases.append(PreparedCase(_name(n), span.data, None, names, span=span))
                at += size
            ladders.append(Ladder(family, stored["sizes"], cases, stored["reference"]))
        if at != len(data):
            return None
    except (OSError, ValueError, KeyError, TypeError):
        return None  # missing or damaged: generate again
    return ladders


def store(problem: Problem, ladders: list[Ladder]) -> None:
    """Keep the ladders' inputs and the reference's times on them for the next run."""
    path = _path(problem)
    payloads = [bytes(c.payload) for ladder in ladders for c in ladder.cases]
    head = {
        "format": _FORMAT,
        "families": [
            {
                "name": ladder.family.name,
                "sizes": ladder.sizes,
                "payloads": [len(c.payload) for c in ladder.cases],
                "reference": ladder.reference,
            }
            for ladder in ladders
        ],
    }
    write_entry(path, head, payloads)
