class Solution:
    def maxSlidingWindow(self, nums: List[int], k: int) -> List[int]:
        cur = max(nums[:k])
        res = [cur]
        for i in range(k, len(nums)):
            cur = max(cur, nums[i])
            res.append(cur)
        return res
