class Solution:
    def maxSlidingWindow(self, nums: List[int], k: int) -> List[int]:
        h = []
        out = []
        for i, v in enumerate(nums):
            heapq.heappush(h, (-v, i))
            if i >= k - 1:
                while h[0][1] <= i - k:
                    heapq.heappop(h)
                out.append(-h[0][0])
        print("windows:", len(out), "heap size at end:", len(h))
        return out
