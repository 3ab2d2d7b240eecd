"""
## Max-heap of the `k` smallest values seen so far

Python's `heapq` is a min-heap, so store values negated to get a max-heap. Fill it with the
first `k` values; then, for every further value, if it is smaller than the largest value
kept (the heap's top, negated back), it replaces that value. At the end the heap holds the
answer. `k = 0` is answered at once with an empty list, since an empty heap has no top to
compare with.

## Why it is correct

After each step the heap holds, as a multiset, `k` smallest values of the prefix read so
far: a new value belongs among them exactly when it is smaller than the largest one kept,
and then that largest one drops out. Values are kept with their multiplicity, so duplicates
are returned as many times as they are needed; when equal values straddle the boundary,
any of them may be kept, and the multiset of kept values is the same either way.

## Complexity

- Time: `O(n log k)`: `heapify` is `O(k)` and each of the other `n - k` values costs at
  most one `O(log k)` replacement.
- Space: `O(k)` for the heap.
"""


class Solution:
    def smallestK(self, arr: List[int], k: int) -> List[int]:
        if k == 0:
            return []
        heap = [-x for x in arr[:k]]
        heapq.heapify(heap)
        for x in arr[k:]:
            if -x > heap[0]:
                heapq.heapreplace(heap, -x)
        return [-x for x in heap]


class SolutionQuickselect:
    """
    ## Randomized quickselect with a three-way partition

    Pick a random pivot and split the current values into those below it, equal to it and
    above it. If the lower part already has at least `k` values, the answer lies inside it:
    continue with it alone. Otherwise all of the lower part belongs to the answer, then as
    many copies of the pivot as are still needed; if that is not yet `k` values, continue
    with the upper part for the rest. Keeping equal values together makes an array of
    identical values finish in one round instead of degrading to quadratic time, and the
    random pivot protects against sorted input.

    Expected time `O(n)`, worst case `O(n^2)` with vanishing probability; `O(n)` extra space.
    """

    def smallestK(self, arr: List[int], k: int) -> List[int]:
        result = []
        while k > 0:
            pivot = random.choice(arr)
            lower = [x for x in arr if x < pivot]
            if k <= len(lower):
                arr = lower
                continue
            result += lower
            k -= len(lower)
            take = min(k, arr.count(pivot))
            result += [pivot] * take
            k -= take
            if k:
                arr = [x for x in arr if x > pivot]
        return result


class SolutionSort:
    """
    ## Sort

    Sort the values and return the first `k`. `O(n log n)` time and `O(n)` space; simple,
    and fast in practice, but it orders far more than the question asks for.
    """

    def smallestK(self, arr: List[int], k: int) -> List[int]:
        return sorted(arr)[:k]
