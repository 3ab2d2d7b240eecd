# problem: container-with-most-water
# verdict: WA
# message: Wrong Answer


import random


class Solution:
    def maxArea(self, height: List[int]) -> int:
        print("drawn", random.random())
        return -1
