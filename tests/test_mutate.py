"""`judge.mutate`: each kind of mutant, made in the source text with the rest of the file kept."""

from __future__ import annotations

import pytest

from judge.mutate import (
    ARITHMETIC,
    ATTRIBUTE,
    BOOLEAN,
    BOUND,
    BRANCHES,
    CONDITION,
    CONSTANT,
    INDEX,
    LOOP_EXIT,
    MIN_MAX,
    REMOVED,
    SourceError,
    mutants,
)


def diffs(body: str, kind: str | None = None) -> list[str]:
    """The diff lines of the mutants of a one-method class around `body` (of that kind)."""
    indented = "".join(f"        {line}\n" for line in body.splitlines())
    source = f"class Solution:\n    def f(self, a, b, nums, node):\n{indented}"
    return [m.diff for m in mutants(source) if kind is None or m.kind == kind]


@pytest.mark.parametrize(
    ("kind", "body", "expected"),
    [
        (
            "comparison",
            "return a < b",
            ["line 3: return a < b → return a <= b"],
        ),
        (
            "comparison",
            "return a is None or b in nums",
            [
                "line 3: return a is None or b in nums → return a is not None or b in nums",
                "line 3: return a is None or b in nums → return a is None or b not in nums",
            ],
        ),
        (
            ARITHMETIC,
            "return a - b * 2",
            [
                "line 3: return a - b * 2 → return a + b * 2",
                "line 3: return a - b * 2 → return a - b // 2",
            ],
        ),
        (ARITHMETIC, "a += b", ["line 3: a += b → a -= b"]),
        (
            BOOLEAN,
            "return a and not b",
            [
                "line 3: return a and not b → return a or not b",
                "line 3: return a and not b → return a and b",
            ],
        ),
        (CONSTANT, "return -1", ["line 3: return -1 → return 0", "line 3: return -1 → return -2"]),
        (
            CONSTANT,
            "return sorted(nums, reverse=True)",
            ["line 3: return sorted(nums, reverse=True) → return sorted(nums, reverse=False)"],
        ),
        (
            BOUND,
            "return nums[a:b]",
            [
                "line 3: return nums[a:b] → return nums[a + 1:b]",
                "line 3: return nums[a:b] → return nums[a - 1:b]",
                "line 3: return nums[a:b] → return nums[a:b + 1]",
                "line 3: return nums[a:b] → return nums[a:b - 1]",
            ],
        ),
        (
            BOUND,
            "return range(len(nums))",
            [
                "line 3: return range(len(nums)) → return range(len(nums) + 1)",
                "line 3: return range(len(nums)) → return range(len(nums) - 1)",
            ],
        ),
        (
            INDEX,
            "return nums[a]",
            [
                "line 3: return nums[a] → return nums[a + 1]",
                "line 3: return nums[a] → return nums[a - 1]",
            ],
        ),
        (MIN_MAX, "return min(a, b)", ["line 3: return min(a, b) → return max(a, b)"]),
        (ATTRIBUTE, "return node.left", ["line 3: return node.left → return node.right"]),
        (CONDITION, "while a < b:\n    a += 1", ["line 3: while a < b: → while not a < b:"]),
        (
            BRANCHES,
            "if a > b:\n    return a\nelse:\n    return b",
            ["line 3: if a > b: → if not a > b:"],
        ),
        (
            BRANCHES,
            "return a if b else 0",
            ["line 3: return a if b else 0 → return a if not b else 0"],
        ),
        (LOOP_EXIT, "for x in nums:\n    break", ["line 4: break → continue"]),
        (REMOVED, "a = 1\nreturn a", ["line 3: a = 1 → pass", "line 4: return a → pass"]),
    ],
)
def test_each_kind_makes_its_mutant(kind, body, expected):
    assert diffs(body, kind) == expected


def test_the_mutant_source_differs_only_where_it_says():
    source = (
        "import math\n\n\nclass Solution:\n"
        "    def f(self, a):  # the method\n"
        "        return a + 1  # add one\n"
    )
    first = next(m for m in mutants(source) if m.kind == ARITHMETIC)
    assert first.source == source.replace("a + 1", "a - 1")
    assert (first.line, first.before, first.after) == (6, "return a + 1", "return a - 1")


def test_a_change_that_would_reassociate_is_put_in_parentheses():
    # `a | b & c` with `&` made `|` would read `a | b | c`: the same value, another tree.
    assert diffs("return a | b & 1", ARITHMETIC) == [
        "line 3: return a | b & 1 → return a & (b & 1)",
        "line 3: return a | b & 1 → return a | (b | 1)",
    ]
    assert diffs("while a and b:\n    a -= 1", CONDITION) == [
        "line 3: while a and b: → while not (a and b):"
    ]


def test_only_class_solution_is_mutated_and_order_is_stable():
    source = (
        "def helper(x):\n    return x + 1\n\n\n"
        "class Solution:\n    def f(self, a):\n        return a < 2\n\n\n"
        "class SolutionSlow:\n    def f(self, a):\n        return a > 3\n"
    )
    made = mutants(source)
    assert [m.line for m in made] == [7, 7, 7, 7]
    assert [m.number for m in made] == [1, 2, 3, 4]
    assert [m.diff for m in made] == [m.diff for m in mutants(source)]


def test_docstrings_annotations_and_duplicates_are_left_alone():
    source = (
        "class Solution:\n"
        "    def f(self, nums: List[int], k: int = 0) -> int:\n"
        '        """Sum."""\n'
        "        return not nums\n"
    )
    head = "def f(self, nums: List[int], k: int = {}) -> int:"
    assert [m.diff for m in mutants(source)] == [
        f"line 2: {head.format(0)} → {head.format(1)}",
        f"line 2: {head.format(0)} → {head.format(-1)}",
        "line 4: return not nums → pass",
        "line 4: return not nums → return nums",
    ]


def test_a_file_without_class_solution_is_refused():
    with pytest.raises(SourceError, match="no `class Solution`"):
        mutants("def f():\n    return 1\n")
    with pytest.raises(SourceError, match="does not parse"):
        mutants("class Solution:\n    def f(self:\n")
