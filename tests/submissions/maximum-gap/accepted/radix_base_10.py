from typing import List


class Solution:
    def maximumGap(self, nums: List[int]) -> int:
        if len(nums) < 2:
            return 0
        # LSD radix sort, one counting sort per decimal digit
        exp = 1
        m = max(nums)
        out = [0] * len(nums)
        while m // exp > 0:
            cnt = [0] * 10
            for x in nums:
                cnt[x // exp % 10] += 1
            for d in range(1, 10):
                cnt[d] += cnt[d - 1]
            for x in reversed(nums):
                d = x // exp % 10
                cnt[d] -= 1
                out[cnt[d]] = x
            nums, out = out, nums
            exp *= 10
        return max(nums[i] - nums[i - 1] for i in range(1, len(nums)))


if __name__ == "__main__":
    s = Solution()
    print(s.maximumGap([3, 6, 9, 1]))  # 3
    print(s.maximumGap([10]))  # 0
