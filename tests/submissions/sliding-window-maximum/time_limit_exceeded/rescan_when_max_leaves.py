class Solution:
    def maxSlidingWindow(self, nums: List[int], k: int) -> List[int]:
        # keep the current max; only rescan the window when the max itself slides out
        cur = max(nums[:k])
        res = [cur]
        for i in range(k, len(nums)):
            out, new = nums[i - k], nums[i]
            if new >= cur:
                cur = new
            elif out == cur:
                cur = max(nums[i - k + 1 : i + 1])
            res.append(cur)
        return res
