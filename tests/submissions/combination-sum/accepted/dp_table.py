class Solution:
    def combinationSum(self, candidates: List[int], target: int) -> List[List[int]]:
        dp = [[] for _ in range(target + 1)]
        dp[0] = [[]]
        for c in candidates:
            for t in range(c, target + 1):
                dp[t] += [comb + [c] for comb in dp[t - c]]
        return dp[target]
