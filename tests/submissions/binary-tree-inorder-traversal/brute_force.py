class Solution:
    def inorderTraversal(self, root):
        # straight from the definition: left subtree, then root, then right subtree
        if root is None:
            return []
        return self.inorderTraversal(root.left) + [root.val] + self.inorderTraversal(root.right)
