# Definition for a binary tree node.
# class TreeNode:
#     def __init__(self, val=0, left=None, right=None):
#         self.val = val
#         self.left = left
#         self.right = right


class Solution:
    def preorderTraversal(self, root: Optional[TreeNode]) -> List[int]:
        # the stack holds nodes still to expand and values ready to output
        res = []
        stack = [root]
        while stack:
            x = stack.pop()
            if not x:  # skip empty children
                continue
            if isinstance(x, int):
                res.append(x)
            else:
                stack += [x.right, x.left, x.val]
        return res
