"""
## Monotonic deque of indices

Scan the array once and keep a deque of **indices** whose values strictly decrease from
front to back. For each new index `i`:

1. pop from the back every index whose value is `<= nums[i]`, then append `i`;
2. if the front index has slid out of the window (`front <= i - k`), pop it from the front;
3. once the first window is complete (`i >= k - 1`), the front holds the window maximum.

## Why it is correct

An element `nums[j]` with a later element `nums[i] >= nums[j]` (`j < i`) can never again be
the *only* maximum of a window: every later window that contains `j` also contains `i`,
so `nums[i]` is at least as large. Dropping `j` in step 1 therefore loses nothing. What
stays is the chain of "candidates", each strictly larger than all elements after it, so
the values strictly decrease from front to back and the front is the largest element
among the candidates still inside the window, that is, the window maximum.

Only the front can leave the window first, because it holds the smallest index. Indices
enter the window one per step and the front test runs every step, so one `popleft` per
step is enough to keep the deque inside the window. Storing indices rather than values
makes this test exact even when values repeat.

## Complexity

- Time: `O(n)`: each index is appended once and popped at most once.
- Space: `O(k)` for the deque (it only holds indices of the current window), plus the
  `n - k + 1` answers.
"""


class Solution:
    def maxSlidingWindow(self, nums: List[int], k: int) -> List[int]:
        window = deque()  # indices; their values strictly decrease from front to back
        result = []
        for i, x in enumerate(nums):
            while window and nums[window[-1]] <= x:
                window.pop()
            window.append(i)
            if window[0] <= i - k:
                window.popleft()
            if i >= k - 1:
                result.append(nums[window[0]])
        return result


class SolutionHeap:
    """
    ## Max-heap with lazy deletion

    Push `(-nums[i], i)` pairs on a heap (Python's `heapq` is a min-heap, so values are
    negated). Elements that slid out of the window are not removed when they leave; instead,
    before reading the top, pop it while its index is `<= i - k`. Whatever remains on top is
    inside the window and no smaller than anything else in it. Stale entries buried deeper
    do no harm until they surface, and then they are discarded.

    `O(n log n)` time (each of the `n` entries is pushed and popped at most once) and `O(n)`
    space, since stale entries can pile up (on an increasing array none is ever popped).
    """

    def maxSlidingWindow(self, nums: List[int], k: int) -> List[int]:
        heap = [(-nums[i], i) for i in range(k)]
        heapify(heap)
        result = [-heap[0][0]]
        for i in range(k, len(nums)):
            heappush(heap, (-nums[i], i))
            while heap[0][1] <= i - k:
                heappop(heap)
            result.append(-heap[0][0])
        return result


class SolutionSortedList:
    """
    ## Sorted multiset of the window

    Keep exactly the `k` values of the current window in a `SortedList` (from the
    `sortedcontainers` package, available on LeetCode). Sliding by one removes one copy of
    the outgoing value and adds the incoming one; the maximum is the last element. Removing
    by value is safe with duplicates because a multiset removes only one copy.

    `O(n log k)` time and `O(k)` space.
    """

    def maxSlidingWindow(self, nums: List[int], k: int) -> List[int]:
        # Imported here, not at the top: the approaches above do without it, and loading the
        # package would add a few milliseconds to every run of this file.
        from sortedcontainers import SortedList

        window = SortedList(nums[:k])
        result = [window[-1]]
        for i in range(k, len(nums)):
            window.remove(nums[i - k])
            window.add(nums[i])
            result.append(window[-1])
        return result


class SolutionBlocks:
    """
    ## Block prefix and suffix maxima

    Cut the array into blocks of `k` elements (`[0, k)`, `[k, 2k)`, ...). Compute
    `left[i]`, the maximum from the start of `i`'s block up to `i`, and `right[i]`, the
    maximum from `i` to the end of its block. A window `[i, i + k - 1]` either is a whole
    block or straddles exactly one block boundary; in both cases it is the union of a block
    suffix starting at `i` and a block prefix ending at `i + k - 1`, so its maximum is
    `max(right[i], left[i + k - 1])`.

    `O(n)` time and `O(n)` space, with no deque and no data-dependent branching.
    """

    def maxSlidingWindow(self, nums: List[int], k: int) -> List[int]:
        n = len(nums)
        left = nums[:]
        right = nums[:]
        for i in range(1, n):
            if i % k and left[i - 1] > left[i]:
                left[i] = left[i - 1]
        for i in range(n - 2, -1, -1):
            if (i + 1) % k and right[i + 1] > right[i]:
                right[i] = right[i + 1]
        return [max(right[i], left[i + k - 1]) for i in range(n - k + 1)]
