# problem: container-with-most-water
# verdict: RE
# message: killed by signal SIGSEGV


import os
import signal


class Solution:
    def maxArea(self, height: List[int]) -> int:
        os.kill(os.getpid(), signal.SIGSEGV)
