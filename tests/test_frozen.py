"""The Frozen record base behaves like a frozen dataclass."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, ClassVar

import pytest

from cis_facts.frozen import Frozen, FrozenInstanceError, field_names, field_types


class Point(Frozen):
    x: int
    y: int = 0
    label: str | None = None
    kind: ClassVar[str] = "point"


class Named(Point, kw_only=True):
    name: str


def test_fields_defaults_and_positional_arguments() -> None:
    point = Point(1)
    assert (point.x, point.y, point.label) == (1, 0, None)
    assert Point(1, 2, "a") == Point(x=1, y=2, label="a")
    assert field_names(point) == ("x", "y", "label")
    assert field_types(point)["label"] == "str | None"


def test_subclass_fields_follow_base_fields_and_only_they_are_keyword_only() -> None:
    named = Named(x=1, name="n")
    assert field_names(named) == ("x", "y", "label", "name")
    # As with dataclasses, kw_only=True covers the fields the class itself declares.
    assert Named(1, 2, name="n") == Named(x=1, y=2, name="n")
    with pytest.raises(TypeError, match="at most 3 positional"):
        Named(1, 2, "a", "n")  # type: ignore[misc]


def test_missing_unknown_and_repeated_fields_are_errors() -> None:
    with pytest.raises(TypeError, match="missing field 'x'"):
        Point()  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="unexpected field 'z'"):
        Point(1, z=2)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="'x' twice"):
        Point(1, x=2)  # type: ignore[misc]


def test_records_are_immutable() -> None:
    point = Point(1)
    with pytest.raises(FrozenInstanceError):
        point.x = 2  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del point.x  # type: ignore[misc]


def test_equality_hash_repr_and_replace() -> None:
    assert Point(1, 2) == Point(1, 2) != Point(1, 3)
    assert Point(1) != Named(x=1, name="n")
    assert len({Point(1, 2), Point(1, 2), Point(2)}) == 2
    assert repr(Point(1, 2)) == "Point(x=1, y=2, label=None)"
    moved = Point(1, 2).replace(y=5)
    assert moved == Point(1, 5)


class AllByName(Frozen, kw_only=True):
    a: int = 0


class Extended(AllByName):
    b: int = 1


@dataclasses.dataclass(frozen=True, kw_only=True)
class DcAllByName:
    a: int = 0


@dataclasses.dataclass(frozen=True)
class DcExtended(DcAllByName):
    b: int = 1


@dataclasses.dataclass(frozen=True)
class DcPoint:
    x: int
    y: int = 0
    label: str | None = None


@dataclasses.dataclass(frozen=True, kw_only=True)
class DcNamed(DcPoint):
    name: str


def _outcome(make: Any) -> Any:
    try:
        record = make()
    except TypeError:
        return TypeError
    return dataclasses.astuple(record) if dataclasses.is_dataclass(record) else record._values()


@pytest.mark.parametrize(
    ("ours", "theirs", "args", "kwargs"),
    [
        (Named, DcNamed, (1, 2), {"name": "n"}),
        (Named, DcNamed, (1, 2, "a", "n"), {}),
        (Named, DcNamed, (), {"x": 1, "name": "n"}),
        (Named, DcNamed, (1,), {}),
        (Extended, DcExtended, (5,), {}),
        (Extended, DcExtended, (5,), {"a": 3}),
        (Extended, DcExtended, (5, 6), {}),
        (Extended, DcExtended, (), {}),
        (Point, DcPoint, (1, 2, "a"), {}),
        (Point, DcPoint, (1, 2, "a", 4), {}),
    ],
)
def test_construction_accepts_and_refuses_what_dataclasses_do(
    ours: type, theirs: type, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> None:
    assert _outcome(lambda: ours(*args, **kwargs)) == _outcome(lambda: theirs(*args, **kwargs))


def test_inherited_kw_only_does_not_spread_to_subclass_fields() -> None:
    assert Extended(5) == Extended(a=0, b=5)
    with pytest.raises(TypeError, match="at most 1 positional"):
        Extended(5, 6)  # type: ignore[misc]
    with pytest.raises(TypeError, match="keyword arguments only"):
        AllByName(1)  # type: ignore[misc]


@pytest.mark.parametrize("default", [[], {}, set(), bytearray()], ids=type)
def test_mutable_defaults_are_refused_like_dataclasses(default: object) -> None:
    with pytest.raises(ValueError, match="mutable default"):
        dataclasses.dataclass(type("Dc", (), {"__annotations__": {"v": "object"}, "v": default}))
    with pytest.raises(ValueError, match=f"mutable default {type(default).__name__} for field 'v'"):
        type("Shared", (Frozen,), {"__annotations__": {"v": "object"}, "v": default})


def test_read_only_mapping_default_is_allowed_and_immutable() -> None:
    class Headers(Frozen):
        headers: Mapping[str, str] = MappingProxyType({})

    first, second = Headers(), Headers()
    assert first.headers is second.headers
    with pytest.raises(TypeError):
        first.headers["x"] = "y"  # type: ignore[index]


def test_field_without_default_after_default_is_refused_like_dataclasses() -> None:
    with pytest.raises(TypeError, match="non-default argument 'b' follows default argument"):

        class Broken(Frozen):
            a: int = 0
            b: int

    class AlsoFine(Point, kw_only=True):
        required: str  # keyword-only: may follow defaults

    assert AlsoFine(1, required="r").required == "r"
