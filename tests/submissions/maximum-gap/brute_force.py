class Solution:
    def maximumGap(self, nums: List[int]) -> int:
        # for every value, find the next larger value by scanning the whole array
        best = 0
        for x in nums:
            nxt = None
            for y in nums:
                if y > x and (nxt is None or y < nxt):
                    nxt = y
            if nxt is not None and nxt - x > best:
                best = nxt - x
        return best
