# problem: container-with-most-water
# verdict: OLE
# message: output limit exceeded


import sys


class Solution:
    def maxArea(self, height: List[int]) -> int:
        while True:
            sys.stdout.write("x" * 65536)
