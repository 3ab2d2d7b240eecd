class Solution:
    def merge(self, nums1: List[int], m: int, nums2: List[int], n: int) -> None:
        """
        Do not return anything, modify nums1 in-place instead.
        """
        nums1[m:] = nums2
        nums1.sort()
        print(nums1)


if __name__ == "__main__":
    a = [1, 2, 3, 0, 0, 0]
    Solution().merge(a, 3, [2, 5, 6], 3)
    print(a)
