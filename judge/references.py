"""Expected answers and reference timings: measured once by the reference solution, then cached.

The reference runs on every case: its answers become the generated cases' expected answers and
its CPU times are what a submission's speed is compared with ("1.4x the reference"). The cache
key covers the spec, the reference source, the judge's own code (`cache.code_version`) and this
machine (interpreter, CPU), so changing any of them, or moving to another machine, measures
again.
"""

from __future__ import annotations

import json
from pathlib import Path

from judge import calibration
from judge.cache import cache_dir, code_version, key, map_entry, write_entry
from judge.cases import PreparedCase, generate_inputs, generated_names, hand_cases
from judge.protocol import FileSpan
from judge.spec import Problem
from judge.submission import read_submission

_FORMAT = 4
# The expected answers start at a multiple of this, after the cases' arguments: a worker maps
# the arguments' pages and none of the answers' (pages are at most 64 KiB on any Linux).
_ANSWERS_ALIGN = 64 * 1024


def _key(problem: Problem, reference: bytes) -> str:
    context = f"{_FORMAT}\0{calibration.machine()}".encode()
    return key(context, code_version(), problem.source, reference)


def _cache_path(problem: Problem, key: str) -> Path:
    return cache_dir() / "expected" / f"{problem.slug}-{key}.cases"


def _read(path: Path, hand: list[PreparedCase], problem: Problem) -> list[PreparedCase] | None:
    """The cached cases (hand-written ones from the spec, generated ones from the file) with
    reference times, or None if the file is missing, damaged or for other cases.

    The file is a JSON head line, then each generated case's packed arguments back to back,
    then (at the next multiple of `_ANSWERS_ALIGN`) their expected answers, their sizes in the
    head: nothing in the body is decoded here.
    """
    params = tuple(p.name for p in problem.params)
    path = path.absolute()
    try:
        # Mapped, not read: the cases' arguments reach the worker from the page cache (it maps
        # them too, see `FileSpan`), and the answers are compared where they lie.
        head, data, at, (device, inode) = map_entry(path)
        if head["format"] != _FORMAT or head["hand"] != [c.name for c in hand]:
            return None
        names = head["generated"]
        if names != generated_names(problem):
            return None
        payloads, answers, times = head["payloads"], head["answers"], head["reference_ms"]
        if not len(payloads) == len(answers) == len(names):
            return None
        answers_at = _answers_at(at + sum(payloads), len(answers))
        if answers_at + sum(answers) != len(data):
            return None
        generated = []
        for name, size, answer_size in zip(names, payloads, answers):
            span = FileSpan(str(path), device, inode, at, data[at : at + size])
            answer = data[answers_at : answers_at + answer_size]
            generated.append(PreparedCase(name, span.data, answer, params, span=span))
            at += size
            answers_at += answer_size
        cases = hand + generated
        if len(times) != len(cases) or not all(isinstance(t, (int, float)) for t in times):
            return None
    except (OSError, ValueError, KeyError, IndexError, TypeError):
        return None  # missing or damaged: measure again
    for case, time_ms in zip(cases, times):
        case.reference_ms = float(time_ms)
    return cases


def _answers_at(payloads_end: int, count: int) -> int:
    """Where the expected answers start: the next multiple of `_ANSWERS_ALIGN`, if any."""
    return -(-payloads_end // _ANSWERS_ALIGN) * _ANSWERS_ALIGN if count else payloads_end


def _write(path: Path, hand: list[PreparedCase], generated: list[PreparedCase]) -> None:
    payloads = [c.payload for c in generated]
    answers = [c.answer or b"null" for c in generated]
    head = {
        "format": _FORMAT,
        "hand": [c.name for c in hand],
        "generated": [c.name for c in generated],
        "reference_ms": [round(c.reference_ms or 0.0, 4) for c in hand + generated],
        "payloads": [len(p) for p in payloads],
        "answers": [len(a) for a in answers],
    }
    # The answers start at the next multiple of `_ANSWERS_ALIGN` after the arguments.
    end = len(json.dumps(head).encode()) + 1 + sum(map(len, payloads))
    padding = b"\0" * (_answers_at(end, len(answers)) - end)
    write_entry(path, head, [*payloads, padding, *answers])


def _locate(problem: Problem) -> tuple[list[PreparedCase], Path | None]:
    """The hand-written cases, and the cache file of the computed ones (None: no reference)."""
    hand = hand_cases(problem)
    try:
        reference_source = problem.reference.read_bytes()
    except OSError:
        return hand, None
    return hand, _cache_path(problem, _key(problem, reference_source))


def cached_cases(problem: Problem) -> list[PreparedCase] | None:
    """The problem's cases if nothing needs computing (all cached, or nothing to compute), else
    None: reading them never runs a solution."""
    hand, path = _locate(problem)
    if path is None:
        return hand  # see `prepare_cases`
    return _read(path, hand, problem)


def skipped_note(problem: Problem) -> str | None:
    """What judging leaves out of a problem whose reference solution is missing, and why; None
    when nothing is left out."""
    count = len(generated_names(problem))
    if not count or problem.reference.is_file():
        return None
    if count == 1:
        what = "1 generated case was skipped: its expected answer comes"
    else:
        what = f"{count} generated cases were skipped: their expected answers come"
    return f"{what} from the reference solution, and there is none at {problem.reference}"


def prepare_cases(problem: Problem) -> list[PreparedCase]:
    """Every case of a problem in judging order (hand-written first, then generated), with
    expected answers and the reference's CPU time on each."""
    hand, path = _locate(problem)
    if path is None:
        # No reference yet (an author still writing the problem): the hand-written cases carry
        # their answers and are judged; generated ones have none (`skipped_note` says so).
        return hand
    cached = _read(path, hand, problem)
    if cached is not None:
        return cached
    from judge.grading import run_outputs

    params = tuple(p.name for p in problem.params)
    generated = [PreparedCase(name, args, None, params) for name, args in generate_inputs(problem)]
    cases = hand + generated
    outcomes = run_outputs(problem, read_submission(problem.reference), cases, best_of_two=True)
    for i, (case, outcome) in enumerate(zip(cases, outcomes)):
        case.reference_ms = outcome.time_ms
        if i >= len(hand):
            case.answer = outcome.raw
    _write(path, hand, generated)
    return cases
