# problem: container-with-most-water
# verdict: CE
# message: `class Solution` has no method `maxArea`


class Solution:
    pass
