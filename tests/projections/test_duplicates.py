"""Possible duplicates of one entry: the bounded read of overlapping entries misses none that
the plain overlap query with the precision rule would find, whatever the precisions."""

from __future__ import annotations

import pytest

from tests.projections.builders import append_article, stepping_clock
from timeline.archive import Archive
from timeline.projections.duplicates import overlapping, select_duplicates, shown_entry
from timeline.projections.similarity import Candidate, dates_compatible

DATES = [("2025-12-03", "day"), ("2025-12", "month"), ("2025-21", "season"),
         ("2025-33", "quarter"), ("2025", "year"), ("202X", "decade"), ("20XX", "century"),
         ("2025-11-20/2026-02", "interval"), ("1999/2025", "interval"), ("2026-01-02", "day"),
         ("2024-12-31", "day"), ("2020", "year")]


@pytest.fixture
def archive():
    with Archive.open(":memory:", clock=stepping_clock()) as archive:
        for n, (edtf, precision) in enumerate(DATES):
            append_article(archive.log, f"a{n}", 1, [("Huelga del metro", edtf, precision)])
        archive.catch_up()
        yield archive


def plain(conn, entry: Candidate) -> set[str]:
    rows = conn.execute(
        "SELECT entry_id, article_id, headline, date, start, \"end\", prank, position"
        " FROM tl_entries WHERE start <= ? AND \"end\" >= ? AND entry_id != ?",
        (entry.end, entry.start, entry.entry_id))
    return {c.entry_id for c in (Candidate(*r) for r in rows) if dates_compatible(entry, c)}


@pytest.mark.parametrize("n", range(len(DATES)))
def test_the_bounded_read_finds_every_compatible_overlap(archive, n):
    conn = archive.log.conn
    entry = shown_entry(conn, f"a{n}-r1-0")
    assert {c.entry_id for c in overlapping(conn, entry)} == plain(conn, entry)
    found = {d.entry_id for d in select_duplicates(conn, entry.entry_id, limit=50)}
    assert found == plain(conn, entry)  # the same headline everywhere: all alike


def test_headlines_sharing_no_word_are_no_duplicates(archive):
    append_article(archive.log, "z", 1, [("Puerto reabre", "2025-12-03", "day")])
    archive.catch_up()
    assert select_duplicates(archive.log.conn, "z-r1-0") == []
