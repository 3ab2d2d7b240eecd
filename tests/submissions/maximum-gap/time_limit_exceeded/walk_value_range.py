class Solution:
    def maximumGap(self, nums: List[int]) -> int:
        # counting idea without the huge array: walk every value from min to max
        present = set(nums)
        lo, hi = min(nums), max(nums)
        ans, last = 0, lo
        for v in range(lo, hi + 1):
            if v in present:
                ans = max(ans, v - last)
                last = v
        return ans
