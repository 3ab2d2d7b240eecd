"""
## Recursion

Inorder means: the whole left subtree first, then the node itself, then the whole right
subtree. A helper `visit(node)` does exactly that: it returns at once on an empty subtree,
otherwise it calls itself on `node.left`, appends `node.val` to the answer, and calls itself
on `node.right`. All calls share one output list, so no list is copied.

## Why it is correct

By induction on the size of the subtree: an empty subtree contributes nothing, and for a
non-empty one the helper writes (by the induction hypothesis) the inorder of the left
subtree, then the root, then the inorder of the right subtree, which is the definition of
inorder. Values need not be distinct; the helper never looks at them, only at the node
structure.

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
    def inorderTraversal(self, root: Optional[TreeNode]) -> List[int]:
        out = []

        def visit(node):
            if node is None:
                return
            visit(node.left)
            out.append(node.val)
            visit(node.right)

        visit(root)
        return out


class SolutionIterative:
    """
    ## Explicit stack

    Keep the path of nodes whose left subtree is being walked. From `cur`, push nodes while
    going left until there is no left child; then pop the top node, output it (its left
    subtree is finished), and continue from its right child. The loop ends when there is no
    current node and the stack is empty. This replays the recursion's order without using
    the call stack.

    `O(n)` time: each node is pushed and popped once. `O(h)` stack space.
    """

    def inorderTraversal(self, root: Optional[TreeNode]) -> List[int]:
        out = []
        stack = []
        cur = root
        while cur or stack:
            while cur:
                stack.append(cur)
                cur = cur.left
            cur = stack.pop()
            out.append(cur.val)
            cur = cur.right
        return out


class SolutionColorMarking:
    """
    ## Colour marking

    Push `(node, visited)` pairs. A node popped with `visited = False` ("white") is not
    output yet: it is expanded by pushing its children and itself back, marked `True`
    ("grey"), in the reverse of the wanted order. For inorder that is right child, the node,
    then left child, so the whole left subtree is popped before the node comes back. A grey
    node is simply output. Empty children are pushed too and skipped when popped.

    The same loop gives preorder or postorder by changing only the push order, which is
    why this template is popular. `O(n)` time and `O(n)` space in the worst case.
    """

    def inorderTraversal(self, root: Optional[TreeNode]) -> List[int]:
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
                stack.append((node, True))
                stack.append((node.left, False))
        return out


class SolutionMorris:
    """
    ## Morris traversal

    Walk the tree with no stack by borrowing empty right pointers. At node `cur`:

    - with no left child, output `cur` and move right;
    - otherwise find `pre`, the rightmost node of the left subtree (`cur`'s inorder
      predecessor). If `pre.right` is empty, this is the first arrival at `cur`: set the
      thread `pre.right = cur` and go left without output. If `pre.right` already is `cur`,
      the left subtree has just been output and we came back along the thread: remove it
      (`pre.right = None`), output `cur`, and go right.

    Every thread is removed on the second arrival, so the tree is left exactly as it was.
    `O(n)` time (each edge is walked at most a constant number of times while searching for
    predecessors) and `O(1)` extra space besides the output.
    """

    def inorderTraversal(self, root: Optional[TreeNode]) -> List[int]:
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
                pre.right = cur
                cur = cur.left
            else:
                pre.right = None
                out.append(cur.val)
                cur = cur.right
        return out
