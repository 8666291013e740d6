"""``tl_story_days``: the evidence a story's digest counts, kept in step with its entries.

One row per (story, entry) for every active entry on a story, keyed by the first day its date
can mean: its article, that article's publication day, how the date was derived, its
salience, its language and whether the date is a single day (``day`` = 1) or a coarser period
(``start``..``end``).
Merged-away entries keep their row: a merge changes what is shown, not how many articles date
a happening to a day. The digest reads these rows (an index range per story) instead of
decoding entries or re-reading articles.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from timeline.projections.rows import EntryRow

Key = tuple[str, ...]


def evidence(row: EntryRow | None) -> tuple[Any, ...] | None:
    """What the rows of ``row`` depend on (None: it has none)."""
    if row is None or row.status != "active" or not row.stories:
        return None
    return (row.stories, row.start, row.end, row.precision, row.article_id,
            row.source.published, row.derivation, row.salience, row.lang)


def story_day_rows(row: EntryRow) -> list[tuple[Any, ...]]:
    """The ``tl_story_days`` rows of an active entry (one per story it is on)."""
    day = 1 if row.precision == "day" else 0
    return [
        (slug, row.start, row.entry_id, row.end, day, row.article_id, row.source.published,
         row.derivation, row.salience, row.lang)
        for slug in row.stories
    ]


def sync_story_days(conn: sqlite3.Connection, row: EntryRow, previous: EntryRow | None) -> None:
    """Replace the rows of ``previous`` by those of ``row`` when their evidence differs."""
    before, after = evidence(previous), evidence(row)
    if before == after:
        return
    if before is not None and previous is not None:
        conn.executemany(
            "DELETE FROM tl_story_days WHERE slug = ? AND start = ? AND entry_id = ?",
            [(slug, previous.start, previous.entry_id) for slug in previous.stories],
        )
    if after is not None:
        conn.executemany(
            'INSERT OR REPLACE INTO tl_story_days (slug, start, entry_id, "end", day,'
            " article_id, published, derivation, salience, lang)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            story_day_rows(row),
        )
