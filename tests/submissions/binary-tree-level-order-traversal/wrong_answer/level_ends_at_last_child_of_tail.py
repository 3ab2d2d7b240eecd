class Solution:
    def levelOrder(self, root: Optional[TreeNode]) -> List[List[int]]:
        if not root:
            return []
        res, level = [], []
        q = deque([root])
        tail = root  # last node of the current level
        while q:
            node = q.popleft()
            level.append(node.val)
            if node.left:
                q.append(node.left)
            if node.right:
                q.append(node.right)
            if node is tail:
                res.append(level)
                level = []
                # the next level ends with the rightmost child of this level's last node
                tail = node.right or node.left
        if level:
            res.append(level)
        return res
