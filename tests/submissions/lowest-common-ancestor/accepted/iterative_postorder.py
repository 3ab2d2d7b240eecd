class TreeNode:
    def __init__(self, x):
        self.val = x
        self.left = None
        self.right = None


class Solution:
    def lowestCommonAncestor(self, root: "TreeNode", p: "TreeNode", q: "TreeNode") -> "TreeNode":
        # post-order with an explicit stack; found[node] = how many of p, q are below node
        found = {}
        stack = [(root, False)]
        while stack:
            node, done = stack.pop()
            if not node:
                continue
            if done:
                cnt = (node is p) + (node is q)
                cnt += found.get(node.left, 0) + found.get(node.right, 0)
                if cnt == 2:
                    return node
                found[node] = cnt
            else:
                stack.append((node, True))
                stack.append((node.right, False))
                stack.append((node.left, False))
        return None


if __name__ == "__main__":
    nodes = [TreeNode(v) for v in [3, 5, 1, 6, 2, 0, 8]]
    for i in range(3):
        nodes[i].left, nodes[i].right = nodes[2 * i + 1], nodes[2 * i + 2]
    print(Solution().lowestCommonAncestor(nodes[0], nodes[3], nodes[4]).val)  # 5
