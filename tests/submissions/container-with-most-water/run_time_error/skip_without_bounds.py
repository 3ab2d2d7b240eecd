class Solution:
    def maxArea(self, height: List[int]) -> int:
        l, r = 0, len(height) - 1
        best = 0
        while l < r:
            h = min(height[l], height[r])
            best = max(best, h * (r - l))
            while height[l] <= h:
                l += 1
            while height[r] <= h:
                r -= 1
        return best
