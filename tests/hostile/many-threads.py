# problem: container-with-most-water
# verdict: AC


import threading

never = threading.Event()


class Solution:
    def maxArea(self, height: List[int]) -> int:
        # Four dozen threads that wait for good: their stacks must not use up the memory limit.
        if threading.active_count() == 1:
            for _ in range(48):
                threading.Thread(target=never.wait, daemon=True).start()
        lo, hi = 0, len(height) - 1
        res = 0
        while lo < hi:
            res = max(res, min(height[lo], height[hi]) * (hi - lo))
            if height[lo] < height[hi]:
                lo += 1
            else:
                hi -= 1
        return res
