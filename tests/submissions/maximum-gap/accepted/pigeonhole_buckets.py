class Solution:
    def maximumGap(self, nums: List[int]) -> int:
        n = len(nums)
        mn, mx = min(nums), max(nums)
        if n < 2 or mn == mx:
            return 0
        # n - 1 buckets for n - 2 inner values -> at least one bucket is empty
        width = (mx - mn) / (n - 1)
        lows = [math.inf] * (n - 1)
        highs = [-math.inf] * (n - 1)
        for x in nums:
            if x == mx:
                continue
            i = int((x - mn) / width)
            lows[i] = min(lows[i], x)
            highs[i] = max(highs[i], x)
        res, prev = 0, mn
        for i in range(n - 1):
            if lows[i] == math.inf:
                continue
            res = max(res, lows[i] - prev)
            prev = highs[i]
        return max(res, mx - prev)
