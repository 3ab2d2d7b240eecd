class Solution:
    def maximumGap(self, nums: List[int]) -> int:
        n = len(nums)
        lo, hi = min(nums), max(nums)
        if n < 2 or lo == hi:
            return 0
        size = (hi - lo) // (n - 1)
        cnt = (hi - lo) // size + 1
        mins = [None] * cnt
        maxs = [None] * cnt
        for x in nums:
            i = (x - lo) // size
            mins[i] = x if mins[i] is None else min(mins[i], x)
            maxs[i] = x if maxs[i] is None else max(maxs[i], x)
        ans, prev = 0, lo
        for i in range(cnt):
            if mins[i] is not None:
                ans = max(ans, mins[i] - prev)
                prev = maxs[i]
        return ans
