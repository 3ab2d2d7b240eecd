"""Records with named fields that cost next to nothing to define and to make.

The judge defines its protocol's messages and its verdict facts at every start, and makes one
per case: a dataclass costs about a millisecond to define (it compiles its methods) and a named
tuple a quarter of one, where a plain class with `__slots__` and its own `__init__` costs a few
microseconds. Records are not changed after they are made; equal when of one type with equal
fields.
"""

from __future__ import annotations

from typing import Any


class Record:
    """Base of a record: subclasses name their fields in `__slots__` and set them in
    `__init__`."""

    __slots__: tuple[str, ...] = ()

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self._values() == other._values()

    def __hash__(self) -> int:
        return hash((type(self).__name__, self._values()))

    def __repr__(self) -> str:
        fields = ", ".join(f"{n}={getattr(self, n)!r}" for n in self.__slots__)
        return f"{type(self).__name__}({fields})"

    def replace(self, **changes: Any) -> Any:
        """A copy with some fields changed."""
        values = {name: getattr(self, name) for name in self.__slots__}
        return type(self)(**{**values, **changes})
