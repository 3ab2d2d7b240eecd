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
    """A file made ready to judge before its turn: its worker started, its source read, and,
    when the cases are cached, the job already sent."""

    entry: Entry
    worker: Worker
    submission: Submission
    cases: list[PreparedCase] | None  # None: still to compute (the reference must run)

    @classmethod
    def start(cls, entry: Entry, time_scale: float, worker: Worker | None = None) -> Ready:
        """Start the worker (unless given one already started), then read while it boots.
        Only cached cases are read: computing them runs the reference, which waits for the
        file's turn, so no solution runs beside the ones being judged."""
        worker = worker or Worker()
        try:
            submission = read_submission(entry.path)
            cases = cached_cases(entry.problem)
            if cases is not None:
                load_ahead(worker, entry.problem, submission, cases, time_scale)
        except BaseException:
            worker.close()
            raise
        return cls(entry, worker, submission, cases)

    def grade(self, time_scale: float) -> Iterator[Event]:
        """Judge the file in its turn; the worker is closed at the end."""
        problem = self.entry.problem
        with self.worker as spare:
            cases = self.cases if self.cases is not None else prepare_cases(problem)
            yield from grade(problem, self.submission, cases, time_scale=time_scale, spare=spare)


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


class Judging:
    """Judges entries, `jobs` at a time: iterate for (position, result) as each one finishes.

    Work starts when this is made, so the first workers boot while the caller loads the rest
    of itself (the terminal's renderer, for one); use it as a context manager, or close it, so
    that files made ready but never judged are cleaned up.

    Each run is a worker process measured by its own CPU clock, so running several at once
    changes wall time, not the per-case times or verdicts. Threads are enough here: the judge
    side mostly waits on pipes. With several jobs the longest files (by their last run) start
    first, so that no long one is left running alone at the end.
    """

    def __init__(
        self,
        entries: list[Entry],
        jobs: int = 1,
        time_scale: float = 1.0,
        spare: Worker | None = None,
    ) -> None:
        """`spare`: a worker started early, for the first file (closed here if not needed)."""
        calibration.current()  # measure once here, not in every thread
        self.entries = entries
        self._durations = _Durations.load()
        order = list(range(len(entries)))
        if jobs > 1:
            order.sort(key=lambda i: -self._durations.get(entries[i]))
        self._pipeline = _Pipeline(entries, order, jobs, time_scale, spare)

    def __iter__(self) -> Iterator[tuple[int, RunResult]]:
        try:
            for position, result, seconds in self._pipeline.results():
                self._durations.record(self.entries[position], seconds)
                yield position, result
        finally:
            self.close()
        self._durations.save()

    def in_order(self) -> list[RunResult]:
        """Every result, in the entries' order, once all are in."""
        done = dict(self)
        return [done[i] for i in sorted(done)]

    def close(self) -> None:
        """Stop: runs in progress end after their current case; the rest never start."""
        self._pipeline.close()

    def __enter__(self) -> Judging:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Pipeline:
    """Judges entries in a given order, `jobs` at a time. Another thread makes the next files
    ready (worker booted, cached cases read and sent) while earlier ones run, at most `jobs`
    ahead: the judge mostly waits on pipes, so that work takes idle time, and no solution
    runs beyond the `jobs` being judged."""

    def __init__(
        self,
        entries: list[Entry],
        order: list[int],
        jobs: int,
        time_scale: float,
        spare: Worker | None,
    ):
        from concurrent.futures import Future, ThreadPoolExecutor

        self.entries, self.order, self.jobs, self.time_scale = entries, order, jobs, time_scale
        self.stop = threading.Event()  # set when the run is cut short
        self._lock = threading.Lock()
        self._ahead = ThreadPoolExecutor(max_workers=1, thread_name_prefix="judge-next")
        self._runners = ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="judge")
        self._readies: dict[int, Future[Ready]] = {}
        self._taken: set[int] = set()
        self._closed = False
        self._spare = spare  # started early, for the first file
        for step in range(min(jobs, len(order))):
            self._make_ready(step)
        if self._spare is not None:  # no file to judge
            self._spare.close()
        # Judging starts now, not when the caller first asks for a result.
        self._futures = {self._runners.submit(self._judge, i): i for i in range(len(order))}

    def results(self) -> Iterator[tuple[int, RunResult, float]]:
        """(position, result, seconds it took) of each entry as it finishes."""
        from concurrent.futures import as_completed

        for future in as_completed(self._futures):
            outcome = future.result()
            if outcome is not None:
                yield self.order[self._futures[future]], *outcome

    def close(self) -> None:
        """Stop: runs in progress end after their current case; files made ready for a turn
        that never came are closed."""
        if self._closed:
            return
        self._closed = True
        self.stop.set()
        self._runners.shutdown(wait=True, cancel_futures=True)
        self._ahead.shutdown(wait=True, cancel_futures=True)
        for step, future in self._readies.items():
            if step not in self._taken and not future.cancelled():
                try:
                    future.result().worker.close()
                except BaseException:
                    pass

    def _make_ready(self, step: int) -> None:
        if step < len(self.order) and step not in self._readies and not self.stop.is_set():
            entry = self.entries[self.order[step]]
            spare, self._spare = self._spare, None
            self._readies[step] = self._ahead.submit(Ready.start, entry, self.time_scale, spare)

    def _judge(self, step: int) -> tuple[RunResult, float] | None:
        """The result and how many seconds it took, unless the run was cut short first."""
        started = time.perf_counter()
        with self._lock:
            self._taken.add(step)
            self._make_ready(step)  # normally done already, when step - jobs began
            self._make_ready(step + self.jobs)
            future = self._readies.get(step)
        if future is None:
            return None  # stopped before it was made ready
        ready = future.result()
        if self.stop.is_set():
            ready.worker.close()
            return None
        events = ready.grade(self.time_scale)
        try:
            for event in events:
                if self.stop.is_set():
                    return None
                if isinstance(event, Finished):
                    return event.result, time.perf_counter() - started
        finally:
            events.close()  # kills the worker if the run was cut short
        return None


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
        """Write the times back, without the files that no longer exist."""
        if self.changed:
            kept = {
                key: seconds
                for key, seconds in self.seconds.items()
                if os.path.exists(key.partition(" ")[2])
            }
            write_atomically(cache_dir() / self._NAME, json.dumps(kept).encode())
