class Solution:
    def postorderTraversal(self, root: Optional[TreeNode]) -> List[int]:
        if root is None:
            return []
        res = []
        visited = set()
        stack = [root]
        while stack:
            node = stack[-1]
            left_done = node.left is None or node.left.val in visited
            right_done = node.right is None or node.right.val in visited
            if left_done and right_done:
                stack.pop()
                res.append(node.val)
                visited.add(node.val)
            else:
                if not right_done:
                    stack.append(node.right)
                if not left_done:
                    stack.append(node.left)
        return res
