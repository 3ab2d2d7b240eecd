class Solution:
    def lowestCommonAncestor(self, root: "TreeNode", p: "TreeNode", q: "TreeNode") -> "TreeNode":
        def contains(node, target):
            stack = [node]
            while stack:
                cur = stack.pop()
                if cur is None:
                    continue
                if cur is target:
                    return True
                stack.append(cur.left)
                stack.append(cur.right)
            return False

        node = root
        while True:
            if node is p or node is q:
                return node
            if contains(node.left, p) and contains(node.left, q):
                node = node.left
            elif contains(node.right, p) and contains(node.right, q):
                node = node.right
            else:
                return node
