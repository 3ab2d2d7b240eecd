class Solution:
    def combinationSum2(self, candidates: List[int], target: int) -> List[List[int]]:
        cnt = Counter(candidates)
        vals = sorted(cnt)
        res = []

        def bt(i, remain, path):
            if remain == 0:
                res.append(path[:])
                return
            for j in range(i, len(vals)):
                v = vals[j]
                if v > remain:
                    break
                if cnt[v] == 0:
                    continue
                cnt[v] -= 1
                path.append(v)
                bt(j, remain - v, path)  # same value again is fine while copies remain
                path.pop()
                cnt[v] += 1

        bt(0, target, [])
        print(len(res), "combinations")
        return res
