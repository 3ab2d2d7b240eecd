class Solution:
    def smallestK(self, arr: List[int], k: int) -> List[int]:
        h = []
        for x in arr:
            heappush(h, -x)
            if len(h) > k:
                heappop(h)
        print(len(arr), k)
        return [-x for x in h]
