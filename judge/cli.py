"""The `judge` command: parse options, call the library, render. Nothing else lives here.

Heavy modules (rich, yaml, the grader) are imported inside the commands so that `judge --help`
starts fast.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from judge.catalog import Catalog
    from judge.history import Recorder
    from judge.watch import Watch

EXIT_OK, EXIT_VERDICT, EXIT_USAGE = 0, 1, 2


class InputError(click.ClickException):
    """A user's mistake: one line on stderr, exit 2, no traceback."""

    exit_code = EXIT_USAGE


def _guarded(function: Callable[..., Any]) -> Callable[..., Any]:
    """Turn the library's user-facing errors into clean exit-2 messages."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from judge.errors import UsageError

        try:
            return function(*args, **kwargs)
        except UsageError as exc:
            raise InputError(str(exc)) from None

    return wrapper


class FiniteRange(click.FloatRange):
    """A float range that also refuses `nan` (which every range comparison lets through)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        import math

        number = super().convert(value, param, ctx)
        if not math.isfinite(number):
            self.fail(f"{value!r} is not a finite number.", param, ctx)
        return number


class NonEmptyPath(click.Path):
    """A path that may not be the empty string (which would mean the current folder)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and not value.strip():
            self.fail("an empty path is not a file or folder.", param, ctx)
        return super().convert(value, param, ctx)


# The parameter types, made once and shared by every command: click looks up a translation of
# each path type's name as it is made, some stat calls each, at every start of the judge.
FILE = NonEmptyPath(dir_okay=False)
FOLDER = NonEmptyPath(file_okay=False)
FILE_OR_DASH = NonEmptyPath(dir_okay=False, allow_dash=True)
PATH_OR_DASH = NonEmptyPath(allow_dash=True)
TIME_SCALE = FiniteRange(0.05, 100.0)


def _not_empty(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """Refuse an empty name (`--problem ''`), which would otherwise mean "not given"."""
    if isinstance(value, str) and not value.strip():
        raise click.BadParameter("must not be empty.", ctx, param)
    return value


def problem_option(verb: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """`--problem SLUG`, shared by every command that takes one file: "the problem to VERB"."""
    return click.option(
        "--problem",
        "slug",
        metavar="SLUG",
        callback=_not_empty,
        help=f"The problem to {verb} (default: from the file's name, else its method).",
    )


def problems_option(function: Callable[..., Any]) -> Callable[..., Any]:
    """`--problems DIR`, shared by every command that looks problems up."""
    return click.option(
        "--problems",
        "problem_dirs",
        multiple=True,
        type=FOLDER,
        help="Also load problem specs from DIR (repeatable; also JUDGE_PROBLEMS=DIR:DIR).",
    )(function)


def json_option(function: Callable[..., Any]) -> Callable[..., Any]:
    """`--json`, shared by every command that reports."""
    return click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts instead.")(
        function
    )


def time_scale_option(function: Callable[..., Any]) -> Callable[..., Any]:
    """`--time-scale X`, shared by every command that judges."""
    return click.option(
        "--time-scale",
        type=TIME_SCALE,
        default=1.0,
        show_default=True,
        envvar="JUDGE_TIME_SCALE",
        show_envvar=True,
        help="Multiply every time limit by X, on top of this machine's calibration.",
    )(function)


def history_option(function: Callable[..., Any]) -> Callable[..., Any]:
    """`--no-history`, shared by every command that records what it judges."""
    return click.option(
        "--no-history",
        is_flag=True,
        envvar="JUDGE_NO_HISTORY",
        show_envvar=True,
        help="Do not record this judging in the history.",
    )(function)


def case_file_option(function: Callable[..., Any]) -> Callable[..., Any]:
    """`--case-file FILE`, shared by the commands that take `--case` inputs."""
    return click.option(
        "--case-file",
        "case_files",
        multiple=True,
        metavar="FILE",
        type=FILE_OR_DASH,
        help="An input read from FILE, in the text --case takes (what `judge submit "
        "--save-case` writes); - reads standard input (repeatable).",
    )(function)


def _with_case_files(texts: tuple[str, ...], files: tuple[str, ...]) -> tuple[str, ...]:
    """The --case texts, then each --case-file's."""
    if not files:
        return texts
    from judge.casefile import read_case

    return (*texts, *(read_case(path) for path in files))


def _recorder(command: str, enabled: bool, stop_on_failure: bool = False) -> Recorder:
    """What records the command's judged files once each verdict is out (stdout flushed
    first). Made as the judging starts: it opens the history meanwhile."""
    from judge.history import Recorder

    return Recorder(command, enabled, stop_on_failure, open_now=True)


_QUICK_SWITCH_S = 0.0005  # (see `_load_report`)


def _load_report() -> None:
    """Load the renderer and rich on a thread while the solution runs: the judge only waits
    for the run's answers meanwhile, and ends the run the moment they come. To come at once
    for them, the waiting thread takes the interpreter back from the loading one within half
    a millisecond, not Python's usual five (`run_command` restores it)."""
    import threading

    sys.setswitchinterval(_QUICK_SWITCH_S)
    threading.Thread(target=__import__, args=("judge.report",), daemon=True).start()


def _catalog(problem_dirs: tuple[str, ...]) -> Catalog:
    from judge.catalog import Catalog

    return Catalog(problem_dirs)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="judge")
def cli() -> None:
    """A LeetCode-compatible practice judge that runs on your own machine.

    Write `class Solution` exactly as you would on LeetCode, then submit the file:

    \b
        judge list                                  the problems
        judge show container-with-most-water        the statement
        judge new container-with-most-water         write the starter file
        judge run container-with-most-water.py      your output on the examples
        judge submit container-with-most-water.py   the verdict
        judge watch container-with-most-water.py    judge again on every save
        judge stress container-with-most-water.py   the smallest input it fails
        judge growth container-with-most-water.py   how its time grows with n
        judge history                               what you submitted, newest first
        judge stats                                 what you solved, and your days of practice
        judge all                                   self-check of the install
    """


@cli.command()
@click.argument("file", type=FILE)
@problem_option("judge against")
@click.option(
    "--all-cases", is_flag=True, help="Run every case instead of stopping at the first failure."
)
@click.option(
    "--save-case",
    "save_to",
    metavar="FILE",
    type=FILE,
    help="Write the failing case's whole input to FILE in LeetCode's text, for "
    "`judge run FILE --case-file CASE`.",
)
@time_scale_option
@json_option
@history_option
@problems_option
@_guarded
def submit(
    file: str,
    slug: str | None,
    all_cases: bool,
    save_to: str | None,
    time_scale: float,
    as_json: bool,
    no_history: bool,
    problem_dirs: tuple[str, ...],
) -> None:
    """Judge FILE and print the verdict.

    The problem is --problem SLUG, else the file's name if it is a problem's slug, else the
    one problem whose LeetCode method the file defines. The submission is recorded in the
    history (see `judge history`). Exit status: 0 accepted, 1 any other verdict, 2 bad usage
    or bad input.

    Example:

    \b
        judge submit two_pointers.py --problem container-with-most-water
        judge submit merge-sorted-array.py --json
        judge submit sliding-window-maximum.py --save-case case.txt
    """
    if save_to is not None:
        from judge.casefile import check_destination

        check_destination(save_to)  # before judging: a typo should not cost the wait
    from judge.sandbox import Worker

    # Started first, so that the worker's start-up overlaps with loading the judge itself.
    with Worker() as spare:
        from judge import jsonout, report, runner
        from judge.grading import Finished
        from judge.results import Verdict

        out = report.console()
        catalog = _catalog(problem_dirs)
        events = runner.submit(catalog, file, slug, all_cases, time_scale, spare)
        recorder = _recorder("submit", not no_history)
        result = None
        with report.case_status(out, enabled=not as_json) as status:
            for event in events:
                if isinstance(event, Finished):
                    result = event.result
                else:
                    status.advance(event)
    assert result is not None
    # Recorded even when the verdict cannot be shown (`judge submit ... | head -1` closes
    # the pipe, and rich ends the command): it was judged all the same.
    with recorder.interrupts_held():
        try:
            if as_json:
                jsonout.emit(jsonout.run_result(result))
            else:
                options = ("--problem", slug) if slug else ()
                report.render_result(out, result, report.quoted(file, *options))
            sys.stdout.flush()
        finally:
            recorder.record(result)
    if save_to is not None:
        from judge.casefile import save_case

        note = save_case(
            result, save_to, report.quoted(file, *(("--problem", slug) if slug else ()))
        )
        report.console(stderr=True).print(note, style="dim", soft_wrap=True)
    sys.exit(EXIT_OK if result.verdict is Verdict.AC else EXIT_VERDICT)


@cli.command(name="run")
@click.argument("file", type=FILE)
@problem_option("run against")
@click.option(
    "--case",
    "texts",
    multiple=True,
    metavar="TEXT",
    help="An input in LeetCode's text: 'nums = [1,2], k = 1', or one value per line in the "
    "parameters' order (repeatable). Default: the problem's examples.",
)
@case_file_option
@time_scale_option
@json_option
@problems_option
@_guarded
def run_command(
    file: str,
    slug: str | None,
    texts: tuple[str, ...],
    case_files: tuple[str, ...],
    time_scale: float,
    as_json: bool,
    problem_dirs: tuple[str, ...],
) -> None:
    """Run FILE on your own inputs, as LeetCode's "Run" button does.

    Shows, for each input, your output beside the expected one (the reference solution's
    answer), whether they match under the problem's checker, what your code printed and its
    time. Same sandbox and limits as submit. An input that does not parse, names a wrong
    argument or breaks a constraint is refused before anything runs (exit 2). Exit status 0
    when every output matches, else 1.

    Example:

    \b
        judge run sliding-window-maximum.py
        judge run sliding-window-maximum.py --case 'nums = [1,3,-1,-3,5,3,6,7], k = 3'
        judge run lca.py --problem lowest-common-ancestor --case 'root = [3,5,1], p = 5, q = 1'
        judge run merge-sorted-array.py --case 'nums1 = [1,0], m = 1, nums2 = [2], n = 1' --json
        judge run sliding-window-maximum.py --case-file case.txt
    """
    texts = _with_case_files(texts, case_files)
    from judge import sandbox

    # Started first, so that the worker's start-up overlaps with loading the judge itself. The
    # reference's, for inputs the spec does not answer, is started once they are known: it
    # boots while the solution runs, and an example needs none (it would only compete for the
    # CPU meanwhile).
    switch = sys.getswitchinterval()
    with sandbox.Worker() as spare:
        from judge import runner

        catalog = _catalog(problem_dirs)
        if not as_json:
            spare.on_start = _load_report
        try:
            result = runner.run(catalog, file, slug, texts, time_scale, spare)
        finally:
            sys.setswitchinterval(switch)
    sandbox.close_all_soon()  # nothing more runs: the runs end while the result is shown
    if as_json:
        from judge import jsonout

        jsonout.emit(jsonout.trial_result(result))
    else:
        from judge import report

        report.render_trial(report.console(), result)
    sys.exit(EXIT_OK if result.matched == result.total else EXIT_VERDICT)


@cli.command()
@click.argument("file", type=FILE)
@problem_option("judge against")
@click.option(
    "--run", "run_mode", is_flag=True, help="Run the examples (or --case inputs) on each save."
)
@click.option(
    "--case",
    "texts",
    multiple=True,
    metavar="TEXT",
    help="An input for --run, as `judge run --case` takes it (repeatable; implies --run).",
)
@case_file_option
@time_scale_option
@json_option
@history_option
@problems_option
@_guarded
def watch(
    file: str,
    slug: str | None,
    run_mode: bool,
    texts: tuple[str, ...],
    case_files: tuple[str, ...],
    time_scale: float,
    as_json: bool,
    no_history: bool,
    problem_dirs: tuple[str, ...],
) -> None:
    """Judge FILE now and again each time it is saved, until Ctrl-C.

    The problem, its cases and the sandbox stay ready between saves, so a verdict follows a
    save within milliseconds plus your code's own time. Saves that change nothing are not
    judged again; a half-written save that does not compile shows CE until the next one.
    --json prints one object per judging, one per line: the shape of `submit --json` (or
    `run --json` with --run). Each judging is recorded in the history; runs are not.

    Example:

    \b
        judge watch merge-sorted-array.py
        judge watch merge-sorted-array.py --run --case 'nums1 = [2,0], m = 1, nums2 = [1], n = 1'
        judge watch lca.py --problem lowest-common-ancestor --json
    """
    texts = _with_case_files(texts, case_files)
    from judge.sandbox import Worker

    # Started first, so that the worker's start-up overlaps with loading the judge itself.
    spare = Worker()
    session: Watch | None = None
    try:
        from judge import jsonout, report
        from judge.results import RunResult
        from judge.watch import Watch

        session = Watch(_catalog(problem_dirs), file, slug, run_mode, texts, time_scale, spare)
        out = report.console()
        if not as_json:
            what = (
                "run on its examples"
                if session.run and not texts
                else ("run on your cases" if session.run else "judged")
            )
            report.console(stderr=True).print(
                f"Watching {file} ({session.problem.slug}): {what} on every save; Ctrl-C to stop.",
                style="dim",
            )
        recorder = _recorder("watch", not no_history)
        for result in session.results():
            with recorder.interrupts_held():
                try:
                    if as_json:
                        if isinstance(result, RunResult):
                            jsonout.emit_line(jsonout.run_result(result))
                        else:
                            jsonout.emit_line(jsonout.trial_result(result))
                    else:
                        report.render_watched(out, file, result)
                    sys.stdout.flush()
                finally:
                    if isinstance(result, RunResult):  # runs (--run) are not submissions
                        recorder.record(result)
    except KeyboardInterrupt:
        pass
    finally:
        if session is not None:
            session.close()
        spare.close()
    sys.exit(EXIT_OK)


@cli.command()
@click.argument("file", type=FILE)
@problem_option("test against")
@click.option(
    "--seed",
    type=click.IntRange(min=0),
    help="Draw the inputs from this seed (default: a new one, printed): the same seed gives "
    "the same inputs and the same result.",
)
@click.option(
    "--max-examples",
    type=click.IntRange(min=1),
    default=1000,
    show_default=True,
    help="Random inputs to try before saying no difference was found.",
)
@time_scale_option
@json_option
@problems_option
@_guarded
def stress(
    file: str,
    slug: str | None,
    seed: int | None,
    max_examples: int,
    time_scale: float,
    as_json: bool,
    problem_dirs: tuple[str, ...],
) -> None:
    """Find the smallest input on which FILE and the reference solution differ.

    Runs FILE and the reference on random small valid inputs of the problem, compared as a
    submission is, and shrinks the first input that shows a difference or a crash to the
    smallest that still does: fewer elements first, then smaller values. It is printed in
    LeetCode's text, ready for `judge run --case`, with both answers (or the traceback) and
    the seed that reproduces it. Exit status 0 when no difference is found (which proves
    nothing), 1 when one is.

    Example:

    \b
        judge stress sliding-window-maximum.py
        judge stress lca.py --problem lowest-common-ancestor --seed 7
        judge stress merge-sorted-array.py --max-examples 5000 --json
    """
    from judge.sandbox import Worker

    # Started first, so that the workers' start-up overlaps with loading the judge itself: one
    # for the solution, one for the reference's answers.
    with Worker() as spare, Worker() as answering:
        from judge import runner

        catalog = _catalog(problem_dirs)
        result = runner.stress(
            catalog, file, slug, seed, max_examples, time_scale, spare, answering
        )
    if as_json:
        from judge import jsonout

        jsonout.emit(jsonout.stress_result(result))
    else:
        import shlex

        from judge import report

        named = shlex.quote(file)
        if slug and slug != os.path.splitext(os.path.basename(file))[0]:
            named += f" --problem {slug}"
        report.render_stress(report.console(), result, named)
    sys.exit(EXIT_VERDICT if result.found or result.compile_error else EXIT_OK)


@cli.command(name="all")
@click.argument("folder", required=False, type=FOLDER)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Judge N files at once (default: the number of cores). Times are per-process CPU, "
    "so they do not change.",
)
@time_scale_option
@json_option
@history_option
@problems_option
@_guarded
def all_command(
    folder: str | None,
    jobs: int | None,
    time_scale: float,
    as_json: bool,
    no_history: bool,
    problem_dirs: tuple[str, ...],
) -> None:
    """Judge every <slug>.py in FOLDER against its problem.

    Each file is recorded in the history as it is judged. Without FOLDER, judges the bundled
    reference solutions: a self-check that the install works, which is not recorded (the
    references are not your work). Exit status 0 only if every file is accepted.

    Example:

    \b
        judge all
        judge all ~/leetcode --json
        judge all ~/leetcode -j 1 --time-scale 2
    """
    from judge.sandbox import Worker

    # The first file's worker boots while the judge loads itself and the problems; the first
    # files are judged while the terminal's renderer loads (JSON output needs none).
    with Worker() as spare:
        from judge import jsonout, pipeline, runner
        from judge.results import Verdict

        catalog = _catalog(problem_dirs)
        entries, skipped = runner.collect(catalog, folder)
        jobs = jobs or pipeline.default_jobs()
        recorder = _recorder("all", folder is not None and not no_history, stop_on_failure=True)
        with pipeline.Judging(entries, jobs, time_scale, spare) as judging:
            if skipped or not as_json:
                from judge import report

                err = report.console(stderr=True)
                for path in skipped:
                    err.print(f"skipped {path.name}: no problem named {path.stem!r}", style="dim")
            if as_json:
                results = pipeline.in_order(recorder.passing(judging))
            else:
                out = report.console()
                shown = report.with_progress(out, len(entries), judging)
                results = pipeline.in_order(recorder.passing(shown))
    accepted = sum(1 for r in results if r.verdict is Verdict.AC)
    if as_json:
        jsonout.emit(jsonout.all_results(results, accepted))
    else:
        out.print(report.results_table(results, out.width))
        style = "bold green" if accepted == len(results) else "bold red"
        out.print(f"{accepted}/{len(results)} accepted", style=style)
    sys.exit(EXIT_OK if accepted == len(results) else EXIT_VERDICT)


@cli.command(name="list")
@json_option
@problems_option
@_guarded
def list_command(as_json: bool, problem_dirs: tuple[str, ...]) -> None:
    """List the problems: number, slug, title, difficulty, your status and tags.

    The status (solved, attempted) comes from the history (see `judge history`).

    Example:

    \b
        judge list
        judge list --json
    """
    from judge.cache import no_history

    problems = _catalog(problem_dirs).summaries()
    statuses: dict[str, str] | None = {}  # no history yet: every problem not started
    if not no_history():  # else neither the history's module nor SQLite is loaded
        from judge import history

        statuses = history.statuses()
    if as_json:
        from judge import jsonout

        jsonout.emit(jsonout.problems(problems, statuses))
    else:
        from judge import report

        out = report.console()
        out.print(report.problems_table(problems, out.width, statuses))


@cli.command(name="history")
@click.argument("slug", required=False, callback=_not_empty)
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=20,
    show_default=True,
    help="Show the N newest submissions.",
)
@click.option(
    "--show",
    "number",
    type=click.IntRange(min=1),
    metavar="ID",
    help="Print submission ID's source, under its verdict as comments.",
)
@click.option(
    "--repair",
    is_flag=True,
    help="Check the history file; if it is damaged, rebuild it from every record that can "
    "still be read (the damaged file is kept beside it).",
)
@json_option
@problems_option
@_guarded
def history_command(
    slug: str | None,
    limit: int,
    number: int | None,
    repair: bool,
    as_json: bool,
    problem_dirs: tuple[str, ...],
) -> None:
    """Your submissions, newest first, one line each: of SLUG, or of every problem.

    Every file judged by submit, all (on a folder) and watch is recorded, with its source, in
    the user data folder (JUDGE_DATA_DIR overrides it). --show ID prints one submission's
    source, its verdict as comments above it: `judge history --show 12 > old.py` gets that
    version back. Exit status 2 if the history cannot be read.

    Example:

    \b
        judge history
        judge history merge-sorted-array --limit 5
        judge history --show 12
        judge history --repair
    """
    from judge import history

    if (number is not None or repair) and slug is not None:
        raise InputError("--show and --repair take no SLUG")
    if number is not None and repair:
        raise InputError("--show and --repair go one at a time")
    if repair:
        fixed = history.repair()
        if as_json:
            from judge import jsonout

            jsonout.emit(jsonout.repair(fixed))
        else:
            from judge import report

            report.render_repair(report.console(), fixed)
        return
    reader = history.Reader()
    if number is not None:
        found = reader.entry(number)
        if found is None:
            raise InputError(f"no submission {number} in the history ({reader.path})")
        if as_json:
            from judge import jsonout

            jsonout.emit(jsonout.submission(*found))
        else:
            from judge import report

            report.render_submission(report.console(), *found)
        return
    if slug is not None:
        slug = history.problem_name(reader, _catalog(problem_dirs), slug)
    entries = reader.entries(slug, limit)
    if as_json:
        from judge import jsonout

        jsonout.emit(jsonout.history(entries))
        return
    from judge import report

    shown = len(entries)
    report.render_history(report.console(), entries, reader.count(slug) if shown else 0, slug)


@cli.command(name="stats")
@json_option
@problems_option
@_guarded
def stats_command(as_json: bool, problem_dirs: tuple[str, ...]) -> None:
    """Your progress: each problem's status, attempts, first accepted day and best time; the
    total solved; and a calendar of your submissions per day, as on LeetCode's profile.

    Made from the history (see `judge history`). Exit status 2 if it cannot be read.

    Example:

    \b
        judge stats
        judge stats --json
    """
    from judge import history, stats

    catalog = _catalog(problem_dirs)
    reader = history.Reader()
    progress = stats.compute([p.slug for p in catalog.summaries()], reader.verdicts())
    if as_json:
        from judge import jsonout

        jsonout.emit(jsonout.stats(progress))
    else:
        from judge import report

        report.render_stats(report.console(), progress)


@cli.command()
@click.argument("slug", callback=_not_empty)
@problems_option
@_guarded
def show(slug: str, problem_dirs: tuple[str, ...]) -> None:
    """Show a problem: statement, examples, constraints and the method to write.

    Example:

    \b
        judge show lowest-common-ancestor
    """
    from judge import report

    report.render_problem(report.console(), _catalog(problem_dirs).get(slug))


@cli.command()
@click.argument("slug", callback=_not_empty)
@click.option(
    "-o",
    "--output",
    metavar="PATH",
    type=PATH_OR_DASH,
    help="Write to PATH instead; into a folder as <slug>.py; - prints to standard output.",
)
@click.option("--force", is_flag=True, help="Overwrite the file if it exists.")
@problems_option
@_guarded
def new(slug: str, output: str | None, force: bool, problem_dirs: tuple[str, ...]) -> None:
    """Write a starter file for a problem to ./SLUG.py, as LeetCode's editor starts it.

    The statement, examples and constraints come first as comments, then `class Solution`
    with the method to write. The file runs as it is (a wrong answer until the method is
    written), and its name tells `judge submit` the problem. SLUG may also be the problem's
    number. An existing file is kept unless --force is given.

    Example:

    \b
        judge new merge-sorted-array
        judge new 236 -o ~/leetcode/
        judge new sliding-window-maximum -o -
    """
    import shlex

    from rich.text import Text

    from judge import report, starter

    problem = _catalog(problem_dirs).find(slug)
    text = starter.starter(problem)
    path = starter.destination(problem.slug, output)
    if path is None:
        click.echo(text, nl=False)
        return
    starter.save(path, text, force)
    name = shlex.quote(str(path))
    if path.stem != problem.slug:  # the file's name no longer says which problem it is
        name += f" --problem {problem.slug}"
    # One command a line, each whole: a narrow terminal must not break one to be copied.
    steps = "\n".join(f"  judge {step} {name}" for step in ("run", "submit", "watch"))
    report.console().print(Text(f"wrote {path}, then:\n{steps}"), soft_wrap=True)


@cli.command()
@click.argument("slug", callback=_not_empty)
@problems_option
@_guarded
def solution(slug: str, problem_dirs: tuple[str, ...]) -> None:
    """Show the reference solution with its approach and complexity.

    Example:

    \b
        judge solution merge-sorted-array
    """
    from judge import report

    report.render_solution(report.console(), _catalog(problem_dirs).get(slug))


@cli.command()
@click.argument("slug", required=False, callback=_not_empty)
@click.option(
    "--trials",
    type=click.IntRange(min=1),
    default=300,
    show_default=True,
    help="Small random inputs per problem.",
)
@click.option(
    "--matrix",
    is_flag=True,
    help="Run the reference and every known submission on every case: each case's verdict "
    "and time, and the case that catches each wrong submission first.",
)
@click.option(
    "--mutants",
    is_flag=True,
    help="Mutation analysis: judge small changes of the reference (that the brute force "
    "shows are wrong) on the cases, and show each one the cases accept with an input that "
    "catches it.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="With --matrix or --mutants: run N files at once (default: the number of cores).",
)
@time_scale_option
@json_option
@problems_option
@_guarded
def verify(
    slug: str | None,
    trials: int,
    matrix: bool,
    mutants: bool,
    jobs: int | None,
    time_scale: float,
    as_json: bool,
    problem_dirs: tuple[str, ...],
) -> None:
    """Prove problem packages: SLUG, or every problem.

    Checks that the spec is valid and every input meets the constraints; that the reference
    matches every hand-written answer and a brute force on --trials small random inputs; that
    it uses at most 1/5 of the time limit; and that every known-verdict submission gets its
    verdict, also at 1.5x the time limit, naming the first case that catches each failing one
    (a warning when no hand-written case does). A check whose optional part (validator, small
    inputs, brute force, submissions) is absent is skipped with a note. Exit status 1 if any
    check fails.

    --matrix runs the reference and every known submission on every case and shows each
    verdict and time, marking the case that catches each wrong submission first (exit status
    1 if a file does not get the verdict of its folder). --mutants makes mutants of the
    reference (`<` for `<=`, `+ 1` for `- 1`, a statement removed, ...), drops those that
    agree with the brute force on thousands of small inputs, judges the others on the cases,
    and shows each survivor, a bug the cases accept, with a small input that catches it and
    the hand case to add (exit status 1 if any survives).

    Example:

    \b
        judge verify sliding-window-maximum
        judge verify --problems ./my-problems --json
        judge verify maximum-gap --matrix
        judge verify merge-sorted-array --mutants
    """
    from judge import jsonout, report
    from judge.verify import verify_problem

    if matrix and mutants:
        raise click.UsageError("--matrix and --mutants are separate runs: give one of them.")
    catalog = _catalog(problem_dirs)
    slugs = [slug] if slug else list(catalog.paths)
    problems = [catalog.get(s) for s in slugs]
    if matrix or mutants:
        from judge.pipeline import default_jobs

        run = _verify_matrix if matrix else _verify_mutants
        sys.exit(run(problems, time_scale, jobs or default_jobs(), as_json, slug is not None))
    out = report.console()
    checks = report.run_checks(
        out, problems, lambda p: verify_problem(p, trials, time_scale), not as_json
    )
    failed = [c for c in checks if not c.ok]
    if as_json:
        jsonout.emit(jsonout.checks(checks))
    else:
        out.print(report.checks_table(checks, out.width))
        out.print(report.checks_summary(checks))
    sys.exit(EXIT_VERDICT if failed else EXIT_OK)


def _verify_matrix(
    problems: list[Any], time_scale: float, jobs: int, as_json: bool, one: bool
) -> int:
    """`judge verify --matrix`: the exit status."""
    from judge import jsonout, matrix, report, verifyviews

    out = report.console()
    found = []
    for problem in problems:
        with verifyviews.status(
            out, f"Running {problem.slug}'s files on every case", not as_json
        ) as shown:
            found.append(matrix.build(problem, time_scale, jobs, shown))
        if not as_json:
            if len(found) > 1:
                out.print()
            verifyviews.render_matrix(out, found[-1])
    if as_json:
        jsonout.emit(jsonout.matrix(found))
    return EXIT_OK if all(m.ok for m in found) else EXIT_VERDICT


def _verify_mutants(
    problems: list[Any], time_scale: float, jobs: int, as_json: bool, one: bool
) -> int:
    """`judge verify --mutants`: the exit status. A problem that cannot be analysed (no brute
    force, no small inputs) is a usage error when it was asked for by name; in a run over
    every problem it is reported as skipped and fails the run."""
    from judge import jsonout, mutants, report, verifyviews
    from judge.errors import UsageError

    out = report.console()
    found, skipped = [], []
    for problem in problems:
        try:
            with verifyviews.status(out, f"Judging {problem.slug}'s mutants", not as_json) as shown:
                found.append(mutants.analyse(problem, time_scale, jobs, shown))
        except UsageError as exc:
            if one:
                raise
            skipped.append((problem.slug, str(exc)))
            if not as_json:
                out.print(f"{problem.slug}: skipped: {exc}", style="yellow", soft_wrap=True)
            continue
        if not as_json:
            if len(found) > 1:
                out.print()
            verifyviews.render_mutants(out, found[-1])
    if as_json:
        jsonout.emit(jsonout.mutants(found, skipped))
    elif len(problems) > 1:
        verifyviews.render_mutants_summary(out, found)
    failed = skipped or any(r.survivors for r in found)
    return EXIT_VERDICT if failed else EXIT_OK


@cli.command()
@click.argument("file", type=FILE)
@problem_option("measure on")
@click.option(
    "--family",
    "families",
    multiple=True,
    metavar="NAME",
    help="Measure only this input family (repeatable). Default: every family of the problem.",
)
@click.option(
    "--budget",
    type=FiniteRange(0.5, 600.0),
    default=4.0,
    show_default=True,
    metavar="SECONDS",
    help="Wall time FILE's runs may take over all families; more reaches larger sizes.",
)
@json_option
@problems_option
@_guarded
def growth(
    file: str,
    slug: str | None,
    families: tuple[str, ...],
    budget: float,
    as_json: bool,
    problem_dirs: tuple[str, ...],
) -> None:
    """Show how FILE's CPU time grows with the input size, beside the reference's.

    Runs both on each of the problem's input families (random, sorted, equal values, a
    path-shaped tree, ...) at doubling sizes, several times each, up to where a run would pass
    a budget of a few seconds in all; fits the exponent of time against n per family, names
    the family where it grows fastest and draws both on a log-log chart. Exit status 1 when
    FILE grows a class faster than the reference on some family (or fails, or does not
    finish), else 0.

    Example:

    \b
        judge growth kth-largest-element.py
        judge growth slow.py --problem sliding-window-maximum --family falling --json
    """
    from judge import runner

    catalog = _catalog(problem_dirs)
    if as_json:
        from judge import jsonout

        result = runner.growth(catalog, file, slug, families, budget)
        jsonout.emit(jsonout.growth(result))
    else:
        from judge import report

        out = report.console()
        with report.measuring(out) as progress:
            result = runner.growth(catalog, file, slug, families, budget, progress)
        report.render_growth(out, result)
    failed = result.compile_error is not None or result.slower
    sys.exit(EXIT_VERDICT if failed else EXIT_OK)


@cli.command()
@json_option
@_guarded
def doctor(as_json: bool) -> None:
    """Show which sandbox protections are active on this machine.

    Starts one real worker and reports what it could set up: namespaces (PID, network, user),
    Landlock, resource limits and CPU watching. Missing ones fall back gracefully.

    Example:

    \b
        judge doctor
    """
    from judge import jsonout, report
    from judge.doctor import probe

    protections = probe()
    if as_json:
        jsonout.emit(jsonout.protections(protections))
    else:
        out = report.console()
        out.print(report.protections_table(protections, out.width))


@cli.command()
@click.option(
    "--set",
    "pinned",
    type=FiniteRange(0.25, 8.0),
    metavar="FACTOR",
    help="Pin the factor instead of measuring (e.g. 1.0 on a shared CI runner).",
)
@json_option
@_guarded
def calibrate(pinned: float | None, as_json: bool) -> None:
    """Measure how fast this machine runs Python, and scale time limits to match.

    The limits in problem specs are for a reference machine. judge times a fixed workload of
    typical solution code and multiplies every limit by (time here / time there); the result is
    cached, and measured by itself the first time judge needs it. Run this after changing
    hardware or Python, or when a busy machine skewed the first measurement.

    Example:

    \b
        judge calibrate
        judge calibrate --set 1.0
    """
    from judge import calibration, jsonout, report

    result = calibration.pin(pinned) if pinned is not None else calibration.calibrate()
    if as_json:
        jsonout.emit(jsonout.calibration(result))
    else:
        report.render_calibration(report.console(), result)


def main() -> None:
    """Console-script entry point."""
    try:
        cli(prog_name="judge")
    except SystemExit as exc:
        if exc.code is not None and not isinstance(exc.code, int):
            raise
        # Everything is written and closed by now: skip the interpreter's teardown, which
        # would add several milliseconds to every command.
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass  # a closed pipe (`judge list | head -1`): nothing more to say there
        if "judge.sandbox" in sys.modules:
            sys.modules["judge.sandbox"].close_all()  # every run's processes and files are gone
        if "judge.forkserver" in sys.modules:
            sys.modules["judge.forkserver"].shared().close()  # started, never used: no orphan
        os._exit(exc.code or 0)
