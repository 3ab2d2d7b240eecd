"""
## Breadth-first search, one level at a time

Keep a queue (`deque`) that, at the start of each round, holds exactly the nodes of one
level, from left to right. Note how many there are, pop that many nodes, record their
values as this level's list, and append each popped node's left child and then its right
child to the back of the queue. After the round the queue holds exactly the next level,
again from left to right. Stop when the queue is empty. An empty tree gives no rounds and
so the empty list.

## Why it is correct

By induction on the level: the queue starts with the root alone, which is level 0. If the
queue holds level `d` from left to right, then the children appended while popping it are
all nodes of level `d + 1` (every node of level `d + 1` has its parent on level `d`), and
they arrive in left-to-right order because the parents are taken left to right and each
parent's left child precedes its right child. Nodes are placed by position, not by value,
so repeated values need no care.

## Complexity

- Time: `O(n)`: every node is appended and popped once.
- Space: `O(w)` for the queue, `w` being the widest level (up to about `n / 2`), plus the
  `O(n)` output. No recursion, so a path-shaped tree of 2000 levels is no problem.
"""

# Definition for a binary tree node.
# class TreeNode:
#     def __init__(self, val=0, left=None, right=None):
#         self.val = val
#         self.left = left
#         self.right = right


class Solution:
    def levelOrder(self, root: Optional[TreeNode]) -> List[List[int]]:
        if root is None:
            return []
        levels = []
        queue = deque([root])
        while queue:
            level = []
            for _ in range(len(queue)):
                node = queue.popleft()
                level.append(node.val)
                if node.left:
                    queue.append(node.left)
                if node.right:
                    queue.append(node.right)
            levels.append(level)
        return levels


class SolutionDFS:
    """
    ## Depth-first search with a depth index

    Walk the tree in preorder (node, left subtree, right subtree), passing each node its
    depth. The first time a depth is reached, `depth == len(levels)`, so a new empty list
    is appended; then the node's value goes to `levels[depth]`. Preorder with the left
    subtree first meets the nodes of any one level from left to right, so each inner list
    comes out in the right order even though levels are filled in an interleaved way.
    `O(n)` time, `O(h)` call stack for a tree of height `h`: up to 2000 nested calls on a
    path-shaped tree, beyond Python's default limit of 1000, so the recursion limit is
    raised (LeetCode and this judge run with a high limit already).
    """

    def levelOrder(self, root: Optional[TreeNode]) -> List[List[int]]:
        sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
        levels = []

        def visit(node, depth):
            if node is None:
                return
            if depth == len(levels):
                levels.append([])
            levels[depth].append(node.val)
            visit(node.left, depth + 1)
            visit(node.right, depth + 1)

        visit(root, 0)
        return levels


class SolutionTwoLists:
    """
    ## Current and next level lists

    The same breadth-first idea without a queue: hold the current level as a plain list,
    record its values, and build the next level as a new list of the children, left child
    before right child, parent by parent. Replace the current list by the next one until it
    is empty. `O(n)` time, `O(w)` extra space for the two lists.
    """

    def levelOrder(self, root: Optional[TreeNode]) -> List[List[int]]:
        levels = []
        current = [root] if root else []
        while current:
            levels.append([node.val for node in current])
            nxt = []
            for node in current:
                if node.left:
                    nxt.append(node.left)
                if node.right:
                    nxt.append(node.right)
            current = nxt
        return levels
