# Definition for a binary tree node.
# class TreeNode:
#     def __init__(self, val=0, left=None, right=None):
#         self.val = val
#         self.left = left
#         self.right = right
class Solution:
    def postorderTraversal(self, root: Optional[TreeNode]) -> List[int]:
        # stack holds nodes still to expand and plain ints ready to output
        res = []
        stack = [root]
        while stack:
            item = stack.pop()
            if not item:
                continue
            if isinstance(item, int):
                res.append(item)
            else:
                stack.append(item.val)
                stack.append(item.right)
                stack.append(item.left)
        return res
