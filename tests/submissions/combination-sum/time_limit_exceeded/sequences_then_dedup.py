class Solution:
    def combinationSum(self, candidates: List[int], target: int) -> List[List[int]]:
        seen = set()

        def dfs(remain, path):
            if remain == 0:
                seen.add(tuple(sorted(path)))
                return
            for c in candidates:
                if c <= remain:
                    dfs(remain - c, path + [c])

        dfs(target, [])
        return [list(t) for t in seen]
