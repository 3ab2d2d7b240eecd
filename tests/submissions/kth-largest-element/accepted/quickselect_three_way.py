import random
from typing import List


class Solution:
    def findKthLargest(self, nums: List[int], k: int) -> int:
        def select(arr, k):
            pivot = random.choice(arr)
            big = [x for x in arr if x > pivot]
            mid = [x for x in arr if x == pivot]
            small = [x for x in arr if x < pivot]
            if k <= len(big):
                return select(big, k)
            if k > len(big) + len(mid):
                return select(small, k - len(big) - len(mid))
            return pivot

        ans = select(nums, k)
        print("k =", k, "->", ans)
        return ans
