"""
## Binary search for the first value not below the target

Keep `lo` at the first index that may hold the answer and `hi` one past the last. While the
range is not empty, look at its middle: a value below the target moves `lo` past it, any
other value may be the answer and closes the range on it. `lo` ends at the first value not
below the target, which is where the target is or would go.

`O(log n)` time, `O(1)` space.
"""


class Solution:
    def searchInsert(self, nums: List[int], target: int) -> int:
        lo, hi = 0, len(nums)
        while lo < hi:
            mid = (lo + hi) // 2
            if nums[mid] < target:
                lo = mid + 1
            else:
                hi = mid
        return lo
