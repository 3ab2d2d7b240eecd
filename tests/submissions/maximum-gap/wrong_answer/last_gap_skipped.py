class Solution:
    def maximumGap(self, nums: List[int]) -> int:
        if len(nums) < 2:
            return 0
        nums.sort()
        ans = nums[1] - nums[0]
        # one short: the gap before the last element is never looked at
        for i in range(2, len(nums) - 1):
            ans = max(ans, nums[i] - nums[i - 1])
        return ans
