# problem: lowest-common-ancestor
# verdict: AC
# python: 3.11


import threading


class Solution:
    def lowestCommonAncestor(self, root: "TreeNode", p: "TreeNode", q: "TreeNode") -> "TreeNode":
        # The same walk as deep-recursion.py (10^5 deep on a path-shaped tree), in a thread
        # of its own: Python calls take no C stack, so the thread's small stack is enough.
        box = {}

        def run():
            try:
                box["answer"] = self.walk(root, p, q)
            except BaseException as exc:
                box["error"] = exc

        thread = threading.Thread(target=run)
        thread.start()
        thread.join()
        if "error" in box:
            raise box["error"]
        return box["answer"]

    def walk(self, root, p, q):
        if root is None or root is p or root is q:
            return root
        left = self.walk(root.left, p, q)
        right = self.walk(root.right, p, q)
        return root if left and right else left or right
