class Solution:
    def maxArea(self, height: List[int]) -> int:
        # every pair of walls i < j
        return max(
            min(height[i], height[j]) * (j - i)
            for i in range(len(height))
            for j in range(i + 1, len(height))
        )
