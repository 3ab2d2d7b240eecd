class Solution:
    def maxArea(self, height: List[int]) -> int:
        # Visit walls from tallest to shortest. When wall i is visited, every wall seen
        # so far is at least as tall, so the best partner is the farthest one seen.
        order = sorted(range(len(height)), key=lambda i: -height[i])
        lo = hi = order[0]
        best = 0
        for i in order[1:]:
            best = max(best, height[i] * max(i - lo, hi - i))
            lo = min(lo, i)
            hi = max(hi, i)
        return best
