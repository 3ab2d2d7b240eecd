class Solution:
    def levelOrder(self, root: Optional[TreeNode]) -> List[List[int]]:
        # label every node with its depth and its left-to-right position (a path of 0/1 turns)
        labelled = []
        stack = [(root, 0, ())]
        while stack:
            node, depth, path = stack.pop()
            if node is None:
                continue
            labelled.append((depth, path, node.val))
            stack.append((node.left, depth + 1, path + (0,)))
            stack.append((node.right, depth + 1, path + (1,)))
        labelled.sort()
        res = []
        for depth, _, val in labelled:
            if depth == len(res):
                res.append([])
            res[depth].append(val)
        return res
