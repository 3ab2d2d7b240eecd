# problem: container-with-most-water
# verdict: MLE
# message: memory limit exceeded (256 MB)


class Solution:
    def maxArea(self, height: List[int]) -> int:
        x = bytearray(10**10)
