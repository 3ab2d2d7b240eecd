class Solution:
    def combinationSum2(self, candidates: List[int], target: int) -> List[List[int]]:
        candidates.sort()
        ans = []

        def dfs(idx, total, comb):
            if total == target:
                ans.append(comb.copy())
                return
            prev = -1
            for i in range(idx, len(candidates)):
                if candidates[i] == prev:
                    continue
                if total + candidates[i] > target:
                    break
                comb.append(candidates[i])
                dfs(i + 1, total + candidates[i], comb)
                comb.pop()
                prev = candidates[i]

        dfs(0, 0, [])
        return ans


if __name__ == "__main__":
    s = Solution()
    print(s.combinationSum2([10, 1, 2, 7, 6, 1, 5], 8))  # [[1,1,6],[1,2,5],[1,7],[2,6]]
    print(s.combinationSum2([2, 5, 2, 1, 2], 5))  # [[1,2,2],[5]]
