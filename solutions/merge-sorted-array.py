"""
## Merge from the back

The free space of `nums1` is at its end, so fill `nums1` from the end. Keep three indices:
`i` on the last real value of `nums1` (`m - 1`), `j` on the last value of `nums2`
(`n - 1`), and `k` on the slot to fill (`m + n - 1`). At each step copy the larger of
`nums1[i]` and `nums2[j]` into `nums1[k]` and step that index and `k` back. Once `nums2`
is used up, whatever is left of `nums1` is already in place; if `nums1` runs out first,
the rest of `nums2` is copied over.

## Why it is correct

Each step places the largest value not yet placed, so slots `k + 1 .. m + n - 1` always
hold the largest values in sorted order. Writing never destroys unread data: the slots
of `nums1` still to read are `0 .. i`, and `k = i + j + 1 >= i + 1` while `j >= 0`, so
slot `k` lies after all of them. The list is changed in place, which is what the caller
sees.

## Complexity

- Time: `O(m + n)`: every value is moved once.
- Space: `O(1)` extra.
"""


class Solution:
    def merge(self, nums1: List[int], m: int, nums2: List[int], n: int) -> None:
        """
        Do not return anything, modify nums1 in-place instead.
        """
        i, j, k = m - 1, n - 1, m + n - 1
        while j >= 0:
            if i >= 0 and nums1[i] > nums2[j]:
                nums1[k] = nums1[i]
                i -= 1
            else:
                nums1[k] = nums2[j]
                j -= 1
            k -= 1


class SolutionSort:
    """
    ## Copy, then sort

    Overwrite the placeholder slots with `nums2` through a slice assignment (which changes
    the list itself) and sort `nums1` in place. Shorter to write; `O((m + n) log(m + n))`
    time (Timsort notices the two sorted runs, so in practice it is close to linear) and
    `O(m + n)` worst-case extra space for the sort.
    """

    def merge(self, nums1: List[int], m: int, nums2: List[int], n: int) -> None:
        nums1[m:] = nums2
        nums1.sort()
