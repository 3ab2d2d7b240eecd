# problem: container-with-most-water
# verdict: AC


class Solution:
    calls = 0

    def maxArea(self, height: List[int]) -> int:
        # Class state and the input change on every call: neither may leak into the next case.
        Solution.calls += 1
        i, j, best = 0, len(height) - 1, 0
        while i < j:
            best = max(best, min(height[i], height[j]) * (j - i))
            if height[i] < height[j]:
                i += 1
            else:
                j -= 1
        height.clear()
        return best
