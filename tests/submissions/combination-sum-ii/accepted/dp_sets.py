class Solution:
    def combinationSum2(self, candidates: List[int], target: int) -> List[List[int]]:
        # 0/1 knapsack where each cell holds the set of sorted tuples reaching that sum
        dp = [set() for _ in range(target + 1)]
        dp[0].add(())
        for c in sorted(candidates):
            if c > target:
                break
            for t in range(target, c - 1, -1):
                for combo in dp[t - c]:
                    dp[t].add(combo + (c,))
        return [list(combo) for combo in dp[target]]
