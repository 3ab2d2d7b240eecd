"""Print judge's speed figures, each as a ratio against a baseline measured in the same run.

Usage: python benchmarks/bench.py [--cases N]

Figures (no assertions: shared machines are noisy, so compare ratios, not absolute times):
  1. start-up of `judge --help`, `judge list` and `judge submit` of a trivial accepted solution,
     against `python -c "import click, rich.console, yaml"`;
  2. per-case overhead on a problem with thousands of tiny cases: (wall - solution CPU) / cases.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

JUDGE = [sys.executable, "-m", "judge"]


def best_of(command: list[str], runs: int = 7, **kwargs) -> float:
    """The fastest of several runs, in seconds (the least disturbed by other load)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False, **kwargs)
        times.append(time.perf_counter() - start)
    return min(times)


def echo_problem(folder: Path, cases: int) -> None:
    """A problem whose method returns its argument: the solution's own work is nearly zero."""
    lines = [
        "slug: echo",
        "number: 0",
        "title: Echo",
        "difficulty: Easy",
        "tags: [benchmark]",
        "statement: Return x.",
        "constraints: []",
        "signature:",
        "  method: echo",
        "  params: [{name: x, type: int}]",
        "  returns: int",
        "judge: {checker: exact}",
        "limits: {time_ms: 1000, memory_mb: 256}",
        "reference: echo.py",
        "cases:",
    ]
    lines += [f"  - {{name: c{i}, input: {{x: {i}}}, expected: {i}}}" for i in range(cases)]
    (folder / "echo.yaml").write_text("\n".join(lines) + "\n")
    solution = "class Solution:\n    def echo(self, x: int) -> int:\n        return x\n"
    (folder / "echo.py").write_text(solution)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="judge-bench-") as tmp:
        folder = Path(tmp)
        env = {**os.environ, "JUDGE_CACHE_DIR": str(folder / "cache")}
        echo_problem(folder, args.cases)
        tiny = folder / "tiny"
        tiny.mkdir()
        echo_problem(tiny, 1)

        floor = best_of([sys.executable, "-c", "import click, rich.console, yaml"], env=env)
        print("1. start-up (best of 7)")
        print(f"   floor: python -c 'import click, rich.console, yaml'   {floor * 1000:7.1f} ms")
        for label, cmd in [
            ("judge --help", [*JUDGE, "--help"]),
            ("judge list", [*JUDGE, "list"]),
            (
                "judge submit (1 tiny case)",
                [*JUDGE, "submit", str(tiny / "echo.py"), "--problems", str(tiny)],
            ),
        ]:
            t = best_of(cmd, env=env)
            print(f"   {label:<48} {t * 1000:7.1f} ms  {t / floor:4.2f}x the floor")

        print(f"2. per-case overhead ({args.cases} tiny cases)")
        cmd = [*JUDGE, "submit", str(folder / "echo.py"), "--problems", str(folder), "--json"]
        walls, cpus = [], []
        for _ in range(5):
            start = time.perf_counter()
            proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
            walls.append(time.perf_counter() - start)
            cpus.append(json.loads(proc.stdout)["time_ms"] / 1000)
        base = best_of([*JUDGE, "submit", str(tiny / "echo.py"), "--problems", str(tiny)], env=env)
        per_case = (statistics.median(walls) - base - statistics.median(cpus)) / args.cases
        wall = statistics.median(walls)
        print(f"   wall {wall * 1000:.0f} ms, one-case run {base * 1000:.0f} ms")
        print(f"   (wall - one-case run - solution CPU) / cases = {per_case * 1e6:.1f} µs per case")


if __name__ == "__main__":
    main()
