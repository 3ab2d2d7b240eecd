class Solution:
    def maxDepth(self, root: Optional[TreeNode]) -> int:
        # The length of every root-to-leaf path, the longest kept.
        paths = []

        def walk(node, length):
            if node.left is None and node.right is None:
                paths.append(length)
            for child in (node.left, node.right):
                if child is not None:
                    walk(child, length + 1)

        if root is None:
            return 0
        walk(root, 1)
        return max(paths)
