"""`judge verify`: every bundled problem is proven, and a broken package is caught."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ADD, ADD_SPEC, write
from judge.catalog import Catalog, load_problem
from judge.verify import verify_problem

SPEC = ADD_SPEC
WITHOUT_SWEEP = SPEC.split("small_inputs:")[0]
SLOW = "class Solution:\n    def add(self, a, b):\n        while True: pass\n"


def package(root: Path, spec: str = SPEC, reference: str = ADD) -> Path:
    write(root / "problems" / "add.yaml", spec)
    write(root / "solutions" / "add.py", reference)
    subs = root / "tests" / "submissions" / "add"
    write(
        subs / "brute_force.py",
        "class Solution:\n    def add(self, a, b):\n        return sum([a, b])\n",
    )
    write(subs / "accepted" / "plain.py", ADD)
    write(subs / "wrong_answer" / "minus.py", ADD.replace("a + b", "a - b if b else a"))
    write(subs / "time_limit_exceeded" / "spin.py", SLOW)
    write(subs / "run_time_error" / "crash.py", ADD.replace("a + b", "a // 0"))
    return root / "problems" / "add.yaml"


def failures(spec_path: Path) -> dict[str, str]:
    checks = list(verify_problem(load_problem(spec_path), trials=50))
    return {c.name: c.detail for c in checks if not c.ok}


def test_a_sound_package_passes(tmp_path):
    assert failures(package(tmp_path)) == {}


def test_wrong_hand_answer_is_caught(tmp_path):
    spec = package(tmp_path, SPEC.replace("expected: 3", "expected: 4"))
    assert "reference matches hand answers" in failures(spec)


def test_case_outside_the_constraints_is_caught(tmp_path):
    spec = package(
        tmp_path, SPEC.replace("{a: 0, b: 0}, expected: 0", "{a: 0, b: 11}, expected: 11")
    )
    assert "zero: values must be in [0, 10]" in failures(spec)["inputs meet the constraints"]


def test_reference_disagreeing_with_brute_force_is_caught(tmp_path):
    wrong = ADD.replace("a + b", "a + b if a != 7 else 0")
    spec = package(tmp_path, reference=wrong)
    assert any("brute force" in name for name in failures(spec))


def test_the_sweep_proves_the_references_answers_on_every_small_input(tmp_path):
    spec = package(tmp_path, reference=ADD.replace("a + b", "a + b if (a, b) != (3, 9) else 0"))
    found = failures(spec)
    assert found["small-input sweep matches brute force (121 inputs)"] == (
        "a = 3, b = 9: brute force 12, reference 0"
    )
    without = package(tmp_path / "plain", WITHOUT_SWEEP)
    checks = {c.name: c for c in verify_problem(load_problem(without), trials=50)}
    skipped = checks["small-input sweep matches brute force"]
    assert skipped.status == "skipped"
    assert skipped.detail == "no small_inputs in the spec: there is no sweep"


def test_submission_in_the_wrong_folder_is_caught(tmp_path):
    spec = package(tmp_path)
    write(spec.parent.parent / "tests/submissions/add/time_limit_exceeded/fast.py", ADD)
    assert failures(spec)["time_limit_exceeded/fast.py is TLE"].startswith("got AC")


def test_tle_that_passes_at_a_looser_limit_is_fragile(tmp_path, monkeypatch):
    from judge import calibration

    monkeypatch.setattr(calibration, "factor", lambda: 1.0)  # limits as written, on any machine
    spec = package(tmp_path, WITHOUT_SWEEP)  # whose every input would take 0.25 s: a sure TLE
    nearly = (
        "import time\n"
        "class Solution:\n"
        "    def add(self, a, b):\n"
        "        end = time.process_time() + 0.25\n"
        "        while time.process_time() < end: pass\n"
        "        return a + b\n"
    )
    write(spec.parent.parent / "tests/submissions/add/time_limit_exceeded/nearly.py", nearly)
    assert "fragile" in failures(spec)["time_limit_exceeded/nearly.py is TLE"]


def test_missing_validator_and_brute_force_are_skipped(tmp_path):
    spec = package(tmp_path, SPEC.replace("verify: {validate: check, small: small}\n", ""))
    checks = {c.name: c for c in verify_problem(load_problem(spec), trials=50)}
    assert all(c.ok for c in checks.values())
    assert checks["inputs meet the constraints"].status == "skipped"
    assert checks["reference matches brute force (50 random inputs)"].status == "skipped"


def test_cli_verify_json_and_exit_code(invoke, tmp_path):
    package(tmp_path)
    result = invoke(
        "verify", "add", "--problems", str(tmp_path / "problems"), "--trials", "20", "--json"
    )
    assert result.exit_code == 0, result.stdout
    data = json.loads(result.stdout)
    assert data["problems"][0]["problem"] == "add" and data["problems"][0]["ok"]
    assert data["summary"]["passed"] == data["summary"]["total"]
    write(tmp_path / "solutions" / "add.py", ADD.replace("a + b", "a * b"))
    assert invoke("verify", "add", "--problems", str(tmp_path / "problems")).exit_code == 1


BUNDLED = sorted(Catalog().paths)


@pytest.mark.parametrize("slug", BUNDLED)
def test_bundled_problem_is_proven(slug, catalog):
    checks = list(verify_problem(catalog.get(slug)))
    failed = [f"{c.name}: {c.detail}" for c in checks if not c.ok]
    assert not failed, "\n".join(failed)
