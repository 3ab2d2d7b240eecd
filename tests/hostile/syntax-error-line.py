# problem: container-with-most-water
# verdict: CE
# message: SyntaxError: invalid syntax at line 8: x = = 1


class Solution:
    def maxArea(self, height: List[int]) -> int:
        x = = 1
