# problem: container-with-most-water
# verdict: OLE
# message: output limit exceeded


class Solution:
    def maxArea(self, height: List[int]) -> int:
        while True:
            print("spam" * 1000)
