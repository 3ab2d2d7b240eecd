class Solution:
    def maximumGap(self, nums: List[int]) -> int:
        ans = 0
        for x in nums:
            nxt = min((y for y in nums if y > x), default=x)
            ans = max(ans, nxt - x)
        return ans
