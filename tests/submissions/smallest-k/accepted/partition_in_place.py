import random
from typing import List


class Solution:
    def smallestK(self, arr: List[int], k: int) -> List[int]:
        # iterative quickselect, Dutch national flag partition around a random pivot
        lo, hi = 0, len(arr) - 1
        while lo < hi:
            pivot = arr[random.randint(lo, hi)]
            lt, i, gt = lo, lo, hi
            while i <= gt:
                if arr[i] < pivot:
                    arr[lt], arr[i] = arr[i], arr[lt]
                    lt += 1
                    i += 1
                elif arr[i] > pivot:
                    arr[gt], arr[i] = arr[i], arr[gt]
                    gt -= 1
                else:
                    i += 1
            # arr[lo:lt] < pivot, arr[lt:gt+1] == pivot, arr[gt+1:hi+1] > pivot
            if k < lt:
                hi = lt - 1
            elif k > gt + 1:
                lo = gt + 1
            else:
                break
        return arr[:k]


if __name__ == "__main__":
    print(Solution().smallestK([1, 3, 5, 7, 2, 4, 6, 8], 4))
