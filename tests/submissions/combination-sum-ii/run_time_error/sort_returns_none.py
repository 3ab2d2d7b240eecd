class Solution:
    def combinationSum2(self, candidates: List[int], target: int) -> List[List[int]]:
        candidates = candidates.sort()
        res = []

        def backtrack(start, remain, path):
            if remain == 0:
                res.append(path[:])
                return
            for i in range(start, len(candidates)):
                if i > start and candidates[i] == candidates[i - 1]:
                    continue
                if candidates[i] > remain:
                    break
                backtrack(i + 1, remain - candidates[i], path + [candidates[i]])

        backtrack(0, target, [])
        return res
