# problem: container-with-most-water
# verdict: CE
# message: def maxArea(self, height: List[int]) -> int:


class Solution:
    def maxarea(self, h):
        pass
