"""Records with named fields that cost next to nothing to define and to make.

The judge defines its records at every start: a dataclass costs about a millisecond to define
(it compiles its methods from generated source) and a named tuple a quarter of one. `@record`
takes a class written as a dataclass and compiles only its `__init__`, the first time a record
of that class is made (a command defines many it never makes); `Record` is for those
the judge defines most often or makes per case (protocol messages, verdict facts): a plain class
with `__slots__` and its own `__init__`, which costs a few microseconds. Either kind is equal to
another of its type with equal fields.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

T = TypeVar("T")


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


# Records declared as dataclasses are. ---------------------------------------------------------
#
# A dataclass compiles five to eight methods for every class; `@record` compiles `__init__`
# alone (a tenth of the time) and shares one `__eq__`, `__repr__` and `__hash__` among all.

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform
else:

    def dataclass_transform(**_: Any) -> Callable[[T], T]:
        return lambda function: function


_MISSING: Any = type("_Missing", (), {"__repr__": lambda self: "MISSING"})()
_FIELDS = "__record_fields__"  # every field's name, in order
_SHOWN = "__record_shown__"  # the fields repr shows
_COMPARED = "__record_compared__"  # the fields equality and hashing look at


class FrozenError(AttributeError):
    """A field of a frozen record was assigned or deleted."""


class _Field:
    __slots__ = ("compare", "default", "factory", "repr")

    def __init__(self, default: Any, factory: Any, repr: bool, compare: bool) -> None:
        self.default, self.factory, self.repr, self.compare = default, factory, repr, compare


def field(
    *,
    default: Any = _MISSING,
    default_factory: Callable[[], Any] = _MISSING,
    repr: bool = True,
    compare: bool = True,
) -> Any:
    """A field's default (or the function that makes a fresh one for each record), and whether
    repr shows it and equality looks at it: dataclasses' `field`, in part."""
    return _Field(default, default_factory, repr, compare)


@dataclass_transform(field_specifiers=(field,))
def record(cls: type[T] | None = None, /, *, frozen: bool = False) -> Any:
    """Make a class a record: `__init__` from its annotated fields (defaults and `field`s as in
    a dataclass), equality and repr field by field, hashable and read-only when `frozen`."""

    def make(cls: type[T]) -> type[T]:
        return _make(cls, frozen)

    return make if cls is None else make(cls)


def _make(cls: type[T], frozen: bool) -> type[T]:
    fields: list[tuple[str, _Field]] = []
    # The class's own annotations: `inspect.get_annotations` would cost an import of inspect.
    for name, kind in cls.__dict__.get("__annotations__", {}).items():  # noqa: RUF063
        if str(kind).startswith(("ClassVar", "typing.ClassVar")):
            continue
        value = cls.__dict__.get(name, _MISSING)
        spec = value if isinstance(value, _Field) else _Field(value, _MISSING, True, True)
        if isinstance(value, _Field):  # the class keeps a plain default, as a dataclass does
            if spec.default is _MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, spec.default)
        fields.append((name, spec))
    names = tuple(name for name, _ in fields)
    methods: dict[str, Any] = {
        _FIELDS: names,
        _SHOWN: tuple(name for name, spec in fields if spec.repr),
        _COMPARED: tuple(name for name, spec in fields if spec.compare),
        "__match_args__": names,
        "__init__": _init(cls, fields, frozen),
    }
    own = cls.__dict__
    if "__repr__" not in own:
        methods["__repr__"] = _repr
    if "__eq__" not in own:
        methods["__eq__"] = _eq
        if "__hash__" not in own:
            methods["__hash__"] = _hash if frozen else None
    if frozen:
        methods["__setattr__"], methods["__delattr__"] = _refuse_set, _refuse_delete
    for name, value in methods.items():
        setattr(cls, name, value)
    return cls


def _init(cls: type, fields: list[tuple[str, _Field]], frozen: bool) -> Callable[..., None]:
    """`__init__`, compiled from source as a dataclass's is (as fast to call as one written
    out), when the first record is made: until then a stand-in that compiles it, puts it in
    its place and calls it. The fields are checked now, when the class is defined."""
    scope: dict[str, Any] = {"MISSING": _MISSING}
    params, lines = [], []
    for name, spec in fields:
        value = name
        if spec.factory is not _MISSING:
            scope[f"_make_{name}"] = spec.factory
            params.append(f"{name}=MISSING")
            value = f"_make_{name}() if {name} is MISSING else {name}"
        elif spec.default is not _MISSING:
            scope[f"_default_{name}"] = spec.default
            params.append(f"{name}=_default_{name}")
        elif params and "=" in params[-1]:
            raise TypeError(f"{cls.__name__}: field {name!r} without a default follows one with")
        else:
            params.append(name)
        lines.append(f"    fields[{name!r}] = {value}" if frozen else f"    self.{name} = {value}")
    head = "    fields = self.__dict__\n" if frozen and lines else ""
    body = head + "\n".join(lines or ["    pass"])
    source = f"def __init__(self, {', '.join(params)}):\n{body}\n"

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        if cls.__dict__.get("__init__") is __init__:  # not compiled yet (or by another thread)
            exec(source, scope)
            compiled = scope["__init__"]
            compiled.__qualname__ = f"{cls.__qualname__}.__init__"
            type.__setattr__(cls, "__init__", compiled)
        cls.__dict__["__init__"](self, *args, **kwargs)

    __init__.__qualname__ = f"{cls.__qualname__}.__init__"
    return __init__


def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in getattr(self, _SHOWN))
    return f"{type(self).__qualname__}({shown})"


def _compared(self: Any) -> tuple[Any, ...]:
    return tuple(getattr(self, name) for name in getattr(self, _COMPARED))


def _eq(self: Any, other: object) -> bool:
    if other.__class__ is not self.__class__:
        return NotImplemented
    return _compared(self) == _compared(other)


def _hash(self: Any) -> int:
    return hash(_compared(self))


def _refuse_set(self: Any, name: str, value: Any) -> None:
    raise FrozenError(f"cannot assign to field {name!r} of a frozen {type(self).__name__}")


def _refuse_delete(self: Any, name: str) -> None:
    raise FrozenError(f"cannot delete field {name!r} of a frozen {type(self).__name__}")


def asdict(value: Any) -> Any:
    """A record as a dict of its fields, records within it (also in lists, tuples and dicts)
    turned into dicts too: dataclasses' `asdict`, without copying anything else."""
    if hasattr(type(value), _FIELDS):
        return {name: asdict(getattr(value, name)) for name in getattr(value, _FIELDS)}
    if isinstance(value, (list, tuple)) and not hasattr(value, "_fields"):
        return type(value)(asdict(item) for item in value)
    if isinstance(value, dict):
        return {asdict(key): asdict(item) for key, item in value.items()}
    return value
