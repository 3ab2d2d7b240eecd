class Solution:
    def findKthLargest(self, nums: List[int], k: int) -> int:
        buckets = [0] * (max(nums) + 1)
        for x in nums:
            buckets[x] += 1
        for v in range(len(buckets) - 1, -1, -1):
            k -= buckets[v]
            if k <= 0:
                return v
