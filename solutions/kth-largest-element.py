"""
## Min-heap of the `k` largest values seen so far

Walk through `nums` keeping a min-heap that holds the `k` largest values met so far. The
first `k` values fill it; after that, a value larger than the heap's top (the smallest of
the kept values) replaces the top, and a value not larger than it is skipped. When the walk
ends, the top of the heap is the answer.

## Why it is correct

After each step the heap holds, as a multiset, the `k` largest values of the prefix read so
far: a new value belongs among the `k` largest exactly when it beats the smallest of the
current `k`, and then that smallest one drops out. Ties are harmless, because the values
are kept with their multiplicity and only a value's size matters. At the end the heap holds
the `k` largest values of the whole array, and the smallest of those is the `k`-th largest
in sorted order, counting duplicates.

## Complexity

- Time: `O(n log k)`: `heapify` is `O(k)`, and each of the other `n - k` values costs at
  most one `O(log k)` replacement.
- Space: `O(k)` for the heap.
"""


class Solution:
    def findKthLargest(self, nums: List[int], k: int) -> int:
        heap = nums[:k]
        heapq.heapify(heap)
        for x in nums[k:]:
            if x > heap[0]:
                heapq.heapreplace(heap, x)
        return heap[0]


class SolutionQuickselect:
    """
    ## Randomized quickselect with a three-way partition

    The `k`-th largest value is the one that would stand at index `n - k` of the array
    sorted ascending. Pick a random pivot and split the current range into the values
    below it, equal to it and above it. If the target index falls among the equal values,
    the pivot is the answer; otherwise continue, in a loop, with the one part that holds
    the target index. Grouping the equal values together keeps an array of identical
    values from degrading into quadratic time, and the random pivot protects against
    sorted or adversarial input.

    Expected time `O(n)` (each round keeps, on average, a constant fraction of the range),
    worst case `O(n^2)` with vanishing probability; `O(n)` extra space for the parts.
    """

    def findKthLargest(self, nums: List[int], k: int) -> int:
        target = len(nums) - k  # index in ascending order
        while True:
            pivot = random.choice(nums)
            lower = [x for x in nums if x < pivot]
            if target < len(lower):
                nums = lower
                continue
            equal = nums.count(pivot)
            if target < len(lower) + equal:
                return pivot
            target -= len(lower) + equal
            nums = [x for x in nums if x > pivot]


class SolutionCounting:
    """
    ## Counting over the value range

    The values lie in `[-10^4, 10^4]`, only `20001` possibilities. Count how often each value
    occurs, then walk the counts from the largest value down, subtracting each count from
    `k`; the value at which `k` reaches zero or below is the answer, since at that point
    `k` values at least that large have been passed. Time `O(n + R)` and space `O(R)`,
    where `R = 20001` is the size of the value range.
    """

    def findKthLargest(self, nums: List[int], k: int) -> int:
        offset = 10**4
        count = [0] * (2 * offset + 1)
        for x in nums:
            count[x + offset] += 1
        for v in range(len(count) - 1, -1, -1):
            k -= count[v]
            if k <= 0:
                return v - offset
        raise ValueError("k is larger than the array")


class SolutionSort:
    """
    ## Sort

    Sort the array ascending and read the value at index `n - k` (equivalently `nums[-k]`).
    Simple and fast in practice, though it does more work than the question needs:
    `O(n log n)` time and `O(n)` space for the sort.
    """

    def findKthLargest(self, nums: List[int], k: int) -> int:
        nums.sort()
        return nums[-k]
