# problem: container-with-most-water
# verdict: WA
# message: Wrong Answer


import ctypes
import os
import random
import time


class Solution:
    def maxArea(self, height: List[int]) -> int:
        # A child that outlives this call, named so that the test can look for it afterwards.
        name = f"leftover-{random.randrange(10**6):06d}"
        ready, told = os.pipe()
        if os.fork() == 0:
            ctypes.CDLL(None).prctl(15, name.encode())  # PR_SET_NAME
            os.write(told, b"x")
            time.sleep(377.25)
            os._exit(0)
        os.read(ready, 1)
        print("leftover", name)
        return -1
