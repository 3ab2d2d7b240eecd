class Solution:
    def levelOrder(self, root: Optional[TreeNode]) -> List[List[int]]:
        if not root:
            return []
        res = []
        level = [root]
        while level:
            res.append([node.val for node in level])
            nxt = []
            for node in level:
                nxt.append(node.left)
                nxt.append(node.right)
            level = nxt
        return res
