"""`judge all`'s files in flight: several judged at once (-j N), the next ones made ready.

While files are judged, another thread makes the next ones ready (worker booted, cached cases
read and sent), at most N ahead, so each turn begins at once; results come back as each file
finishes, and the longest files (by their last run) start first.
"""

from __future__ import annotations

import json
import os
import queue
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from judge import calibration
from judge.cache import cache_dir, write_atomically
from judge.cases import PreparedCase
from judge.grading import Event, Finished, grade, load_ahead
from judge.records import record
from judge.references import cached_cases, prepare_cases, skipped_note
from judge.results import RunResult
from judge.runner import Entry
from judge.sandbox import Worker
from judge.submission import Submission, read_submission


@record
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
            notes = [skipped_note(problem)]
            yield from grade(
                problem, self.submission, cases, time_scale=time_scale, spare=spare, notes=notes
            )


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def in_order(finished: Iterable[tuple[int, RunResult]]) -> list[RunResult]:
    """Every result, in the entries' order, once all are in."""
    done = dict(finished)
    return [done[i] for i in sorted(done)]


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
    runs beyond the `jobs` being judged. (Plain threads: `concurrent.futures` would add 5 ms
    to start-up.)"""

    def __init__(
        self,
        entries: list[Entry],
        order: list[int],
        jobs: int,
        time_scale: float,
        spare: Worker | None,
    ):
        self.entries, self.order, self.jobs, self.time_scale = entries, order, jobs, time_scale
        self.stop = threading.Event()  # set when the run is cut short
        self._lock = threading.Lock()
        self._readies: dict[int, _Slot] = {}
        self._to_prepare: queue.SimpleQueue[tuple[int, Worker | None] | None] = queue.SimpleQueue()
        self._done: queue.SimpleQueue[tuple[int, _Slot]] = queue.SimpleQueue()
        self._next = 0  # the next step a runner takes
        self._closed = False
        self._spare = spare  # started early, for the first file
        self._threads = [threading.Thread(target=self._prepare, name="judge-next", daemon=True)]
        self._threads += [
            threading.Thread(target=self._run, name=f"judge-{i}", daemon=True)
            for i in range(min(jobs, len(order)))
        ]
        with self._lock:
            for step in range(min(jobs, len(order))):
                self._make_ready(step)
        if self._spare is not None:  # no file to judge
            self._spare.close()
        for thread in self._threads:  # judging starts now, not when a result is first asked for
            thread.start()

    def results(self) -> Iterator[tuple[int, RunResult, float]]:
        """(position, result, seconds it took) of each entry as it finishes."""
        for _ in self.order:
            step, slot = self._done.get()
            outcome = slot.result()
            if outcome is not None:
                yield self.order[step], *outcome

    def close(self) -> None:
        """Stop: runs in progress end after their current case; files made ready for a turn
        that never came are closed."""
        if self._closed:
            return
        self._closed = True
        self.stop.set()
        self._to_prepare.put(None)
        for thread in self._threads:
            if thread.ident is not None:
                thread.join()
        for slot in self._readies.values():
            if slot.value is not None and not slot.taken:
                slot.value.worker.close()

    def _make_ready(self, step: int) -> None:
        """Queue `step` to be made ready (under the lock)."""
        if step < len(self.order) and step not in self._readies and not self.stop.is_set():
            spare, self._spare = self._spare, None
            self._readies[step] = _Slot()
            self._to_prepare.put((step, spare))

    def _prepare(self) -> None:
        """The thread that makes files ready, in turn; once stopped, it only marks the rest
        as never made ready."""
        while (item := self._to_prepare.get()) is not None:
            step, spare = item
            slot = self._readies[step]
            if self.stop.is_set():
                if spare is not None:
                    spare.close()
                slot.run(lambda: None)
            else:
                slot.run(Ready.start, self.entries[self.order[step]], self.time_scale, spare)

    def _run(self) -> None:
        """A runner: judges the next step not taken yet, until none is left."""
        while not self.stop.is_set():
            with self._lock:
                step, self._next = self._next, self._next + 1
            if step >= len(self.order):
                return
            slot = _Slot()
            slot.run(self._judge, step)
            self._done.put((step, slot))

    def _judge(self, step: int) -> tuple[RunResult, float] | None:
        """The result and how many seconds it took, unless the run was cut short first."""
        started = time.perf_counter()
        with self._lock:
            self._make_ready(step)  # normally done already, when step - jobs began
            self._make_ready(step + self.jobs)
            slot = self._readies.get(step)
            if slot is not None:
                slot.taken = True
        if slot is None:
            return None  # stopped before it was made ready
        ready = slot.result()
        if ready is None:
            return None
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


class _Slot:
    """The outcome of some work done on another thread: its value, or the error it raised."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.value: Any = None
        self.error: BaseException | None = None
        self.taken = False  # a runner has taken it (it owns the value now)

    def run(self, function: Callable[..., Any], *args: Any) -> None:
        try:
            self.value = function(*args)
        except BaseException as exc:
            self.error = exc
        finally:
            self.done.set()

    def result(self) -> Any:
        """The value once done (None if the pipeline stopped first); re-raises the error."""
        self.done.wait()
        if self.error is not None:
            raise self.error
        return self.value


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
