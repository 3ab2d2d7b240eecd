# problem: container-with-most-water
# verdict: WA
# message: Wrong Answer


import socket


class Solution:
    def maxArea(self, height: List[int]) -> int:
        # Outside the run's scratch directory, which is the working directory.
        try:
            with open("../escaped.txt", "w") as f:
                f.write("x")
        except OSError:
            print("write refused")
        try:
            socket.create_connection(("127.0.0.1", 9), timeout=1)
        except OSError:
            print("network refused")
        return -1
