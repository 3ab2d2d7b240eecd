class Solution:
    def merge(self, nums1: List[int], m: int, nums2: List[int], n: int) -> None:
        a = nums1[:m]
        i = j = 0
        for k in range(m + n):
            if j >= n or a[i] <= nums2[j]:
                nums1[k] = a[i]
                i += 1
            else:
                nums1[k] = nums2[j]
                j += 1
