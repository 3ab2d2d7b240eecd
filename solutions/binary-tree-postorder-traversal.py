"""
## Recursion

Postorder is defined recursively, so the code follows the definition: visit the left
subtree, then the right subtree, then append the node's own value. An empty subtree
(`None`) contributes nothing. One result list is shared by all calls, so nothing is copied.

## Why it is correct

By induction on the size of the subtree: for `None` the helper appends nothing, which is
the postorder of an empty tree. For a node, the two recursive calls append, by the
induction hypothesis, the postorder of the left subtree and then that of the right subtree,
and the node's value comes after both: exactly the definition. Nodes are told apart by
position, never by value, so repeated values need no special care.

## Complexity

- Time: `O(n)`: the helper runs once per node and once per missing child.
- Space: `O(h)` for the call stack, `h` being the height of the tree (`n` for a path-shaped
  tree of 100 nodes, which is well within Python's default recursion limit), plus the
  `O(n)` output.
"""

# Definition for a binary tree node.
# class TreeNode:
#     def __init__(self, val=0, left=None, right=None):
#         self.val = val
#         self.left = left
#         self.right = right


class Solution:
    def postorderTraversal(self, root: Optional[TreeNode]) -> List[int]:
        out = []

        def visit(node):
            if node is None:
                return
            visit(node.left)
            visit(node.right)
            out.append(node.val)

        visit(root)
        return out


class SolutionIterative:
    """
    ## One stack and a last-visited pointer

    Simulate the recursion. Walk down the left spine pushing every node. Look at the top of
    the stack: if it has a right child that has not been finished yet, walk down that
    child's left spine next; otherwise the node's both subtrees are done, so pop it, output
    its value and remember it as the last finished node. A right child has been finished
    exactly when it is the node finished just before its parent is looked at again, because
    a right subtree's root is the last node of that subtree in postorder. The pointer
    compares node objects (`is`), never values, so duplicates are safe.
    `O(n)` time (every node is pushed and popped once), `O(h)` stack.
    """

    def postorderTraversal(self, root: Optional[TreeNode]) -> List[int]:
        out = []
        stack = []
        node = root
        last = None
        while node or stack:
            while node:
                stack.append(node)
                node = node.left
            top = stack[-1]
            if top.right is not None and top.right is not last:
                node = top.right
            else:
                stack.pop()
                out.append(top.val)
                last = top
        return out


class SolutionReversedPreorder:
    """
    ## Reversed root-right-left preorder

    A preorder that visits the right subtree before the left one produces
    node, right subtree, left subtree. Reversing that sequence (applied recursively to each
    part) gives left subtree, right subtree, node: the postorder. The mirrored preorder is
    easy with a stack: pop a node, output it, push its left child and then its right child
    (so the right one is popped first). Finally reverse the output list.
    `O(n)` time, `O(n)` extra space for the stack and the list.
    """

    def postorderTraversal(self, root: Optional[TreeNode]) -> List[int]:
        if root is None:
            return []
        out = []
        stack = [root]
        while stack:
            node = stack.pop()
            out.append(node.val)
            if node.left:
                stack.append(node.left)
            if node.right:
                stack.append(node.right)
        out.reverse()
        return out


class SolutionColorMarking:
    """
    ## Color marking

    Push `(node, visited)` pairs. Popping an unvisited node means its subtrees still have to
    be expanded: push the node back marked as visited, then its right child, then its left
    child, so they come off the stack as left subtree, right subtree, node. Popping a
    visited node outputs its value. Missing children are pushed too and simply skipped.
    Changing the push order gives preorder or inorder with the same loop.
    `O(n)` time (each node is pushed twice), `O(n)` stack.
    """

    def postorderTraversal(self, root: Optional[TreeNode]) -> List[int]:
        out = []
        stack = [(root, False)]
        while stack:
            node, visited = stack.pop()
            if node is None:
                continue
            if visited:
                out.append(node.val)
            else:
                stack.append((node, True))
                stack.append((node.right, False))
                stack.append((node.left, False))
        return out
