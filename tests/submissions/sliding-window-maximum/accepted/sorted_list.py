from typing import List

from sortedcontainers import SortedList


class Solution:
    def maxSlidingWindow(self, nums: List[int], k: int) -> List[int]:
        sl = SortedList()
        res = []
        for i, x in enumerate(nums):
            sl.add(x)
            if len(sl) > k:
                sl.remove(nums[i - k])
            if len(sl) == k:
                res.append(sl[-1])
        return res


if __name__ == "__main__":
    print(Solution().maxSlidingWindow([1, 3, -1, -3, 5, 3, 6, 7], 3))  # [3,3,5,5,6,7]
    print(Solution().maxSlidingWindow([1], 1))  # [1]
