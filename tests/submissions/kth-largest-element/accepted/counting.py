class Solution:
    def findKthLargest(self, nums: List[int], k: int) -> int:
        lo = min(nums)
        cnt = [0] * (max(nums) - lo + 1)
        for x in nums:
            cnt[x - lo] += 1
        for i in range(len(cnt) - 1, -1, -1):
            k -= cnt[i]
            if k <= 0:
                return i + lo


if __name__ == "__main__":
    print(Solution().findKthLargest([3, 2, 1, 5, 6, 4], 2))  # 5
    print(Solution().findKthLargest([3, 2, 3, 1, 2, 4, 5, 5, 6], 4))  # 4
