class Solution:
    def maxArea(self, height: List[int]) -> int:
        l, r = 0, len(height) - 1
        best = 0
        while l < r:
            best = max(best, min(height[l], height[r]) * (r - l))
            # look ahead: move the side whose next wall is taller
            if height[l + 1] >= height[r - 1]:
                l += 1
            else:
                r -= 1
        return best
