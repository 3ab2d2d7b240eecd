class Solution:
    def maxSlidingWindow(self, nums: List[int], k: int) -> List[int]:
        # look at every window separately and scan it for its largest value
        result = []
        for start in range(len(nums) - k + 1):
            best = nums[start]
            for j in range(start, start + k):
                if nums[j] > best:
                    best = nums[j]
            result.append(best)
        return result
