"""Every JSON shape judge prints, in one place: the stable output scripts and CI rely on.

The README documents these shapes; each command's `--json` goes through here. Plain standard
library, so JSON output never loads the terminal renderer.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from judge.records import asdict
from judge.results import RunResult, Verdict

if TYPE_CHECKING:
    from judge.calibration import Calibration
    from judge.catalog import Summary
    from judge.difference import Difference
    from judge.doctor import Protection
    from judge.growth import GrowthResult
    from judge.history import Entry, Repair
    from judge.matrix import Matrix
    from judge.mutants import MutantResult, MutantsReport
    from judge.stats import Stats
    from judge.stress import StressResult
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
            "difference": difference(f.difference),
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
        "notes": result.notes,
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


def difference(found: Difference | None) -> dict[str, Any] | None:
    """Where a wrong answer first departs from the expected one (`null`: nothing more to say
    than the two values): `index` in a list (`inner` inside that element), the `path` of a
    tree's first differing node or of a returned node (`expected_path`: the expected node's),
    both lengths, and for any-order answers what is `missing` and `extra` (and `repeated`)."""
    if found is None:
        return None

    def path(sides: list[str] | None) -> str | None:
        return None if sides is None else ".".join(["root", *sides])

    return {
        "index": found.index,
        "inner": found.inner,
        "path": path(found.path),
        "expected_path": path(found.expected_path),
        "output_length": found.output_length,
        "expected_length": found.expected_length,
        "missing": found.missing,
        "extra": found.extra,
        "repeated": found.repeated,
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
                "difference": difference(c.difference),
            }
            for c in result.cases
        ],
        "matched": result.matched,
        "total": result.total,
    }


def growth(result: GrowthResult) -> dict[str, Any]:
    """How a file's time grows with n beside the reference's (`judge growth --json`)."""

    def times(values: list[float | None] | None) -> list[float | None] | None:
        return None if values is None else [None if t is None else round(t, 4) for t in values]

    worst = result.worst
    return {
        "problem": result.problem,
        "n": result.n,
        "families": [
            {
                "name": f.name,
                "words": f.words,
                "sizes": f.sizes,
                "times_ms": times(f.solution.times_ms),
                "exponent": f.solution.exponent,
                "at_least": f.solution.at_least,
                "class": f.solution.label,
                "stopped": f.solution.stopped,
                "reference_times_ms": times(f.reference.times_ms) if f.reference else None,
                "reference_exponent": f.reference.exponent if f.reference else None,
                "reference_class": f.reference.label if f.reference else None,
            }
            for f in result.families
        ],
        "worst": None
        if worst is None
        else {
            "family": worst.name,
            "exponent": worst.solution.exponent,
            "class": worst.solution.label,
        },
        "slower": result.slower,
        "compile_error": result.compile_error,
    }


def stress_result(result: StressResult) -> dict[str, Any]:
    """What a stress test found (`judge stress --json`): the shrunk failing input, or none."""
    case = result.case
    verdict = None
    if case is not None:
        verdict = (case.verdict or Verdict.WA).value
    elif result.compile_error is not None:
        verdict = Verdict.CE.value
    message = result.compile_error or ""
    if case is not None:
        message = "\n".join([case.message, *case.traceback]) if case.traceback else case.message
    return {
        "problem": result.problem,
        "found": result.found,
        "examples_run": result.examples_run,
        "input": None if case is None else case.input,
        "expected": None if case is None else case.expected,
        "output": None if case is None else case.output,
        "verdict": verdict,
        "seed": result.seed,
        "size": result.size,
        "shrunk_from": result.original_size,
        "message": message,
        "stdout": "" if case is None else case.stdout,
    }


def all_results(results: list[RunResult], accepted: int) -> dict[str, Any]:
    """A folder's verdicts (`judge all --json`)."""
    return {
        "results": [run_result(r) for r in results],
        "summary": {"accepted": accepted, "total": len(results)},
    }


def problems(
    summaries: Iterable[Summary], statuses: dict[str, str] | None = None
) -> list[dict[str, Any]]:
    """The problems (`judge list --json`); `status` is null when the history cannot be read."""
    return [
        {
            "number": p.number,
            "slug": p.slug,
            "title": p.title,
            "difficulty": p.difficulty,
            "tags": p.tags,
            "status": None if statuses is None else statuses.get(p.slug, "not started"),
        }
        for p in summaries
    ]


def _when(at: float) -> str:
    """A recorded time as ISO 8601 in the local time zone, with its offset."""
    import datetime

    return datetime.datetime.fromtimestamp(at).astimezone().isoformat(timespec="seconds")


def history(entries: Iterable[Entry]) -> list[dict[str, Any]]:
    """Recorded submissions, newest first (`judge history --json`)."""
    return [{**vars(e), "at": _when(e.at)} for e in entries]


def submission(entry: Entry, source: bytes | None) -> dict[str, Any]:
    """One recorded submission with its source (`judge history --show ID --json`); `source`
    is null if it was lost to damage."""
    text = None if source is None else source.decode("utf-8", "replace")
    return {**vars(entry), "at": _when(entry.at), "source": text}


def stats(progress: Stats) -> dict[str, Any]:
    """Progress per problem and in all (`judge stats --json`)."""
    return {
        "problems": [
            {
                "problem": p.problem,
                "status": p.status,
                "attempts": p.attempts,
                "first_accepted": p.first_accepted.isoformat() if p.first_accepted else None,
                "best_time_ms": p.best_time_ms,
                "best_ratio": p.best_ratio,
                "last_verdict": p.last_verdict,
            }
            for p in progress.problems
        ],
        "solved": progress.solved,
        "total": progress.total,
        "submissions": progress.submissions,
    }


def repair(result: Repair) -> dict[str, Any]:
    """What `judge history --repair --json` found and did."""
    return {
        "path": str(result.path),
        "found": result.found,
        "sound": result.sound,
        "submissions": result.submissions,
        "sources": result.sources,
        "highest_id": result.highest_id,
        "without_source": result.without_source,
        "kept_as": None if result.kept_as is None else str(result.kept_as),
    }


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
                "checks": [_check(c) for c in cs],
            }
            for slug, cs in by_problem.items()
        ],
        "summary": {
            "passed": sum(c.ok for c in found),
            "total": len(found),
            "skipped": sum(c.status == "skipped" for c in found),
            "warnings": sum(c.status == "warning" for c in found),
        },
    }


def _check(c: Check) -> dict[str, Any]:
    """One check; a known submission that must fail also says which case catches it first."""
    out: dict[str, Any] = {"name": c.name, "ok": c.ok, "status": c.status, "detail": c.detail}
    if c.caught_by is not None:
        out["caught_by"] = {"case": c.caught_by, "hand_written": c.caught_by_hand}
    return out


def protections(found: list[Protection]) -> list[dict[str, Any]]:
    """The sandbox's protections on this machine (`judge doctor --json`)."""
    return [{"name": p.name, "active": p.active, "detail": p.detail} for p in found]


def calibration(result: Calibration) -> dict[str, Any]:
    """This machine's speed factor (`judge calibrate --json`)."""
    from judge.calibration import REFERENCE_MACHINE, REFERENCE_MS

    return {**asdict(result), "reference_ms": REFERENCE_MS, "reference": REFERENCE_MACHINE}


def matrix(found: list[Matrix]) -> dict[str, Any]:
    """`judge verify --matrix --json`: every known file on every case, problem by problem."""
    return {
        "problems": [
            {
                "problem": m.problem,
                "ok": m.ok,
                "time_limit_ms": m.time_limit_ms,
                "cases": [{"name": name, "kind": kind} for name, kind in m.cases],
                "files": [
                    {
                        "label": row.label,
                        "file": row.name,
                        "expected": row.wanted.value,
                        "verdict": row.result.verdict.value,
                        "ok": row.ok,
                        "first_caught_by": row.caught_by,
                        "first_caught_kind": m.kind(row.first),
                        "cells": [
                            None
                            if cell is None
                            else {"verdict": cell.verdict.value, "time_ms": round(cell.time_ms, 3)}
                            for cell in row.cells
                        ],
                    }
                    for row in m.rows
                ],
                "unguarded": [row.label for row in m.unguarded()],
            }
            for m in found
        ],
        "ok": all(m.ok for m in found),
    }


def mutants(found: list[MutantsReport], skipped: list[tuple[str, str]]) -> dict[str, Any]:
    """`judge verify --mutants --json`: every mutant and what became of it, by problem."""
    return {
        "problems": [
            {
                "problem": r.problem,
                "inputs": r.inputs,
                "seconds": round(r.seconds, 2),
                "mutants": len(r.results),
                "equivalent": len(r.equivalent),
                "killed": len(r.killed),
                "survivors": len(r.survivors),
                "killed_by": dict(r.killed_by()),
                "results": [_mutant(m) for m in r.results],
            }
            for r in found
        ],
        "skipped": [{"problem": slug, "reason": reason} for slug, reason in skipped],
        "survivors": sum(len(r.survivors) for r in found),
    }


def _mutant(result: MutantResult) -> dict[str, Any]:
    mutant, case = result.mutant, result.failure
    return {
        "number": mutant.number,
        "kind": mutant.kind,
        "line": mutant.line,
        "before": mutant.before,
        "after": mutant.after,
        "status": result.status,
        "verdict": None if result.verdict is None else result.verdict.value,
        "case": result.case,
        "input": None if case is None else case.input,
        "expected": None if case is None else case.expected,
        "output": None if case is None else case.output,
        "failure": None if case is None else (case.verdict or Verdict.WA).value,
        "message": "" if case is None else case.message,
    }
