"""Expected answers of generated cases: computed once by the reference solution, then cached.

The cache key covers the spec and the reference source, so editing either recomputes; files are
written atomically, so an interrupted run never leaves a half-written cache behind.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from judge.cases import PreparedCase, generate_inputs, hand_cases
from judge.errors import ProblemError
from judge.problems import Problem
from judge.submission import read_submission

_FORMAT = 1
_KEY_LENGTH = 20


def cache_dir() -> Path:
    """`JUDGE_CACHE_DIR`, else the platform's user cache folder."""
    configured = os.environ.get("JUDGE_CACHE_DIR")
    if configured:
        return Path(configured)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("judge", appauthor=False))


def _key(problem: Problem, reference: bytes) -> str:
    digest = hashlib.sha256(f"{_FORMAT}\0".encode() + problem.source + b"\0" + reference)
    return digest.hexdigest()[:_KEY_LENGTH]


def _cache_path(problem: Problem, key: str) -> Path:
    return cache_dir() / "expected" / f"{problem.slug}-{key}.jsonl"


def _read(path: Path, params: tuple[str, ...]) -> list[PreparedCase] | None:
    try:
        lines = path.read_bytes().split(b"\n")
        names = json.loads(lines[0])["cases"]
        return [
            PreparedCase(name, lines[1 + 2 * i], json.loads(lines[2 + 2 * i]), params)
            for i, name in enumerate(names)
        ]
    except (OSError, ValueError, KeyError, IndexError, TypeError):
        return None  # missing or damaged: recompute


def _write(path: Path, cases: list[PreparedCase]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Exactly `<slug>-<key>.jsonl`: a plain `*` would also match `combination-sum-ii-...`
        # when writing `combination-sum`, and each would keep deleting the other's cache.
        slug = path.name[: -len("-.jsonl") - _KEY_LENGTH]
        for stale in path.parent.glob(f"{slug}-{'?' * _KEY_LENGTH}.jsonl"):
            stale.unlink(missing_ok=True)
        head = json.dumps({"format": _FORMAT, "cases": [c.name for c in cases]}).encode()
        body = [head]
        for c in cases:
            body += [c.line, json.dumps(c.expected, separators=(",", ":")).encode()]
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(b"\n".join(body) + b"\n")
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only cache only costs time


def generated_cases(problem: Problem) -> list[PreparedCase]:
    """Generated cases with expected answers, from the cache or from the reference solution."""
    if not problem.generated:
        return []
    params = tuple(p.name for p in problem.params)
    try:
        reference_source = problem.reference.read_bytes()
    except OSError:
        raise ProblemError(
            f"{problem.slug}: reference solution not found: {problem.reference}"
        ) from None
    path = _cache_path(problem, _key(problem, reference_source))
    cached = _read(path, params)
    if cached is not None and [c.name for c in cached] == [g.name for g in problem.generated]:
        return cached
    from judge.grading import run_outputs

    cases = [PreparedCase(name, line, None, params) for name, line in generate_inputs(problem)]
    outputs = run_outputs(problem, read_submission(problem.reference), cases)
    for case, output in zip(cases, outputs):
        case.expected = output
    _write(path, cases)
    return cases


def prepare_cases(problem: Problem) -> list[PreparedCase]:
    """Every case of a problem, in judging order: hand-written first, then generated."""
    return hand_cases(problem) + generated_cases(problem)
