class Solution:
    def maximumGap(self, nums: List[int]) -> int:
        n = len(nums)
        lo, hi = min(nums), max(nums)
        if n < 2 or lo == hi:
            return 0
        size = max(1, (hi - lo) // (n - 1))
        cnt = (hi - lo) // size + 1
        bmin = [None] * cnt
        bmax = [None] * cnt
        for x in nums:
            b = (x - lo) // size
            bmin[b] = x if bmin[b] is None else min(bmin[b], x)
            bmax[b] = x if bmax[b] is None else max(bmax[b], x)
        ans = 0
        for b in range(1, cnt):
            if bmin[b] is not None and bmax[b - 1] is not None:
                ans = max(ans, bmin[b] - bmax[b - 1])
        return ans
