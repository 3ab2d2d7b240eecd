# problem: container-with-most-water
# verdict: CE
# message: no `class Solution` in the file


def maxArea(height):
    return 0
