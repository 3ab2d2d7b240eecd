class Solution:
    def levelOrder(self, root: Optional[TreeNode]) -> List[List[int]]:
        if not root:
            return []
        res = []
        depth = {root.val: 0}
        q = deque([root])
        while q:
            node = q.popleft()
            d = depth[node.val]
            if d == len(res):
                res.append([])
            res[d].append(node.val)
            for child in (node.left, node.right):
                if child:
                    depth[child.val] = d + 1
                    q.append(child)
        return res
