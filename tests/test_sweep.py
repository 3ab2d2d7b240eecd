"""The small-input sweep: thousands of small inputs judged as one case, a failure named after
the one input that broke, and bugs today's other cases let through caught by it."""

from __future__ import annotations

import pytest

from conftest import SUBMISSIONS, write
from judge.cases import PreparedCase, is_batch, pack_args, pack_batch
from judge.grading import Finished, grade, limits_for
from judge.references import prepare_cases
from judge.results import Verdict
from judge.spec import SWEEP_CASE
from judge.submission import read_submission

SLUG = "kth-largest-element"
# Bugs of the kinds learners write, which pass every other case of their problem: only an
# input of three or four elements shows them, and the sweep has it.
CAUGHT_ONLY_BY_THE_SWEEP = [
    SUBMISSIONS / "kth-largest-element" / "wrong_answer" / "zero_max_taken_as_unset.py",
    SUBMISSIONS / "lowest-common-ancestor" / "wrong_answer" / "minus_one_marks_the_root.py",
]


def judged(problem, path, cases):
    events = list(grade(problem, read_submission(path), cases, all_cases=True))
    assert isinstance(events[-1], Finished)
    return events[-1].result


def test_every_problem_meets_its_sweep_after_the_hand_written_cases(catalog):
    for problem in catalog.all():
        cases = prepare_cases(problem)
        names = [c.name for c in cases]
        assert names[len(problem.cases)] == SWEEP_CASE, problem.slug
        sweep = cases[len(problem.cases)]
        assert sweep.batch and len(sweep.inputs) == problem.small_inputs.sweep >= 1000
        assert len(sweep.expected) == len(sweep.inputs)


@pytest.mark.parametrize("path", CAUGHT_ONLY_BY_THE_SWEEP, ids=lambda p: p.stem)
def test_a_bug_only_the_sweep_catches(path, catalog):
    problem = catalog.get(path.parent.parent.name)
    cases = prepare_cases(problem)
    without = [c for c in cases if c.name != SWEEP_CASE]
    assert judged(problem, path, without).verdict is Verdict.AC
    result = judged(problem, path, cases)
    assert result.verdict is Verdict.WA
    assert [c.name for c in result.cases if c.verdict is not Verdict.AC] == [SWEEP_CASE]
    failure = result.failure
    assert failure.case.startswith(f"{SWEEP_CASE}-") and len(failure.case) == len(SWEEP_CASE) + 5
    part = int(failure.case.rsplit("-", 1)[1]) - 1
    sweep = next(c for c in cases if c.name == SWEEP_CASE)
    assert failure.input == problem.format_input(sweep.inputs[part])
    assert failure.expected == sweep.expected[part] != failure.output
    assert len(failure.input) < 60  # a few elements, not the whole sweep


def test_a_crash_in_a_batch_names_the_input_and_shows_its_traceback(catalog, tmp_path):
    problem = catalog.get(SLUG)
    crash = write(
        tmp_path / "crash.py",
        """
class Solution:
    def findKthLargest(self, nums, k):
        if nums == [0, -1]:
            return nums[5]
        return sorted(nums)[-k]
""",
    )
    inputs = [{"nums": [1, 2], "k": 1}, {"nums": [0, -1], "k": 2}, {"nums": [3], "k": 1}]
    names = tuple(p.name for p in problem.params)
    case = PreparedCase("batch", pack_batch(problem, inputs), b"[2,-1,3]", names)
    assert is_batch(case.payload) and not is_batch(pack_args(problem, inputs[0]))
    assert case.inputs == inputs
    result = judged(problem, crash, [case])
    assert result.verdict is Verdict.RE
    failure = result.failure
    assert failure.case == "batch-0002" and failure.input == "nums = [0,-1], k = 2"
    assert failure.message.startswith("IndexError") and "return nums[5]" in failure.traceback[-1]
    assert failure.expected == -1


def test_an_answer_of_the_wrong_type_in_a_batch_is_a_wrong_answer_on_that_input(catalog, tmp_path):
    problem = catalog.get(SLUG)
    text = write(
        tmp_path / "text.py",
        """
class Solution:
    def findKthLargest(self, nums, k):
        return "seven" if len(nums) == 3 else sorted(nums)[-k]
""",
    )
    inputs = [{"nums": [1, 2], "k": 1}, {"nums": [5, 6, 7], "k": 1}]
    names = tuple(p.name for p in problem.params)
    case = PreparedCase("batch", pack_batch(problem, inputs), b"[2,7]", names)
    right = PreparedCase("one", pack_args(problem, inputs[0]), b"2", names)
    result = judged(problem, text, [case, right])
    assert result.verdict is Verdict.WA and [c.verdict for c in result.cases] == [
        Verdict.WA,
        Verdict.AC,  # the run goes on after it, as after one input
    ]
    assert result.failure.case == "batch-0002" and "expected int" in result.failure.message


def test_the_time_limit_is_per_input_so_a_costly_set_up_on_every_call_is_no_tle(catalog, tmp_path):
    # LeetCode accepts this on its hundred cases; 2000 calls of 5 ms must not make it a TLE.
    problem = catalog.get("container-with-most-water")
    costly = write(
        tmp_path / "costly.py",
        """
class Solution:
    def maxArea(self, height):
        seen = [0] * 2_000_000  # a table sized for the largest input, made on every call
        l, r, best = 0, len(height) - 1, 0
        while l < r:
            best = max(best, min(height[l], height[r]) * (r - l))
            if height[l] < height[r]:
                l += 1
            else:
                r -= 1
        return best
""",
    )
    result = judged(problem, costly, prepare_cases(problem))
    assert result.verdict is Verdict.AC, result.failure
    sweep = next(c for c in result.cases if c.name == SWEEP_CASE)
    assert sweep.time_ms < 2 * limits_for(problem).cpu_ms


def test_one_input_over_the_time_limit_is_a_tle(catalog, tmp_path):
    problem = catalog.get(SLUG)
    endless = write(
        tmp_path / "endless.py",
        """
class Solution:
    def findKthLargest(self, nums, k):
        while nums == [0, -1]:
            pass
        return sorted(nums)[-k]
""",
    )
    inputs = [{"nums": [1, 2], "k": 1}, {"nums": [0, -1], "k": 2}, {"nums": [3], "k": 1}]
    names = tuple(p.name for p in problem.params)
    case = PreparedCase("batch", pack_batch(problem, inputs), b"[2,-1,3]", names)
    result = judged(problem, endless, [case])
    assert result.verdict is Verdict.TLE
