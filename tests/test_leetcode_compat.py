"""A solution pasted verbatim from LeetCode gets LeetCode's verdict."""

from __future__ import annotations

from conftest import write
from judge.grading import Finished, grade
from judge.references import prepare_cases
from judge.submission import read_submission

PASTED_LCA = """\
# Definition for a binary tree node.
# class TreeNode:
#     def __init__(self, x):
#         self.val = x
#         self.left = None
#         self.right = None

class Solution:
    def lowestCommonAncestor(self, root: 'TreeNode', p: 'TreeNode', q: 'TreeNode') -> 'TreeNode':
        parent: Dict[TreeNode, Optional[TreeNode]] = {root: None}
        queue = deque([root])
        while p not in parent or q not in parent:
            node = queue.popleft()
            for child in (node.left, node.right):
                if child:
                    parent[child] = node
                    queue.append(child)
        seen = set()
        while p:
            seen.add(p)
            p = parent[p]
        while q not in seen:
            q = parent[q]
        return q
"""

PASTED_CONTAINER = """\
class Solution:
    def maxArea(self, height: List[int]) -> int:
        i, j, best = 0, len(height) - 1, 0
        while i < j:
            best = max(best, min(height[i], height[j]) * (j - i))
            if height[i] < height[j]:
                i += 1
            else:
                j -= 1
        print("debug", best)
        return best


if __name__ == "__main__":
    print(Solution().maxArea([int(x) for x in input().split()]))
"""


def verdict(catalog, slug, path):
    problem = catalog.get(slug)
    events = list(grade(problem, read_submission(path), prepare_cases(problem)))
    assert isinstance(events[-1], Finished)
    return events[-1].result


def test_pasted_solution_with_prelude_names_is_accepted(catalog, tmp_path):
    path = write(tmp_path / "lca.py", PASTED_LCA)
    assert verdict(catalog, "lowest-common-ancestor", path).verdict.value == "AC"


def test_windows_line_ends_bom_prints_and_main_block(catalog, tmp_path):
    path = tmp_path / "c.py"
    path.write_bytes(b"\xef\xbb\xbf" + PASTED_CONTAINER.replace("\n", "\r\n").encode())
    assert verdict(catalog, "container-with-most-water", path).verdict.value == "AC"


def test_merge_rebinding_nums1_is_wrong_answer(catalog, tmp_path):
    source = (
        "class Solution:\n"
        "    def merge(self, nums1: List[int], m: int, nums2: List[int], n: int) -> None:\n"
        "        nums1 = sorted(nums1[:m] + nums2)\n"
    )
    result = verdict(catalog, "merge-sorted-array", write(tmp_path / "m.py", source))
    assert result.verdict.value == "WA"
    assert result.failure.output == [1, 2, 3, 0, 0, 0]


def test_merge_returning_a_new_list_is_wrong_answer(catalog, tmp_path):
    source = (
        "class Solution:\n"
        "    def merge(self, nums1, m, nums2, n):\n"
        "        return sorted(nums1[:m] + nums2)\n"
    )
    assert (
        verdict(catalog, "merge-sorted-array", write(tmp_path / "m.py", source)).verdict.value
        == "WA"
    )


def test_own_tree_node_class_still_runs(catalog, tmp_path):
    source = (
        "class TreeNode:\n"
        "    def __init__(self, x):\n"
        "        self.val = x\n"
        "        self.left = self.right = None\n\n" + PASTED_LCA
    )
    path = write(tmp_path / "lca.py", source)
    assert verdict(catalog, "lowest-common-ancestor", path).verdict.value == "AC"


# The two-pointer body of a correct `maxArea`, after what a test puts first; `best` is the answer.
MAX_AREA = (
    "        i, j, best = 0, len(height) - 1, 0\n"
    "        while i < j:\n"
    "            best = max(best, min(height[i], height[j]) * (j - i))\n"
    "            if height[i] < height[j]: i += 1\n"
    "            else: j -= 1\n"
)


def test_sortedcontainers_and_tree_node_constructors_are_available(catalog, tmp_path):
    source = (
        "from sortedcontainers import SortedList\n"
        "class Solution:\n"
        "    def maxArea(self, height):\n"
        "        TreeNode(1); TreeNode(val=0, left=None, right=None)\n"
        "        s = SortedList(height)\n" + MAX_AREA + "        return best if s else 0\n"
    )
    path = write(tmp_path / "c.py", source)
    assert verdict(catalog, "container-with-most-water", path).verdict.value == "AC"


def test_a_solution_runs_with_the_garbage_collector_on(catalog, tmp_path):
    # Python starts with the collector on, and so does LeetCode's: the sandbox turns it off
    # while it loads, and must turn it back on before any solution code runs.
    source = (
        "import gc\n"
        "ON_AT_LOAD = gc.isenabled()\n"
        "class Solution:\n"
        "    def maxArea(self, height):\n"
        "        if not (ON_AT_LOAD and gc.isenabled()):\n"
        "            return -1\n" + MAX_AREA + "        return best\n"
    )
    path = write(tmp_path / "c.py", source)
    assert verdict(catalog, "container-with-most-water", path).verdict.value == "AC"
