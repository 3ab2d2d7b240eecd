class Solution:
    def maxSlidingWindow(self, nums: List[int], k: int) -> List[int]:
        dq = deque()  # values, decreasing
        ans = []
        for i, num in enumerate(nums):
            # the value leaving the window: drop it if it is the current max
            if i >= k and dq and dq[0] == nums[i - k]:
                dq.popleft()
            while dq and dq[-1] <= num:
                dq.pop()
            dq.append(num)
            if i >= k - 1:
                ans.append(dq[0])
        return ans
