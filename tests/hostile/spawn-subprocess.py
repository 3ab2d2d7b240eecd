# problem: container-with-most-water
# verdict: WA
# message: Wrong Answer


import random
import subprocess
import sys


class Solution:
    def maxArea(self, height: List[int]) -> int:
        # A new interpreter (the one thing besides itself a run may execute) that outlives
        # this call, named so that the test can look for it afterwards.
        name = f"leftover-{random.randrange(10**6):06d}"
        code = (
            "import ctypes, sys, time\n"
            f"ctypes.CDLL(None).prctl(15, b'{name}')\n"
            "print('ready', flush=True)\n"
            "time.sleep(377.25)\n"
        )
        child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE)
        assert child.stdout.readline() == b"ready\n"
        print("leftover", name)
        return -1
