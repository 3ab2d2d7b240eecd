"""A problem as the judge knows it, and how one YAML spec (`<slug>.yaml`) becomes one.

`parse` reads a spec and validates it strictly: an unknown key, a missing key, a value of the
wrong type or a case that does not fit the signature is a `SpecError` naming the file, the key
and the line. Finding specs and caching parsed ones is `catalog`'s job.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from judge import codecs
from judge.checkers import CHECKERS
from judge.records import field, record
from judge.specfile import Fields, SpecFile

if TYPE_CHECKING:
    from judge.difference import Difference, InputContext

DIFFICULTIES = ("Easy", "Medium", "Hard")
# What a value of a small-input description is, by the key that says so (see `Draw`).
DRAW_KINDS = ("int", "list", "tree", "node_of")
# The functions a bound of a small-input description may call, besides earlier values.
BOUND_FUNCTIONS = {"len": len, "sum": sum, "min": min, "max": max, "abs": abs}
SWEEP_INPUTS = 2000  # inputs in a problem's small-input sweep, unless its spec says otherwise
SWEEP_CASE = "small-sweep"  # the sweep's case, judged after the hand-written ones

# Every key a spec may have, by where it is (docs/problem-format.md): any other is refused
# with its line and the known key it is closest to.
TOP_KEYS = (
    "slug",
    "number",
    "title",
    "difficulty",
    "tags",
    "statement",
    "constraints",
    "signature",
    "judge",
    "limits",
    "growth",
    "small_inputs",
    "reference",
    "submissions",
    "verify",
    "cases",
    "generators",
    "generated",
)
SIGNATURE_KEYS = ("method", "params", "returns")
PARAM_KEYS = ("name", "type", "node_of")
JUDGE_KEYS = ("checker", "in_place", "focus")
FOCUS_KEYS = ("window", "size", "tree", "order")
LIMITS_KEYS = ("time_ms", "memory_mb")
VERIFY_KEYS = ("validate", "small")
CASE_KEYS = ("name", "input", "expected", "example", "explanation")
GENERATED_KEYS = ("name", "generator", "seed", "args")
GROWTH_KEYS = ("n", "families")
FAMILY_KEYS = ("name", "words", "generator", "sizes", "step", "args")
SMALL_INPUTS_KEYS = ("draw", "build", "sweep")
# The orders a tree focus may walk in (`Focus.order`).
ORDERS = ("preorder", "inorder", "postorder", "level")


@record(frozen=True)
class Focus:
    """What a spec says made each element of the answer (`judge.focus`): a window of an array
    (`window: nums, size: k`: element i comes from `nums[i : i + k]`), or a node of a tree in
    some order (`tree: root, order: preorder`: element i is the i-th node visited)."""

    window: str | None = None
    size: str | int = 1
    tree: str | None = None
    order: str = "preorder"


@record(frozen=True)
class Param:
    """One parameter of the LeetCode method."""

    name: str
    type: str
    node_of: str | None = None

    @property
    def parsed(self) -> codecs.Type:
        return codecs.parse_type(self.type)


@record(frozen=True)
class Case:
    """A test case: the input by parameter name and, once known, the expected answer."""

    name: str
    input: dict[str, Any]
    expected: Any = None
    example: bool = False
    explanation: str | None = None


@record(frozen=True)
class Generated:
    """A seeded generated case: `generator(random.Random(seed), **args)` gives its input."""

    name: str
    generator: str
    seed: int
    args: dict[str, Any]


@record(frozen=True)
class GrowthFamily:
    """Inputs of growing size for `judge growth`: `generator(random.Random(n), n, **args)` for
    each size n from `low` to `high`, each `step` times the one before."""

    name: str
    words: str  # what the inputs are, in a few words: "equal values"
    generator: str
    low: int
    high: int
    step: float = 2.0
    args: dict[str, Any] = field(default_factory=dict)


Bound = int | str  # a number, or a Python expression over the values drawn before it


@record(frozen=True)
class Draw:
    """One value of a small-input description: what it is, and its sizes and values.

    `kind` is "int" (a number in `bounds`), "list" (of `bounds` elements in `values`), "tree"
    (of `bounds` nodes carrying `values`) or "node_of" (a node of the tree named `tree`)."""

    name: str
    kind: str
    bounds: tuple[Bound, Bound] = (0, 0)
    values: tuple[Bound, Bound] = (0, 0)
    sorted: bool = False
    distinct: bool = False
    tree: str | None = None


@record(frozen=True)
class SmallInputs:
    """The spec's `small_inputs`: how random valid small inputs are drawn (and shrunk), for
    `judge stress` and the small-input sweep every submission meets."""

    draws: tuple[Draw, ...]
    build: str | None = None  # a function of `generators` turning the draws into the input
    sweep: int = SWEEP_INPUTS


@record
class Problem:
    """A validated problem spec."""

    slug: str
    number: int | str
    title: str
    difficulty: str
    tags: list[str]
    statement: str
    constraints: list[str]
    method: str
    params: list[Param]
    returns: str
    checker: str
    in_place: str | None
    time_ms: int
    memory_mb: int
    cases: list[Case]
    generators: str
    generated: list[Generated]
    path: Path
    reference: Path
    submissions: Path
    validator: str | None = None
    small: str | None = None
    growth: list[GrowthFamily] = field(default_factory=list)
    growth_n: str = "n"  # what a family's size counts, in words
    small_inputs: SmallInputs | None = None
    # The spec's line of the generators' first line (0: not known, the source is not a `|`
    # block), so that a generator's failure can name the line of the spec it is at.
    generators_line: int = 0
    focus: Focus | None = None  # which part of the input made each answer element
    source: bytes = field(repr=False, default=b"")

    @property
    def output_type(self) -> codecs.Type:
        """The type of the answer as judged: the in-place parameter's, or the return type."""
        if self.in_place:
            return next(p.parsed for p in self.params if p.name == self.in_place)
        if self.checker == "node_value":
            return codecs.INT
        return codecs.parse_type(self.returns)

    @property
    def output_mode(self) -> tuple[str, str, int]:
        """How the worker turns the call into an answer: (kind, type, argument index)."""
        if self.in_place:
            index = [p.name for p in self.params].index(self.in_place)
            return ("in_place", self.params[index].type, index)
        if self.checker == "node_value":
            return ("node", "int", -1)
        return ("return", self.returns, -1)

    @property
    def takes_nodes(self) -> bool:
        """Whether the method is given or returns nodes of a tree (lowest common ancestor):
        LeetCode's editor shows those problems with its older `TreeNode(x)` and `'TreeNode'`."""
        return self.checker == "node_value" or any(p.node_of for p in self.params)

    def signature(self) -> str:
        """The method as LeetCode shows it in the editor."""

        def hint(t: codecs.Type) -> str:
            return "'TreeNode'" if self.takes_nodes and t == codecs.TREE else codecs.type_name(t)

        params = ", ".join(f"{p.name}: {hint(p.parsed)}" for p in self.params)
        returns = codecs.TREE if self.checker == "node_value" else codecs.parse_type(self.returns)
        return f"class Solution:\n    def {self.method}(self, {params}) -> {hint(returns)}:"

    def locate_difference(
        self, values: dict[str, Any], expected: Any, output: Any
    ) -> Difference | None:
        """Where a wrong output first departs from the expected answer to `values`."""
        from judge import difference  # only a wrong answer needs it

        if not codecs.conforms(output, self.output_type):
            return None  # not even of the answer's type: the message says so
        nodes = None
        if self.checker == "node_value":  # the answer is a node of the (first) input tree
            trees = [p.name for p in self.params if p.parsed == codecs.TREE]
            nodes = values.get(trees[0]) if trees else None
        tree = self.output_type == codecs.TREE
        return difference.locate(self.checker, expected, output, tree, nodes)

    def input_context(self, values: dict[str, Any], diff: Difference | None) -> InputContext:
        """The input's sizes, its node arguments and the part behind the first difference."""
        from judge import difference

        kinds = {p.name: p.parsed[0] for p in self.params}
        return difference.context(kinds, values, self.focus, diff, self.node_params())

    def node_params(self) -> dict[str, str]:
        """Each node argument and the tree it is a node of."""
        return {p.name: p.node_of for p in self.params if p.node_of}

    def format_input(self, values: dict[str, Any]) -> str:
        """LeetCode's `name = value` form of a case input."""
        return ", ".join(f"{p.name} = {codecs.show(values[p.name])}" for p in self.params)

    @property
    def examples(self) -> list[Case]:
        """The cases shown with the statement."""
        return [c for c in self.cases if c.example]

    def example_lines(self, case: Case) -> list[str]:
        """An example as LeetCode shows it: `Input: ...`, `Output: ...`, `Explanation: ...`."""
        lines = [f"Input: {self.format_input(case.input)}", f"Output: {codecs.show(case.expected)}"]
        if case.explanation:
            lines.append(f"Explanation: {case.explanation.strip()}")
        return lines


def _check_value(spec: SpecFile, where: tuple, value: Any, t: codecs.Type, what: str) -> None:
    if not codecs.conforms(value, t):
        name = codecs.type_name(t)
        article = "an" if name[0].lower() in "aeiou" else "a"
        spec.fail(where, f"{what} {_shown(value)} is not {article} {name}")
    malformed = codecs.malformed(value, t)
    if malformed:
        spec.fail(where, f"{what} {_shown(value)} is not a tree in level order: {malformed}")


def _shown(value: Any, limit: int = 60) -> str:
    """A value as the spec writes it, cut short. A generator may return what a spec cannot
    write (a tuple, an object): that is shown as Python shows it, or by its type."""
    if _written(value):
        text = codecs.show(value)
    elif type(value).__repr__ is object.__repr__:
        text = f"<{type(value).__name__}>"  # its address would only be noise
    else:
        text = repr(value)
    return text if len(text) <= limit else text[:limit] + "…"


def _written(value: Any) -> bool:
    """Whether a value is data a spec could have written (JSON's types)."""
    if isinstance(value, list):
        return all(map(_written, value))
    if isinstance(value, dict):
        return all(isinstance(k, str) and _written(v) for k, v in value.items())
    return value is None or type(value) in (int, float, bool, str)


def check_input(
    spec: SpecFile, where: tuple, values: Any, params: list[Param], case: str | None = None
) -> None:
    """A case input has exactly the parameters, each of its type; node references exist.
    `case`: the case's name, which messages give (an index alone is hard to find)."""
    if case is not None:
        spec = _Named(spec, f"case {case!r}: ")  # type: ignore[assignment]
    if not isinstance(values, dict):
        spec.fail(where, "must be a mapping from parameter name to value")
    names = [p.name for p in params]
    for key in values:
        if key not in names:
            spec.fail((*where, key), f"unknown parameter {key!r} (parameters: {', '.join(names)})")
    for p in params:
        if p.name not in values:
            spec.fail(where, f"missing parameter {p.name!r}")
        value = values[p.name]
        if p.node_of:
            tree = values.get(p.node_of)
            if not isinstance(tree, list) or value is None or value not in tree:
                spec.fail((*where, p.name), f"{value!r} is not a value in {p.node_of}")
        else:
            _check_value(spec, (*where, p.name), value, p.parsed, "value")


class _Named:
    """A spec whose failures start with the name of the case they are in."""

    def __init__(self, spec: SpecFile, prefix: str) -> None:
        self.spec, self.prefix = spec, prefix

    def fail(self, where: tuple, message: str) -> None:
        self.spec.fail(where, self.prefix + message)


def parse(path: Path, raw: bytes | None = None) -> Problem:
    """Read and validate the spec at `path` (its bytes `raw`, if already read)."""
    spec = SpecFile.read(path, raw)
    top = Fields(spec, (), spec.data, TOP_KEYS)
    slug = top.text("slug")
    if slug != path.stem:
        spec.fail(("slug",), f"{slug!r} must match the file name {path.stem!r}")
    number = top.get("number", (int, str))
    difficulty = top.text("difficulty")
    if difficulty not in DIFFICULTIES:
        spec.fail(("difficulty",), f"must be one of {', '.join(DIFFICULTIES)}")
    method, params, returns = _signature(top.section("signature", SIGNATURE_KEYS))
    checker, in_place, focus = _judging(top.section("judge", JUDGE_KEYS), params)
    limits = top.section("limits", LIMITS_KEYS)
    time_ms, memory_mb = limits.positive("time_ms"), limits.positive("memory_mb")
    limits.done()
    growth_n, growth = _growth(spec, top.opt("growth", dict))
    reference = path.parent / (top.opt("reference", str) or f"../solutions/{slug}.py")
    submissions = path.parent / (top.opt("submissions", str) or f"../tests/submissions/{slug}")
    checks = top.opt("verify", dict)
    validator = small = None
    if checks is not None:
        vf = Fields(spec, ("verify",), checks, VERIFY_KEYS)
        validator, small = vf.opt("validate", str), vf.opt("small", str)
        vf.done()
    problem = Problem(
        slug=slug,
        number=number,
        title=top.text("title"),
        difficulty=difficulty,
        tags=top.list("tags", str),
        statement=top.text("statement"),
        constraints=top.list("constraints", str),
        method=method,
        params=params,
        returns=returns,
        checker=checker,
        in_place=in_place,
        time_ms=time_ms,
        memory_mb=memory_mb,
        cases=[],
        generators=top.opt("generators", str) or "",
        generators_line=spec.blocks.get(("generators",), 0),
        generated=[],
        path=path,
        reference=reference.resolve(),
        submissions=submissions.resolve(),
        validator=validator,
        small=small,
        growth=growth,
        growth_n=growth_n,
        small_inputs=_small_inputs(top, params),
        focus=focus,
        source=spec.raw,
    )
    problem.cases = _cases(spec, top.list("cases", dict), problem)
    problem.generated = _generated(spec, top.opt("generated", list) or [], problem.cases)
    if (problem.generated or checks or growth) and not problem.generators:
        spec.fail(
            ("generators",), "generated cases, `verify` and `growth` need `generators` source"
        )
    if problem.small_inputs and problem.small_inputs.sweep:
        taken = [c.name for c in problem.cases] + [g.name for g in problem.generated]
        if SWEEP_CASE in taken:
            spec.fail(("cases",), f"{SWEEP_CASE!r} names the small-input sweep; rename the case")
    if problem.small_inputs and problem.small_inputs.build and not problem.generators:
        spec.fail(("small_inputs", "build"), "a `build` function needs `generators` source")
    if not problem.cases and not problem.generated:
        spec.fail(("cases",), "a problem needs at least one case")
    top.done()
    return problem


def _signature(sig: Fields) -> tuple[str, list[Param], str]:
    """The `signature` section: the method, its parameters and its return type."""
    spec = sig.spec
    params: list[Param] = []
    for i, item in enumerate(sig.list("params", dict)):
        pf = Fields(spec, ("signature", "params", i), item, PARAM_KEYS)
        param = Param(pf.text("name"), pf.text("type"), pf.opt("node_of", str))
        pf.done()
        try:
            param.parsed  # noqa: B018 - parsing is the validation
        except codecs.TypeSpecError as exc:
            spec.fail(("signature", "params", i, "type"), str(exc))
        params.append(param)
    names = [p.name for p in params]
    for i, p in enumerate(params):
        if p.node_of and (
            p.node_of not in names or params[names.index(p.node_of)].type != "TreeNode"
        ):
            where = ("signature", "params", i, "node_of")
            spec.fail(where, f"{p.node_of!r} is not a TreeNode parameter")
    method = sig.text("method")
    returns = sig.text("returns")
    try:
        codecs.parse_type(returns)
    except codecs.TypeSpecError as exc:
        spec.fail(("signature", "returns"), str(exc))
    sig.done()
    return method, params, returns


def _judging(judging: Fields, params: list[Param]) -> tuple[str, str | None, Focus | None]:
    """The `judge` section: the checker, the parameter judged in place, if any, and the part
    of the input each answer element comes from, if the problem says."""
    names = [p.name for p in params]
    checker = judging.opt("checker", str) or "exact"
    if checker not in CHECKERS:
        where = ("judge", "checker")
        judging.spec.fail(where, f"unknown checker {checker!r} (one of {', '.join(CHECKERS)})")
    in_place = judging.opt("in_place", str)
    if in_place is not None and in_place not in names:
        judging.spec.fail(("judge", "in_place"), f"{in_place!r} is not a parameter")
    focus = _focus(judging, params)
    judging.done()
    return checker, in_place, focus


def _focus(judging: Fields, params: list[Param]) -> Focus | None:
    """`judge.focus`: `{window: nums, size: k}` (answer element i comes from nums[i : i + k];
    `size` a parameter or a number) or `{tree: root, order: preorder}` (element i is the i-th
    node of root visited in that order; `level`: level i)."""
    section = judging.opt("focus", dict)
    if section is None:
        return None
    spec = judging.spec
    ff = Fields(spec, ("judge", "focus"), section, FOCUS_KEYS)
    kinds = {p.name: p.parsed for p in params}
    window, tree = ff.opt("window", str), ff.opt("tree", str)
    if (window is None) == (tree is None):
        spec.fail(("judge", "focus"), "give one of window (an array) or tree (a TreeNode)")
    if window is not None:
        if kinds.get(window, codecs.NONE)[0] != "list":
            spec.fail(("judge", "focus", "window"), f"{window!r} is not a list parameter")
        size = ff.get("size", (str, int))
        if isinstance(size, str) and kinds.get(size) != codecs.INT:
            spec.fail(("judge", "focus", "size"), f"{size!r} is not an int parameter")
        if isinstance(size, int) and size < 1:
            spec.fail(("judge", "focus", "size"), "must be at least 1")
        ff.done()
        return Focus(window=window, size=size)
    if kinds.get(tree) != codecs.TREE:
        spec.fail(("judge", "focus", "tree"), f"{tree!r} is not a TreeNode parameter")
    order = ff.opt("order", str) or "preorder"
    if order not in ORDERS:
        spec.fail(("judge", "focus", "order"), f"must be one of {', '.join(ORDERS)}")
    ff.done()
    return Focus(tree=tree, order=order)


def _cases(spec: SpecFile, items: list, problem: Problem) -> list[Case]:
    """The hand-written cases, each checked against the signature."""
    out_type = problem.output_type
    cases: list[Case] = []
    seen: set[str] = set()
    for i, item in enumerate(items):
        cf = Fields(spec, ("cases", i), item, CASE_KEYS)
        name = cf.text("name")
        if name in seen:
            spec.fail(("cases", i, "name"), f"duplicate case name {name!r}")
        seen.add(name)
        check_input(spec, ("cases", i, "input"), cf.get("input", dict), problem.params, name)
        expected = cf.get("expected", object, allow_none=True)
        if not (problem.checker == "node_value" and expected is None):
            named = _Named(spec, f"case {name!r}: ")
            _check_value(named, ("cases", i, "expected"), expected, out_type, "expected")  # type: ignore[arg-type]
        example = cf.opt("example", bool) or False
        cases.append(Case(name, item["input"], expected, example, cf.opt("explanation", str)))
        cf.done()
    return cases


def _generated(spec: SpecFile, items: list, hand: list[Case]) -> list[Generated]:
    """The seeded generated cases; their names may not repeat any other case's."""
    seen = {c.name for c in hand}
    generated: list[Generated] = []
    for i, item in enumerate(items):
        where = ("generated", i)
        if not isinstance(item, dict):
            spec.fail(where, "must be a mapping")
        gf = Fields(spec, where, item, GENERATED_KEYS)
        name = gf.text("name")
        if name in seen:
            spec.fail((*where, "name"), f"duplicate case name {name!r}")
        seen.add(name)
        args = gf.opt("args", dict) or {}
        generated.append(Generated(name, gf.text("generator"), gf.get("seed", int), args))
        gf.done()
    return generated


# A ladder of sizes needs a few of them above the sizes where fixed costs hide the growth.
_MIN_SPAN = 4


def _growth(spec: SpecFile, section: dict | None) -> tuple[str, list[GrowthFamily]]:
    """The `growth` section: what n counts, and the input families `judge growth` runs."""
    if section is None:
        return "n", []
    fields = Fields(spec, ("growth",), section, GROWTH_KEYS)
    n = fields.opt("n", str) or "n"
    families: list[GrowthFamily] = []
    for i, item in enumerate(fields.list("families", dict)):
        where = ("growth", "families", i)
        ff = Fields(spec, where, item, FAMILY_KEYS)
        name = ff.text("name")
        if not name.replace("-", "").replace("_", "").isalnum():
            spec.fail((*where, "name"), "must be letters, digits, - and _ (it names the family)")
        if any(f.name == name for f in families):
            spec.fail((*where, "name"), f"duplicate family name {name!r}")
        sizes = ff.list("sizes", int)
        if len(sizes) != 2 or sizes[0] < 1 or sizes[1] < _MIN_SPAN * sizes[0]:
            spec.fail(
                (*where, "sizes"),
                f"must be [smallest, largest] with 1 <= smallest and largest at least "
                f"{_MIN_SPAN} times smallest",
            )
        step = ff.opt("step", (int, float))
        if step is not None and not 1.1 <= step <= 4:
            spec.fail((*where, "step"), "must be between 1.1 and 4")
        family = GrowthFamily(
            name,
            ff.text("words"),
            ff.text("generator"),
            sizes[0],
            sizes[1],
            float(step or 2.0),
            ff.opt("args", dict) or {},
        )
        ff.done()
        families.append(family)
    if not families:
        spec.fail(("growth", "families"), "must list at least one family")
    fields.done()
    return n, families


def _small_inputs(top: Fields, params: list[Param]) -> SmallInputs | None:
    """The optional `small_inputs` section: each value's kind, sizes and range, in order."""
    section = top.opt("small_inputs", dict)
    if section is None:
        return None
    spec = top.spec
    small = Fields(spec, ("small_inputs",), section, SMALL_INPUTS_KEYS)
    build = small.opt("build", str)
    sweep = small.opt("sweep", int)
    if sweep is not None and sweep < 0:
        spec.fail(("small_inputs", "sweep"), "must be 0 (no sweep) or a number of inputs")
    items = small.get("draw", dict)
    small.done()
    draws: list[Draw] = []
    for name, item in items.items():
        fields = Fields(spec, ("small_inputs", "draw", name), item)
        draw = _draw(fields, str(name), [d.name for d in draws])
        trees = [d.name for d in draws if d.kind == "tree"]
        if draw.kind == "node_of" and draw.tree not in trees:
            where = ("small_inputs", "draw", name, "node_of")
            spec.fail(where, f"{draw.tree!r} is not a tree drawn before it")
        draws.append(draw)
    if not draws:
        spec.fail(("small_inputs", "draw"), "must describe at least one value")
    if build is None:
        _match_signature(spec, draws, params)
    return SmallInputs(tuple(draws), build, SWEEP_INPUTS if sweep is None else sweep)


def _draw(f: Fields, name: str, before: list[str]) -> Draw:
    """One value of `small_inputs.draw`: exactly one kind key, and the keys of that kind."""
    kinds = [k for k in DRAW_KINDS if k in f.data]
    if len(kinds) != 1:
        f.spec.fail(f.where, f"needs exactly one of {', '.join(DRAW_KINDS)}")
    kind = kinds[0]
    if kind == "node_of":
        tree = f.text("node_of")
        f.done()
        return Draw(name, kind, tree=tree)
    bounds = _bounds(f, kind, before)
    values: tuple[Bound, Bound] = (0, 0)
    ordered = distinct = False
    if kind != "int":
        values = _bounds(f, "of", before)
        distinct = bool(f.opt("distinct", bool))
    if kind == "list":
        ordered = bool(f.opt("sorted", bool))
    f.done()
    return Draw(name, kind, bounds, values, ordered, distinct)


def _bounds(f: Fields, key: str, before: list[str]) -> tuple[Bound, Bound]:
    """`[low, high]`: each a number, or an expression over earlier values (`len(nums)`)."""
    pair = f.get(key, list)
    where = (*f.where, key)
    if len(pair) != 2:
        f.spec.fail(where, "must be [low, high]")
    for bound in pair:
        if isinstance(bound, bool) or not isinstance(bound, (int, str)):
            f.spec.fail(where, f"{bound!r} is not a number or an expression")
        if isinstance(bound, str):
            try:
                code = compile(bound, f"small_inputs.{key}", "eval")
            except SyntaxError as exc:
                f.spec.fail(where, f"{bound!r} is not an expression: {exc.msg}")
            unknown = set(code.co_names) - set(before) - set(BOUND_FUNCTIONS)
            if unknown:
                f.spec.fail(
                    where, f"{bound!r} uses {', '.join(sorted(unknown))}: not drawn before it"
                )
    low, high = pair
    if isinstance(low, int) and isinstance(high, int) and low > high:
        f.spec.fail(where, f"{low} is above {high}")
    return low, high


_KIND_OF_TYPE = {
    "int": "int",
    "List[int]": "list",
    "TreeNode": "tree",
    "Optional[TreeNode]": "tree",
}


def _match_signature(spec: SpecFile, draws: list[Draw], params: list[Param]) -> None:
    """Without `build`, the values drawn are the parameters themselves, in kind and name."""
    drawn = {d.name: d for d in draws}
    for p in params:
        if p.name not in drawn:
            spec.fail(("small_inputs", "draw"), f"missing parameter {p.name!r} (or use `build`)")
        d = drawn[p.name]
        wanted = "node_of" if p.node_of else _KIND_OF_TYPE.get(p.type.replace(" ", ""))
        where = ("small_inputs", "draw", p.name)
        if wanted is None:
            spec.fail(where, f"a {p.type} cannot be drawn; draw its parts and `build` it")
        if d.kind != wanted:
            spec.fail(where, f"{p.name} is a {p.type}: describe it with `{wanted}`")
        if p.node_of and d.tree != p.node_of:
            spec.fail((*where, "node_of"), f"{p.name} is a node of {p.node_of!r}")
    names = [p.name for p in params]
    for d in draws:
        if d.name not in names:
            where = ("small_inputs", "draw", d.name)
            spec.fail(where, f"not a parameter (parameters: {', '.join(names)}); or use `build`")
