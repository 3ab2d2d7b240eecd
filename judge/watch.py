"""Judge a file again each time it is saved, with everything warm between saves.

The problem, its prepared cases (mapped from the cache), the reference's answers to `--case`
inputs and the fork server are made ready once; a worker is booted as soon as one judging
ends, so a save costs reading the file and running it. A save is judged when its content
differs from the last judged one: editors that write a new file and rename it, several
saves in quick succession and a touch without a change all come down to one judging of the
newest content.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from judge import trial
from judge.catalog import Catalog
from judge.errors import UsageError
from judge.grading import Finished, grade
from judge.references import prepare_cases, skipped_note
from judge.results import RunResult
from judge.runner import infer_problem
from judge.sandbox import Worker
from judge.submission import read_file, read_submission
from judge.trial import TrialResult

# Changes are gathered until the folder has been quiet this long: a save by rename (its events
# come within a millisecond) is one batch, and a verdict comes a few milliseconds after the save.
STEP_MS = 5
# However busy the folder, a batch is judged after this long.
DEBOUNCE_MS = 400
# The file is looked at this often even without an event: a save made before the watch was
# set up, or one the file system did not report, is judged all the same.
IDLE_CHECK_MS = 1000


class Watch:
    """One file under watch: its problem, what is kept warm, and the last content judged."""

    def __init__(
        self,
        catalog: Catalog,
        path: str | Path,
        slug: str | None = None,
        run: bool = False,
        texts: Sequence[str] = (),
        time_scale: float = 1.0,
        spare: Worker | None = None,
    ) -> None:
        self.path = Path(path)
        self.problem = infer_problem(catalog, read_submission(self.path), slug)
        self.run = run or bool(texts)
        self.time_scale = time_scale
        self.spare = spare
        self._judged: bytes | None = None
        if self.run:
            inputs = trial.read_inputs(self.problem, list(texts)) if texts else None
            self.inputs = inputs or trial.examples(self.problem)
            self.answers = trial.reference_answers(self.problem, self.inputs)
        else:
            self.cases = prepare_cases(self.problem)

    def judge(self) -> RunResult | TrialResult | None:
        """Judge the file as it is now; None if it is missing or unchanged since last time."""
        try:
            content = read_file(self.path)
        except UsageError:
            return None  # between an editor's delete and its rename: the next event has it
        if content == self._judged:
            return None
        self._judged = content
        submission = read_submission(self.path, content)
        spare, self.spare = self.spare, None
        try:
            if self.run:
                return trial.trial(
                    self.problem, submission, self.inputs, self.time_scale, spare, self.answers
                )
            result = None
            notes = [skipped_note(self.problem)]
            events = grade(
                self.problem, submission, self.cases, False, self.time_scale, spare, notes
            )
            for event in events:
                if isinstance(event, Finished):
                    result = event.result
            assert result is not None
            return result
        finally:
            if spare is not None:
                spare.close()
            # Booted now, while the user edits, for the next save: before the verdict is out,
            # so that a Ctrl-C the moment it shows never stops a worker half made.
            self.spare = Worker()

    def close(self) -> None:
        if self.spare is not None:
            self.spare.close()
            self.spare = None

    def results(self) -> Iterator[RunResult | TrialResult]:
        """The verdict on the file now, then one on every save that changes it (until
        KeyboardInterrupt)."""
        first = self.judge()
        if first is not None:
            yield first
        from watchfiles import watch  # 30-80 ms to import: only once the first verdict is out

        folder = os.path.abspath(self.path.parent)
        target = os.path.join(folder, self.path.name)
        for _ in watch(
            folder,
            watch_filter=lambda _change, changed: changed == target,
            step=STEP_MS,
            debounce=DEBOUNCE_MS,
            rust_timeout=IDLE_CHECK_MS,
            yield_on_timeout=True,
            recursive=False,
        ):
            result = self.judge()
            if result is not None:
                yield result
