# problem: container-with-most-water
# verdict: RE
# message: EOFError


class Solution:
    def maxArea(self, height: List[int]) -> int:
        return int(input())
