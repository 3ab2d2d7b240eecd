"""`judge verify --mutants`: mutation analysis of a problem's test data.

Each mutant of the reference (`mutate`) is a plausible bug. It first meets the brute force on
thousands of small inputs drawn from the spec's `small_inputs`: one that agrees on all of them
is dropped as probably equivalent (a mutant that changes nothing is no bug, and judging it
would only make noise). The others are wrong, with an input to prove it, and are judged on
the problem's cases exactly as `judge submit` judges a file. A mutant the cases accept is a
survivor: a real bug the test data lets through. Its failing input is made as small as it gets
(`stress.shrink_failure`, with the brute force's answers) so that the author can add it as a
hand case.

Every run is a sandboxed worker forked from the fork server: a mutant that loops forever or
crashes meets the time limit like any submission. Mutants are analysed `jobs` at a time, each
on its own thread (the judge side only waits on pipes).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from typing import Any

from judge import codecs, smallinputs
from judge.cases import PreparedCase, pack_batch
from judge.checkers import CHECKERS
from judge.errors import ProblemError, UsageError
from judge.grading import Execution, Finished, Outcome, grade, limits_for
from judge.limits import Limits
from judge.mutate import Mutant, SourceError, mutants
from judge.records import field, record
from judge.references import prepare_cases
from judge.results import Verdict
from judge.smallinputs import Drawer, State
from judge.spec import SWEEP_CASE, Problem
from judge.submission import Submission, read_submission
from judge.threads import in_parallel
from judge.trial import TrialCase

INPUTS = 4000  # small inputs each mutant meets beside the brute force
# Not the sweep's seed (0): drawn from the same seed, these inputs would include the sweep's
# own, and a mutant they catch would always be caught by the sweep too.
SEED = 1
BATCH = 250  # inputs judged as one case: a mutant's run is a handful of cases, not thousands
# Per-input CPU limit while mutants meet the brute force. The brute force answers each input in
# well under a millisecond; a mutant that takes this long on 8 elements loops, and looping
# mutants are common (`i += 1` turned into `i -= 1`): each costs this limit, not the
# problem's. Judged on the cases it meets the problem's real limit, and a survivor's failure is
# confirmed at the real limit too.
FILTER_CPU_MS = 200

EQUIVALENT, KILLED, SURVIVED = "equivalent", "killed", "survived"


@record
class MutantResult:
    """What became of one mutant."""

    mutant: Mutant
    status: str  # EQUIVALENT, KILLED or SURVIVED
    verdict: Verdict | None = None  # killed: the verdict the cases gave it
    case: str | None = None  # killed: the case that caught it (a sweep's input named)
    failure: TrialCase | None = None  # survived: the smallest input found that shows the bug
    values: dict[str, Any] | None = None  # that input by parameter name


@record
class MutantsReport:
    """The mutation analysis of one problem."""

    problem: str
    inputs: int  # small inputs each mutant met beside the brute force
    results: list[MutantResult] = field(default_factory=list)
    seconds: float = 0.0

    def _with(self, status: str) -> list[MutantResult]:
        return [r for r in self.results if r.status == status]

    @property
    def equivalent(self) -> list[MutantResult]:
        return self._with(EQUIVALENT)

    @property
    def killed(self) -> list[MutantResult]:
        return self._with(KILLED)

    @property
    def survivors(self) -> list[MutantResult]:
        return self._with(SURVIVED)

    def killed_by(self) -> list[tuple[str, int]]:
        """(case, mutants it caught first), in the order the cases run."""
        counts: dict[str, int] = {}
        for r in self.killed:
            name = _case_of(r.case or "")
            counts[name] = counts.get(name, 0) + 1
        return list(counts.items())


def _case_of(name: str) -> str:
    """The case an input belongs to: `small-sweep-0137` is the sweep's."""
    return SWEEP_CASE if name.startswith(f"{SWEEP_CASE}-") else name


@record
class _Piece:
    """A mutant's (or the brute force's) answers to consecutive inputs, or how it failed."""

    start: int  # the first input's index
    outputs: list[Any] | None  # their answers; None: byte for byte those of the truth
    raw: bytes | None = None
    failed: Outcome | None = None  # how it failed on an input at or after `start` (run over)


@record
class _Difference:
    """Where a mutant first parts from the brute force."""

    index: int  # the input (exact, or the first of the batch it failed in)
    exact: bool


class Analysis:
    """One problem's mutation analysis: the inputs, the brute force's answers, the cases."""

    def __init__(self, problem: Problem, time_scale: float = 1.0) -> None:
        self.problem, self.time_scale = problem, time_scale
        self.check = CHECKERS[problem.checker]
        self.reference = _read(problem, problem.reference, "reference solution")
        brute_path = problem.submissions / "brute_force.py"
        if problem.small_inputs is None:
            raise UsageError(
                f"{problem.slug}: no `small_inputs` in the spec: mutants are told from "
                "equivalent ones on small inputs drawn from it"
            )
        if not brute_path.is_file():
            raise UsageError(
                f"{problem.slug}: no brute force at {brute_path}: without one a wrong mutant "
                "cannot be told from an equivalent one"
            )
        self.brute = _read(problem, brute_path, "brute force")
        try:
            self.mutants = mutants(self.reference.source)
        except SourceError as exc:
            raise UsageError(f"{problem.slug}: reference {problem.reference}: {exc}") from None
        self.drawer = Drawer(problem)
        self.drawn = self._draw()
        self.inputs = [values for _, values in self.drawn]
        self.filter_limits = Limits(
            min(FILTER_CPU_MS, limits_for(problem, time_scale).cpu_ms), problem.memory_mb
        )
        self.batches = {
            start: pack_batch(problem, self.inputs[start : start + BATCH])
            for start in range(0, len(self.inputs), BATCH)
        }
        self.truth, self.truth_raw = self._truth()
        self.cases = prepare_cases(problem)

    def _draw(self) -> list[tuple[State, dict[str, Any]]]:
        """INPUTS different valid small inputs, smallest first: the first a mutant fails on is
        then about as small as the ones it fails on get."""
        rng = random.Random(SEED)
        order = [p.name for p in self.problem.params]
        found: dict[str, tuple[State, dict[str, Any]]] = {}
        for _ in range(INPUTS * 3):  # some problems have fewer different small inputs
            state, values = self.drawer.draw_valid(rng)
            found.setdefault(codecs.show([values[n] for n in order]), (state, values))
            if len(found) == INPUTS:
                break
        return sorted(found.values(), key=lambda sv: (self._size(sv[1]), codecs.show(sv[1])))

    def _size(self, values: dict[str, Any]) -> int:
        return smallinputs.size(self.problem, values)

    def _truth(self) -> tuple[list[Any], dict[int, bytes]]:
        """The brute force's answers to every input, and each whole batch's answer bytes (a
        mutant's batch with the same bytes agrees without being decoded)."""
        outputs: list[Any] = []
        raws: dict[int, bytes] = {}
        limits = limits_for(self.problem, 5.0)  # trusted: generous, as for the reference
        for piece in self._pieces(self.brute, limits, {}):
            if piece.failed is not None:
                shown = self.problem.format_input(self.inputs[piece.start])
                raise ProblemError(
                    f"{self.problem.slug}: the brute force fails near {shown}: "
                    f"{piece.failed.verdict.value if piece.failed.verdict else 'RE'} "
                    f"{piece.failed.message}"
                )
            assert piece.outputs is not None
            if piece.start in self.batches and len(piece.outputs) == self._count(piece.start):
                assert piece.raw is not None
                raws[piece.start] = piece.raw
            outputs += piece.outputs
        return outputs, raws

    def _count(self, start: int) -> int:
        return min(BATCH, len(self.inputs) - start)

    def _pieces(
        self, submission: Submission, limits: Limits, truth_raw: dict[int, bytes]
    ) -> Iterator[_Piece]:
        """A solution's answers to every input, batch by batch, until it fails. A batch that
        used up its time answers only its first inputs: the rest go to a new run."""
        names = tuple(p.name for p in self.problem.params)
        start = 0
        while start < len(self.inputs):
            starts = list(range(start, len(self.inputs), BATCH))
            cases = [
                PreparedCase(
                    f"inputs {s + 1}",
                    self.batches.get(s) or pack_batch(self.problem, self.inputs[s : s + BATCH]),
                    None,
                    names,
                )
                for s in starts
            ]
            outcomes = Execution(self.problem, submission, cases, limits).outcomes()
            again = None
            try:
                for outcome in outcomes:
                    first = starts[outcome.index]
                    count = min(BATCH, len(self.inputs) - first)
                    if outcome.verdict is not None:
                        yield _Piece(first, [], failed=outcome)
                        return
                    raw = bytes(outcome.raw or b"")
                    if truth_raw.get(first) == raw:
                        yield _Piece(first, None, raw)
                        continue
                    try:
                        outputs = codecs.load(raw)
                    except ValueError:
                        outputs = None
                    if not isinstance(outputs, list):
                        garbled = Outcome(outcome.index, Verdict.RE, message="garbled answers")
                        yield _Piece(first, [], failed=garbled)
                        return
                    yield _Piece(first, outputs[:count], raw)
                    if len(outputs) < count:
                        again = first + len(outputs)
                        break
            finally:
                outcomes.close()
            if again is None:
                return
            start = again

    def differs(self, submission: Submission) -> _Difference | None:
        """Where `submission` first parts from the brute force on the inputs, or None."""
        out_type = self.problem.output_type
        for piece in self._pieces(submission, self.filter_limits, self.truth_raw):
            if piece.failed is not None:
                part = piece.failed.part
                exact = part is not None and piece.failed.verdict is Verdict.RE
                return _Difference(piece.start + (part or 0), exact)
            for i, output in enumerate(piece.outputs or []):
                want = self.truth[piece.start + i]
                if not codecs.conforms(output, out_type) or not self.check(want, output).ok:
                    return _Difference(piece.start + i, True)
        return None

    def judge(self, mutant: Mutant) -> MutantResult:
        """One mutant: dropped, killed by a case, or surviving (its failure still to shrink)."""
        submission = _submission(self.problem, self.reference, mutant)
        difference = self.differs(submission)
        if difference is None:
            return MutantResult(mutant, EQUIVALENT)
        result = _finished(grade(self.problem, submission, self.cases, time_scale=self.time_scale))
        if result.verdict is not Verdict.AC:
            caught = result.failure.case if result.failure is not None else None
            return MutantResult(mutant, KILLED, result.verdict, caught or _last(result))
        return self._survivor(mutant, submission, difference)

    def _survivor(
        self, mutant: Mutant, submission: Submission, difference: _Difference
    ) -> MutantResult:
        """The smallest input found on which the survivor and the brute force differ, at the
        problem's own time limit; a mutant that only broke the filter's shorter limit is
        equivalent after all."""
        from judge import stress

        first = difference.index
        last = first + 1 if difference.exact else min(first + BATCH, len(self.inputs))
        inputs = self.inputs[first:last]
        hit = stress.first_failure(
            self.problem, submission, inputs, self.time_scale, oracle=self.brute
        )
        if hit is None:
            return MutantResult(mutant, EQUIVALENT)
        index, case = hit
        state, values = self.drawn[first + index]
        state, values, case, _ = stress.shrink_failure(
            self.drawer, self.problem, submission, state, values, case, self.time_scale, self.brute
        )
        shown = case.replace(input=self.problem.format_input(values))
        return MutantResult(mutant, SURVIVED, failure=shown, values=values)


def analyse(
    problem: Problem,
    time_scale: float = 1.0,
    jobs: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> MutantsReport:
    """Make the reference's mutants and judge them, `jobs` at a time; `progress(done, total)`
    is called as each is done."""
    began = time.monotonic()
    analysis = Analysis(problem, time_scale)
    # The unchanged reference must agree with the brute force, or no mutant can be judged.
    if analysis.differs(analysis.reference) is not None:
        raise ProblemError(
            f"{problem.slug}: the reference and the brute force differ on small inputs "
            f"(`judge verify {problem.slug}` shows where)"
        )
    made = analysis.mutants  # each judged on a thread of its own, in mutant order
    judge = analysis.judge
    results = in_parallel(len(made), jobs, lambda i: judge(made[i]), progress, "judge-mutants")
    report = MutantsReport(problem.slug, len(analysis.inputs), results)
    report.seconds = time.monotonic() - began
    return report


def _read(problem: Problem, path: Any, role: str) -> Submission:
    submission = read_submission(path)
    if submission.error is not None:
        raise ProblemError(f"{problem.slug}: {role} {path}: {submission.error.message}")
    return submission


def _submission(problem: Problem, reference: Submission, mutant: Mutant) -> Submission:
    """The mutant as a submission: the reference's file, changed (tracebacks name its lines)."""
    return Submission(
        reference.path,
        source=mutant.source,
        data=mutant.source.encode(),
        methods=reference.methods,
    )


def _finished(events: Iterator[Any]) -> Any:
    for event in events:
        if isinstance(event, Finished):
            return event.result
    raise AssertionError("grading ended without a result")


def _last(result: Any) -> str | None:
    return result.cases[-1].name if result.cases else None
