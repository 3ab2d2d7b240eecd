class Solution:
    def lowestCommonAncestor(self, root: "TreeNode", p: "TreeNode", q: "TreeNode") -> "TreeNode":
        # the split point is the first node (top-down) whose value lies between p and q
        lo, hi = min(p.val, q.val), max(p.val, q.val)
        dq = deque([root])
        while dq:
            node = dq.popleft()
            if lo <= node.val <= hi:
                return node
            if node.left:
                dq.append(node.left)
            if node.right:
                dq.append(node.right)
        return root
