"""Queries over the live read models: order, filters, search, pages, "as of"."""

from __future__ import annotations

import pytest

from events import NewEvent
from tests.projections.builders import append_article
from timeline.archive import Archive
from timeline.errors import InvalidInput, NotFound
from timeline.projections.queries import EventQuery, find_entries, get_entry, get_story

ENTRIES = [
    ("Puerto reabre el muelle", "2025-12-14", "day"),
    ("Molino cierra", "194X", "decade"),
    ("Huelga del metro", "2025-12", "month"),
    ("Acuerdo con la alcaldía", "2025-12-14", "day"),
    ("Ferrocarril llega", "1947", "year"),
    ("Presa construida", "1978/1982", "interval"),
]


@pytest.fixture
def filled(archive: Archive) -> Archive:
    append_article(archive.log, "a1", 1, ENTRIES[:3])
    append_article(archive.log, "a2", 1, ENTRIES[3:], lang="en")
    archive.catch_up()
    return archive


def headlines(archive: Archive, **kw: object) -> list[str]:
    return [e.headline for e in find_entries(archive, EventQuery(**kw)).entries]  # type: ignore


def test_order_is_start_then_finest_precision_then_position(filled: Archive) -> None:
    assert headlines(filled) == [
        "Molino cierra", "Ferrocarril llega", "Presa construida", "Huelga del metro",
        "Puerto reabre el muelle", "Acuerdo con la alcaldía",
    ]


@pytest.mark.parametrize(("date_from", "date_to", "expected"), [
    ("1948-05-01", "1948-06-30", ["Molino cierra"]),
    ("1947", "1947", ["Molino cierra", "Ferrocarril llega"]),
    ("1980", "1980", ["Presa construida"]),
    ("2025-12-15", None, ["Huelga del metro"]),
    (None, "1945", ["Molino cierra"]),
])
def test_a_fuzzy_date_overlaps_a_range_it_intersects(filled: Archive, date_from: str | None,
                                                      date_to: str | None,
                                                      expected: list[str]) -> None:
    assert headlines(filled, date_from=date_from, date_to=date_to) == expected


@pytest.mark.parametrize(("kw", "expected"), [
    ({"q": "muelle"}, ["Puerto reabre el muelle"]),
    ({"q": "ALCALDIA"}, ["Acuerdo con la alcaldía"]),
    ({"q": 'metro" OR "molino* NEAR('}, []),
    ({"q": "huelga metro"}, ["Huelga del metro"]),
    ({"actor": "molino"}, ["Molino cierra"]),
    ({"lang": "en", "date_from": "1970"}, ["Presa construida", "Acuerdo con la alcaldía"]),
    ({"source": "a1", "date_from": "2000"}, ["Huelga del metro", "Puerto reabre el muelle"]),
    ({"source": "https://diario.example.net/a2", "q": "presa"}, ["Presa construida"]),
])
def test_filters(filled: Archive, kw: dict, expected: list[str]) -> None:
    assert headlines(filled, **kw) == expected


def test_pages_follow_the_cursor_without_gaps_or_repeats(filled: Archive) -> None:
    seen, cursor = [], None
    while True:
        page = find_entries(filled, EventQuery(limit=4, cursor=cursor))
        seen += [e.headline for e in page.entries]
        if not (cursor := page.next_cursor):
            break
    assert seen == headlines(filled)


@pytest.mark.parametrize(("kw", "field"), [
    ({"cursor": "not-a-cursor!"}, "cursor"), ({"cursor": "WzEsMiwzXQ"}, "cursor"),
    ({"limit": 0}, "limit"), ({"limit": 501}, "limit"), ({"status": "gone"}, "status"),
    ({"date_from": "yesterday"}, "date_from"), ({"as_of": "soon"}, "as_of"),
])
def test_bad_input_names_its_field(filled: Archive, kw: dict, field: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        find_entries(filled, EventQuery(**kw))
    assert caught.value.field == field


def test_as_of_answers_as_the_archive_stood(filled: Archive) -> None:
    before = filled.log.head().recorded_at
    (entry,) = find_entries(filled, EventQuery(q="molino")).entries
    filled.log.append(f"entry-{entry.entry_id}", [NewEvent(
        "EventRetracted", {"entry_id": entry.entry_id, "reason": "falso"})])
    filled.catch_up()
    assert "Molino cierra" not in headlines(filled)
    assert "Molino cierra" in headlines(filled, as_of=before)
    assert get_entry(filled, entry.entry_id, as_of=before).status == "active"
    assert get_entry(filled, entry.entry_id).history[-1].reason == "falso"


def test_unknown_entry_and_story_are_not_found(filled: Archive) -> None:
    with pytest.raises(NotFound):
        get_entry(filled, "nope")
    with pytest.raises(NotFound):
        get_story(filled, "nope")
    with pytest.raises(NotFound):
        get_entry(filled, "a1-r1-0", as_of="2000-01-01")


def test_iter_entries_follows_every_page(filled: Archive) -> None:
    from timeline.projections.queries import iter_entries

    every = [e.headline for e in iter_entries(filled, EventQuery(limit=1))]
    assert every == headlines(filled)


def test_the_pages_of_one_as_of_query_read_the_snapshot_once(
    filled: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    from timeline.projections import queries

    reads: list[int] = []
    real = queries.snapshot
    monkeypatch.setattr(queries, "snapshot", lambda *a, **k: reads.append(1) or real(*a, **k))
    as_of = filled.log.head().recorded_at
    pages = list(queries.iter_entries(filled, EventQuery(as_of=as_of, limit=2)))
    assert len(pages) == len(ENTRIES) and len(reads) == 1
