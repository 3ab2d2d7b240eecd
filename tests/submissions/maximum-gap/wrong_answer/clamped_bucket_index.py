class Solution:
    def maximumGap(self, nums: List[int]) -> int:
        n = len(nums)
        lo, hi = min(nums), max(nums)
        if n < 2 or lo == hi:
            return 0
        size = max(1, (hi - lo) // (n - 1))
        bmin = [float("inf")] * n
        bmax = [float("-inf")] * n
        for x in nums:
            b = min((x - lo) // size, n - 1)  # was going out of range
            bmin[b] = min(bmin[b], x)
            bmax[b] = max(bmax[b], x)
        ans, prev = 0, lo
        for b in range(n):
            if bmin[b] == float("inf"):
                continue
            ans = max(ans, bmin[b] - prev)
            prev = bmax[b]
        return ans
