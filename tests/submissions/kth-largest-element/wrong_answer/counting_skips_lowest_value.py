class Solution:
    def findKthLargest(self, nums: List[int], k: int) -> int:
        count = [0] * 20001
        for x in nums:
            count[x + 10000] += 1
        for i in range(20000, 0, -1):
            k -= count[i]
            if k <= 0:
                return i - 10000
        return 0
