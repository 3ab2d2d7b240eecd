"""
## Sort, then backtrack and skip equal siblings

Sort the candidates so that equal values sit next to each other. Build each combination
in non-decreasing order: `backtrack(start, remain)` chooses the next entry among indices
`i >= start` and recurses with `i + 1`, so every entry is used at most once. Two rules
keep the search small and the answer free of repeats:

- **skip equal siblings**: within one call, if `i > start` and `nums[i] == nums[i - 1]`,
  the value `nums[i]` was already tried at this position, so skip it;
- **prune**: once `nums[i] > remain`, stop the loop, since every later entry is at least as
  large.

When `remain` reaches `0`, the current path is a finished combination.

## Why it is correct

A combination, written in non-decreasing order, uses some value `v` a number of times;
among the equal entries of `v` the search always picks the earliest unused ones (the first
entry of a run at each position, then the next entry of the same run one level deeper,
which the `i > start` condition allows). So every combination corresponds to exactly one
path: it is found, and found once. Skipping `nums[i]` at `i > start` only skips choices
that would repeat, at the same position, a value already explored with at least as many
entries still available, so nothing new is lost.

## Complexity

- Time: `O(n log n)` to sort, plus the size of the search tree: one node per distinct
  partial combination with sum at most `target`, each scanning at most `n` siblings, and
  `O(target)` to copy each answer. Exponential in the worst case, but bounded by the number
  of value-multisets with sum at most `30`, not by the `2^n` subsets of entries.
- Space: `O(target)` for the recursion and the current path (every value is at least `1`),
  plus the output.
"""


class Solution:
    def combinationSum2(self, candidates: List[int], target: int) -> List[List[int]]:
        nums = sorted(candidates)
        result = []
        path = []

        def backtrack(start: int, remain: int) -> None:
            if remain == 0:
                result.append(path[:])
                return
            for i in range(start, len(nums)):
                if i > start and nums[i] == nums[i - 1]:
                    continue
                if nums[i] > remain:
                    break
                path.append(nums[i])
                backtrack(i + 1, remain - nums[i])
                path.pop()

        backtrack(0, target)
        return result


class SolutionCounter:
    """
    ## Backtracking over a Counter of values

    Count the candidates with `Counter` and sort the distinct values. A combination is then
    just a choice, for each distinct value, of how many copies to use (from `0` up to its
    count). `backtrack(k, remain)` picks the next value to use among the distinct values
    `k, k + 1, ...` and takes `m = 1, 2, ...` copies of it (as long as copies are left and
    they fit in `remain`), then recurses past that value. Values are visited in increasing
    order and each one is decided once, so every combination is built exactly once and
    duplicates never arise; the sorted values allow the same early `break` as above.

    Time: one node per distinct partial combination with sum at most `target`, times the
    `d <= 50` distinct values scanned; `O(n log n)` for counting and sorting. Space
    `O(target)` for the path and the recursion, plus the output.
    """

    def combinationSum2(self, candidates: List[int], target: int) -> List[List[int]]:
        counts = sorted(Counter(candidates).items())
        result = []
        path = []

        def backtrack(k: int, remain: int) -> None:
            if remain == 0:
                result.append(path[:])
                return
            for j in range(k, len(counts)):
                value, count = counts[j]
                if value > remain:
                    break
                taken = 0
                while taken < count and value <= remain:
                    path.append(value)
                    taken += 1
                    remain -= value
                    backtrack(j + 1, remain)
                del path[len(path) - taken :]
                remain += taken * value

        backtrack(0, target)
        return result
