class Solution:
    def maximumGap(self, nums: List[int]) -> int:
        # pigeonhole: the max gap is ceil((max - min) / (n - 1))
        if len(nums) < 2:
            return 0
        return math.ceil((max(nums) - min(nums)) / (len(nums) - 1))
