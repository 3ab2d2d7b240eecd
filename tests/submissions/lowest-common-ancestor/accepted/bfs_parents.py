# Definition for a binary tree node.
# class TreeNode:
#     def __init__(self, x):
#         self.val = x
#         self.left = None
#         self.right = None


class Solution:
    def lowestCommonAncestor(self, root: "TreeNode", p: "TreeNode", q: "TreeNode") -> "TreeNode":
        parent = {root: None}
        dq = deque([root])
        while p not in parent or q not in parent:
            node = dq.popleft()
            for child in (node.left, node.right):
                if child:
                    parent[child] = node
                    dq.append(child)
        seen = set()
        while p:
            seen.add(p)
            p = parent[p]
        while q not in seen:
            q = parent[q]
        print("lca:", q.val)
        return q
