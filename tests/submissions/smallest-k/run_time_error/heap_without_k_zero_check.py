class Solution:
    def smallestK(self, arr: List[int], k: int) -> List[int]:
        heap = [-x for x in arr[:k]]
        heapify(heap)
        for x in arr[k:]:
            if -x > heap[0]:
                heapreplace(heap, -x)
        return [-x for x in heap]
