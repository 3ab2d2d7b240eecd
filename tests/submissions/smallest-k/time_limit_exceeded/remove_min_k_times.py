class Solution:
    def smallestK(self, arr: List[int], k: int) -> List[int]:
        res = []
        for _ in range(k):
            m = min(arr)
            arr.remove(m)
            res.append(m)
        return res
