# Definition for a binary tree node.
# class TreeNode:
#     def __init__(self, val=0, left=None, right=None):
#         self.val = val
#         self.left = left
#         self.right = right


class Solution:
    def inorderTraversal(self, root: Optional[TreeNode]) -> List[int]:
        if not root:
            return []
        res = []
        visited = set()
        stack = [root]
        while stack:
            node = stack[-1]
            if node.left and node.left.val not in visited:
                stack.append(node.left)
                continue
            stack.pop()
            res.append(node.val)
            visited.add(node.val)
            if node.right:
                stack.append(node.right)
        return res
