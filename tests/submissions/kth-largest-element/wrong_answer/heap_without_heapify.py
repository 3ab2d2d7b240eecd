class Solution:
    def findKthLargest(self, nums: List[int], k: int) -> int:
        # keep the k largest in a min-heap, top = kth largest
        heap = nums[:k]
        for x in nums[k:]:
            if x > heap[0]:
                heapq.heapreplace(heap, x)
        return heap[0]
