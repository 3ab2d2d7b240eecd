"""Print judge's speed and stability figures, each against a baseline measured in the same run.

Usage: python benchmarks/bench.py [--cases N] [--quick] [--only 1,3,5]

After a header (CPU, cores, Python, load average) it prints, each figure with its goal and
"meets goal" or "misses goal" (no assertions: shared machines are noisy, so compare ratios):
  1. start-up of `judge list` and `judge submit` (one tiny case) against
     `python -c "import click, rich.console, yaml"`: at most 1.5x (in items 1 and 7 each
     command takes turns with the floor, round after round; the ratio is the median of the
     rounds' ratios, and the ratio of the fastest times is shown beside it);
  2. per-case overhead on a generated problem of --cases tiny cases: under 100 µs per case;
  3. `judge all -j 1` on the references, beyond `judge list` and the solutions' CPU time (every
     run of theirs, cases timed again included): at most 60 ms per problem;
  4. `judge all -j 2` against `-j 1`: a speed-up of at least 1.7x, the same verdicts, and the
     median per-problem CPU time ratio;
  5. stability: sliding-window-maximum's time over 10 runs (max/min at most 1.15), and verdict
     flips of the known-verdict submissions in tests/submissions while a CPU hog runs (none);
  6. a simulated slow machine, under the same hog: `judge calibrate`, then the known-verdict
     submissions with --time-scale 3 (no flips) and --time-scale 0.333 (how many AC pass);
  7. the practice loop: `judge run` of one small case against the same floor as item 1 (at
     most 1.3x), an example of the statement and an input of the user's own (which the
     reference runs too), and `judge watch`'s time from a save to its verdict against a fresh
     `judge submit` of the same file (at most a quarter);
  8. the history: what recording adds to a `judge submit` (interleaved against
     `--no-history`: under 5 ms), what one record costs inside the process, and
     `judge all -j 2` on a folder of the references with and without it (the same);
  9. `judge growth` on one too-slow submission (kth largest element, quickselect with the last
     element as pivot): the wall time of its first run (inputs generated, the reference
     measured) and of later runs (at most 6 s), and the spread of each family's exponent over
     repeated runs, quiet and with a CPU hog on the other core (the same class in every run);
 10. `judge stress`: small inputs judged per second against the reference (at least 1000), and
     the time from the command to a found and shrunk failing input for every known wrong
     answer in tests/submissions (under 2 s, median and most of them).

Every judge command runs from the repository root with a temporary JUDGE_CACHE_DIR and
JUDGE_DATA_DIR, so the user's cache (and calibration) and history are untouched. --quick runs
fewer repetitions and only one known-verdict submission per verdict folder, for a fast smoke
run.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import functools
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
JUDGE = [sys.executable, "-m", "judge"]
FLOOR = [sys.executable, "-c", "import click, rich.console, yaml"]
KNOWN = {
    "accepted": "AC",
    "wrong_answer": "WA",
    "time_limit_exceeded": "TLE",
    "run_time_error": "RE",
}
ENV: dict[str, str] = {}  # filled by main(): a temporary cache folder, NO_COLOR, ...

Outcome = tuple[Path, str, str]  # (submission, expected verdict, verdict got)


def run(command: list[str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    """Run a command from the repository root; its wall time in seconds and the process."""
    start = time.perf_counter()
    proc = subprocess.run(command, cwd=ROOT, env=ENV, capture_output=True, text=True, check=False)
    return time.perf_counter() - start, proc


def run_with_cpu(command: list[str]) -> tuple[float, float]:
    """Run a command from the repository root: its wall time and the CPU time (user and
    system) of its process and the processes it waited for, in seconds. CPU time hardly
    moves with other load on the machine, where wall time does."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, _, usage = os.wait4(process.pid, 0)
    process.returncode = 0  # reaped here
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def in_turns(*commands: list[str], runs: int) -> list[list[float]]:
    """Each command's wall time in each of `runs` rounds, in seconds. The commands take turns,
    round after round, so that a change in the machine's speed falls on all of them alike."""
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for command, walls in zip(commands, times):
            walls.append(run(command)[0])
    return times


def against_floor(label: str, walls: list[float], floor: list[float], goal: float) -> None:
    """One command's figure against the floor timed in the same rounds. The ratio is the median
    over the rounds of its time over the floor's in that round: the two ran back to back, so
    the host's speed (which changes by up to 1.8x within seconds on a shared machine) cancels
    out. The ratio of the two fastest times is shown beside it; it compares each command's
    luckiest round, which for a one-process floor is luckier than for a judge that also
    starts its sandbox's processes on the other core."""
    ratio = statistics.median(w / f for w, f in zip(walls, floor))
    best = min(walls) / min(floor)
    value = f"{ratio:4.2f}x  (best {min(walls) * 1000:5.1f} ms, {best:4.2f}x)"
    figure(label, value, f"<= {goal}x the floor", ratio <= goal)


def print_floor(floor: list[float]) -> None:
    """The floor's times over the rounds."""
    fastest, median = min(floor) * 1000, statistics.median(floor) * 1000
    print(f"   floor: python -c '{FLOOR[-1]}'  best {fastest:.1f} ms, median {median:.1f} ms")


def judge_json(*args: str) -> tuple[float, Any]:
    """Run `judge ARGS`, which must print JSON; its wall time in seconds and the parsed JSON."""
    wall, proc = run([*JUDGE, *args])
    try:
        return wall, json.loads(proc.stdout)
    except ValueError:
        lines = (proc.stderr.strip() or proc.stdout.strip() or "no output").splitlines()
        raise RuntimeError(f"judge {' '.join(args)}: exit {proc.returncode}: {lines[-1]}") from None


def figure(label: str, value: str, target: str, ok: bool) -> None:
    """One figure: what it is, its value, its goal and whether it meets it."""
    print(f"   {label:<34} {value:<30} (goal {target})  {'meets' if ok else 'misses'} goal")


@contextlib.contextmanager
def cpu_hog() -> Iterator[None]:
    """A busy-looping process while inside, pinned to the last CPU when there are several."""
    hog = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        cpus = sorted(os.sched_getaffinity(0))
        if len(cpus) > 1:
            os.sched_setaffinity(hog.pid, {cpus[-1]})
        yield
    finally:
        hog.kill()
        hog.wait()


def echo_problem(folder: Path, slug: str, cases: int) -> list[str]:
    """Write (once) an echo problem of generated tiny cases; `judge submit` args for it."""
    solution = folder / "echo.py"
    submit = ["submit", str(solution), "--problem", slug, "--problems", str(folder)]
    if solution.exists():
        return submit
    folder.mkdir(parents=True)
    spec = f"""\
slug: {slug}
number: 0
title: Echo
difficulty: Easy
tags: [benchmark]
statement: Return x.
constraints: []
signature:
  method: echo
  params: [{{name: x, type: int}}]
  returns: int
judge: {{checker: exact}}
limits: {{time_ms: 1000, memory_mb: 256}}
reference: echo.py
cases: []
generators: |
  def tiny(rng):
      return {{"x": rng.randint(-10**9, 10**9)}}
generated:
"""
    spec += "".join(f"  - {{name: c{i}, generator: tiny, seed: {i}}}\n" for i in range(cases))
    (folder / f"{slug}.yaml").write_text(spec)
    solution.write_text("class Solution:\n    def echo(self, x: int) -> int:\n        return x\n")
    return submit


def known_submissions(quick: bool) -> list[tuple[str, Path, str]]:
    """(slug, file, expected verdict) of tests/submissions/<slug>/<verdict folder>/*.py."""
    found = []
    for problem in sorted(p for p in (ROOT / "tests" / "submissions").iterdir() if p.is_dir()):
        for folder, verdict in KNOWN.items():
            files = sorted((problem / folder).glob("*.py"))
            found += [(problem.name, f, verdict) for f in files[: 1 if quick else None]]
    return found


def judge_known(known: list[tuple[str, Path, str]], *extra: str) -> list[Outcome]:
    """Judge every known-verdict submission, one after another, with extra options."""
    outcomes = []
    for slug, path, verdict in known:
        _, result = judge_json("submit", str(path), "--problem", slug, "--json", *extra)
        outcomes.append((path, verdict, result["verdict"]))
    return outcomes


def print_flips(label: str, outcomes: list[Outcome]) -> None:
    """One line with the number of verdicts that differ from their folder's, then each one."""
    flips = [o for o in outcomes if o[1] != o[2]]
    figure(label, f"{len(flips)} flips in {len(outcomes)} files", "0", not flips)
    for path, want, got in flips:
        print(f"      {path.relative_to(ROOT)}: {want} -> {got}")


@functools.cache
def warm_all() -> None:
    """One unmeasured `judge all`, so every generated case's expected answer is cached."""
    judge_json("all", "--json", "-j", "1")


def header() -> None:
    """The machine the figures were measured on."""
    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    models = [line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")]
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"CPU: {models[0] if models else 'unknown'}")
    print(f"cores: {len(os.sched_getaffinity(0))}, Python {sys.version.split()[0]}")
    print(f"load average at start: {load}")


def startup(tmp: Path, args: argparse.Namespace) -> None:
    """1. Start-up of `judge list` and `judge submit`, against importing the judge's libraries."""
    runs = 3 if args.quick else 7
    tiny = echo_problem(tmp / "one", "echo-one", 1)
    judge_json(*tiny, "--json")  # checks the spec; computes and caches the expected answer
    commands = [("judge list", ["list"]), ("judge submit (1 case)", tiny)]
    floor, *walls = in_turns(FLOOR, *([*JUDGE, *command] for _, command in commands), runs=runs)
    print(f"1. start-up ({runs} rounds, each command taking its turn with the floor)")
    print_floor(floor)
    for (label, _), times in zip(commands, walls):
        against_floor(label, times, floor, 1.5)


def per_case(tmp: Path, args: argparse.Namespace) -> None:
    """2. Per-case overhead: (wall - one-case run - solution CPU) / cases on tiny cases."""
    runs = 3 if args.quick else 5
    tiny = [*echo_problem(tmp / "one", "echo-one", 1), "--json"]
    many = [*echo_problem(tmp / f"many-{args.cases}", "echo", args.cases), "--json"]
    judge_json(*tiny)
    _, result = judge_json(*many)  # computes and caches the expected answers
    if result["verdict"] != "AC" or result["total"] != args.cases:
        print(f"   warning: {result['verdict']} with {result['total']} cases")
    figures, walls, bases = [], [], []
    for _ in range(runs):
        base, _ = judge_json(*tiny)
        wall, result = judge_json(*many)
        walls.append(wall)
        bases.append(base)
        figures.append((wall - base - result["time_ms"] / 1000) / args.cases * 1e6)
    us = statistics.median(figures)
    wall, base = statistics.median(walls) * 1000, statistics.median(bases) * 1000
    print(f"2. per-case overhead ({args.cases} generated tiny cases, median of {runs})")
    print(f"   wall {wall:.0f} ms, one-case run {base:.0f} ms, solution CPU {result['time_ms']} ms")
    figure("(wall - one-case - CPU) / cases", f"{us:6.1f} µs", "< 100 µs", us < 100)


def all_overhead(tmp: Path, args: argparse.Namespace) -> None:
    """3. `judge all -j 1` overhead per problem beyond `judge list` and the solutions' CPU."""
    runs = 1 if args.quick else 3
    warm_all()
    figures = []
    for _ in range(runs):
        listing, _ = run([*JUDGE, "list"])
        wall, data = judge_json("all", "--json", "-j", "1")
        results = data["results"]
        # Every run of a solution counts as its CPU, the second runs of cases timed again too.
        cpu = sum(r["cpu_spent_ms"] for r in results) / 1000
        again = sum(r["cpu_spent_ms"] - r["time_ms"] for r in results) / 1000
        cases_again = sum(r["timed_again"] for r in results)
        figures.append((wall - listing - cpu) / len(results) * 1000)
        failed = [f"{r['problem']} {r['verdict']}" for r in results if r["verdict"] != "AC"]
    ms = statistics.median(figures)
    print(f"3. judge all -j 1 on {len(results)} references (median of {runs})")
    print(f"   last run: wall {wall:.2f} s, judge list {listing:.2f} s, solutions' CPU {cpu:.2f} s")
    print(f"   (of that CPU, {again:.2f} s went to timing {cases_again} cases again)")
    figure("overhead per problem", f"{ms:6.1f} ms", "<= 60 ms", ms <= 60)
    if failed:
        print(f"   not accepted: {', '.join(failed)}")


def parallel(tmp: Path, args: argparse.Namespace) -> None:
    """4. `judge all -j 2` against `-j 1`: speed-up, verdicts, and CPU time per problem."""
    runs = 2 if args.quick else 3
    warm_all()
    walls: dict[str, list[float]] = {"1": [], "2": []}
    outputs: dict[str, list[list[dict[str, Any]]]] = {"1": [], "2": []}
    for _ in range(runs):
        for jobs in ("1", "2"):  # interleaved, so drifting load hits both alike
            wall, data = judge_json("all", "--json", "-j", jobs)
            walls[jobs].append(wall)
            outputs[jobs].append(data["results"])
    speedup = min(walls["1"]) / min(walls["2"])
    print(f"4. judge all -j 2 against -j 1 (best of {runs})")
    print(f"   wall -j 1 {min(walls['1']):.2f} s, -j 2 {min(walls['2']):.2f} s")
    figure("speed-up", f"{speedup:.2f}x", ">= 1.7x", speedup >= 1.7)
    first = {r["problem"]: r["verdict"] for r in outputs["1"][0]}
    diffs = [
        f"-j {jobs} run {i + 1}: {r['problem']} {r['verdict']}, not {first.get(r['problem'])}"
        for jobs, results_list in outputs.items()
        for i, results in enumerate(results_list)
        for r in results
        if r["verdict"] != first.get(r["problem"])
    ]
    figure("verdicts", "same verdicts" if not diffs else "DIFFERENT", "the same", not diffs)
    for diff in diffs:
        print(f"      {diff}")
    cpu = {jobs: collections.defaultdict(list) for jobs in outputs}
    for jobs, results_list in outputs.items():
        for results in results_list:
            for r in results:
                cpu[jobs][r["problem"]].append(r["time_ms"])
    medians = {j: {p: statistics.median(t) for p, t in c.items()} for j, c in cpu.items()}
    ratios = [t2 / medians["1"][p] for p, t2 in medians["2"].items() if medians["1"].get(p, 0) >= 1]
    if ratios:
        ratio = statistics.median(ratios)
        print(f"   CPU time -j 2 / -j 1: {ratio:.2f}x (median of {len(ratios)} problems >= 1 ms)")


def stability(tmp: Path, args: argparse.Namespace) -> None:
    """5. Run-to-run spread of one solution's time; known verdicts while a CPU hog runs."""
    runs = 5 if args.quick else 10
    results = [
        judge_json("submit", "solutions/sliding-window-maximum.py", "--json")[1]
        for _ in range(runs)
    ]
    times = [r["time_ms"] for r in results]
    spread = max(times) / min(times)
    print(f"5. stability (a) sliding-window-maximum judged {runs} times")
    middle = statistics.median(times)
    print(f"   time min {min(times):.1f} / median {middle:.1f} / max {max(times):.1f} ms")
    if "time_limit_ms" in results[-1]:
        last = results[-1]
        print(
            f"   time limit {last['time_limit_ms']} ms per case, reference "
            f"{last.get('reference_time_ms')} ms, relative {last.get('relative')}"
        )
    figure("max/min", f"{spread:.2f}", "<= 1.15", spread <= 1.15)
    known = known_submissions(args.quick)
    print("   (b) known-verdict submissions while a CPU hog runs")
    with cpu_hog():
        outcomes = judge_known(known)
    print_flips("under a CPU hog", outcomes)


def slow_machine(tmp: Path, args: argparse.Namespace) -> None:
    """6. A simulated 3x slower machine, with and without calibration, under a CPU hog."""
    known = known_submissions(args.quick)
    print("6. slow machine (simulated), under a CPU hog")
    with cpu_hog():
        _, calibration = judge_json("calibrate", "--json")
        print(f"   judge calibrate under load: factor {calibration['factor']}")
        slow = judge_known(known, "--time-scale", "3")
        tight = judge_known(known, "--time-scale", "0.333")
    print_flips("--time-scale 3 (calibrated)", slow)
    accepted = [o for o in tight if o[1] == "AC"]
    got = collections.Counter(o[2] for o in accepted)
    still = got.pop("AC", 0)
    others = ", ".join(f"{n} {v}" for v, n in got.most_common())
    others = f" (the others: {others})" if others else ""
    print(f"   --time-scale 0.333 (not calibrated): AC accepted {still}/{len(accepted)}{others}")
    print_flips("--time-scale 0.333: TLE/WA/RE", [o for o in tight if o[1] != "AC"])


def _save(path: Path, text: str) -> None:
    """Save as editors do: a new file renamed over the old one."""
    new = path.with_name(path.name + ".new")
    new.write_text(text)
    os.replace(new, path)


def practice(tmp: Path, args: argparse.Namespace) -> None:
    """7. `judge run` start-up, and `judge watch`'s save-to-verdict time against a submit."""
    runs = 3 if args.quick else 7
    sliding = str(ROOT / "solutions" / "sliding-window-maximum.py")
    # An example of the statement (its answer is the spec's), and an input of the user's own
    # (the reference runs too, beside the solution).
    cases = [
        ("an example", "nums = [1,3,-1,-3,5,3,6,7], k = 3"),
        ("your own", "nums = [4,-2,7,7,0,3,-5,9], k = 3"),
    ]
    for _, text in cases:
        _, data = judge_json("run", sliding, "--case", text, "--json")
        if data["matched"] != 1:
            print(f"   warning: judge run did not match: {data['cases']}")
    commands = [[*JUDGE, "run", sliding, "--case", text] for _, text in cases]
    floor, *walls = in_turns(FLOOR, *commands, runs=runs)
    print(f"7. the practice loop ({runs} rounds, each command taking its turn with the floor;")
    print(f"   medians of {runs * 3} saves)")
    print_floor(floor)
    for (which, _), times in zip(cases, walls):
        against_floor(f"judge run (1 case: {which})", times, floor, 1.3)

    folder = tmp / "practice"
    folder.mkdir(exist_ok=True)
    path = folder / "merge-sorted-array.py"
    source = (ROOT / "solutions" / "merge-sorted-array.py").read_text()
    path.write_text(source)
    judge_json("submit", str(path), "--json")  # the cases' answers are cached first
    submits = sorted(run([*JUDGE, "submit", str(path)])[0] for _ in range(runs * 3))
    watcher = subprocess.Popen(
        [*JUDGE, "watch", str(path), "--json"],
        cwd=ROOT,
        env=ENV,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert watcher.stdout is not None
    try:
        watcher.stdout.readline()  # the first verdict, before any save
        saves = []
        for i in range(runs * 3):
            start = time.perf_counter()
            _save(path, f"{source}\n# save {i}\n")
            verdict = json.loads(watcher.stdout.readline())["verdict"]
            saves.append(time.perf_counter() - start)
            if verdict != "AC":
                print(f"   warning: save {i} was judged {verdict}")
    finally:
        watcher.send_signal(signal.SIGINT)
        watcher.wait()
    submit, save = statistics.median(submits), statistics.median(saves)
    print(f"   judge submit of merge-sorted-array.py: {submit * 1000:6.1f} ms")
    value = f"{save * 1000:6.1f} ms  {save / submit:4.2f}x"
    figure("watch: save to verdict", value, "<= 0.25x a submit", save / submit <= 0.25)


# Two records, timed inside a fresh process that has loaded what `judge submit` has by then:
# the first also loads SQLite and opens the file (`judge submit` does that on a thread while
# it judges), the second is what is left after the verdict. Ends as the judge does, without
# closing the database.
TWO_RECORDS = """
import os, sys, time
from pathlib import Path
import judge.cache, judge.grading
from judge.history import Recorder
from judge.results import RunResult, Verdict
from judge.submission import Submission

result = RunResult("echo-one", Verdict.AC, 1)
result.submission = Submission(Path(sys.argv[1]), data=Path(sys.argv[1]).read_bytes())
recorder = Recorder("submit")
for _ in range(2):
    start = time.perf_counter()
    assert recorder.record(result)
    print((time.perf_counter() - start) * 1000)
sys.stdout.flush()
os._exit(0)
"""


def history_cost(tmp: Path, args: argparse.Namespace) -> None:
    """8. The history: a submit with it against one without; one record; `judge all -j 2`."""
    runs = 7 if args.quick else 31
    tiny = echo_problem(tmp / "one", "echo-one", 1)
    judge_json(*tiny, "--json")  # checks the spec; caches the expected answer
    differences, cpu_differences, recording, plain = [], [], [], []
    for i in range(runs):
        # Interleaved, each going first in turn, so drifting load hits both alike.
        order = [True, False] if i % 2 == 0 else [False, True]
        walls, cpus = {}, {}
        for recorded in order:
            extra = [] if recorded else ["--no-history"]
            walls[recorded], cpus[recorded] = run_with_cpu([*JUDGE, *tiny, *extra])
        recording.append(walls[True])
        plain.append(walls[False])
        differences.append((walls[True] - walls[False]) * 1000)
        cpu_differences.append((cpus[True] - cpus[False]) * 1000)
    # The difference of the medians: a pair's difference carries both runs' noise, and on a
    # busy machine their median swings by several milliseconds either way.
    added = (statistics.median(recording) - statistics.median(plain)) * 1000
    inside = [run([sys.executable, "-c", TWO_RECORDS, tiny[1]])[1].stdout.split() for _ in range(9)]
    opening = statistics.median(float(first) for first, _ in inside)
    commit = statistics.median(float(second) for _, second in inside)
    print(f"8. history (median of {runs} interleaved pairs)")
    print(
        f"   judge submit (1 case) {statistics.median(recording) * 1000:6.1f} ms, with "
        f"--no-history {statistics.median(plain) * 1000:6.1f} ms"
    )
    figure("recording adds", f"{added:6.1f} ms", "< 5 ms", added < 5)
    cpu = statistics.median(cpu_differences)
    quartiles = statistics.quantiles(differences, n=4)
    print(f"   pairs' differences: quartiles {quartiles[0]:.1f} / {quartiles[2]:.1f} ms")
    print(f"   CPU time it adds (the judge and the processes it waited for): {cpu:.1f} ms")
    print(
        f"   inside a process (median of 9): loading SQLite, opening and recording "
        f"{opening:.1f} ms (done while judging); recording {commit:.2f} ms (after the verdict)"
    )

    folder = tmp / "references"
    if not folder.exists():
        folder.mkdir()
        for solution in sorted((ROOT / "solutions").glob("*.py")):
            if (ROOT / "problems" / f"{solution.stem}.yaml").exists():
                (folder / solution.name).write_text(solution.read_text())
    warm_all()
    sweeps = 2 if args.quick else 3
    walls_by: dict[bool, list[float]] = {True: [], False: []}
    for _ in range(sweeps):
        for recorded in (True, False):
            extra = [] if recorded else ["--no-history"]
            wall, data = judge_json("all", str(folder), "-j", "2", "--json", *extra)
            walls_by[recorded].append(wall)
            if data["summary"]["accepted"] != data["summary"]["total"]:
                print(f"   warning: {data['summary']}")
    ratio = min(walls_by[True]) / min(walls_by[False])
    print(
        f"   judge all -j 2 on {len(list(folder.iterdir()))} files (best of {sweeps}): "
        f"{min(walls_by[True]):.2f} s recording, {min(walls_by[False]):.2f} s without"
    )
    figure("-j 2 with history / without", f"{ratio:.2f}x", "<= 1.02x", ratio <= 1.02)


def growth(tmp: Path, args: argparse.Namespace) -> None:
    """9. `judge growth`: wall time on one problem, and how much its exponents move."""
    runs = 3 if args.quick else 5
    slug = "kth-largest-element"
    slow = (
        ROOT / "tests" / "submissions" / slug / "time_limit_exceeded" / "quickselect_last_pivot.py"
    )
    command = ["growth", str(slow), "--problem", slug, "--json"]
    first_wall, _ = judge_json(*command)  # generates the inputs, measures the reference
    quiet = [judge_json(*command) for _ in range(runs)]
    with cpu_hog():
        loaded = [judge_json(*command) for _ in range(runs)]
    print(f"9. judge growth on {slug}/{slow.name}, {runs} runs quiet and {runs} under a CPU hog")
    print(f"   first run (inputs generated, reference measured): {first_wall:.1f} s")
    walls = sorted(wall for wall, _ in quiet + loaded)
    value = f"{statistics.median(walls):.1f} s (max {walls[-1]:.1f})"
    figure("later runs: wall time", value, "<= 6 s", walls[-1] <= 6)
    same = True
    for index, family in enumerate(quiet[0][1]["families"]):
        line = f"   {family['name']:8}"
        for label, found in (("quiet", quiet), ("hog", loaded)):
            seen = [data["families"][index] for _, data in found]
            exponents = [f["exponent"] for f in seen if f["exponent"] is not None]
            classes = {f["class"] for f in seen}
            same = same and len(classes) == 1
            spread = f"{min(exponents):.2f}-{max(exponents):.2f}" if exponents else "none"
            line += f"  {label}: n^{spread} {' / '.join(sorted(map(str, classes)))}"
        reference = quiet[0][1]["families"][index]["reference_exponent"]
        print(f"{line}  (reference n^{reference})")
    figure("the same class in every run", "yes" if same else "no", "yes", same)


def stress(tmp: Path, args: argparse.Namespace) -> None:
    """10. `judge stress`: inputs per second on references, and the time to find known bugs."""
    print("10. judge stress")
    rates = []
    for slug in ("sliding-window-maximum", "lowest-common-ancestor"):
        reference = str(ROOT / "solutions" / f"{slug}.py")
        judge_json("stress", reference, "--max-examples", "1", "--json")  # calibrates first
        short = ("stress", reference, "--seed", "1", "--max-examples", "100", "--json")
        few = min(judge_json(*short)[0] for _ in range(2))
        wall, data = judge_json(
            "stress", reference, "--seed", "1", "--max-examples", "5000", "--json"
        )
        if data["found"]:
            print(f"   warning: the reference of {slug} differs from itself: {data['input']}")
        # The run of 100 inputs stands for start-up: what the 4900 more cost is their own.
        rate = 4900 / max(wall - few, 1e-3)
        rates.append(rate)
        print(f"   {slug}: 5000 inputs in {wall:.2f} s, 100 in {few:.2f} s: {rate:,.0f} inputs/s")
    figure("inputs per second (slowest)", f"{min(rates):,.0f}", ">= 1000", min(rates) >= 1000)
    known = sorted((ROOT / "tests" / "submissions").glob("*/wrong_answer/*.py"))
    # A wrong answer that no small input can show says so; stress cannot be asked to find it.
    from judge.verify import large_only

    wrong = [p for p in known if not large_only(p)]
    if args.quick:
        wrong = wrong[::4]
    times, sizes, missed = [], [], []
    for path in wrong:
        wall, data = judge_json("stress", str(path), "--seed", "1", "--json")
        if not data["found"]:
            missed.append(path)
            continue
        times.append(wall)
        sizes.append(data["size"])
    times.sort()
    under = sum(1 for t in times if t < 2.0)
    print(
        f"   {len(wrong)} known wrong answers, seed 1: found {len(times)}, time to a shrunk input "
        f"median {statistics.median(times):.2f} s, slowest {times[-1]:.2f} s; "
        f"shrunk to {statistics.median(sizes):.0f} elements (median), at most {max(sizes)}"
    )
    for path in missed:
        print(f"      not found: {path.relative_to(ROOT)}")
    median = statistics.median(times)
    figure("time to a shrunk bug (median)", f"{median:.2f} s", "< 2 s", median < 2.0 and not missed)
    figure("found in under 2 s", f"{under}/{len(wrong)}", "most", under * 2 > len(wrong))


ITEMS: dict[int, Callable[[Path, argparse.Namespace], None]] = {
    1: startup,
    2: per_case,
    3: all_overhead,
    4: parallel,
    5: stability,
    6: slow_machine,
    7: practice,
    8: history_cost,
    9: growth,
    10: stress,
}


def main() -> None:
    """Parse the options, then run the chosen items in a temporary cache folder."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=5000, help="tiny cases for item 2")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions and submissions")
    parser.add_argument(
        "--only", default=",".join(map(str, ITEMS)), help="items to run, e.g. 1,3,5"
    )
    args = parser.parse_args()
    try:
        only = sorted({int(item) for item in args.only.split(",") if item.strip()})
    except ValueError:
        parser.error(f"--only: not a list of item numbers: {args.only}")
    if not only or not set(only) <= set(ITEMS):
        parser.error(f"--only: items are {', '.join(map(str, ITEMS))}")
    ENV.update(os.environ)
    for name in (
        "PYTHONDONTWRITEBYTECODE",
        "JUDGE_PROBLEMS",
        "JUDGE_TIME_SCALE",
        "JUDGE_NO_HISTORY",
    ):
        ENV.pop(name, None)  # .pyc files as installed; only the bundled problems; plain limits
    ENV["NO_COLOR"] = "1"
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so `finally` kills the hog
    with tempfile.TemporaryDirectory(prefix="judge-bench-") as tmp:
        ENV["JUDGE_CACHE_DIR"] = str(Path(tmp) / "cache")
        ENV["JUDGE_DATA_DIR"] = str(Path(tmp) / "data")  # a history of its own, recorded as used
        header()
        for number in only:
            try:
                ITEMS[number](Path(tmp), args)
            except Exception as exc:  # one item failing (a feature not there yet) is a finding
                print(f"{number}. could not run: {type(exc).__name__}: {exc}")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
