# problem: container-with-most-water
# verdict: WA
# message: expected int


class Solution:
    def maxArea(self, height: List[int]) -> int:
        return "7"
