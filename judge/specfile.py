"""Read a YAML spec keeping line numbers, and check its fields strictly (unknown, missing, type)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from judge.errors import SpecError

# PyYAML is imported on first use: specs are parsed once and then come from the cache, so most
# commands never need it (it costs a tenth of the judge's start-up).
_TYPE_NAMES = {
    str: "a string",
    int: "an integer",
    bool: "true or false",
    list: "a list",
    dict: "a mapping",
}


class SpecFile:
    """A parsed spec: its data, and the line of every key and list item for error messages."""

    def __init__(
        self,
        path: Path,
        raw: bytes,
        data: Any,
        lines: dict[tuple, int],
        blocks: dict[tuple, int] | None = None,
    ) -> None:
        self.path, self.raw, self.data, self.lines = path, raw, data, lines
        # The first line of each block scalar's text (`key: |` then the text): where a line of
        # that text, such as the generators' source, lies in the file.
        self.blocks = blocks or {}

    @classmethod
    def read(cls, path: Path, raw: bytes | None = None) -> SpecFile:
        """Parse the spec at `path` (its bytes `raw`, if already read)."""
        try:
            raw = path.read_bytes() if raw is None else raw
        except OSError as exc:
            raise SpecError(str(path), None, "", f"cannot read: {exc.strerror}") from None
        import yaml

        try:
            loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(raw)
            try:
                node = loader.get_single_node()
                data = loader.construct_document(node) if node is not None else None
            finally:
                loader.dispose()
        except yaml.MarkedYAMLError as exc:
            line = exc.problem_mark.line + 1 if exc.problem_mark else None
            raise SpecError(str(path), line, "", f"not valid YAML: {exc.problem}") from None
        except yaml.YAMLError as exc:
            raise SpecError(str(path), None, "", f"not valid YAML: {exc}") from None
        if not isinstance(data, dict):
            raise SpecError(str(path), 1, "", "a spec must be a YAML mapping")
        lines: dict[tuple, int] = {}
        blocks: dict[tuple, int] = {}
        _record_lines(node, (), lines, blocks)
        return cls(path, raw, data, lines, blocks)

    def line(self, where: tuple) -> int | None:
        """The line of the deepest recorded key on the path `where`."""
        for end in range(len(where), -1, -1):
            if where[:end] in self.lines:
                return self.lines[where[:end]]
        return None

    def fail(self, where: tuple, message: str) -> None:
        """Raise a SpecError for the key at `where`."""
        raise SpecError(str(self.path), self.line(where), _dotted(where), message)


def _dotted(where: tuple) -> str:
    out = ""
    for part in where:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _record_lines(
    node: Any, where: tuple, lines: dict[tuple, int], blocks: dict[tuple, int], depth: int = 0
) -> None:
    """Walk the node tree (not into case data, which can be large)."""
    import yaml

    lines[where] = node.start_mark.line + 1
    if isinstance(node, yaml.ScalarNode) and node.style in ("|", ">"):
        blocks[where] = node.start_mark.line + 2  # the text starts on the line after `|`
    if depth >= 4:
        return
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            k = (*where, key.value)
            _record_lines(value, k, lines, blocks, depth + 1)
            lines[k] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _record_lines(item, (*where, i), lines, blocks, depth + 1)


class Fields:
    """Checked access to one mapping of a spec. With `known`, the mapping's keys, a key not
    among them is refused at once; `done()` rejects the keys nobody asked for."""

    def __init__(self, spec: SpecFile, where: tuple, data: Any, known: tuple[str, ...] = ()):
        if not isinstance(data, dict):
            spec.fail(where, "must be a mapping")
        self.spec, self.where, self.data, self.known = spec, where, data, known
        self.used: set[str] = set()
        # Before any key is read: a misspelt key (`dificulty`) is what is wrong, not the
        # correct key it leaves missing, and the misspelt one has the line to point at.
        for key in data:
            if known and key not in known:
                self._unknown(key)

    def _unknown(self, key: Any) -> None:
        import difflib

        choices = list(self.known) or sorted(self.used)
        close = difflib.get_close_matches(str(key), choices, n=1, cutoff=0.6)
        hint = f"did you mean {close[0]!r}?" if close else f"known here: {', '.join(choices)}"
        self.spec.fail((*self.where, key), f"unknown key; {hint}")

    def get(self, key: str, kind: Any, allow_none: bool = False) -> Any:
        """A required key of type `kind` (a type or tuple of types)."""
        self.used.add(key)
        if key not in self.data:
            self.spec.fail(self.where, f"missing key {key!r}")
        return self._typed(key, self.data[key], kind, allow_none)

    def opt(self, key: str, kind: Any) -> Any:
        """An optional key: None when absent."""
        self.used.add(key)
        if key not in self.data or self.data[key] is None:
            return None
        return self._typed(key, self.data[key], kind, False)

    def text(self, key: str) -> str:
        value = self.get(key, str)
        if not value.strip():
            self.spec.fail((*self.where, key), "must not be empty")
        return value

    def positive(self, key: str) -> int:
        value = self.get(key, int)
        if value <= 0:
            self.spec.fail((*self.where, key), "must be a positive integer")
        return value

    def list(self, key: str, item_kind: type) -> list:
        items = self.get(key, list)
        for i, item in enumerate(items):
            self._typed(i, item, item_kind, False, where=(*self.where, key, i))
        return items

    def section(self, key: str, known: tuple[str, ...] = ()) -> Fields:
        return Fields(self.spec, (*self.where, key), self.get(key, dict), known)

    def done(self) -> None:
        for key in self.data:
            if key not in self.used:
                self._unknown(key)

    def _typed(self, key: Any, value: Any, kind: Any, allow_none: bool, where: tuple = ()) -> Any:
        where = where or (*self.where, key)
        if value is None and allow_none:
            return value
        kinds = kind if isinstance(kind, tuple) else (kind,)
        ok = isinstance(value, kinds) and not (isinstance(value, bool) and bool not in kinds)
        if not ok:
            wanted = " or ".join(_TYPE_NAMES.get(k, k.__name__) for k in kinds)
            self.spec.fail(where, f"must be {wanted}, not {type(value).__name__}")
        return value
