"""
## Backtracking over sorted candidates

Sort the candidates. Build each combination in non-decreasing order: a recursive call
`backtrack(start, remain)` may only append `candidates[i]` with `i >= start`, and passes
`i` (not `i + 1`) on, so the same number can be taken again but never a smaller one after
a larger one. When `remain` reaches `0` the current path is a finished combination. Because
the list is sorted, the loop stops as soon as a candidate exceeds `remain`: every later one
is larger still.

## Why it is correct

Every combination, written with its numbers in non-decreasing order, is exactly one path of
the search: at each step the next number is at an index no smaller than the previous one,
which is what `start` allows. Conversely every path the search completes is such a sorted
sequence summing to `target`. So each combination is produced once and only once, and no
deduplication is needed. The early `break` only cuts branches whose sum would pass the
target, and no candidate is negative, so nothing reachable is lost.

## Complexity

- Time: proportional to the number of partial combinations with sum at most `target` (the
  nodes of the search tree), times the work to copy a finished path of length at most
  `target / min(candidates)`. Exponential in general, but small under the constraints
  (fewer than `150` answers, `target <= 40`). Sorting costs `O(n log n)`.
- Space: `O(target / min(candidates))` for the recursion and the current path, plus the
  output.
"""


class Solution:
    def combinationSum(self, candidates: List[int], target: int) -> List[List[int]]:
        nums = sorted(candidates)
        result = []
        path = []

        def backtrack(start: int, remain: int) -> None:
            if remain == 0:
                result.append(path[:])
                return
            for i in range(start, len(nums)):
                if nums[i] > remain:
                    break
                path.append(nums[i])
                backtrack(i, remain - nums[i])
                path.pop()

        backtrack(0, target)
        return result


class SolutionDP:
    """
    ## Dynamic programming over targets

    Keep `dp[t]`, the list of combinations summing to `t`, starting from `dp[0] = [[]]`.
    Process the candidates one at a time (in increasing order); for candidate `c` and every
    `t` from `c` up to `target`, extend each combination of `dp[t - c]` by `c` and add it to
    `dp[t]`. This is the coin-change count with lists in place of counts: because the
    candidates form the outer loop, each combination is built in one fixed order (its
    numbers in the order the candidates were processed), so it appears exactly once, and
    looping `t` upwards lets `dp[t - c]` already contain combinations that use `c`, which is
    how a number is reused.

    Time `O(n * target + L)` where `L` is the total length of all partial combinations
    stored for sums up to `target`; space the same, for the table of lists.
    """

    def combinationSum(self, candidates: List[int], target: int) -> List[List[int]]:
        dp = [[] for _ in range(target + 1)]
        dp[0].append([])
        for c in sorted(candidates):
            for t in range(c, target + 1):
                for combo in dp[t - c]:
                    dp[t].append([*combo, c])
        return dp[target]
