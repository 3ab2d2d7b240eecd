"""Every JSON shape judge prints, in one place: the stable output scripts and CI rely on.

The README documents these shapes; each command's `--json` goes through here. Plain standard
library, so JSON output never loads the terminal renderer.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from judge.results import RunResult

if TYPE_CHECKING:
    from judge.calibration import Calibration
    from judge.catalog import Summary
    from judge.doctor import Protection
    from judge.trial import TrialResult
    from judge.verify import Check


def emit(data: Any) -> None:
    """Print one JSON document on stdout."""
    sys.stdout.write(json.dumps(data, indent=2) + "\n")


def emit_line(data: Any) -> None:
    """Print one JSON document on one line, at once (a stream of them: `judge watch --json`)."""
    sys.stdout.write(json.dumps(data, separators=(",", ":")) + "\n")
    sys.stdout.flush()


def run_result(result: RunResult) -> dict[str, Any]:
    """One submission's verdict (`judge submit --json`)."""
    failure = None
    if result.failure is not None:
        f = result.failure
        message = "\n".join([f.message, *f.traceback]) if f.traceback else f.message
        failure = {
            "case": f.case,
            "input": f.input,
            "expected": f.expected,
            "output": f.output,
            "message": message,
            "stdout": f.stdout,
        }
    return {
        "problem": result.problem,
        "verdict": result.verdict.value,
        "passed": result.passed,
        "total": result.total,
        "time_ms": result.time_ms,
        "cpu_spent_ms": result.cpu_spent_ms,
        "timed_again": result.timed_again,
        "memory_mb": round(result.memory_mb, 1),
        "time_limit_ms": result.time_limit_ms,
        "reference_time_ms": result.reference_ms,
        "relative": result.relative,
        "cases": [
            {
                "name": c.name,
                "verdict": c.verdict.value,
                "time_ms": round(c.time_ms, 1),
                "reference_ms": None if c.reference_ms is None else round(c.reference_ms, 1),
                **({"runs_ms": [round(t, 1) for t in c.runs_ms]} if c.runs_ms else {}),
            }
            for c in result.cases
        ],
        "failure": failure,
    }


def trial_result(result: TrialResult) -> dict[str, Any]:
    """A run on chosen inputs (`judge run --json`): every output beside the expected one."""
    return {
        "problem": result.problem,
        "cases": [
            {
                "input": c.input,
                "output": c.output,
                "expected": c.expected,
                "match": c.match,
                "verdict": None if c.verdict is None else c.verdict.value,
                "message": "\n".join([c.message, *c.traceback]) if c.traceback else c.message,
                "stdout": c.stdout,
                "time_ms": round(c.time_ms, 1),
            }
            for c in result.cases
        ],
        "matched": result.matched,
        "total": result.total,
    }


def all_results(results: list[RunResult], accepted: int) -> dict[str, Any]:
    """A folder's verdicts (`judge all --json`)."""
    return {
        "results": [run_result(r) for r in results],
        "summary": {"accepted": accepted, "total": len(results)},
    }


def problems(summaries: Iterable[Summary]) -> list[dict[str, Any]]:
    """The problems (`judge list --json`)."""
    return [
        {
            "number": p.number,
            "slug": p.slug,
            "title": p.title,
            "difficulty": p.difficulty,
            "tags": p.tags,
        }
        for p in summaries
    ]


def checks(found: list[Check]) -> dict[str, Any]:
    """What `judge verify --json` proved, problem by problem."""
    by_problem: dict[str, list[Check]] = {}
    for c in found:
        by_problem.setdefault(c.problem, []).append(c)
    return {
        "problems": [
            {
                "problem": slug,
                "ok": all(c.ok for c in cs),
                "checks": [{"name": c.name, "ok": c.ok, "detail": c.detail} for c in cs],
            }
            for slug, cs in by_problem.items()
        ],
        "summary": {"passed": sum(c.ok for c in found), "total": len(found)},
    }


def protections(found: list[Protection]) -> list[dict[str, Any]]:
    """The sandbox's protections on this machine (`judge doctor --json`)."""
    return [{"name": p.name, "active": p.active, "detail": p.detail} for p in found]


def calibration(result: Calibration) -> dict[str, Any]:
    """This machine's speed factor (`judge calibrate --json`)."""
    from judge.calibration import REFERENCE_MACHINE, REFERENCE_MS

    return {**asdict(result), "reference_ms": REFERENCE_MS, "reference": REFERENCE_MACHINE}
