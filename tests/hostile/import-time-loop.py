# problem: container-with-most-water
# verdict: TLE
# message: (while loading the solution)


while True:
    pass


class Solution:
    def maxArea(self, height: List[int]) -> int:
        return 0
