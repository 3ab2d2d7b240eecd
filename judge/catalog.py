"""Every known problem: find the specs, parse each once, and keep what listing them needs.

Specs come from the bundled folder, then `JUDGE_PROBLEMS`, then `--problems` (later folders win
on a slug). A parsed spec is cached (pickled, keyed by the spec's bytes and the judge's own
code), and `judge list` reads a small index of summaries, so a command parses only the specs
changed since the last one.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from pathlib import Path

from judge.errors import UsageError
from judge.records import asdict, record
from judge.spec import Problem, parse


def _load(path: Path) -> Problem:
    """A spec, parsed once and then kept in the cache (reading YAML and checking every field
    costs about 3 ms a spec; unpickling the result, a tenth of that)."""
    try:
        raw = path.read_bytes()
    except OSError:
        return parse(path)  # which says why it cannot be read
    from judge.cache import cache_dir, code_version, key, write_atomically

    where = key(os.fsencode(path.resolve()))[:8]
    stored = cache_dir() / "specs" / f"{path.stem}-{where}-{key(code_version(), raw)}.pickle"
    import pickle

    try:
        problem = pickle.loads(stored.read_bytes())
        if isinstance(problem, Problem) and problem.source == raw and problem.path == path:
            return problem
    except Exception:  # missing, damaged or from other code: parse again
        pass
    problem = parse(path, raw)
    try:  # an edited spec's earlier versions
        for stale in stored.parent.glob(f"{path.stem}-{where}-*.pickle"):
            stale.unlink(missing_ok=True)
    except OSError:
        pass
    write_atomically(stored, pickle.dumps(problem, pickle.HIGHEST_PROTOCOL))
    return problem


def bundled_dirs() -> tuple[Path, Path]:
    """The bundled problems and solutions: inside the installed package, or the source tree."""
    here = Path(__file__).resolve().parent
    packaged = here / "_data"
    if (packaged / "problems").is_dir():
        return packaged / "problems", packaged / "solutions"
    return here.parent / "problems", here.parent / "solutions"


def problem_dirs(extra: Iterable[str | os.PathLike] = ()) -> list[Path]:
    """Bundled first, then `JUDGE_PROBLEMS`, then `--problems`: later folders win on a slug."""
    dirs = [bundled_dirs()[0]]
    env = os.environ.get("JUDGE_PROBLEMS", "")
    dirs += [Path(p) for p in env.split(os.pathsep) if p]
    given = [Path(p) for p in extra]
    for d in dirs[1:] + given:
        if not d.is_dir():
            raise UsageError(f"problems folder not found: {d}")
    for d in given:  # (JUDGE_PROBLEMS may name a folder that has no spec yet)
        if not any(d.glob("*.yaml")):
            raise UsageError(_no_specs(d))
    return dirs + given


def _no_specs(folder: Path) -> str:
    """Why a problems folder gives no problem, and where its specs probably are: a package
    root is the likeliest mistake (its specs are in `problems/` inside it)."""
    message = f"problems folder {folder} holds no problem spec (*.yaml)"
    try:
        inside = sorted(d for d in folder.iterdir() if d.is_dir() and any(d.glob("*.yaml")))
    except OSError:
        inside = []
    if inside:
        message += f"; did you mean --problems {inside[0]}?"
    return message


_INDEX_FORMAT = 1
# Patterns, not compiled ones: `re` compiles each the first time it is used (most commands never
# use them), at a cost a start-up notices.
_NUMBER = r"\d+(?:\.\d+)?"


@record(frozen=True)
class Summary:
    """The few facts about a problem that listing and finding it need."""

    number: int | str
    slug: str
    title: str
    difficulty: str
    tags: list[str]
    method: str

    @classmethod
    def of(cls, problem: Problem) -> Summary:
        return cls(
            problem.number,
            problem.slug,
            problem.title,
            problem.difficulty,
            list(problem.tags),
            problem.method,
        )


class Catalog:
    """Every known problem, by slug; specs are loaded and validated on first use."""

    def __init__(self, extra_dirs: Iterable[str | os.PathLike] = ()) -> None:
        self.paths: dict[str, Path] = {}
        self.dirs = problem_dirs(extra_dirs)
        for d in self.dirs:
            for path in sorted(d.glob("*.yaml")):
                self.paths[path.stem] = path
        self._loaded: dict[str, Problem] = {}

    def __contains__(self, slug: str) -> bool:
        return slug in self.paths

    def get(self, slug: str) -> Problem:
        """The problem named `slug`, or a usage error suggesting the closest names."""
        if slug not in self.paths:
            import difflib

            # A typed fragment ("merg", "sorted-array") names the slugs that contain it; the
            # edit distance alone finds only near-whole names.
            within = sorted((s for s in self.paths if len(slug) >= 3 and slug in s), key=len)
            similar = difflib.get_close_matches(slug, list(self.paths), n=3, cutoff=0.5)
            close = list(dict.fromkeys(within + similar))[:3]
            hint = f"; did you mean {' or '.join(close)}?" if close else "; `judge list` shows them"
            own = spec_near(self, [Path.cwd()], slug, set())
            if own:  # the author's own spec, here but not loaded: that is the likelier fix
                hint = f"; {own}"
            raise UsageError(f"unknown problem {slug!r}{hint}")
        if slug not in self._loaded:
            self._loaded[slug] = _load(self.paths[slug])
        return self._loaded[slug]

    def find(self, name: str) -> Problem:
        """The problem named `name`, or numbered `name` on LeetCode (`88`, `17.14`): a number
        is what a user sees first on LeetCode's page."""
        if name not in self.paths and re.fullmatch(_NUMBER, name):
            slugs = [s.slug for s in self.summaries() if str(s.number) == name]
            if len(slugs) > 1:
                raise UsageError(f"problem {name} is {' or '.join(slugs)}; pass the slug")
            if slugs:
                return self.get(slugs[0])
        return self.get(name)

    def all(self) -> list[Problem]:
        """Every problem, ordered by LeetCode number then slug."""
        problems = [self.get(slug) for slug in self.paths]
        return sorted(problems, key=lambda p: (_number_key(p.number), p.slug))

    def summaries(self) -> list[Summary]:
        """What `judge list` shows of every problem, in the same order as `all()`. Read from a
        small index in the cache, so only specs changed since the last call are parsed."""
        from judge.cache import cache_dir, write_atomically

        index_path = cache_dir() / "catalog.json"
        try:
            index = json.loads(index_path.read_text())
            entries = index["entries"] if index.get("format") == _INDEX_FORMAT else {}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            entries = {}
        found, changed = [], False
        for slug, path in self.paths.items():
            try:
                info = path.stat()
            except OSError:
                raise UsageError(f"{path}: cannot read the problem spec") from None
            stamp = [info.st_mtime_ns, info.st_size]
            entry = entries.get(str(path))
            if isinstance(entry, dict) and entry.get("stamp") == stamp:
                try:
                    found.append(Summary(**entry["summary"]))
                    continue
                except (TypeError, KeyError):
                    pass
            summary = Summary.of(self.get(slug))
            entries[str(path)] = {"stamp": stamp, "summary": asdict(summary)}
            found.append(summary)
            changed = True
        if changed:
            # Specs from folders used once (e.g. a temporary --problems DIR) are dropped.
            entries = {path: entry for path, entry in entries.items() if os.path.exists(path)}
            data = {"format": _INDEX_FORMAT, "entries": entries}
            write_atomically(index_path, json.dumps(data).encode())
        return sorted(found, key=lambda p: (_number_key(p.number), p.slug))


def _number_key(number: int | str) -> tuple[int, float, str]:
    """LeetCode's numbered problems first, then the rest (interview questions such as 17.14)."""
    if isinstance(number, int):
        return (0, number, "")
    try:
        return (1, float(number), number)
    except ValueError:
        return (2, 0.0, number)


_METHOD = rb"(?m)^\s*method:\s*['\"]?(\w+)"
_NEARBY_SPECS = 200  # a hint is not worth reading a large folder of YAML for


def nearby_hint(catalog: Catalog, file: Path, slug: str | None, methods: Iterable[str]) -> str:
    """Where the problem a file solves may be, when no loaded spec is it: an author's own
    specs in a `problems/` folder above the file or in the current folder, or next to either.
    Names the folder to pass as `--problems` (and `JUDGE_PROBLEMS`, to pass it once for all)."""
    starts = [file.resolve().parent, Path.cwd()]
    own = spec_near(catalog, starts, slug or file.stem, set(methods))
    if own:
        return own
    found = [folder for folder in _places(catalog, starts) if _specs(folder)]
    if found:
        folders = " or ".join(_relative(f) for f in found[:2])
        return f"if it is in {folders}, add --problems with that folder"
    return (
        "for a problem of your own, add --problems DIR, the folder of its spec "
        "(or set JUDGE_PROBLEMS=DIR)"
    )


def _places(catalog: Catalog, starts: list[Path]) -> list[Path]:
    """Folders where an author keeps specs, nearest first: each start and up to three folders
    above it, and their `problems/`; those already loaded are left out."""
    loaded = {d.resolve() for d in catalog.dirs}
    places: list[Path] = []
    for start in starts:
        for folder in (start, *list(start.parents)[:3]):
            places += [folder / "problems", folder]
    return [p for p in dict.fromkeys(places) if p.is_dir() and p.resolve() not in loaded]


def _specs(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.yaml"))[:_NEARBY_SPECS]


def spec_near(catalog: Catalog, starts: list[Path], slug: str, methods: set[str]) -> str | None:
    """How to load a spec near `starts` named `slug` or defining one of `methods`, if any."""
    for folder in _places(catalog, starts):
        for spec in _specs(folder):
            if spec.stem == slug or _defines(spec, methods):
                return (
                    f"{_relative(spec)} may be it: add --problems {_relative(folder)} (or set "
                    f"JUDGE_PROBLEMS={folder.resolve()} to load that folder every time)"
                )
    return None


def _defines(spec: Path, methods: set[str]) -> bool:
    """Whether a YAML file looks like the spec of a problem with one of `methods`."""
    if not methods:
        return False
    try:
        with spec.open("rb") as f:
            head = f.read(64 * 1024)
    except OSError:
        return False
    return any(m.group(1).decode() in methods for m in re.finditer(_METHOD, head))


def _relative(path: Path) -> str:
    """A path as the user would type it from here."""
    try:
        shown = os.path.relpath(path)
    except ValueError:  # another drive
        return str(path)
    return shown if not shown.startswith("../../..") else str(path.resolve())


def load_problem(path: Path) -> Problem:
    """Load one spec file (raises SpecError naming the file, key and line)."""
    return _load(path)
