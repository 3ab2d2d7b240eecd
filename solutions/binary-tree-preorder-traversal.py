"""
## Recursion

Preorder means: the node itself first, then its whole left subtree, then its whole right
subtree. A helper `visit(node)` does exactly that: it returns at once on an empty subtree,
otherwise it appends `node.val` to the answer and calls itself on `node.left` and then on
`node.right`. All calls share one output list, so no list is copied.

## Why it is correct

By induction on the size of the subtree: an empty subtree contributes nothing, and for a
non-empty one the helper writes the root, then (by the induction hypothesis) the preorder of
the left subtree, then the preorder of the right subtree, which is the definition of preorder.
Values need not be distinct; the helper never looks at them, only at the node structure.

## Complexity

- Time: `O(n)`: every node is visited once, and every empty child costs one extra call.
- Space: `O(h)` for the call stack, `h` being the height of the tree (at most `n = 100`
  here, far below Python's default recursion limit), plus the output list.
"""

# Definition for a binary tree node.
# class TreeNode:
#     def __init__(self, val=0, left=None, right=None):
#         self.val = val
#         self.left = left
#         self.right = right


class Solution:
    def preorderTraversal(self, root: Optional[TreeNode]) -> List[int]:
        out = []

        def visit(node):
            if node is None:
                return
            out.append(node.val)
            visit(node.left)
            visit(node.right)

        visit(root)
        return out


class SolutionIterative:
    """
    ## Explicit stack

    Keep a stack of nodes still to visit, starting with the root. Pop a node, record its
    value, then push its right child and after it its left child: the stack is last-in
    first-out, so the left subtree is finished completely before the right child comes back
    to the top. Empty children are never pushed. This replays the recursion's order without
    using the call stack.

    `O(n)` time; `O(h)` stack space (at most one pending right child per level plus the
    current path).
    """

    def preorderTraversal(self, root: Optional[TreeNode]) -> List[int]:
        out = []
        stack = [root] if root else []
        while stack:
            node = stack.pop()
            out.append(node.val)
            if node.right:
                stack.append(node.right)
            if node.left:
                stack.append(node.left)
        return out


class SolutionColorMarking:
    """
    ## Colour marking

    Push `(node, visited)` pairs. A node popped with `visited = False` ("white") is not
    output yet: it is expanded by pushing its children and itself back, marked `True`
    ("grey"), in the reverse of the wanted order. For preorder that is right child, left
    child, then the node, so the node is popped (and output) first. A grey node is simply
    output. Empty children are pushed too and skipped when popped.

    The same loop gives inorder or postorder by changing only the push order, which is
    why this template is popular. `O(n)` time and `O(n)` space in the worst case.
    """

    def preorderTraversal(self, root: Optional[TreeNode]) -> List[int]:
        out = []
        stack = [(root, False)]
        while stack:
            node, visited = stack.pop()
            if node is None:
                continue
            if visited:
                out.append(node.val)
            else:
                stack.append((node.right, False))
                stack.append((node.left, False))
                stack.append((node, True))
        return out


class SolutionMorris:
    """
    ## Morris traversal

    Walk the tree with no stack by borrowing empty right pointers. At node `cur`:

    - with no left child, output `cur` and move right;
    - otherwise find `pre`, the rightmost node of the left subtree (the node visited just
      before the walk must come back to `cur`'s right side). If `pre.right` is empty, this is
      the first arrival at `cur`: output `cur`, set the thread `pre.right = cur` and go
      left. If `pre.right` already is `cur`, the left subtree is done and we came back along
      the thread: remove it (`pre.right = None`) and go right.

    Every thread is removed on the second arrival, so the tree is left exactly as it was.
    `O(n)` time (each edge is walked at most a constant number of times while searching for
    predecessors) and `O(1)` extra space besides the output.
    """

    def preorderTraversal(self, root: Optional[TreeNode]) -> List[int]:
        out = []
        cur = root
        while cur:
            if cur.left is None:
                out.append(cur.val)
                cur = cur.right
                continue
            pre = cur.left
            while pre.right and pre.right is not cur:
                pre = pre.right
            if pre.right is None:
                out.append(cur.val)
                pre.right = cur
                cur = cur.left
            else:
                pre.right = None
                cur = cur.right
        return out
