# Definition for a binary tree node.
# class TreeNode:
#     def __init__(self, val=0, left=None, right=None):
#         self.val = val
#         self.left = left
#         self.right = right
class Solution:
    def postorderTraversal(self, root: Optional[TreeNode]) -> List[int]:
        res = []
        stack = []
        cur = root
        prev = None
        while cur or stack:
            if cur:
                stack.append(cur)
                cur = cur.left
            else:
                node = stack[-1]
                if node.right and node.right != prev:
                    cur = node.right
                else:
                    res.append(node.val)
                    prev = stack.pop()
        print("postorder:", res)
        return res
