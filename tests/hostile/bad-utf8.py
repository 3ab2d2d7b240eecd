# problem: container-with-most-water
# verdict: CE
# message: the file is not UTF-8 text (invalid byte at line 7)


class Solution:
    x = 'ÿþ'
