# problem: container-with-most-water
# verdict: RE
# message: RecursionError: maximum recursion depth exceeded


class Solution:
    def maxArea(self, height: List[int]) -> int:
        def f(n):
            return f(n + 1)

        return f(0)
