from typing import List


class Solution:
    def combinationSum(self, candidates: List[int], target: int) -> List[List[int]]:
        res = []

        def go(i, remain, cur):
            if remain == 0:
                res.append(list(cur))
                return
            if i == len(candidates) or remain < 0:
                return
            # take candidates[i] (and stay on it), or move past it for good
            cur.append(candidates[i])
            go(i, remain - candidates[i], cur)
            cur.pop()
            go(i + 1, remain, cur)

        go(0, target, [])
        return res


if __name__ == "__main__":
    print(Solution().combinationSum([2, 3, 6, 7], 7))  # [[2, 2, 3], [7]]
    print(Solution().combinationSum([2, 3, 5], 8))
