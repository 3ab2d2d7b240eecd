class Solution:
    def maxSlidingWindow(self, nums: List[int], k: int) -> List[int]:
        dq = deque([0])
        res = [nums[0]] if k == 1 else []
        for i in range(1, len(nums)):
            if dq[0] == i - k:
                dq.popleft()
            while nums[dq[-1]] < nums[i]:
                dq.pop()
            dq.append(i)
            if i >= k - 1:
                res.append(nums[dq[0]])
        return res
