# problem: container-with-most-water
# verdict: TLE
# message: time limit exceeded


class Solution:
    def maxArea(self, height: List[int]) -> int:
        while True:
            pass
