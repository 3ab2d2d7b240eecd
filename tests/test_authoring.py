"""What a new problem author meets: each mistake gets one clear line naming where it is, what
is optional is optional, and `judge verify` says what its checks found.

Each test starts from a problem of tests/authored/ (copied, never changed there) and makes
the one edit that reproduces an author's mistake or situation, then runs the real CLI.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import REPO
from judge.verify import LARGE_ONLY

AUTHORED = REPO / "tests" / "authored"
DEPTH = "maximum-depth-of-binary-tree"
SEARCH = "binary-search"


def authored(
    root: Path,
    slug: str,
    *edits: tuple[str, str],
    reference: bool = True,
    submissions: bool = False,
) -> Path:
    """A copy of an authored problem under `root`, its spec edited (each `old` must be
    there); returns its problems folder."""
    spec = (AUTHORED / "problems" / f"{slug}.yaml").read_text()
    for old, new in edits:
        assert old in spec, old
        spec = spec.replace(old, new)
    (root / "problems").mkdir(parents=True, exist_ok=True)
    (root / "problems" / f"{slug}.yaml").write_text(spec)
    if reference:
        (root / "solutions").mkdir(exist_ok=True)
        shutil.copy(AUTHORED / "solutions" / f"{slug}.py", root / "solutions")
    if submissions:
        shutil.copytree(
            AUTHORED / "tests" / "submissions" / slug, root / "tests" / "submissions" / slug
        )
    return root / "problems"


def submission(slug: str, file: str) -> str:
    return str(AUTHORED / "tests" / "submissions" / slug / file)


RECURSIVE = submission(DEPTH, "accepted/recursive.py")


def line_of(problems: Path, slug: str, text: str) -> int:
    """The line of the spec where `text` first appears."""
    lines = (problems / f"{slug}.yaml").read_text().splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


# 1. A hand case's tree that is no level order is refused, naming the case and the entry.

BAD_TREES = [
    ("[1, null, null, 5]", "entry 3 (5) has no parent"),
    ("[null, 1]", "the root (entry 0) is null; the empty tree is written []"),
]


@pytest.mark.parametrize(("tree", "wrong"), BAD_TREES, ids=["orphan-entry", "null-root"])
@pytest.mark.parametrize("command", ["verify", "submit"])
def test_a_malformed_hand_tree_is_a_spec_error(invoke, tmp_path, tree, wrong, command):
    case = "  - name: one-node\n    input: {root: [0]}"
    problems = authored(tmp_path, DEPTH, (case, case.replace("[0]", tree)))
    args = [DEPTH] if command == "verify" else [submission(DEPTH, "accepted/recursive.py")]
    result = invoke(command, *args, "--problems", str(problems))
    assert result.exit_code == 2 and result.stdout == ""
    line = line_of(problems, DEPTH, tree)
    assert result.stderr.startswith(
        f"Error: {problems / DEPTH}.yaml:{line}: cases[3].input.root: case 'one-node': "
        f"value {tree.replace(' ', '')} is not a tree in level order: {wrong}"
    )
    assert len(result.stderr.splitlines()) == 1


def test_a_malformed_tree_to_run_is_refused(invoke, tmp_path):
    problems = authored(tmp_path, DEPTH)
    file = submission(DEPTH, "accepted/recursive.py")
    result = invoke("run", file, "--problems", str(problems), "--case", "root = [1,null,null,5]")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: the case: root: value [1,null,null,5] is not a tree")


# 5. A misspelt key is named, at its own line, with the key it was meant to be.


@pytest.mark.parametrize(
    ("old", "new", "where", "meant"),
    [
        ("difficulty: Easy", "dificulty: Easy", "dificulty", "difficulty"),
        ("  time_ms: 1000", "  time_limit: 1000", "limits.time_limit", "time_ms"),
        ("verify:\n  validate:", "verify:\n  validator:", "verify.validator", "validate"),
        ("    expected: 3\n", "    expect: 3\n", "cases[0].expect", "expected"),
        ("generators: |", "generator: |", "generator", "generators"),
    ],
)
def test_a_misspelt_key_is_named_with_its_line(invoke, tmp_path, old, new, where, meant):
    problems = authored(tmp_path, DEPTH, (old, new))
    result = invoke("verify", DEPTH, "--problems", str(problems))
    assert result.exit_code == 2
    lines = (problems / f"{DEPTH}.yaml").read_text().splitlines()
    key = new.splitlines()[-1].split(":")[0] + ":"
    line = next(i for i, text in enumerate(lines, 1) if text.startswith(key))
    assert result.stderr == (
        f"Error: {problems / DEPTH}.yaml:{line}: {where}: unknown key; did you mean {meant!r}?\n"
    )


def test_a_key_unlike_any_lists_the_known_ones(invoke, tmp_path):
    problems = authored(tmp_path, DEPTH, ("limits:\n", "limits:\n  cpus: 2\n"))
    result = invoke("verify", DEPTH, "--problems", str(problems))
    assert result.exit_code == 2
    assert "limits.cpus: unknown key; known here: time_ms, memory_mb" in result.stderr


# 2. A generator may return a tree of nodes for a TreeNode parameter; anything it returns
# that has no written form is refused in one line naming the generator.

NODES = """  def path(rng, n, turn="alternate"):
      # n levels: built node by node, as a solution would.
      root = node = trees.TreeNode(LO)
      for i in range(1, n):
          child = trees.TreeNode(HI if i == n - 1 else rng.randint(LO, HI))
          if i % 2:
              node.left = child
          else:
              node.right = child
          node = child
      return {"root": root}
"""
PATH = """  def path(rng, n, turn="alternate"):
      # n levels: the deepest tree n nodes allow; both extreme values at random nodes.
      vals = arrays.values(rng, n, LO, HI, planted=(LO, HI))
      return {"root": trees.path(rng, vals, turn)}
"""


@pytest.mark.parametrize("command", ["verify", "submit"])
def test_a_generator_may_return_tree_nodes(invoke, tmp_path, command):
    problems = authored(tmp_path, DEPTH, (PATH, NODES), submissions=True)
    args = [DEPTH] if command == "verify" else [submission(DEPTH, "accepted/recursive.py")]
    result = invoke(command, *args, "--problems", str(problems))
    assert result.exit_code == 0, result.stdout + result.stderr
    if command == "submit":
        assert result.stdout.startswith("Accepted (AC)  maximum-depth-of-binary-tree  11/11")


def test_a_tree_of_nodes_is_judged_as_its_level_order(invoke, tmp_path):
    # The deepest path is 10^4 nodes, so a solution that stops early is caught on it.
    problems = authored(tmp_path, DEPTH, (PATH, NODES))
    shallow = tmp_path / "shallow.py"
    shallow.write_text(
        "class Solution:\n"
        "    def maxDepth(self, root):\n"
        "        d, level = 0, [root] if root else []\n"
        "        while level and d < 100:\n"
        "            d += 1\n"
        "            level = [c for n in level for c in (n.left, n.right) if c]\n"
        "        return d\n"
    )
    result = invoke("submit", str(shallow), "--problems", str(problems), "--no-history")
    assert result.exit_code == 1
    assert "Case      path-left" in result.stdout and "Expected  10000" in result.stdout


@pytest.mark.parametrize(
    ("returned", "refusal"),
    [
        ('{"root": object()}', "root: value <object> is not an Optional[TreeNode]"),
        ('{"root": (1, 2)}', "root: value (1, 2) is not an Optional[TreeNode]"),
        ("[trees.path(rng, vals, turn)]", "a list, not a mapping from parameter name to value"),
        ('{"root": trees.TreeNode("a")}', "root: a tree that cannot be written: a node's value"),
    ],
)
@pytest.mark.parametrize("command", ["verify", "submit"])
def test_a_generator_value_without_a_written_form_is_refused(
    invoke, tmp_path, returned, refusal, command
):
    changed = PATH.replace('{"root": trees.path(rng, vals, turn)}', returned)
    problems = authored(tmp_path, DEPTH, (PATH, changed))
    expected = f"{problems / DEPTH}.yaml: generated case 'path-left': generator 'path' returned"
    if command == "verify":
        result = invoke("verify", DEPTH, "--problems", str(problems), "--json")
        assert result.exit_code == 1
        [check] = json.loads(result.stdout)["problems"][0]["checks"]
        assert check["name"] == "test data can be built" and not check["ok"]
        assert check["detail"].startswith(expected) and refusal in check["detail"]
    else:
        file = submission(DEPTH, "accepted/recursive.py")
        result = invoke("submit", file, "--problems", str(problems))
        assert result.exit_code == 2 and result.stdout == ""
        assert result.stderr.startswith(f"Error: {expected}")
        assert refusal in result.stderr and len(result.stderr.splitlines()) == 1


# 6. A generator's failure names the line of the spec where it happened.


def test_a_failing_generator_names_its_line(invoke, tmp_path):
    broken = PATH.replace("      vals =", "      width = n // 0\n      vals =")
    problems = authored(tmp_path, DEPTH, (PATH, broken))
    line = line_of(problems, DEPTH, "width = n // 0")
    result = invoke("submit", RECURSIVE, "--problems", str(problems))
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {problems / DEPTH}.yaml:{line}: generated case 'path-left': generator 'path' "
        "failed at `width = n // 0`: ZeroDivisionError: integer division or modulo by zero\n"
    )


def test_a_failure_in_a_library_names_the_generator_line_that_called_it(invoke, tmp_path):
    broken = PATH.replace("trees.path(rng, vals, turn)", "trees.path(rng, vals, 'sideways')")
    problems = authored(tmp_path, DEPTH, (PATH, broken))
    line = line_of(problems, DEPTH, "'sideways'")
    result = invoke("submit", RECURSIVE, "--problems", str(problems))
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"Error: {problems / DEPTH}.yaml:{line}: generated case 'path-left': generator 'path' "
        "failed at `return {\"root\": trees.path(rng, vals, 'sideways')}`: ValueError: "
    )


def test_a_generators_syntax_error_names_its_line(invoke, tmp_path):
    broken = PATH.replace("  def path(rng, n, turn", "  def path(rng, n turn")
    problems = authored(tmp_path, DEPTH, (PATH, broken))
    line = line_of(problems, DEPTH, "def path(rng, n turn")
    result = invoke("submit", RECURSIVE, "--problems", str(problems))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {problems / DEPTH}.yaml:{line}: generators: Syntax")


def verify_json(invoke, problems: Path, slug: str, *args: str) -> tuple[int, dict[str, dict]]:
    """`judge verify SLUG --json`: the exit status and the checks by name."""
    result = invoke("verify", slug, "--problems", str(problems), "--json", *args)
    [found] = json.loads(result.stdout)["problems"]
    return result.exit_code, {c["name"]: c for c in found["checks"]}


# 3. A hand answer the reference disputes shows both answers, and nothing else fails for it.


def test_a_wrong_hand_answer_shows_both_answers(invoke, tmp_path):
    wrong = ("    expected: 3\n", "    expected: 4\n")
    problems = authored(tmp_path, DEPTH, wrong, submissions=True)
    status, checks = verify_json(invoke, problems, DEPTH, "--trials", "20")
    assert status == 1
    assert [name for name, c in checks.items() if not c["ok"]] == ["reference matches hand answers"]
    assert checks["reference matches hand answers"]["detail"] == (
        "example-1: expected 4 in the spec, the reference returns 3 "
        "(input root = [3,9,20,null,null,15,7])"
    )
    # Judging the known submissions against a disputed answer would prove nothing.
    known = [c for name, c in checks.items() if name.endswith((" is AC", " is WA", " is RE"))]
    assert len(known) == 5
    assert all(c["status"] == "skipped" for c in known)
    assert checks["reference within 1/5 of the time limit"]["status"] == "ok"


# 4. What the docs call optional is: its check is skipped with a note saying what is missing.


def test_a_problem_without_the_optional_parts_verifies(invoke, tmp_path):
    verify = "verify:\n  validate: check_input\n  small: small_tree\n"
    problems = authored(tmp_path, DEPTH, (verify, ""))
    status, checks = verify_json(invoke, problems, DEPTH)
    assert status == 0
    skipped = {name: c["detail"] for name, c in checks.items() if c["status"] == "skipped"}
    assert skipped == {
        "inputs meet the constraints": "no verify.validate in the spec: inputs are checked "
        "against the signature only",
        "reference matches brute force (300 random inputs)": "no verify.small generator in the "
        "spec: the reference is checked on the hand answers only",
        "small-input sweep matches brute force": "no small_inputs in the spec: there is no sweep",
        "known submissions": f"none in {tmp_path / 'tests' / 'submissions' / DEPTH} (accepted/, "
        "wrong_answer/, time_limit_exceeded/, run_time_error/)",
    }
    result = invoke("verify", DEPTH, "--problems", str(problems))
    assert result.stdout.splitlines()[-1] == "3/3 checks passed, 4 skipped"


def test_a_missing_brute_force_skips_only_its_check(invoke, tmp_path):
    problems = authored(tmp_path, DEPTH, submissions=True)
    brute = tmp_path / "tests" / "submissions" / DEPTH / "brute_force.py"
    brute.unlink()
    status, checks = verify_json(invoke, problems, DEPTH, "--trials", "20")
    assert status == 0
    check = checks["reference matches brute force (20 random inputs)"]
    assert check["status"] == "skipped" and check["detail"].startswith(f"no brute force at {brute}")
    skipped = [name for name, c in checks.items() if c["status"] == "skipped"]
    assert skipped == [
        "reference matches brute force (20 random inputs)",
        "small-input sweep matches brute force",  # the spec has no small_inputs
    ]
    # The small inputs are still checked against the constraints.
    assert checks["inputs meet the constraints"]["detail"] == (
        "6 hand-written, 5 generated, 16 of growth families, 20 small random"
    )


def test_small_inputs_are_validated(invoke, tmp_path):
    small = "trees.small_tree(rng, arrays.uniform(rng, n, -3, 3))"
    bad = small.replace("-3, 3", "-3, 300")
    problems = authored(tmp_path, DEPTH, (small, bad), submissions=True)
    status, checks = verify_json(invoke, problems, DEPTH, "--trials", "50")
    assert status == 1
    detail = checks["inputs meet the constraints"]["detail"]
    assert detail.startswith("verify.small random-") and "<= Node.val <= 100 violated" in detail


# 8. A problem can be judged before its reference exists: on the hand cases, with a note.


def test_a_problem_without_a_reference_judges_its_hand_cases(invoke, tmp_path):
    problems = authored(tmp_path, DEPTH, reference=False)
    args = ("--problems", str(problems), "--no-history")
    result = invoke("submit", RECURSIVE, *args)
    assert result.exit_code == 0, result.stderr
    missing = tmp_path / "solutions" / f"{DEPTH}.py"
    head, note = result.stdout.splitlines()[:2]
    assert head.startswith(f"Accepted (AC)  {DEPTH}  6/6 cases passed")
    assert note == (
        "5 generated cases were skipped: their expected answers come from the reference "
        f"solution, and there is none at {missing}"
    )
    data = json.loads(invoke("submit", RECURSIVE, *args, "--json").stdout)
    assert data["total"] == 6 and "5 generated cases were skipped" in data["notes"][0]
    wrong = invoke("submit", submission(DEPTH, "wrong_answer/minimum_depth.py"), *args)
    assert wrong.exit_code == 1 and "Case      example-1" in wrong.stdout


def test_verify_says_the_reference_is_missing(invoke, tmp_path):
    problems = authored(tmp_path, DEPTH, reference=False, submissions=True)
    status, checks = verify_json(invoke, problems, DEPTH, "--trials", "20")
    assert status == 1
    missing = tmp_path / "solutions" / f"{DEPTH}.py"
    assert [(name, c["detail"]) for name, c in checks.items() if not c["ok"]] == [
        (
            "reference solution exists",
            f"no file at {missing}: write the problem's solution there, or name its file with "
            "`reference:` in the spec",
        )
    ]
    needs = [name for name, c in checks.items() if c["detail"] == "needs the reference solution"]
    assert len(needs) == 4 + 5  # hand answers, brute force, sweep, speed; each submission
    assert checks["inputs meet the constraints"]["status"] == "ok"


# 9. Reference times keep the digits that matter.


def test_reference_times_are_not_rounded_to_zero(invoke, tmp_path):
    problems = authored(tmp_path, SEARCH)
    _, checks = verify_json(invoke, problems, SEARCH)
    detail = checks["reference within 1/5 of the time limit"]["detail"]
    assert re.fullmatch(r"slowest [\w-]+: 0\.\d\d\d ms of \d+ ms", detail), detail
    assert not re.search(r": 0\.000 ms", detail)


# 10. Each known wrong submission says which case catches it first; one that only a generated
# case catches gets a warning.

SHALLOW = """\
class Solution:
    def maxDepth(self, root):
        # Gives up below 100 levels: right on every small tree.
        depth, level = 0, [root] if root else []
        while level and depth < 100:
            depth += 1
            level = [c for n in level for c in (n.left, n.right) if c]
        return depth
"""


def test_verify_reports_the_case_that_catches_each_submission(invoke, tmp_path):
    problems = authored(tmp_path, DEPTH, submissions=True)
    wrong = tmp_path / "tests" / "submissions" / DEPTH / "wrong_answer"
    (wrong / "gives_up_deep.py").write_text(SHALLOW)
    status, checks = verify_json(invoke, problems, DEPTH, "--trials", "20")
    assert status == 0  # a warning does not fail verify
    caught = {name: c.get("caught_by") for name, c in checks.items() if ".py is " in name}
    assert caught == {
        "accepted/recursive.py is AC": None,
        "accepted/stack.py is AC": None,
        "wrong_answer/gives_up_deep.py is WA": {"case": "path-left", "hand_written": False},
        "wrong_answer/left_first_path.py is WA": {"case": "example-1", "hand_written": True},
        "wrong_answer/minimum_depth.py is WA": {"case": "example-1", "hand_written": True},
        "run_time_error/no_none_check.py is RE": {"case": "example-2", "hand_written": True},
    }
    warned = checks["wrong_answer/gives_up_deep.py is WA"]
    assert warned["status"] == "warning"
    assert warned["detail"].startswith("caught only by generated case path-left: no hand-written")
    assert checks["wrong_answer/minimum_depth.py is WA"]["detail"] == (
        "caught by example-1 (hand-written)"
    )
    result = invoke("verify", DEPTH, "--problems", str(problems), "--trials", "20")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == "11/11 checks passed, 1 skipped, 1 with a warning"
    assert "warn" in result.stdout


# 7. A file for a problem of the author's own, judged without --problems, is led to it.


def test_submit_without_problems_names_the_folder_to_pass(invoke, tmp_path, monkeypatch):
    authored(tmp_path, SEARCH)
    monkeypatch.chdir(tmp_path)
    mine = tmp_path / "mine.py"
    shutil.copy(submission(SEARCH, "accepted/half_open.py"), mine)
    result = invoke("submit", "mine.py", "--no-history")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: no known problem has a method among those of class Solution (search); "
        "problems/binary-search.yaml may be it: add --problems problems (or set "
        f"JUDGE_PROBLEMS={tmp_path / 'problems'} to load that folder every time)\n"
    )
    # Doing what it says works.
    assert invoke("submit", "mine.py", "--no-history", "--problems", "problems").exit_code == 0
    monkeypatch.chdir(tmp_path / "solutions")  # judging the reference, from its folder
    result = invoke("submit", f"{SEARCH}.py", "--no-history")
    assert "add --problems ../problems (or set" in result.stderr


def test_an_unknown_slug_names_the_spec_near_the_file(invoke, tmp_path, monkeypatch):
    authored(tmp_path, SEARCH)
    monkeypatch.chdir(tmp_path)
    for args in (["submit", RECURSIVE, "--problem", SEARCH], ["verify", SEARCH]):
        result = invoke(*args)
        assert result.exit_code == 2
        assert result.stderr.startswith(
            f"Error: unknown problem {SEARCH!r}; problems/{SEARCH}.yaml may be it: "
            "add --problems problems"
        )


def test_with_no_spec_near_the_hint_still_names_problems(invoke, tmp_path, monkeypatch):
    here = tmp_path / "a" / "b" / "c" / "d"  # the folders looked in are all inside tmp_path
    here.mkdir(parents=True)
    monkeypatch.chdir(here)
    mine = here / "mine.py"
    shutil.copy(submission(SEARCH, "accepted/half_open.py"), mine)
    result = invoke("submit", "mine.py")
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "(search); for a problem of your own, add --problems DIR, the folder of its spec "
        "(or set JUDGE_PROBLEMS=DIR)\n"
    )


def test_a_problems_folder_without_specs_names_the_one_inside_it(invoke, tmp_path):
    authored(tmp_path, SEARCH)  # the package root: its specs are in problems/
    result = invoke("verify", SEARCH, "--problems", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: problems folder {tmp_path} holds no problem spec (*.yaml); "
        f"did you mean --problems {tmp_path / 'problems'}?\n"
    )
    assert invoke("list", "--problems", str(tmp_path / "solutions")).exit_code == 2


def test_a_submission_that_says_it_is_wrong_on_large_inputs_only_is_not_warned_of(invoke, tmp_path):
    problems = authored(tmp_path, DEPTH, submissions=True)
    wrong = tmp_path / "tests" / "submissions" / DEPTH / "wrong_answer"
    (wrong / "gives_up_deep.py").write_text(f"{LARGE_ONLY}: trees past 100 levels\n{SHALLOW}")
    status, checks = verify_json(invoke, problems, DEPTH, "--trials", "20")
    assert status == 0
    check = checks["wrong_answer/gives_up_deep.py is WA"]
    assert check["status"] == "ok"
    assert check["detail"] == "caught by path-left (generated)"
