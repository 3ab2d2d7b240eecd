"""
## Buckets sized by the average gap (pigeonhole)

Let `lo` and `hi` be the smallest and largest values and `n` the length; if `n < 2` or
`lo == hi` the answer is `0`. Otherwise cut the range `[lo, hi]` into buckets of width
`size = max(1, (hi - lo) // (n - 1))`: value `x` goes to bucket `(x - lo) // size`. Keep
only the minimum and the maximum of every bucket. Then walk the buckets in order, skipping
empty ones, and measure `min of this bucket - max of the previous non-empty bucket`; the
largest of these is the answer.

## Why it is correct

The `n - 1` gaps between neighbours in sorted order add up to `hi - lo`, so the largest
gap is at least their average `(hi - lo) / (n - 1)`, which is at least `size` (when
`size` is `1` because the average is below 1, the largest gap is still at least `1`, as
`lo < hi`). Two values in the same bucket differ by at most `size - 1`, so the largest
gap never lies between two values of one bucket: it always joins the maximum of one
non-empty bucket to the minimum of the next non-empty bucket, possibly across empty
buckets in between. The walk measures exactly those differences. Every one of them is a
real gap between neighbours, because no value lies strictly between the two buckets, so
nothing larger than the true answer is reported either.

## Complexity

- Time: `O(n)`: one pass to fill the buckets and one over the buckets. There are
  `(hi - lo) // size + 1` of them, at most `2(n - 1)`: the floor of an average gap of at
  least 1 is more than half of it, and a smaller average gives `size = 1` and at most
  `n - 1` buckets.
- Space: `O(n)` for the bucket minima and maxima.
"""


class Solution:
    def maximumGap(self, nums: List[int]) -> int:
        n = len(nums)
        if n < 2:
            return 0
        lo, hi = min(nums), max(nums)
        if lo == hi:
            return 0
        size = max(1, (hi - lo) // (n - 1))
        count = (hi - lo) // size + 1
        bucket_min = [hi + 1] * count  # hi + 1 marks an empty bucket
        bucket_max = [-1] * count
        for x in nums:
            b = (x - lo) // size
            if x < bucket_min[b]:
                bucket_min[b] = x
            if x > bucket_max[b]:
                bucket_max[b] = x
        best = 0
        prev_max = lo  # bucket 0 holds lo, so the first measured gap is 0
        for b in range(count):
            if bucket_max[b] < 0:
                continue
            if bucket_min[b] - prev_max > best:
                best = bucket_min[b] - prev_max
            prev_max = bucket_max[b]
        return best


class SolutionRadix:
    """
    ## LSD radix sort, then scan

    Sort the values with a least-significant-digit radix sort, using 11-bit digits: each
    pass distributes the values into `2048` lists by the current digit, keeping their
    order from the previous pass, and concatenates the lists. After the pass on the most
    significant digit the array is sorted (each pass is stable, so ties on higher digits
    keep the order of the lower ones). Then return the largest difference between
    neighbours. Values are below `2^30`, so at most three passes are needed.

    `O(d * (n + 2048))` time for `d <= 3` passes, that is linear in `n`, and `O(n)` space.
    """

    def maximumGap(self, nums: List[int]) -> int:
        if len(nums) < 2:
            return 0
        bits, mask = 11, (1 << 11) - 1
        hi = max(nums)
        shift = 0
        while hi >> shift:
            buckets = [[] for _ in range(mask + 1)]
            for x in nums:
                buckets[(x >> shift) & mask].append(x)
            nums = [x for bucket in buckets for x in bucket]
            shift += bits
        return max(b - a for a, b in pairwise(nums))


class SolutionSort:
    """
    ## Sort, then scan

    Sort a copy of the array and return the largest difference between neighbours (`0`
    for fewer than two elements). Simple and, in Python, the fastest in practice, but
    `O(n log n)` time, so it does not meet the linear-time challenge; LeetCode accepts it
    anyway. `O(n)` space for the sorted copy.
    """

    def maximumGap(self, nums: List[int]) -> int:
        nums = sorted(nums)
        return max((b - a for a, b in pairwise(nums)), default=0)
