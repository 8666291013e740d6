"""Properties: incremental projection equals a rebuild for any split of the log, and the archive
"as of" now equals the live read models."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.projections.builders import stepping_clock
from tests.projections.strategies import SLUGS, WORDS, Writer, ops
from timeline.archive import Archive
from timeline.projections.queries import (
    EventQuery,
    count_entries,
    find_entries,
    get_entry,
    list_stories,
)
from timeline.projections.schema import TABLES

PROPERTY = settings(max_examples=60, deadline=None)


def dump(conn: sqlite3.Connection) -> dict[str, Any]:
    tables = {t: sorted(map(tuple, conn.execute(f"SELECT * FROM {t}"))) for t in TABLES}
    tables["fts"] = {
        w: sorted(r[0] for r in conn.execute(
            "SELECT e.entry_id FROM tl_entries_fts f JOIN tl_entries e ON e.rowid = f.rowid"
            " WHERE tl_entries_fts MATCH ?", (w,)))
        for w in WORDS
    }
    return tables


@PROPERTY
@given(operations=ops, split=st.integers(0, 40))
def test_incremental_in_any_split_equals_rebuild(operations: list, split: int) -> None:
    with Archive.open(":memory:", clock=stepping_clock()) as archive:
        writer = Writer(archive.log)
        for operation in operations[:split]:
            writer.apply(operation)
        archive.catch_up()
        for operation in operations[split:]:
            writer.apply(operation)
            archive.catch_up() if split % 2 else None
        archive.catch_up()
        incremental = dump(archive.log.conn)
        archive.projector.rebuild()
        assert dump(archive.log.conn) == incremental


QUERIES = [EventQuery(status="all", limit=500), EventQuery(limit=500)] + [
    EventQuery(story=s, status="all", limit=500, include_minor=True) for s in SLUGS
] + [EventQuery(story=s, limit=500) for s in SLUGS] + [
    EventQuery(q=w, status="all", limit=500) for w in WORDS
] + [
    EventQuery(date_from="2025-12", date_to="2025-12-14", limit=500),
    EventQuery(source="art1", status="all", limit=500, include_minor=True),
] + [
    EventQuery(actor=a, limit=500, include_minor=minor)
    for a in ("metro", "Kast", "josé KAST", "kastner", "Jose Antonio Kast", "rio bravo")
    for minor in (False, True)
]


@PROPERTY
@given(operations=ops)
def test_as_of_now_equals_live(operations: list) -> None:
    with Archive.open(":memory:", clock=stepping_clock()) as archive:
        writer = Writer(archive.log)
        for operation in operations:
            writer.apply(operation)
        archive.catch_up()
        now = archive.log.head().recorded_at or "2026-01-01T00:00:00Z"
        for query in QUERIES:
            live = find_entries(archive, query)
            assert find_entries(archive, _as_of(query, now)) == live
            assert count_entries(archive, query) == len(live.entries)
            assert count_entries(archive, _as_of(query, now)) == len(live.entries)
        assert list_stories(archive, now) == list_stories(archive)
        for entry_id in writer.entries:
            assert get_entry(archive, entry_id, as_of=now) == get_entry(archive, entry_id)


def _as_of(query: EventQuery, now: str) -> EventQuery:
    return replace(query, as_of=now)


@PROPERTY
@given(operations=ops, split=st.integers(0, 40))
def test_as_of_a_past_time_equals_what_was_live_then(operations: list, split: int) -> None:
    with Archive.open(":memory:", clock=stepping_clock()) as archive:
        writer = Writer(archive.log)
        for operation in operations[:split]:
            writer.apply(operation)
        archive.catch_up()
        then = archive.log.head().recorded_at or "2026-01-01T00:00:00Z"
        live_then = [find_entries(archive, q) for q in QUERIES]
        stories_then = list_stories(archive)
        for operation in operations[split:]:
            writer.apply(operation)
        archive.catch_up()
        assert [find_entries(archive, _as_of(q, then)) for q in QUERIES] == live_then
        assert list_stories(archive, then) == stories_then
