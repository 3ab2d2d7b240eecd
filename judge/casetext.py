"""Read a case the way LeetCode users write one, into a problem's input by parameter name.

Two forms are taken, as LeetCode shows them: the `name = value` pairs of a problem's
examples (`nums = [1,3,-1], k = 3`, pairs separated by commas or new lines) and the test-case
panel's one value per line, in the order of the parameters (`[1,3,-1]` then `3`). Values are
LeetCode's JSON text: `null`, `true`, `[3,5,1,null,2]`, `"abc"`. Only the syntax and the names
are checked here; whether the values fit the problem is `trial`'s question.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from judge.errors import UsageError

_NAME = re.compile(r"[A-Za-z_]\w*")
_NAMED = re.compile(r"\s*[A-Za-z_]\w*\s*=(?!=)")
_SPACE = re.compile(r"[ \t\r]*")
_BLANK = re.compile(r"[\s,]*")
# Python's spellings, which LeetCode's text never uses: named in the error, not guessed at.
_PYTHON = {"None": "null", "True": "true", "False": "false"}
_SHOWN = 24  # characters of the text shown where it goes wrong


class CaseTextError(UsageError):
    """A case that cannot be read: says which part, in one line."""


_decoder = json.JSONDecoder(parse_constant=lambda name: _refuse_constant(name))


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a LeetCode value")


def _near(text: str, at: int) -> str:
    """The text from `at`, cut short, as the error shows it."""
    rest = text[at:].splitlines()[0] if text[at:].strip() else ""
    if not rest:
        return "the end of the case"
    return repr(rest if len(rest) <= _SHOWN else rest[:_SHOWN] + "…")


def _value(text: str, at: int, what: str) -> tuple[Any, int]:
    """One JSON value starting at `at`, and where it ends."""
    try:
        return _decoder.raw_decode(text, at)
    except ValueError:
        pass
    word = _NAME.match(text, at)
    rest = text[at:]
    hint = ""
    if word and word.group() in _PYTHON:
        hint = f" (LeetCode writes {_PYTHON[word.group()]}, not {word.group()})"
    elif any(name in rest for name in _PYTHON):
        hint = " (LeetCode writes null, true and false, not None, True and False)"
    elif "'" in rest.split("\n")[0]:
        hint = ' (strings take double quotes: "abc")'
    raise CaseTextError(f"cannot read {what} at {_near(text, at)}{hint}")


def _separator(text: str, at: int) -> int:
    """Past the comma or line end after a value; ValueError if something else follows."""
    at = _SPACE.match(text, at).end()  # type: ignore[union-attr]
    if at < len(text) and text[at] not in ",\n;":
        raise CaseTextError(f"expected a comma or a new line after a value, at {_near(text, at)}")
    return _BLANK.match(text, at).end()  # type: ignore[union-attr]


def parse(text: str, params: Sequence[str]) -> dict[str, Any]:
    """The input by parameter name, in the parameters' order, from one case's text."""
    if not text.strip():
        raise CaseTextError("no input given")
    values = _named(text, params) if _NAMED.match(text) else _positional(text, params)
    return {name: values[name] for name in params}


def _named(text: str, params: Sequence[str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    at = _BLANK.match(text).end()  # type: ignore[union-attr]
    while at < len(text):
        match = _NAMED.match(text, at)
        if match is None:
            raise CaseTextError(f'expected "name = value" at {_near(text, at)}')
        name = match.group().split("=")[0].strip()
        if name not in params:
            raise CaseTextError(f"{name!r} is not a parameter (parameters: {', '.join(params)})")
        if name in values:
            raise CaseTextError(f"{name} is given twice")
        at = _SPACE.match(text, match.end()).end()  # type: ignore[union-attr]
        values[name], at = _value(text, at, f"the value of {name}")
        at = _separator(text, at)
    missing = [name for name in params if name not in values]
    if missing:
        raise CaseTextError(f"missing {', '.join(missing)} (parameters: {', '.join(params)})")
    return values


def _positional(text: str, params: Sequence[str]) -> dict[str, Any]:
    found: list[Any] = []
    at = _BLANK.match(text).end()  # type: ignore[union-attr]
    while at < len(text):
        word = _NAME.match(text, at)
        if word and word.group() not in ("null", "true", "false", *_PYTHON):
            raise CaseTextError(f'expected "name = value" or a value at {_near(text, at)}')
        if len(found) == len(params):
            raise CaseTextError(
                f"more values than the {len(params)} parameters ({', '.join(params)}), "
                f"from {_near(text, at)}"
            )
        value, at = _value(text, at, f"the value of {params[len(found)]}")
        found.append(value)
        at = _separator(text, at)
    if len(found) < len(params):
        missing = ", ".join(params[len(found) :])
        every = ", ".join(params)
        raise CaseTextError(f"missing {missing}: give one value per parameter ({every})")
    return dict(zip(params, found))
