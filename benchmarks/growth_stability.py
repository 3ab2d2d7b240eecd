"""Check that `judge growth` gives the same class in every run, on a quiet machine and under load.

Usage: python benchmarks/growth_stability.py [--runs 5] [--only SLUG,...] [--save FILE]

Runs `judge growth --json` on every known too-slow submission (tests/submissions/<slug>/
time_limit_exceeded/) and every reference solution, --runs times on a quiet machine and --runs
times while a CPU hog spins on the other core. Every run starts from an empty cache, so the
reference's curves are measured again too. Prints, per file and family, the exponents seen
and whether the class (about n, about n log n, about n^2, worse) was the same in every run,
for the file and for the reference; then how many (file, family) pairs kept one class. --save
writes every run's JSON output to FILE.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import ENV, JUDGE, ROOT, cpu_hog, run


def files(only: set[str]) -> list[tuple[str, Path]]:
    """(problem, file): the known too-slow submissions, then the references."""
    found = []
    for folder in sorted((ROOT / "tests" / "submissions").iterdir()):
        for path in sorted((folder / "time_limit_exceeded").glob("*.py")):
            found.append((folder.name, path))
    for path in sorted((ROOT / "solutions").glob("*.py")):
        found.append((path.stem, path))
    return [(slug, path) for slug, path in found if not only or slug in only]


def measure(slug: str, path: Path, cache: Path) -> tuple[float, dict[str, Any]]:
    """One `judge growth --json` run: its wall time in seconds and its output."""
    ENV["JUDGE_CACHE_DIR"] = str(cache)
    wall, proc = run([*JUDGE, "growth", str(path), "--problem", slug, "--json"])
    try:
        return wall, json.loads(proc.stdout)
    except ValueError:
        raise RuntimeError(f"{path.name}: exit {proc.returncode}: {proc.stderr.strip()}") from None


def one_mode(chosen: list[tuple[str, Path]], runs: int, tmp: Path, mode: str) -> list[dict]:
    """Every file `runs` times (in turn, so that a run's files are spread over minutes)."""
    found = []
    for number in range(runs):
        cache = tmp / f"{mode}-{number}"  # empty: the references are measured again
        for slug, path in chosen:
            wall, data = measure(slug, path, cache)
            found.append({"mode": mode, "run": number, "file": str(path), "wall_s": wall, **data})
            worst = data["worst"] or {}
            print(
                f"  {mode} run {number + 1}: {slug}/{path.name}: {wall:.1f} s, worst "
                f"{worst.get('family')} {worst.get('exponent')} {worst.get('class')}",
                flush=True,
            )
    return found


def summarize(results: list[dict]) -> None:
    """Per file and family: the exponents and classes seen in each mode."""
    table: dict[tuple[str, str, str], dict[str, list]] = collections.defaultdict(
        lambda: collections.defaultdict(list)
    )
    worst: dict[tuple[str, str], list[str]] = collections.defaultdict(list)
    walls: dict[str, list[float]] = collections.defaultdict(list)
    for r in results:
        name = Path(r["file"]).name
        walls[r["mode"]].append(r["wall_s"])
        worst[(name, r["mode"])].append(r["worst"]["class"] if r["worst"] else None)
        for f in r["families"]:
            cell = table[(name, f["name"], r["mode"])]
            cell["exponent"].append(f["exponent"])
            cell["class"].append(f["class"])
            cell["reference_exponent"].append(f["reference_exponent"])
            cell["reference_class"].append(f["reference_class"])
    kept = collections.Counter()
    total = collections.Counter()
    print(f"{'file':34} {'family':12} {'mode':5} {'exponents':26} {'class':>16}  reference")
    for (name, family, mode), cell in sorted(table.items()):
        shown = []
        for prefix in ("", "reference_"):
            exponents = [e for e in cell[f"{prefix}exponent"] if e is not None]
            classes = set(cell[f"{prefix}class"])
            same = len(classes) == 1
            total[(prefix, mode)] += 1
            kept[(prefix, mode)] += same
            spread = f"{min(exponents):.2f}-{max(exponents):.2f}" if exponents else "-"
            label = " / ".join(sorted(str(c) for c in classes))
            shown.append(f"{spread:>11} {label:>16}{'' if same else ' (CHANGED)'}")
        print(f"{name[:34]:34} {family[:12]:12} {mode:5} {shown[0]:>44}  {shown[1]}")
    for mode in ("quiet", "hog"):
        same_worst = sum(
            1 for (_, m), classes in worst.items() if m == mode and len(set(classes)) == 1
        )
        files_in_mode = sum(1 for (_, m) in worst if m == mode)
        print(
            f"{mode}: the file's class the same in every run for "
            f"{kept[('', mode)]}/{total[('', mode)]} (file, family) pairs, the reference's for "
            f"{kept[('reference_', mode)]}/{total[('reference_', mode)]}; the worst family's "
            f"class for {same_worst}/{files_in_mode} files; wall time per run "
            f"{min(walls[mode]):.1f}-{max(walls[mode]):.1f} s"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", default="", help="problems, e.g. smallest-k,maximum-gap")
    parser.add_argument("--save", help="write every run's JSON output to this file")
    args = parser.parse_args()
    ENV.update(os.environ)
    ENV.pop("JUDGE_PROBLEMS", None)
    ENV["NO_COLOR"] = "1"
    chosen = files({s for s in args.only.split(",") if s})
    start = time.perf_counter()
    results = []
    with tempfile.TemporaryDirectory(prefix="judge-growth-") as tmp:
        print(f"{len(chosen)} files, {args.runs} runs each, quiet")
        results += one_mode(chosen, args.runs, Path(tmp), "quiet")
        print(f"{len(chosen)} files, {args.runs} runs each, with a CPU hog on the other core")
        with cpu_hog():
            results += one_mode(chosen, args.runs, Path(tmp), "hog")
    if args.save:
        Path(args.save).write_text(json.dumps(results))
    summarize(results)
    print(f"in {time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
