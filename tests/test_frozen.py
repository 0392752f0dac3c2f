"""The Frozen record base behaves like a frozen dataclass."""

from __future__ import annotations

from typing import ClassVar

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


def test_subclass_fields_follow_base_fields_and_are_keyword_only() -> None:
    named = Named(x=1, name="n")
    assert field_names(named) == ("x", "y", "label", "name")
    with pytest.raises(TypeError, match="keyword"):
        Named(1, name="n")  # type: ignore[misc]


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
