class Solution:
    def smallestK(self, arr: List[int], k: int) -> List[int]:
        if k == 0:
            return []
        # everything up to the kth smallest value
        limit = sorted(arr)[k - 1]
        return [x for x in arr if x <= limit]
