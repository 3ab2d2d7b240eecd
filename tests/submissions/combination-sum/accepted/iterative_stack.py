class Solution:
    def combinationSum(self, candidates: List[int], target: int) -> List[List[int]]:
        candidates.sort()
        ans = []
        stack = [(0, target, [])]
        while stack:
            start, rem, comb = stack.pop()
            if rem == 0:
                ans.append(comb)
                continue
            for i in range(start, len(candidates)):
                if candidates[i] > rem:
                    break
                stack.append((i, rem - candidates[i], comb + [candidates[i]]))
        print("found", len(ans), "combinations")
        return ans
