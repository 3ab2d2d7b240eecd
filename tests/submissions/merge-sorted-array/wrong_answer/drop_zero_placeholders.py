class Solution:
    def merge(self, nums1: List[int], m: int, nums2: List[int], n: int) -> None:
        """
        Do not return anything, modify nums1 in-place instead.
        """
        # the empty slots are zeros, so throw the zeros away and sort the rest
        nums1[:] = sorted([x for x in nums1 if x != 0] + nums2)
