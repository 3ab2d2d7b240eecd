"""What the commands do, as plain functions: pick the problem, prepare its cases, grade."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from judge.catalog import Catalog, nearby_hint, spec_near
from judge.errors import UsageError
from judge.grading import Event, grade
from judge.records import record
from judge.sandbox import Worker
from judge.spec import Problem
from judge.submission import Submission, read_submission

if TYPE_CHECKING:
    from judge.growth import GrowthResult
    from judge.stress import StressResult
    from judge.trial import TrialResult


@record
class Entry:
    """One file of a folder to judge, and the problem it is for."""

    path: Path
    problem: Problem


def infer_problem(catalog: Catalog, submission: Submission, slug: str | None = None) -> Problem:
    """`--problem` if given; else the file's stem if it is a slug; else the one problem whose
    LeetCode method the file defines."""
    if slug:
        if slug not in catalog:
            starts = [submission.path.resolve().parent, Path.cwd()]
            own = spec_near(catalog, starts, slug, set())
            if own:
                raise UsageError(f"unknown problem {slug!r}; {own}")
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
        hint = nearby_hint(catalog, submission.path, None, submission.methods)
        raise UsageError(
            f"no known problem has a method among those of class Solution ({methods}); {hint}"
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
    from judge.references import prepare_cases, skipped_note  # not needed by `judge run`

    submission = read_submission(path)
    problem = infer_problem(catalog, submission, slug)
    cases = prepare_cases(problem)
    notes = [skipped_note(problem)]
    yield from grade(problem, submission, cases, all_cases, time_scale, spare, notes)


def run(
    catalog: Catalog,
    path: str | Path,
    slug: str | None = None,
    texts: Sequence[str] = (),
    time_scale: float = 1.0,
    spare: Worker | None = None,
    answering: Worker | None = None,
) -> TrialResult:
    """LeetCode's "Run": the file on the given case texts, or on the problem's examples. Every
    text is read and checked before anything runs. `spare` and `answering`: workers started
    early for the solution and for the reference's answers."""
    from judge import trial  # only this command needs it

    submission = read_submission(path)
    problem = infer_problem(catalog, submission, slug)
    inputs = trial.read_inputs(problem, list(texts)) if texts else trial.examples(problem)
    return trial.trial(problem, submission, inputs, time_scale, spare, None, answering)


def growth(
    catalog: Catalog,
    path: str | Path,
    slug: str | None = None,
    families: Sequence[str] = (),
    budget_s: float | None = None,
    progress: Callable[[str], None] | None = None,
) -> GrowthResult:
    """How the file's CPU time grows with n on its problem's growth families (all, or those
    named), beside the reference's, in about `budget_s` seconds of its runs (default:
    `growth.BUDGET_S`). `progress` is told what is being measured."""
    from judge import growth  # only this command needs it

    submission = read_submission(path)
    problem = infer_problem(catalog, submission, slug)
    budget = growth.BUDGET_S if budget_s is None else budget_s
    return growth.measure_file(problem, submission, families, budget, progress)


def stress(
    catalog: Catalog,
    path: str | Path,
    slug: str | None = None,
    seed: int | None = None,
    max_examples: int = 1000,
    time_scale: float = 1.0,
    spare: Worker | None = None,
    answering: Worker | None = None,
) -> StressResult:
    """Stress test one file against its problem's reference on random small inputs (a new
    seed unless one is given), shrinking the first that fails. `spare` and `answering`:
    workers started early for the solution and the reference."""
    from judge import stress as stressing  # only this command needs it

    submission = read_submission(path)
    problem = infer_problem(catalog, submission, slug)
    seed = stressing.new_seed() if seed is None else seed
    return stressing.stress(problem, submission, seed, max_examples, time_scale, spare, answering)


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
