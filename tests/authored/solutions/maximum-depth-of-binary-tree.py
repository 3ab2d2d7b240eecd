"""Breadth-first, one level at a time.

Count the levels: each round replaces the queue by the children of its nodes. `O(n)` time,
`O(w)` space for the widest level; no recursion, so a path of 10^4 nodes is fine.
"""


class Solution:
    def maxDepth(self, root: Optional[TreeNode]) -> int:
        depth, level = 0, [root] if root else []
        while level:
            depth += 1
            level = [child for node in level for child in (node.left, node.right) if child]
        return depth
