"""judge growth: the fit, the classes, the measuring of real programs, and the command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import SUBMISSIONS, write
from judge import growth
from judge.catalog import Catalog, load_problem
from judge.growth import Curve, FamilyGrowth, GrowthResult
from judge.submission import read_submission

SIZES = [64, 128, 256, 512, 1024, 2048, 4096, 8192]


def power(exponent: float, scale: float = 1e-4) -> list[float | None]:
    return [scale * n**exponent for n in SIZES]


@pytest.mark.parametrize("wanted", [0.5, 1.0, 1.5, 2.0, 3.0])
def test_the_exponent_of_a_power_law(wanted):
    times = power(wanted, scale=1.0 / 64**wanted)  # 1 ms at the smallest size
    assert growth.exponent(SIZES, times) == pytest.approx(wanted, abs=0.01)


def test_sizes_under_the_floor_are_left_out():
    # Fixed costs of 0.02 ms flatten the small sizes; only the largest ones count.
    times = [0.02 + 1e-4 * n for n in SIZES]
    assert growth.exponent(SIZES, times) == pytest.approx(1.0, abs=0.06)
    assert growth.exponent(SIZES, [t + 0.02 for t in times]) < growth.exponent(SIZES, times)
    assert growth.exponent(SIZES, [0.01 * t for t in times]) is None  # all under the floor


def test_a_ladder_barely_above_the_floor_still_has_an_exponent():
    times = [None, None, None, 0.05, 0.1, 0.2, None, None]  # the larger sizes did not run
    assert growth.exponent(SIZES, times) == pytest.approx(1.0, abs=0.01)
    assert growth.exponent(SIZES, [None, None, None, 0.02, 0.03, 0.05]) is None


def test_one_slow_spell_does_not_move_the_exponent():
    times = power(2.0)
    for index in range(len(SIZES)):
        bent = list(times)
        bent[index] = 1.6 * bent[index]  # noise only ever slows a run down
        assert growth.exponent(SIZES, bent) == pytest.approx(2.0, abs=0.1), index


def test_sizes_that_did_not_run_are_left_out():
    times = power(2.0)
    times[-3:] = [None, None, None]
    assert growth.exponent(SIZES, times) == pytest.approx(2.0, abs=0.01)


def test_a_lower_bound_where_only_two_sizes_fit():
    times: list[float | None] = [None] * len(SIZES)
    times[:2] = [0.5, 20.0]  # then n = 256 would take over the cap of 250 ms
    curve = growth.fit(SIZES, Curve(times, over=(256, 250.0)))
    assert curve.at_least and curve.exponent is not None and curve.exponent > 3
    assert curve.label == "worse"
    without = growth.fit(SIZES, Curve(times))
    assert without.exponent is None and not without.at_least


@pytest.mark.parametrize(
    ("exponent", "words"),
    [
        (0.5, "about n or n log n"),
        (1.0, "about n or n log n"),
        (1.3, "about n or n log n"),
        (2.0, "about n^2"),
        (3.1, "worse"),
        (None, None),
    ],
)
def test_classes(exponent, words):
    assert growth.classify(exponent) == words


def family(name: str, mine: float | None, theirs: float | None, stopped: str | None = None):
    return FamilyGrowth(
        name, name, SIZES, Curve([], stopped=stopped, exponent=mine), Curve([], exponent=theirs)
    )


def test_the_worst_family_and_whether_it_grows_slower():
    result = GrowthResult("p", "f.py", "n", [family("a", 1.0, 1.0), family("b", 2.1, 1.0)])
    assert result.worst is not None and result.worst.name == "b" and result.slower
    same = GrowthResult("p", "f.py", "n", [family("a", 1.02, 1.0), family("b", 1.2, 1.3)])
    assert same.worst is not None and same.worst.name == "b" and not same.slower
    too_fast = GrowthResult("p", "f.py", "n", [family("a", None, None)])
    assert too_fast.worst is None and not too_fast.slower
    # stopping where the reference goes on is the worst of all
    endless = family("c", None, 1.0, stopped="over 160 ms at n = 64")
    result = GrowthResult("p", "f.py", "n", [family("a", 2.1, 1.0), endless])
    assert result.worst is endless and endless.unfinished and result.slower
    # a reference too fast to time counts as about n or n log n
    assert GrowthResult("p", "f.py", "n", [family("a", 2.0, None)]).slower
    assert not GrowthResult("p", "f.py", "n", [family("a", 1.0, None)]).slower


TOTAL = """\
slug: total
number: 9002
title: Total
difficulty: Easy
tags: [math]
statement: Add the squares of the numbers, each modulo 7.
constraints: ["`1 <= nums.length <= 10^5`"]
signature:
  method: total
  params:
    - {name: nums, type: "List[int]"}
  returns: int
limits: {time_ms: 1000, memory_mb: 256}
growth:
  n: the length of nums
  families:
    - {name: random, words: random values, generator: values, sizes: [128, 16384]}
    - {name: equal, words: equal values, generator: values, sizes: [128, 16384], args: {hi: 0}}
judge: {checker: exact}
cases:
  - {name: one, example: true, input: {nums: [1, 2]}, expected: 5}
generators: |
  def values(rng, n, hi=1000):
      return {"nums": [rng.randint(0, hi) for _ in range(n)]}
"""
LINEAR = """\
class Solution:
    def total(self, nums):
        s = 0
        for x in nums:
            s += x * x % 7
        return s
"""
QUADRATIC = """\
class Solution:
    def total(self, nums):
        s = 0
        for x in nums:
            s += x * x % 7 + sum(1 for y in nums if y < 0)
        return s
"""


@pytest.fixture
def total(tmp_path: Path) -> Path:
    """A small problem whose reference is linear, and a quadratic solution to it."""
    write(tmp_path / "problems" / "total.yaml", TOTAL)
    write(tmp_path / "solutions" / "total.py", LINEAR)
    write(tmp_path / "quadratic.py", QUADRATIC)
    return tmp_path


def test_a_quadratic_solution_beside_a_linear_reference(total, own_cache):
    problem = load_problem(total / "problems" / "total.yaml")
    result = growth.measure_file(problem, read_submission(total / "quadratic.py"), budget_s=2.0)
    for f in result.families:
        assert f.solution.exponent is not None and 1.5 <= f.solution.exponent <= 2.5, f
        assert f.reference is not None and f.reference.exponent is not None
        # The label, not a tighter range: under load a linear reference with its largest
        # sizes under a millisecond has fitted as low as 0.69, and that is still this class.
        assert f.reference.label == "about n or n log n", f
        assert f.solution.label == "about n^2" and f.solution.stopped is not None
        timed = [r for r, t in zip(f.solution.runs, f.solution.times_ms) if t is not None]
        assert min(timed) >= 2 and sorted(timed)[1] >= 3  # each the fastest of several runs
        assert f.reference.times_ms[-1] is not None  # the reference reached the largest size
    assert result.slower and result.worst is not None

    # The reference's times are kept with the inputs: the next run measures the solution only.
    (stored,) = (own_cache / "growth").glob("total-*.ladders")
    head = json.loads(stored.read_bytes().split(b"\n", 1)[0])
    kept = [f["reference"]["times_ms"] for f in head["families"]]
    assert kept == [f.reference.times_ms for f in result.families if f.reference]
    again = growth.measure_file(problem, read_submission(total / "quadratic.py"), ["equal"], 2.0)
    assert [f.name for f in again.families] == ["equal"]
    assert again.families[0].reference == result.families[1].reference


# For every known too-slow submission, the family on which it shows it. Merge sorted array's
# never ends once nums1 runs out first: it has no exponent, it does not finish at any size.
TOO_SLOW = {
    "combination-sum/sequences_then_dedup.py": "two-three",
    "combination-sum-ii/subsets_then_dedup.py": "narrow",
    "container-with-most-water/all_pairs.py": "random",
    "kth-largest-element/quickselect_last_pivot.py": "sorted",
    "kth-largest-element/remove_max_k_times.py": "random",
    "lowest-common-ancestor/check_subtrees_from_every_node.py": "path",
    "maximum-gap/successor_scan.py": "random",
    "maximum-gap/walk_value_range.py": "sparse",
    "merge-sorted-array/missing_index_guard.py": "blocks",
    "sliding-window-maximum/rescan_when_max_leaves.py": "falling",
    "sliding-window-maximum/slice_max_every_window.py": "random",
    "smallest-k/remove_min_k_times.py": "random",
}


def test_every_known_too_slow_submission_is_listed():
    found = {
        f"{p.parent.parent.name}/{p.name}" for p in SUBMISSIONS.glob("*/time_limit_exceeded/*.py")
    }
    assert found == set(TOO_SLOW)


@pytest.mark.parametrize(("name", "family_name"), TOO_SLOW.items(), ids=list(TOO_SLOW))
def test_known_too_slow_submissions_grow_faster_than_the_reference(
    catalog: Catalog, name: str, family_name: str
):
    slug = name.split("/")[0]
    problem = catalog.get(slug)
    submission = read_submission(SUBMISSIONS / slug / "time_limit_exceeded" / name.split("/")[1])
    result = growth.measure_file(problem, submission, [family_name], budget_s=2.0)
    (f,) = result.families
    assert f.reference is not None and not f.reference.stopped
    mine, theirs = f.solution.exponent, f.reference.exponent
    if mine is None:  # it never ends, where the reference runs to the largest size
        assert f.unfinished and f.reference.times_ms[-1] is not None
    else:  # a clearly larger exponent (a reference too fast to time grows at most like n)
        assert mine >= (1.0 if theirs is None else theirs) + 0.5, (mine, theirs)
        assert growth.classify(mine) in ("about n^2", "worse")
    assert result.worst is f and result.slower


def test_the_command_on_a_quadratic_solution(total, invoke):
    args = ["--problems", str(total / "problems"), "--problem", "total", "--budget", "1"]
    result = invoke("growth", str(total / "quadratic.py"), *args)
    assert result.exit_code == 1, result.stdout
    out = result.stdout
    assert "total: CPU time against n, where n is the length of nums" in out
    assert "random values" in out and "equal values" in out
    assert "Grows like n^" in out and "about n^2, where the reference is" in out
    assert "● quadratic.py  ○ reference" in out  # the chart's legend
    assert "┬" in out and "┤" in out  # and its axes


def test_the_command_on_the_reference_itself_exits_0(total, invoke):
    args = ["--problems", str(total / "problems"), "--budget", "1", "--family", "random"]
    result = invoke("growth", str(total / "solutions" / "total.py"), *args)
    assert result.exit_code == 0, result.stdout
    assert "Grows like n^1" in result.stdout or "Grows like n^0.9" in result.stdout


def test_the_command_json(total, invoke):
    args = ["--problems", str(total / "problems"), "--budget", "1", "--json"]
    result = invoke("growth", str(total / "quadratic.py"), "--problem", "total", *args)
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert set(data) == {"problem", "n", "families", "worst", "slower", "compile_error"}
    assert data["problem"] == "total" and data["slower"] is True
    assert data["compile_error"] is None
    assert [f["name"] for f in data["families"]] == ["random", "equal"]
    for f in data["families"]:
        assert set(f) >= {"name", "sizes", "times_ms", "exponent", "reference_exponent"}
        assert len(f["sizes"]) == len(f["times_ms"]) == len(f["reference_times_ms"])
        assert f["sizes"][0] == 128 and f["sizes"][-1] == 16384
        assert f["times_ms"][0] > 0 and f["times_ms"][-1] is None  # it stopped before the end
        assert f["class"] == "about n^2" and isinstance(f["stopped"], str)
    worst = data["worst"]
    assert set(worst) == {"family", "exponent", "class"}
    assert worst["exponent"] == max(f["exponent"] for f in data["families"])


def test_a_solution_that_fails_at_some_size_is_shown_failing(total, invoke):
    failing = LINEAR.replace(
        "        s = 0\n", "        s = 0\n        assert len(nums) < 1000, 'too long'\n"
    )
    path = write(total / "failing.py", failing)
    args = ["--problems", str(total / "problems"), "--problem", "total", "--budget", "1"]
    result = invoke("growth", str(path), *args, "--family", "equal")
    assert result.exit_code == 1
    assert "fails" in result.stdout
    assert "equal values: RE at n = 1024: AssertionError: too long" in result.stdout
    data = json.loads(invoke("growth", str(path), *args, "--family", "equal", "--json").stdout)
    (family,) = data["families"]
    assert family["stopped"].startswith("RE at n = 1024") and data["slower"] is True
    # 128, 256 and 512 ran; 1024 failed, and nothing larger ran
    assert None not in family["times_ms"][:3] and family["times_ms"][3:] == [None] * 5


def test_the_command_refuses_what_it_cannot_measure(total, invoke, tmp_path):
    problems = ["--problems", str(total / "problems"), "--problem", "total"]
    result = invoke("growth", str(total / "quadratic.py"), *problems, "--family", "sorted")
    assert result.exit_code == 2
    assert "total has no growth family 'sorted' (families: random, equal)" in result.stderr
    bad = write(tmp_path / "broken.py", "class Solution:\n    def total(self, nums)\n")
    result = invoke("growth", str(bad), *problems)
    assert result.exit_code == 1 and "Compile Error (CE)" in result.stdout
    spec = (total / "problems" / "total.yaml").read_text()
    write(
        total / "problems" / "total.yaml",
        spec.split("growth:")[0] + "judge:" + spec.split("judge:")[1],
    )
    result = invoke("growth", str(total / "quadratic.py"), *problems)
    assert result.exit_code == 2 and "total has no growth families" in result.stderr


def test_a_time_limit_exceeded_suggests_the_command(invoke):
    slow = SUBMISSIONS / "merge-sorted-array" / "time_limit_exceeded" / "missing_index_guard.py"
    result = invoke("submit", str(slow), "--problem", "merge-sorted-array", "--time-scale", "0.2")
    assert result.exit_code == 1 and "Time Limit Exceeded (TLE)" in result.stdout
    hint = f"See how its time grows with n: judge growth {slow} --problem merge-sorted-array"
    assert hint in result.stdout
    accepted = SUBMISSIONS / "merge-sorted-array" / "accepted"
    result = invoke("submit", str(next(accepted.glob("*.py"))), "--problem", "merge-sorted-array")
    assert "judge growth" not in result.stdout
