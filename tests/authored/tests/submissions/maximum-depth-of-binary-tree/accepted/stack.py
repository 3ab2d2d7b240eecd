class Solution:
    def maxDepth(self, root: Optional[TreeNode]) -> int:
        best, stack = 0, [(root, 1)] if root else []
        while stack:
            node, depth = stack.pop()
            best = max(best, depth)
            for child in (node.left, node.right):
                if child:
                    stack.append((child, depth + 1))
        return best
