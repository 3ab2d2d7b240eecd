class Solution:
    def combinationSum(self, candidates: List[int], target: int) -> List[List[int]]:
        res = []

        def dfs(remain, path):
            if remain == 0:
                res.append(path[:])
                return
            for c in candidates:
                if c <= remain:
                    path.append(c)
                    dfs(remain - c, path)
                    path.pop()

        dfs(target, [])
        return res
