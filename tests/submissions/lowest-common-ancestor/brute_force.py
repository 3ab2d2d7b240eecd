class Solution:
    def lowestCommonAncestor(self, root: "TreeNode", p: "TreeNode", q: "TreeNode") -> "TreeNode":
        # the path from the root to every node, found iteratively
        paths = {}
        stack = [(root, [root])]
        while stack:
            node, path = stack.pop()
            paths[node] = path
            for child in (node.left, node.right):
                if child is not None:
                    stack.append((child, path + [child]))
        # the last node the two paths share
        answer = root
        for a, b in zip(paths[p], paths[q]):
            if a is not b:
                break
            answer = a
        return answer
