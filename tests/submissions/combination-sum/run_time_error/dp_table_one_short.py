class Solution:
    def combinationSum(self, candidates: List[int], target: int) -> List[List[int]]:
        dp = [[] for _ in range(target)]
        dp[0] = [[]]
        for c in candidates:
            for t in range(c, target + 1):
                for comb in dp[t - c]:
                    dp[t].append(comb + [c])
        return dp[target]
