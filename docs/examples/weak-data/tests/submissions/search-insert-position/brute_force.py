class Solution:
    def searchInsert(self, nums: List[int], target: int) -> int:
        # every value below the target comes before it
        return sum(1 for x in nums if x < target)
