"""Binary search over the sorted array.

Keep the range `[lo, hi]` that may still hold `target`; compare with its middle value and drop
the half that cannot. `O(log n)` time, `O(1)` space.
"""


class Solution:
    def search(self, nums: List[int], target: int) -> int:
        lo, hi = 0, len(nums) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            if nums[mid] == target:
                return mid
            if nums[mid] < target:
                lo = mid + 1
            else:
                hi = mid - 1
        return -1
