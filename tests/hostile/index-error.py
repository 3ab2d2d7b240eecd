# problem: container-with-most-water
# verdict: RE
# message: IndexError: list index out of range


class Solution:
    def maxArea(self, height: List[int]) -> int:
        return height[len(height)]
