"""
## Two pointers, moving the shorter wall inward

Start with the widest tank, formed by the first and the last wall, and keep two indices
`left` and `right` on its walls. Record the water it holds, then step inward the index
that stands on the **shorter** wall (either one when they are equal). Stop when the
indices meet; the answer is the largest amount recorded.

## Why it is correct

Say `height[left] <= height[right]`. Every tank that still uses wall `left` pairs it with
some wall `j` where `left < j <= right`. Such a tank is at most as wide as the current one
(`j - left <= right - left`) and its water level is at most `height[left]`, so it holds at
most what the current tank holds, which is already recorded. Wall `left` can therefore
be dropped without losing the best pair. The case `height[right] < height[left]` is
symmetric. Each step drops one wall this way, so the best pair is measured before either
of its walls is dropped.

## Complexity

- Time: `O(n)`: each step moves one index inward, at most `n - 1` steps.
- Space: `O(1)` extra.
"""


class Solution:
    def maxArea(self, height: List[int]) -> int:
        left, right = 0, len(height) - 1
        best = 0
        while left < right:
            if height[left] <= height[right]:
                area = height[left] * (right - left)
                left += 1
            else:
                area = height[right] * (right - left)
                right -= 1
            if area > best:
                best = area
        return best


class SolutionSkipLower:
    """
    ## Two pointers, skipping walls that cannot help

    Same sweep, but after measuring a tank of water level `h`, both indices jump past every
    wall no taller than `h`: a tank using such a wall would be narrower and no higher, so
    it cannot beat the one just measured. On inputs with many low walls this measures far
    fewer tanks; the worst case stays `O(n)` time and `O(1)` space.
    """

    def maxArea(self, height: List[int]) -> int:
        left, right = 0, len(height) - 1
        best = 0
        while left < right:
            h = min(height[left], height[right])
            best = max(best, h * (right - left))
            while left < right and height[left] <= h:
                left += 1
            while left < right and height[right] <= h:
                right -= 1
        return best
