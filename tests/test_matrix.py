"""`judge verify --matrix`: every known file on every case, readable at 80 columns, and JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ADD, ADD_SPEC, write
from judge.verify import LARGE_ONLY

SLUG = "binary-tree-inorder-traversal"  # no slow submissions: the fastest matrix


@pytest.fixture
def narrow(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")


def test_matrix_fits_80_columns_and_marks_the_first_catch(invoke, narrow):
    result = invoke("verify", SLUG, "--matrix", "-j", "2")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert lines[0].startswith(f"{SLUG}  7 files × ")
    legend = {line.split()[0]: line for line in lines[1:9] if line.strip()}
    assert "reference" in legend["ref"] and legend["A1"].split()[1:4] == [
        "color_marking.py",
        "AC",
        "AC",
    ]
    wrong = next(line for label, line in legend.items() if label.startswith("W"))
    assert wrong.split()[2:5] == ["WA", "WA", "duplicate-in-other-subtree"]  # a hand case
    header = next(line for line in lines if line.startswith("case "))
    assert header.split()[1:3] == ["ref", "A1"]
    # Every wrong file has exactly one cell marked as the first catch.
    assert sum(line.count("*") for line in lines if not line.startswith("* ")) == 3
    assert lines[-1] == "* the case that catches the file first; every file gets its verdict"


def test_matrix_json_has_every_cell(invoke):
    result = invoke("verify", SLUG, "--matrix", "--json")
    assert result.exit_code == 0
    (problem,) = json.loads(result.stdout)["problems"]
    names = [c["name"] for c in problem["cases"]]
    assert names[0] == "example-1" and "small-sweep" in names
    assert {c["kind"] for c in problem["cases"]} == {"hand", "sweep", "generated"}
    files = {f["label"]: f for f in problem["files"]}
    assert files["ref"]["file"] == "reference" and files["ref"]["verdict"] == "AC"
    for f in problem["files"]:
        assert len(f["cells"]) == len(names)
        assert f["ok"] and f["verdict"] == f["expected"]
        for cell in f["cells"]:
            assert cell["verdict"] in {"AC", "WA", "RE", "TLE"} and cell["time_ms"] >= 0
        if f["expected"] != "AC":
            first = f["first_caught_by"]
            index = names.index(first.split("-0")[0] if first.startswith("small-sweep") else first)
            assert f["cells"][index]["verdict"] == f["expected"]
            assert all(c["verdict"] == "AC" for c in f["cells"][:index])
    assert problem["ok"] and problem["unguarded"] == []


def package(root: Path) -> Path:
    write(root / "problems" / "add.yaml", ADD_SPEC)
    write(root / "solutions" / "add.py", ADD)
    subs = root / "tests" / "submissions" / "add"
    write(subs / "accepted" / "plain.py", ADD)
    # Wrong only for the largest values: no hand case has them, the sweep does.
    write(subs / "wrong_answer" / "capped.py", ADD.replace("a + b", "min(a + b, 19)"))
    write(subs / "wrong_answer" / "really_right.py", ADD)  # in the wrong folder
    # The same bug, saying it shows on large inputs only: nothing to warn about.
    large = f"{LARGE_ONLY}: sums past 18\n" + ADD.replace("a + b", "min(a + b, 18)")
    write(subs / "wrong_answer" / "said_so.py", large)
    return root / "problems"


def test_a_wrong_verdict_fails_and_an_unguarded_file_is_flagged(invoke, tmp_path, narrow):
    result = invoke("verify", "add", "--matrix", "--problems", str(package(tmp_path)))
    assert result.exit_code == 1
    out = result.stdout
    assert "W1   capped.py" in out and "small-sweep-" in out
    assert "warning: W1 wrong_answer/capped.py is caught by no hand-written" in out
    assert "W3   said_so.py" in out and "warning: W3" not in out
    assert "W2   really_right.py  WA    AC ✗" in out
    assert out.rstrip().endswith("some files get the wrong verdict")
    assert "Traceback" not in result.output


def test_an_unknown_problem_is_one_line(invoke):
    result = invoke("verify", "no-such-problem", "--matrix")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "no-such-problem" in result.stderr


def test_matrix_and_mutants_together_are_refused(invoke):
    result = invoke("verify", SLUG, "--matrix", "--mutants")
    assert result.exit_code == 2
    assert "--matrix and --mutants" in result.stderr
