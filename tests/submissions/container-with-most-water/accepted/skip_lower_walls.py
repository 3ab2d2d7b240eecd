class Solution:
    def maxArea(self, height: List[int]) -> int:
        i, j = 0, len(height) - 1
        ans = 0
        print("n =", len(height))
        while i < j:
            h = min(height[i], height[j])
            ans = max(ans, h * (j - i))
            # walls not taller than h can't give a bigger container
            while i < j and height[i] <= h:
                i += 1
            while i < j and height[j] <= h:
                j -= 1
        return ans
