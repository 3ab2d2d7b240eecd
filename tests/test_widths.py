"""Every command read at 60, 80 and 120 columns: lines fit, headers are whole, notes are not cut
into fragments. The real CLI, with COLUMNS set as a terminal of that width would set it."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SUBMISSIONS
from judge.cli import cli

WIDTHS = (60, 80, 120)
PACKED = SUBMISSIONS / "sliding-window-maximum" / "wrong_answer" / "packed_heap_short_index.py"
RUNNING_MAX = SUBMISSIONS / "sliding-window-maximum" / "wrong_answer" / "running_max.py"
SLOW_KTH = SUBMISSIONS / "kth-largest-element" / "time_limit_exceeded" / "quickselect_last_pivot.py"
FILES = {
    "merge-sorted-array.py": SUBMISSIONS / "merge-sorted-array/wrong_answer/sort_by_abs.py",
    "container-with-most-water.py": SUBMISSIONS
    / "container-with-most-water/time_limit_exceeded/all_pairs.py",
    "smallest-k.py": SUBMISSIONS / "smallest-k/accepted/sort.py",
    "lowest-common-ancestor.py": SUBMISSIONS
    / "lowest-common-ancestor/wrong_answer/first_value_between.py",
}
# Lines made to be copied whole (a command to run next), which a terminal may wrap.
COPY_LINES = (
    "See how its time grows with n: judge growth",
    "Run it    judge run",
    "Again     judge",
)


@pytest.fixture(scope="module")
def scene(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A folder of solutions judged once into a history of its own: something to list."""
    root = tmp_path_factory.mktemp("widths")
    folder = root / "leetcode"
    folder.mkdir()
    for name, source in FILES.items():
        shutil.copy(source, folder / name)
    env = {"JUDGE_DATA_DIR": str(root / "data"), "COLUMNS": "120"}
    # A tight limit makes the all-pairs solution's TLE quick.
    judged = _invoke(["all", str(folder), "--time-scale", "0.2", "--json"], env)
    results = json.loads(judged.stdout)["results"]
    notes = [r["failure"]["message"].splitlines()[0] for r in results if r["failure"]]
    assert any("time limit exceeded" in note for note in notes)
    return {"folder": str(folder), "data": env["JUDGE_DATA_DIR"], "root": str(root)}


def _invoke(args: list[str], env: dict[str, str]):
    return CliRunner().invoke(cli, args, env=env, catch_exceptions=False)


def _commands(scene: dict[str, str]) -> dict[str, list[str]]:
    folder = Path(scene["folder"])
    return {
        "list": ["list"],
        "show": ["show", "lowest-common-ancestor"],
        "solution": ["solution", "sliding-window-maximum"],
        "new": ["new", "sliding-window-maximum", "--force"],
        "submit-pass": ["submit", str(folder / "smallest-k.py"), "--no-history"],
        "submit-fail": [
            "submit",
            str(PACKED),
            "--problem",
            "sliding-window-maximum",
            "--no-history",
        ],
        "submit-tree": ["submit", str(folder / "lowest-common-ancestor.py"), "--no-history"],
        "run": ["run", str(folder / "merge-sorted-array.py")],
        "all": ["all", scene["folder"], "--time-scale", "0.2", "--no-history"],
        "verify": ["verify", "binary-tree-inorder-traversal", "--trials", "10"],
        "matrix": ["verify", "binary-tree-inorder-traversal", "--matrix"],
        "mutants": ["verify", "binary-tree-inorder-traversal", "--mutants"],
        "doctor": ["doctor"],
        "history": ["history"],
        "stats": ["stats"],
        "stress": ["stress", str(RUNNING_MAX), "--seed", "7"],
        "growth": ["growth", str(SLOW_KTH), "--problem", "kth-largest-element", "--budget", "1"],
    }


NAMES = list(_commands({"folder": "f", "data": "d", "root": "r"}))


def _tokens(text: str) -> set[str]:
    return set(re.split(r"[\s│┃]+", text))


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", NAMES)
def test_every_command_reads_whole_at_this_width(scene, name, width, monkeypatch):
    monkeypatch.chdir(scene["root"])  # `judge new` writes here
    args = _commands(scene)[name]
    env = {"JUDGE_DATA_DIR": scene["data"], "COLUMNS": str(width)}
    result = _invoke(args, env)
    assert result.exit_code in (0, 1), result.stderr
    lines = result.stdout.splitlines()
    assert lines, result.stderr
    for line in lines:
        if not line.startswith(COPY_LINES):
            assert len(line.rstrip()) <= width, f"{name} at {width}: {line!r}"
    for i, line in enumerate(lines[:-1]):
        if lines[i + 1].startswith("━") or (name == "history" and i == 0):
            assert "…" not in line, f"a header cut at {width}: {line!r}"
    if name in ("all", "verify", "doctor"):
        _notes_are_whole(name, args, env, result.stdout)


def _notes_are_whole(name: str, args: list[str], env: dict[str, str], shown: str) -> None:
    """Each word of every note (a failing file's message, a check's detail, a protection's
    description) is on the screen whole: wrapped between words, never inside one."""
    data = json.loads(_invoke([*args, "--json"], env).stdout)
    if name == "all":
        notes = [
            f"{r['failure']['case']}: {r['failure']['message'].splitlines()[0]}"
            for r in data["results"]
            if r["failure"]
        ]
        assert notes
    elif name == "verify":
        # (The slowest case is measured: it may be another one in this second run.)
        checks = [c for p in data["problems"] for c in p["checks"]]
        notes = [c["detail"] for c in checks if not c["detail"].startswith("slowest")]
    else:
        notes = [p["detail"] for p in data]
    words = _tokens(shown)
    for note in notes:  # measured figures differ from one run to the next: words only
        assert {w for w in note.split() if not re.search(r"\d", w)} <= words, note


def test_the_failure_view_header_never_breaks_inside_a_part():
    """`2.9x the reference` and `28/44 cases passed` stay on one line at 60 columns."""
    result = _invoke(
        ["submit", str(PACKED), "--problem", "sliding-window-maximum", "--no-history"],
        {"COLUMNS": "60"},
    )
    head = result.stdout.splitlines()[:2]
    assert head[0] == "Wrong Answer (WA)  sliding-window-maximum"
    assert re.fullmatch(r"\d+/\d+ cases passed  \S+ ms, \S+x the reference  \S+ MB", head[1])


def test_stats_shows_every_problem_name_whole_at_60_columns(scene):
    """A long slug wraps after a hyphen, where it was cut with "…"."""
    shown = _invoke(["stats"], {"JUDGE_DATA_DIR": scene["data"], "COLUMNS": "60"}).stdout
    table = [line for line in shown.splitlines()[2:] if "│" in line]
    names, part = [], ""
    for line in table:
        cell = line.split("│")[0].strip()
        part += cell
        if cell and not cell.endswith("-"):
            names.append(part)
            part = ""
    slugs = [p["slug"] for p in json.loads(_invoke(["list", "--json"], {}).stdout)]
    assert sorted(names) == sorted(slugs) and "…" not in "\n".join(table)
