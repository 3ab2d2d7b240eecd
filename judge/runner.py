"""What the commands do, as plain functions: pick the problem, prepare its cases, grade."""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from judge import calibration
from judge.cache import cache_dir, write_atomically
from judge.cases import PreparedCase
from judge.errors import UsageError
from judge.expected import cached_cases, prepare_cases
from judge.grading import Event, Finished, grade, load_ahead
from judge.problems import Catalog, Problem
from judge.results import RunResult
from judge.sandbox import Worker
from judge.submission import Submission, read_submission


def infer_problem(catalog: Catalog, submission: Submission, slug: str | None = None) -> Problem:
    """`--problem` if given; else the file's stem if it is a slug; else the one problem whose
    LeetCode method the file defines."""
    if slug:
        return catalog.get(slug)
    stem = submission.path.stem
    if stem in catalog:
        return catalog.get(stem)
    if submission.error is not None or submission.methods is None:
        raise UsageError(
            f"cannot tell which problem {submission.path.name} solves; name the file after "
            "the problem or pass --problem SLUG (`judge list` shows them)"
        )
    matches = [p for p in catalog.summaries() if p.method in submission.methods]
    if len(matches) == 1:
        return catalog.get(matches[0].slug)
    if not matches:
        methods = (
            ", ".join(sorted(m for m in submission.methods if not m.startswith("_"))) or "none"
        )
        raise UsageError(
            f"no problem has a method among those of class Solution ({methods}); "
            "pass --problem SLUG (`judge list` shows them)"
        )
    names = ", ".join(p.slug for p in matches)
    raise UsageError(
        f"{submission.path.name} could solve several problems ({names}); pass --problem SLUG"
    )


def submit(
    catalog: Catalog,
    path: str | Path,
    slug: str | None = None,
    all_cases: bool = False,
    time_scale: float = 1.0,
    spare: Worker | None = None,
) -> Iterator[Event]:
    """Judge one file: yields the grading events (CaseDone..., Finished)."""
    submission = read_submission(path)
    problem = infer_problem(catalog, submission, slug)
    cases = prepare_cases(problem)
    yield from grade(problem, submission, cases, all_cases, time_scale, spare)


@dataclass
class Entry:
    """One file of a folder to judge, and the problem it is for."""

    path: Path
    problem: Problem


def collect(catalog: Catalog, folder: str | Path | None) -> tuple[list[Entry], list[Path]]:
    """Every `<slug>.py` in `folder` (default: the bundled references) and the files skipped."""
    if folder is None:
        entries = [Entry(p.reference, p) for p in catalog.all()]
        return entries, []
    folder = Path(folder)
    if not folder.is_dir():
        raise UsageError(f"not a folder: {folder}")
    entries, skipped = [], []
    for path in sorted(folder.glob("*.py")):
        if path.stem in catalog:
            entries.append(Entry(path, catalog.get(path.stem)))
        else:
            skipped.append(path)
    if not entries:
        raise UsageError(f"no <slug>.py files for known problems in {folder}")
    order = {p.slug: i for i, p in enumerate(catalog.all())}
    entries.sort(key=lambda e: order[e.problem.slug])
    return entries, skipped


@dataclass
class Ready:
    """A file made ready to judge: its worker started, its source and cases read."""

    entry: Entry
    worker: Worker
    submission: Submission
    cases: list[PreparedCase] | None  # None: still to compute (the reference must run)

    @classmethod
    def start(cls, entry: Entry, ahead: bool = False, time_scale: float = 1.0) -> Ready:
        """Start the worker, then read while it boots. `ahead` (another file is being judged):
        only read cached cases, so that no solution runs beside that one, and send the worker
        its job to read now; it runs the job when its turn comes."""
        worker = Worker()
        try:
            submission = read_submission(entry.path)
            if not ahead:
                cases: list[PreparedCase] | None = prepare_cases(entry.problem)
            elif (cases := cached_cases(entry.problem)) is not None:
                load_ahead(worker, entry.problem, submission, cases, time_scale)
        except BaseException:
            worker.close()
            raise
        return cls(entry, worker, submission, cases)


def judge_entry(
    entry: Entry, time_scale: float = 1.0, ready: Ready | None = None
) -> Iterator[Event]:
    """Grade one collected file against its problem (made ready beforehand, or now)."""
    ready = ready or Ready.start(entry)
    with ready.worker as spare:
        cases = ready.cases if ready.cases is not None else prepare_cases(entry.problem)
        yield from grade(entry.problem, ready.submission, cases, time_scale=time_scale, spare=spare)


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def judge_many(
    entries: list[Entry], jobs: int = 1, time_scale: float = 1.0
) -> Iterator[tuple[int, RunResult]]:
    """Judge entries, `jobs` at a time; yields (position, result) as each one finishes.

    Each run is a worker process measured by its own CPU clock, so running several at once
    changes wall time, not the per-case times or verdicts. Threads are enough here: the judge
    side mostly waits on pipes. The longest files (by their last run) start first, so that no
    long one is left running alone at the end.
    """
    calibration.current()  # measure once here, not in every thread
    durations = _Durations.load()
    if jobs <= 1 or len(entries) <= 1:
        yield from _one_at_a_time(entries, time_scale, durations)
        durations.save()
        return
    from concurrent.futures import ThreadPoolExecutor, as_completed

    stop = threading.Event()
    pool = ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="judge")
    order = sorted(range(len(entries)), key=lambda i: -durations.get(entries[i]))
    try:
        futures = {
            pool.submit(_judge_until, entries[position], time_scale, stop): position
            for position in order
        }
        for future in as_completed(futures):
            outcome = future.result()
            if outcome is not None:
                result, seconds = outcome
                durations.record(entries[futures[future]], seconds)
                yield futures[future], result
    finally:
        stop.set()  # an interrupted run stops the others after their current case
        pool.shutdown(wait=True, cancel_futures=True)
    durations.save()


def _one_at_a_time(
    entries: list[Entry], time_scale: float, durations: _Durations
) -> Iterator[tuple[int, RunResult]]:
    """Judge entries in order. While one is judged, the next is made ready on another thread
    (its worker boots, its cases are read): the judge mostly waits on pipes, so this takes
    the other core's idle time, and never runs two solutions at once."""
    from concurrent.futures import Future, ThreadPoolExecutor

    ahead = ThreadPoolExecutor(max_workers=1, thread_name_prefix="judge-next")
    pending: list[Future[Ready]] = [ahead.submit(Ready.start, entries[0])]
    try:
        for position, entry in enumerate(entries):
            started = time.perf_counter()
            ready = pending.pop().result()
            if position + 1 < len(entries):
                upcoming = entries[position + 1]
                pending.append(ahead.submit(Ready.start, upcoming, True, time_scale))
            yield position, _final(judge_entry(entry, time_scale, ready))
            durations.record(entry, time.perf_counter() - started)
    finally:
        for future in pending:  # made ready for a turn that never came
            if not future.cancel():
                try:
                    future.result().worker.close()
                except BaseException:
                    pass
        ahead.shutdown(wait=True)


class _Durations:
    """How long each file took to judge last time, kept in the cache to order the next run."""

    _NAME = "durations.json"

    def __init__(self, seconds: dict[str, float]) -> None:
        self.seconds = seconds
        self.changed = False

    @classmethod
    def load(cls) -> _Durations:
        try:
            data = json.loads((cache_dir() / cls._NAME).read_bytes())
            if isinstance(data, dict):
                return cls({k: v for k, v in data.items() if isinstance(v, (int, float))})
        except (OSError, ValueError):
            pass
        return cls({})

    @staticmethod
    def _key(entry: Entry) -> str:
        return f"{entry.problem.slug} {entry.path}"

    def get(self, entry: Entry) -> float:
        """Seconds last time; a file never judged counts as long, so it starts early."""
        return self.seconds.get(self._key(entry), float("inf"))

    def record(self, entry: Entry, seconds: float) -> None:
        self.seconds[self._key(entry)] = round(seconds, 4)
        self.changed = True

    def save(self) -> None:
        if self.changed:
            write_atomically(cache_dir() / self._NAME, json.dumps(self.seconds).encode())


def _final(events: Iterator[Event]) -> RunResult:
    try:
        for event in events:
            if isinstance(event, Finished):
                return event.result
    finally:
        events.close()  # its worker is closed now, not whenever the generator is collected
    raise AssertionError("grading ended without a result")


def _judge_until(
    entry: Entry, time_scale: float, stop: threading.Event
) -> tuple[RunResult, float] | None:
    """The result and how many seconds it took, unless `stop` was set first."""
    started = time.perf_counter()
    events = judge_entry(entry, time_scale)
    try:
        for event in events:
            if stop.is_set():
                return None
            if isinstance(event, Finished):
                return event.result, time.perf_counter() - started
    finally:
        events.close()  # kills the worker if the run was cut short
    return None
