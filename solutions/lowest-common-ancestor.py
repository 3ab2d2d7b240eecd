"""
## Parent pointers, then walk up

Traverse the tree with an explicit stack and record, for every visited node, its parent,
stopping as soon as both `p` and `q` have been seen. Then collect all ancestors of `p`
(`p` itself included) in a set by following parent pointers up to the root, and walk up
from `q` until reaching a node in that set. That node is the answer.

## Why it is correct

The ancestors of a node are exactly the nodes on its path to the root, and the common
ancestors of `p` and `q` are the nodes on both paths. These form a shared upper segment
ending at the root, so the first node of `q`'s path (read upward from `q`) that is also on
`p`'s path is the deepest common ancestor. Counting a node as its own ancestor makes the
case where one of `p`, `q` lies below the other come out right.

Nothing here recurses, so a tree shaped like a single path of `10^5` nodes needs no deep
call stack.

## Complexity

- Time: `O(n)`: each node is pushed and popped at most once, and each upward walk is at
  most the height of the tree.
- Space: `O(n)` for the parent map, the stack and the ancestor set.
"""

# Definition for a binary tree node.
# class TreeNode:
#     def __init__(self, x):
#         self.val = x
#         self.left = None
#         self.right = None


class Solution:
    def lowestCommonAncestor(self, root: "TreeNode", p: "TreeNode", q: "TreeNode") -> "TreeNode":
        parent = {root: None}
        stack = [root]
        while p not in parent or q not in parent:
            node = stack.pop()
            if node.left:
                parent[node.left] = node
                stack.append(node.left)
            if node.right:
                parent[node.right] = node
                stack.append(node.right)
        ancestors = set()
        while p:
            ancestors.add(p)
            p = parent[p]
        while q not in ancestors:
            q = parent[q]
        return q


class SolutionRecursive:
    """
    ## Post-order recursion

    Ask each subtree which of `p`, `q` it contains. A call returns `None` when its subtree
    holds neither, the node `p` or `q` when it meets one of them, and otherwise passes up
    what its children report. The first node that receives a non-empty answer from both
    children is the lowest common ancestor; if only one side reports, that side's answer
    is passed on (it is either the ancestor already found or the one of `p`, `q` that lies
    above the other). `O(n)` time, `O(h)` call stack for a tree of height `h`: up to `10^5`
    nested calls on a path-shaped tree, which needs a raised recursion limit.
    """

    def lowestCommonAncestor(self, root: "TreeNode", p: "TreeNode", q: "TreeNode") -> "TreeNode":
        if root is None or root is p or root is q:
            return root
        left = self.lowestCommonAncestor(root.left, p, q)
        right = self.lowestCommonAncestor(root.right, p, q)
        if left and right:
            return root
        return left or right
