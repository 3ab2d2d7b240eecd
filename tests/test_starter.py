"""`judge new`: the starter file is LeetCode's editor with the problem above it, it runs as it
is, and it is written where asked without ever clobbering a file."""

from __future__ import annotations

import ast
import os
import subprocess
import sys

import pytest
from test_spec import GOOD

from conftest import REPO, judge_file, run_judge, write
from judge import codecs
from judge.catalog import Catalog, load_problem
from judge.results import Verdict
from judge.starter import WIDTH, comment, plain, starter

SLUGS = sorted(Catalog().paths)


def _comments(text: str) -> str:
    """The comment lines' text, with line breaks and indents folded into single spaces."""
    lines = [line[1:] for line in text.splitlines() if line.startswith("#")]
    return " ".join(" ".join(lines).split())


def _folded(text: str) -> str:
    return " ".join(plain(text).split())


def _ruff(*args: str, text: str, name: str) -> subprocess.CompletedProcess:
    """ruff on `text` as if it were the file `name` of the repository (its per-file rules)."""
    command = [sys.executable, "-m", "ruff", *args, "--stdin-filename", name, "-"]
    return subprocess.run(command, input=text, cwd=REPO, capture_output=True, text=True)


@pytest.mark.parametrize("slug", SLUGS)
def test_starter_has_the_problem_and_leetcodes_method(slug, catalog):
    problem = catalog.get(slug)
    text = starter(problem)
    compile(text, f"{slug}.py", "exec")
    classes = [node for node in ast.parse(text).body if isinstance(node, ast.ClassDef)]
    assert [c.name for c in classes] == ["Solution"]
    (method,) = classes[0].body
    assert isinstance(method, ast.FunctionDef) and method.name == problem.method
    assert [a.arg for a in method.args.args] == ["self", *(p.name for p in problem.params)]
    assert f"\n{problem.signature()}\n" in text

    lines = text.splitlines()
    assert lines[0] == f"# {problem.number}. {problem.title} ({problem.difficulty})"
    for case in problem.examples:
        assert f"# Input: {problem.format_input(case.input)}" in lines
        assert f"# Output: {codecs.show(case.expected)}" in lines
        if case.explanation:
            assert _folded(f"Explanation: {case.explanation}") in _comments(text)
    assert _folded(problem.statement) in _comments(text)
    for constraint in problem.constraints:
        assert f"- {_folded(constraint)}" in _comments(text)

    trees = any(p.type == "TreeNode" for p in problem.params)
    assert ("# Definition for a binary tree node." in lines) == trees
    if trees:
        init = (
            "(self, x)"
            if slug == "lowest-common-ancestor"
            else "(self, val=0, left=None, right=None)"
        )
        assert f"#     def __init__{init}:" in lines
        assert lines[lines.index("class Solution:") - 1].startswith("#         self.")


@pytest.mark.parametrize("slug", SLUGS)
def test_starter_is_clean_for_ruff_as_a_solution(slug, catalog):
    problem = catalog.get(slug)
    text = starter(problem)
    name = f"solutions/{slug}.py"  # where List, Optional and TreeNode come from LeetCode's scope
    check = _ruff("check", text=text, name=name)
    assert check.returncode == 0, check.stdout + check.stderr
    # LeetCode writes 'TreeNode' in single quotes for lowest common ancestor; that is the one
    # thing ruff's formatter would change.
    assert ("'TreeNode'" in text) == problem.takes_nodes
    unquoted = text.replace("'TreeNode'", '"TreeNode"')
    formatted = _ruff("format", "--check", text=unquoted, name=name)
    assert formatted.returncode == 0, formatted.stdout + formatted.stderr
    assert max(len(line) for line in text.splitlines()) <= 100


@pytest.mark.parametrize("slug", SLUGS)
def test_the_untouched_starter_is_judged_a_wrong_answer(slug, catalog, tmp_path):
    path = write(tmp_path / f"{slug}.py", starter(catalog.get(slug)))
    assert judge_file(catalog, path, slug).verdict is Verdict.WA


def test_in_place_method_is_leetcodes_with_its_docstring(catalog):
    text = starter(catalog.get("merge-sorted-array"))
    assert text.endswith(
        "\n\n\nclass Solution:\n"
        "    def merge(self, nums1: List[int], m: int, nums2: List[int], n: int) -> None:\n"
        '        """\n'
        "        Do not return anything, modify nums1 in-place instead.\n"
        '        """\n'
        "        pass\n"
    )


def test_lowest_common_ancestor_has_leetcodes_older_tree_node(catalog):
    text = starter(catalog.get("lowest-common-ancestor"))
    assert text.endswith(
        "\n\n\n# Definition for a binary tree node.\n"
        "# class TreeNode:\n"
        "#     def __init__(self, x):\n"
        "#         self.val = x\n"
        "#         self.left = None\n"
        "#         self.right = None\n"
        "class Solution:\n"
        "    def lowestCommonAncestor(self, root: 'TreeNode', p: 'TreeNode', q: 'TreeNode') "
        "-> 'TreeNode':\n"
        "        return None\n"
    )


def test_traversal_has_leetcodes_tree_node(catalog):
    text = starter(catalog.get("binary-tree-inorder-traversal"))
    assert text.endswith(
        "\n\n\n# Definition for a binary tree node.\n"
        "# class TreeNode:\n"
        "#     def __init__(self, val=0, left=None, right=None):\n"
        "#         self.val = val\n"
        "#         self.left = left\n"
        "#         self.right = right\n"
        "class Solution:\n"
        "    def inorderTraversal(self, root: Optional[TreeNode]) -> List[int]:\n"
        "        return []\n"
    )


@pytest.mark.parametrize(
    "returns, expected",
    [
        ("int", "3"),
        ("float", "1.5"),
        ("str", '"x"'),
        ("List[str]", '["x"]'),
        ("List[List[int]]", "[[3]]"),
        ("TreeNode", "[3]"),
    ],
)
def test_the_body_returns_a_value_of_the_answer_type(returns, expected, tmp_path):
    spec = GOOD.replace("returns: int", f"returns: {returns}")
    problem = load_problem(
        write(tmp_path / "add.yaml", spec.replace("expected: 3", f"expected: {expected}"))
    )
    scope = {"List": list, "Optional": None, "TreeNode": codecs.TreeNode}
    exec(compile(starter(problem), "add.py", "exec"), scope)
    answer = scope["Solution"]().add(1, 2)
    answer_type = codecs.parse_type(returns)
    assert codecs.conforms(codecs.plain(answer, answer_type), answer_type)


def test_long_statement_lines_wrap_under_their_list_item():
    text = "A short line.\n\n- " + "word " * 40 + "\n```\n    code stays\n```\n"
    lines = comment(text)
    assert lines[:2] == ["# A short line.", "#"]
    assert all(len(line) <= WIDTH for line in lines)
    assert lines[2].startswith("# - word") and lines[3].startswith("#   word")
    assert lines[-3:] == ["# ```", "#     code stays", "# ```"]


def test_bold_markers_go_but_code_stays_as_written():
    assert (
        plain("**Follow-up:** keep `2**31 - 1` and `a**b`")
        == "Follow-up: keep `2**31 - 1` and `a**b`"
    )


def test_a_one_line_statement_is_wrapped(tmp_path):
    long = "Add the two numbers " + "and think about it carefully " * 10
    path = write(tmp_path / "add.yaml", GOOD.replace("Add two numbers.", long.strip()))
    lines = starter(load_problem(path)).splitlines()
    assert all(len(line) <= WIDTH for line in lines if line.startswith("#"))
    assert _folded(long) in _comments("\n".join(lines))


# The command


def test_new_writes_slug_py_in_the_current_folder(invoke, catalog, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("new", "merge-sorted-array")
    assert result.exit_code == 0, result.stderr
    assert os.listdir(tmp_path) == ["merge-sorted-array.py"]  # and no temporary file left
    written = (tmp_path / "merge-sorted-array.py").read_text()
    assert written == starter(catalog.get("merge-sorted-array"))
    assert result.stdout.splitlines() == [
        "wrote merge-sorted-array.py, then:",
        "  judge run merge-sorted-array.py",
        "  judge submit merge-sorted-array.py",
        "  judge watch merge-sorted-array.py",
    ]
    assert result.stderr == ""


@pytest.mark.parametrize("number, slug", [("88", "merge-sorted-array"), ("17.14", "smallest-k")])
def test_new_takes_the_problem_number(invoke, catalog, number, slug, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert invoke("new", number).exit_code == 0
    assert (tmp_path / f"{slug}.py").read_text() == starter(catalog.get(slug))


@pytest.mark.parametrize("given", ["out", "out/"])
def test_new_into_a_folder(invoke, tmp_path, monkeypatch, given):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "out").mkdir()
    result = invoke("new", "maximum-gap", "-o", given)
    assert result.exit_code == 0
    assert os.listdir(tmp_path / "out") == ["maximum-gap.py"]
    assert "judge submit out/maximum-gap.py" in result.stdout


def test_new_to_a_file(invoke, catalog, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("new", "maximum-gap", "--output", "mine.py")
    assert result.exit_code == 0
    assert os.listdir(tmp_path) == ["mine.py"]
    assert (tmp_path / "mine.py").read_text() == starter(catalog.get("maximum-gap"))


def test_new_to_standard_output_writes_no_file(invoke, catalog, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("new", "lowest-common-ancestor", "-o", "-")
    assert result.exit_code == 0
    assert result.stdout == starter(catalog.get("lowest-common-ancestor"))
    assert os.listdir(tmp_path) == []


def test_new_never_overwrites_without_force(invoke, catalog, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    mine = write(tmp_path / "merge-sorted-array.py", "my work\n")
    result = invoke("new", "merge-sorted-array")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        "Error: merge-sorted-array.py already exists; pass --force to overwrite it"
    ]
    assert mine.read_text() == "my work\n"
    assert invoke("new", "merge-sorted-array", "-o", ".").exit_code == 2
    assert mine.read_text() == "my work\n"
    result = invoke("new", "merge-sorted-array", "--force")
    assert result.exit_code == 0
    assert mine.read_text() == starter(catalog.get("merge-sorted-array"))
    assert os.listdir(tmp_path) == ["merge-sorted-array.py"]


def test_a_failed_write_leaves_the_old_file_whole(invoke, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    mine = write(tmp_path / "merge-sorted-array.py", "my work\n")

    def fail(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("judge.starter.os.replace", fail)
    result = invoke("new", "merge-sorted-array", "--force")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "Error: cannot write merge-sorted-array.py: No space left on device"
    ]
    assert mine.read_text() == "my work\n"
    assert os.listdir(tmp_path) == ["merge-sorted-array.py"]  # the temporary file is gone


def test_an_unwritable_target_is_one_line(invoke, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("new", "merge-sorted-array", "-o", "nowhere/x.py")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert lines == ["Error: cannot write nowhere/x.py: No such file or directory"]
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("typed", ["merg", "merge-sorted-aray", "sorted-array"])
def test_an_unknown_problem_suggests_one(invoke, typed, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("new", typed)
    assert result.exit_code == 2
    assert "did you mean merge-sorted-array?" in result.stderr
    assert "Traceback" not in result.stderr and os.listdir(tmp_path) == []


@pytest.mark.parametrize(
    "args, named", [(["new", ""], "SLUG"), (["new", "maximum-gap", "-o", ""], "--output")]
)
def test_empty_values_exit_2_naming_the_option(invoke, args, named):
    result = invoke(*args)
    assert result.exit_code == 2
    assert named in result.stderr.strip().splitlines()[-1]


def test_a_new_user_writes_and_submits_the_starter(tmp_path):
    made = run_judge("new", "merge-sorted-array", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith("wrote merge-sorted-array.py") and "\x1b[" not in made.stdout
    judged = run_judge("submit", "merge-sorted-array.py", cwd=tmp_path)
    assert judged.returncode == 1, judged.stderr
    assert "Wrong Answer (WA)  merge-sorted-array" in judged.stdout
