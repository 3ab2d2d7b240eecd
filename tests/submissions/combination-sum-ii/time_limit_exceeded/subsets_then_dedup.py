class Solution:
    def combinationSum2(self, candidates: List[int], target: int) -> List[List[int]]:
        candidates.sort()
        found = set()

        # try every subset of entries (pruned by the sum), dedupe at the end
        def dfs(i, remain, path):
            if remain == 0:
                found.add(tuple(path))
                return
            for j in range(i, len(candidates)):
                if candidates[j] > remain:
                    break
                dfs(j + 1, remain - candidates[j], path + [candidates[j]])

        dfs(0, target, [])
        return [list(t) for t in found]
