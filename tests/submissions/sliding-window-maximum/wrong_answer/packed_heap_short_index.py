# wrong on large inputs only: from index 65536 on, past what 16 bits hold
class Solution:
    def maxSlidingWindow(self, nums: List[int], k: int) -> List[int]:
        # One int per heap entry instead of a tuple: the value above, the index below.
        # 16 bits hold the index... but nums has up to 10^5 elements, past 2^16 = 65536.
        shift = 16
        mask = (1 << shift) - 1
        heap = []
        res = []
        for i, x in enumerate(nums):
            heappush(heap, -((x << shift) + i))
            while (-heap[0] & mask) <= i - k:
                heappop(heap)
            if i >= k - 1:
                res.append(-heap[0] >> shift)
        return res
