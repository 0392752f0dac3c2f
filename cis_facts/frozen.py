"""A light base for immutable records: a frozen dataclass without generated code.

``dataclasses`` compiles an ``__init__``, ``__eq__``, ``__hash__``, ``__repr__`` and
``__setattr__`` for every class it decorates; at start-up that cost more than parsing the
fact base. ``Frozen`` reads the field names from the class annotations once and shares
one generic implementation, so defining a record class costs almost nothing (measured in
benchmarks/README.md: the record classes on the path of a query cost several milliseconds
more as dataclasses). Type checkers see the classes as frozen dataclasses through
``dataclass_transform``; ``tests/test_frozen.py`` checks that they behave like them.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

if TYPE_CHECKING:
    from typing_extensions import Self, dataclass_transform
else:

    def dataclass_transform(**_: object) -> Callable[[type], type]:
        return lambda cls: cls


T = TypeVar("T", bound="Frozen")


class FrozenInstanceError(AttributeError):
    """Raised on an attempt to change a field of a frozen record."""


@dataclass_transform(frozen_default=True)
class Frozen:
    """Subclass and annotate fields; give defaults as class attributes.

    Behaves like ``@dataclass(frozen=True)``: class keyword ``kw_only=True`` makes the
    fields that class declares keyword-only (inherited fields keep their own kind); a
    field without a default after a positional one with a default is refused when the
    class is defined, and so is a mutable default (a list, dict, set: any unhashable
    value), which every record would share. Where it differs: a read-only
    ``types.MappingProxyType`` default is allowed, since it cannot be changed through a
    record; there is no ``field()`` / ``default_factory``.
    """

    _fields: ClassVar[tuple[str, ...]] = ()
    _types: ClassVar[dict[str, str]] = {}
    _defaults: ClassVar[dict[str, Any]] = {}
    _field_set: ClassVar[frozenset[str]] = frozenset()
    _required: ClassVar[frozenset[str]] = frozenset()
    _positional: ClassVar[tuple[str, ...]] = ()
    _own_kw_only: ClassVar[bool] = False

    def __init_subclass__(cls, kw_only: bool = False, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._own_kw_only = kw_only
        names: dict[str, str] = {}
        keyword: dict[str, bool] = {}
        defaults: dict[str, Any] = {}
        for klass in reversed(cls.__mro__):
            own = vars(klass)
            for name, annotation in own.get("__annotations__", {}).items():
                if str(annotation).startswith(("ClassVar", "typing.ClassVar")):
                    continue
                names[name] = str(annotation)
                keyword[name] = own.get("_own_kw_only", False)
                if name in own:
                    defaults[name] = _checked_default(cls, name, own[name])
        cls._fields = tuple(names)
        cls._types = names
        cls._defaults = defaults
        cls._field_set = frozenset(names)
        cls._required = frozenset(names.keys() - defaults.keys())
        cls._positional = tuple(name for name in names if not keyword[name])
        _check_order(cls._positional, defaults)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if args:
            kwargs = self._with_positional(args, kwargs)
        names = kwargs.keys()
        if not names <= self._field_set or not self._required <= names:
            self._complain(names)
        state = self.__dict__
        state.update(self._defaults)
        state.update(kwargs)

    def _with_positional(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> dict[str, Any]:
        name = type(self).__name__
        if not self._positional:
            raise TypeError(f"{name}() takes keyword arguments only")
        if len(args) > len(self._positional):
            raise TypeError(f"{name}() takes at most {len(self._positional)} positional fields")
        merged = dict(zip(self._positional, args, strict=False))
        for key in kwargs.keys() & merged.keys():
            raise TypeError(f"{name}() got {key!r} twice")
        merged.update(kwargs)
        return merged

    def _complain(self, names: Any) -> None:
        name = type(self).__name__
        for key in names - self._field_set:
            raise TypeError(f"{name}() got an unexpected field {key!r}")
        missing = sorted(self._required - names, key=self._fields.index)
        raise TypeError(f"{name}() missing field {missing[0]!r}")

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._fields)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash((type(self).__name__, self._values()))

    def __repr__(self) -> str:
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__name__}({inner})"

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def replace(self, **changes: Any) -> Self:
        """A copy with some fields changed."""
        values = {name: getattr(self, name) for name in self._fields}
        values.update(changes)
        return type(self)(**values)


def _checked_default(cls: type, name: str, value: Any) -> Any:
    if type(value).__hash__ is None and not isinstance(value, MappingProxyType):
        raise ValueError(
            f"mutable default {type(value).__name__} for field {name!r} of {cls.__name__} "
            "is not allowed: every record would share it (use a tuple, a frozenset or None)"
        )
    return value


def _check_order(positional: tuple[str, ...], defaults: dict[str, Any]) -> None:
    seen_default = False
    for name in positional:
        if name in defaults:
            seen_default = True
        elif seen_default:
            raise TypeError(f"non-default argument {name!r} follows default argument")


def field_names(record: Frozen) -> tuple[str, ...]:
    """The record's fields, in declaration order (base classes first)."""
    return record._fields


def field_types(record: Frozen) -> dict[str, str]:
    """The record's fields with their annotations as written, in declaration order."""
    return dict(record._types)


def from_rows(cls: type[T], rows: Iterable[tuple[Any, ...]]) -> tuple[T, ...]:
    """Records of ``cls``, each from a value for every field in declaration order.

    For values validated when they were first loaded (the fact-base cache): nothing is
    checked again, which makes this several times faster than calling the class.
    """
    new, fields, records = object.__new__, cls._fields, []
    for row in rows:
        record = new(cls)
        record.__dict__.update(zip(fields, row, strict=True))
        records.append(record)
    return tuple(records)


def record_values(names: tuple[str, ...]) -> Callable[[Frozen], tuple[Any, ...]]:
    """A function giving a record's values of ``names`` as a tuple, in that order."""
    pick = operator.itemgetter(*names)
    if len(names) == 1:
        return lambda record: (pick(vars(record)),)
    return lambda record: pick(vars(record))
