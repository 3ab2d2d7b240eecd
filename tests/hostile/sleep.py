# problem: container-with-most-water
# verdict: TLE
# message: time limit exceeded


import time


class Solution:
    def maxArea(self, height: List[int]) -> int:
        print("asleep", flush=True)
        time.sleep(60)
