class Solution:
    def levelOrder(self, root: Optional[TreeNode]) -> List[List[int]]:
        if root is None:
            return []
        # queue of (node, level) pairs, list used as a queue
        queue = [(root, 0)]
        res = []
        while queue:
            node, lvl = queue.pop(0)
            if lvl == len(res):
                res.append([])
            res[lvl].append(node.val)
            if node.left:
                queue.append((node.left, lvl + 1))
            if node.right:
                queue.append((node.right, lvl + 1))
        return res
