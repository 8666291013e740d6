"""Salience, places and kind through the projections: minor entries are kept but left out of
default answers; unscored entries (stored as v1) are always shown."""

from __future__ import annotations

import pytest

from tests.projections.builders import append_article
from timeline.archive import Archive
from timeline.model import SALIENCE_THRESHOLD
from timeline.projections.queries import (
    EventQuery,
    count_entries,
    find_entries,
    get_entry,
)

SCORED = [
    ("Kast gana la segunda vuelta", "2025-12-14", "day",
     {"salience": 0.95, "kind": "result", "places": ["Chile"], "derivation": "explicit"}),
    ("Kast saluda a sus seguidores", "2025-12-14", "day",
     {"salience": 0.2, "kind": "action", "places": ["Santiago"], "derivation": "narrative"}),
    ("El comando agradece", "2025-12-15", "day", {"salience": SALIENCE_THRESHOLD}),
    ("Llueve en la capital", "2025-12-15", "day", {"salience": 0.39}),
]
UNSCORED = [("Votación anticipada", "2025-12-10", "day", None)]


@pytest.fixture
def scored(archive: Archive) -> Archive:
    append_article(archive.log, "a1", 1, SCORED)
    append_article(archive.log, "a0", 1, UNSCORED)
    archive.catch_up()
    return archive


def headlines(archive: Archive, **kw: object) -> list[str]:
    return [e.headline for e in find_entries(archive, EventQuery(**kw)).entries]  # type: ignore


def test_by_default_minor_entries_are_left_out(scored: Archive) -> None:
    assert headlines(scored) == [
        "Votación anticipada", "Kast gana la segunda vuelta", "El comando agradece",
    ]


def test_include_minor_lists_every_entry(scored: Archive) -> None:
    every = headlines(scored, include_minor=True)
    assert len(every) == 5
    assert {"Kast saluda a sus seguidores", "Llueve en la capital"} <= set(every)


def test_the_threshold_applies_as_of_a_past_time_too(scored: Archive) -> None:
    now = scored.log.head().recorded_at
    assert headlines(scored, as_of=now) == headlines(scored)
    assert headlines(scored, as_of=now, include_minor=True) == headlines(
        scored, include_minor=True)


@pytest.mark.parametrize(("kw", "count"), [
    ({}, 3), ({"include_minor": True}, 5), ({"actor": "Kast"}, 1),
    ({"actor": "Kast", "include_minor": True}, 2), ({"q": "capital", "include_minor": True}, 1),
])
def test_count_entries_counts_what_find_entries_lists(scored: Archive, kw: dict,
                                                      count: int) -> None:
    assert count_entries(scored, EventQuery(**kw)) == count
    assert count_entries(scored, EventQuery(**kw), cap=2) == min(count, 2)


def test_places_salience_and_kind_come_back_on_the_entry(scored: Archive) -> None:
    (entry,) = find_entries(scored, EventQuery(q="gana")).entries
    assert (entry.places, entry.salience, entry.kind) == (("Chile",), 0.95, "result")
    assert not entry.is_minor


def test_a_v1_extraction_is_not_scored_and_always_shown(scored: Archive) -> None:
    (entry,) = find_entries(scored, EventQuery(q="anticipada")).entries
    assert (entry.places, entry.salience, entry.kind) == ((), None, None)
    assert entry.derivation == "explicit" and not entry.is_minor


def test_a_minor_entry_is_still_found_by_id(scored: Archive) -> None:
    entry = get_entry(scored, "a1-r1-1")
    assert entry.is_minor and entry.derivation == "narrative"
    assert entry.places == ("Santiago",)


def test_places_are_searchable_as_text(scored: Archive) -> None:
    assert headlines(scored, q="santiago", include_minor=True) == [
        "Kast saluda a sus seguidores"]

