"""Independent sandboxed runs, a few at a time: each thread waits on its own worker process,
so `jobs` threads keep `jobs` runs going (`verify --matrix`'s files, `--mutants`' mutants)."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def in_parallel(
    count: int,
    jobs: int,
    do: Callable[[int], T],
    progress: Callable[[int, int], None] | None = None,
    name: str = "judge-run",
) -> list[T]:
    """`do(i)` for every i below `count` on `jobs` threads, the results in order of i; the
    first exception stops the others taking more and is raised again here."""
    results: list[T | None] = [None] * count
    todo: queue.SimpleQueue[int] = queue.SimpleQueue()
    for i in range(count):
        todo.put(i)
    errors: list[BaseException] = []
    lock = threading.Lock()
    done = 0

    def work() -> None:
        nonlocal done
        while not errors:
            try:
                i = todo.get_nowait()
            except queue.Empty:
                return
            try:
                results[i] = do(i)
            except BaseException as exc:  # raised again on the caller's thread
                errors.append(exc)
                return
            with lock:
                done += 1
                if progress is not None:
                    progress(done, count)

    threads = [
        threading.Thread(target=work, name=f"{name}-{n}", daemon=True)
        for n in range(max(1, min(jobs, count)))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return [r for r in results if r is not None]
