"""``positional_constructor`` builds the same frozen records as their ``__init__``, or refuses."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import pytest
from hypothesis import given
from hypothesis import strategies as st

from events import StoredEvent, positional_constructor


@dataclass(frozen=True, slots=True)
class Point:
    x: int
    y: int
    label: str | None = None


build_point = positional_constructor(Point)


@given(st.integers(), st.integers(), st.none() | st.text())
def test_it_builds_what_init_builds(x: int, y: int, label: str | None) -> None:
    built = build_point(x, y, label)
    assert type(built) is Point
    assert built == Point(x, y, label) and hash(built) == hash(Point(x, y, label))


def test_defaults_apply_as_declared() -> None:
    assert build_point(1, 2) == Point(1, 2)


def test_what_it_builds_stays_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        build_point(1, 2).x = 3  # type: ignore[misc]


def test_a_missing_field_is_a_type_error_like_init() -> None:
    with pytest.raises(TypeError):
        build_point(1)


def test_stored_events_decode_through_it() -> None:
    fields = (1, "s", 1, "id", "T", 1, {}, {}, "2025-01-01T00:00:00.000000Z", "0" * 64, "h")
    assert positional_constructor(StoredEvent)(*fields) == StoredEvent(*fields)


@dataclass(frozen=True)
class NoSlots:
    x: int


@dataclass(frozen=True, slots=True)
class Checked:
    x: int

    def __post_init__(self) -> None:
        assert self.x > 0


@dataclass(frozen=True, slots=True)
class Factory:
    xs: list[int] = field(default_factory=list)


@dataclass(frozen=True, slots=True, kw_only=True)
class KeywordOnly:
    x: int


@pytest.mark.parametrize("cls", [NoSlots, Checked, Factory, KeywordOnly])
def test_classes_it_cannot_build_exactly_are_refused(cls: type) -> None:
    with pytest.raises(TypeError):
        positional_constructor(cls)
