class Solution:
    def preorderTraversal(self, root):
        # straight from the definition: root, then left subtree, then right subtree
        if root is None:
            return []
        return [root.val] + self.preorderTraversal(root.left) + self.preorderTraversal(root.right)
