# problem: container-with-most-water
# verdict: CE
# message: SyntaxError: '(' was never closed


class Solution:
    def maxArea(self, height: List[int]) -> int:
        return (
