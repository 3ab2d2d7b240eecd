"""`pytest --judge`: every `<slug>.py` solution is a test item that passes when judge accepts it.

IDE test panels (VS Code, PyCharm) run pytest, so they show judge's verdicts with no extension
of their own. A file counts when its name is a known problem's slug, as `judge all` takes
them; the paths to look in are pytest's own arguments (default: the current folder, or
`testpaths` when run from the rootdir), so node ids, `-k` and an IDE's "run this test" keep
their meaning. Test files beside the solutions are collected as usual; `-m judge` selects the
solutions alone.

pytest loads this module in every run of every project where judge is installed, so at import
it needs nothing but the standard library and pytest, and without `--judge` its only hooks
return at once: judge's own modules, rich and PyYAML load when `--judge` is given.
Collection judges nothing (`pytest --collect-only` is what an IDE runs to list tests); each
item is judged in `runtest`, by workers of one fork server shared by the whole run.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from judge.catalog import Catalog
    from judge.results import RunResult
    from judge.sandbox import Worker

# judge's failure view is rendered at this width: a test report has no terminal to measure.
VIEW_WIDTH = 100


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("judge", "LeetCode-style solutions judged by judge")
    group.addoption(
        "--judge",
        action="store_true",
        help="Judge each <slug>.py file (named after a known problem, as `judge all` takes "
        "them) under pytest's paths (its arguments; default: the current folder, or "
        "testpaths at the rootdir) as one test item named after the problem, which passes "
        "when the verdict is Accepted. Test files there are collected as usual; -m judge "
        "selects the solutions alone.",
    )
    group.addoption(
        "--judge-problems",
        action="append",
        default=[],
        metavar="DIR",
        help="With --judge: also load problem specs from DIR (repeatable; also "
        "JUDGE_PROBLEMS=DIR:DIR).",
    )


def pytest_configure(config: pytest.Config) -> None:
    if not config.getoption("judge"):
        return
    config.addinivalue_line("markers", "judge: a solution judged by judge (pytest --judge)")
    judging = Judging(config.getoption("judge_problems"))
    config.pluginmanager.register(judging, "judge-session")
    config.add_cleanup(judging.close)


class Judging:
    """What one `pytest --judge` run shares: the problems, and a worker booted ahead of its
    turn (a worker's start-up then overlaps with judging the file before)."""

    def __init__(self, problem_dirs: list[str]) -> None:
        from judge.catalog import Catalog
        from judge.errors import UsageError

        try:
            self.catalog: Catalog = Catalog(problem_dirs)
        except UsageError as exc:
            raise pytest.UsageError(str(exc)) from None
        self._spare: Worker | None = None
        self._left = 0  # judge items still to run

    @pytest.hookimpl(hookwrapper=True)
    def pytest_collect_file(
        self, file_path: Path, parent: pytest.Collector
    ) -> Generator[None, Any, None]:
        """A solution is collected as one item, and as nothing else: a file named on the
        command line (an IDE running one test) would otherwise also be imported as a test
        module, which a solution file cannot be (`List` and `TreeNode` come from judge)."""
        outcome: Any = yield
        if file_path.suffix == ".py" and file_path.stem in self.catalog:
            outcome.force_result([SolutionFile.from_parent(parent, path=file_path)])

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        self._left = sum(isinstance(item, SolutionItem) for item in session.items)

    def judge(self, path: Path, slug: str) -> RunResult:
        """Judge one file against the problem `slug`; booting the next item's worker first."""
        from judge import runner
        from judge.grading import Finished
        from judge.sandbox import Worker

        spare, self._spare = self._spare or Worker(), None
        self._left -= 1
        with spare:  # the run ends it; closed here if it was never used (a compile error)
            if self._left > 0:
                self._spare = Worker()
            for event in runner.submit(self.catalog, path, slug, spare=spare):
                if isinstance(event, Finished):
                    return event.result
        raise AssertionError("grading ended without a result")

    def close(self) -> None:
        """No worker process or scratch folder outlives the run, nor the fork server."""
        if self._spare is not None:
            self._spare.close()
            self._spare = None
        if "judge.sandbox" in sys.modules:
            sys.modules["judge.sandbox"].close_all()
        if "judge.forkserver" in sys.modules:
            sys.modules["judge.forkserver"].shared().close()


class NotAccepted(Exception):
    """A solution's verdict is not Accepted, or judge could not judge it; `view` says why, as
    judge itself would."""

    def __init__(self, view: str) -> None:
        super().__init__(view)
        self.view = view


class SolutionFile(pytest.File):
    """A `<slug>.py` solution: one item, named after the problem."""

    def collect(self) -> Iterator[SolutionItem]:
        item = SolutionItem.from_parent(self, name=self.path.stem)
        item.add_marker("judge")
        yield item


class SolutionItem(pytest.Item):
    """Judges its file: passes on Accepted, fails with judge's failure view otherwise."""

    def runtest(self) -> None:
        from judge.errors import UsageError
        from judge.results import Verdict

        judging = self.config.pluginmanager.get_plugin("judge-session")
        assert isinstance(judging, Judging)
        try:
            result = judging.judge(self.path, self.name)
        except UsageError as exc:  # a broken problem spec, an unreadable file: no traceback
            raise NotAccepted(f"judge: {exc}") from None
        self.user_properties.append(("verdict", result.verdict.value))
        view = render(result)
        if result.verdict is not Verdict.AC:
            raise NotAccepted(view)
        self.add_report_section("call", "judge", view)  # shown with -rP

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        if isinstance(excinfo.value, NotAccepted):
            return excinfo.value.view
        return super().repr_failure(excinfo, style)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        """The file, at its `class Solution` line: where an IDE puts the item's run button."""
        return self.path, _solution_line(self.path), self.name


def _solution_line(path: Path) -> int:
    """The 0-based line of `class Solution` in the file, else 0."""
    try:
        with path.open("rb") as f:
            for number, line in enumerate(f):
                if re.match(rb"class\s+Solution\b", line):
                    return number
    except OSError:
        pass
    return 0


def render(result: RunResult) -> str:
    """judge's own failure view (`report.render_result`) as plain text, without colour."""
    from io import StringIO

    from rich.console import Console

    from judge import report

    text = StringIO()
    out = Console(
        file=text,
        width=VIEW_WIDTH,
        color_system=None,
        force_terminal=False,
        highlight=False,
        soft_wrap=False,
    )
    report.render_result(out, result)
    return "\n".join(line.rstrip() for line in text.getvalue().splitlines())
