"""Possible duplicates of one entry: the active entries whose dates overlap its own, scored
with the same rule as the archive-wide merge suggestions (``similarity``).

Only entries of a precision at most one step from the entry's can match (``dates_compatible``),
and each precision but "interval" spans a bounded number of days, so the overlapping entries are
read from a narrow range of start days on the ``(status, start, prank)`` index rather than from
every entry starting before this one ends. A pair scoring at least ``THRESHOLD`` (0.5) must
share a headline word of three letters or more (the trigram part alone weighs 0.4), so entries
sharing none are dropped before the costlier trigram scoring, as the archive-wide sweep does.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta

from timeline.projections.similarity import (
    THRESHOLD,
    WORD_WEIGHT,
    Candidate,
    dates_compatible,
    score_pair,
    words,
)

_COLUMNS = "entry_id, article_id, headline, date, start, \"end\", prank, position"
#: The most days from start to end of a date of each precision rank (see PRECISIONS: day,
#: month, season, quarter, year, decade, century); an interval (rank 7) has no bound.
MAX_SPAN_DAYS = (0, 31, 92, 92, 366, 3653, 36525)


@dataclass(frozen=True, slots=True)
class Duplicate:
    """An entry that may report the same event as another, and how alike they are (0..1)."""

    entry_id: str
    headline: str
    date: str
    article_id: str
    score: float


def shown_entry(conn: sqlite3.Connection, entry_id: str) -> Candidate | None:
    """The entry, if it is active and not merged into another."""
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM tl_entries WHERE entry_id = ? AND status = 'active'"
        " AND merged_into IS NULL", (entry_id,)).fetchone()
    return Candidate(*row) if row else None


def overlapping(conn: sqlite3.Connection, entry: Candidate) -> list[Candidate]:
    """Every other shown entry whose dates overlap ``entry``'s and whose precision is at most
    one step from it."""
    low, high = entry.prank - 1, entry.prank + 1
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM tl_entries WHERE status = 'active' AND merged_into IS NULL"
        " AND start <= ? AND start >= ? AND \"end\" >= ? AND prank BETWEEN ? AND ?"
        " AND entry_id != ?",
        (entry.end, earliest_start(entry.start, high), entry.start, low, high, entry.entry_id))
    return [Candidate(*r) for r in rows]


def earliest_start(start: str, coarsest: int) -> str:
    """The earliest start day of a date of precision rank ``coarsest`` or finer that can still
    reach ``start`` (any, when an interval may)."""
    if coarsest >= len(MAX_SPAN_DAYS):
        return ""
    day = date.fromisoformat(start)
    span = timedelta(days=MAX_SPAN_DAYS[coarsest])
    return (day - span if day - date.min > span else date.min).isoformat()


def select_duplicates(conn: sqlite3.Connection, entry_id: str, *, limit: int = 5,
                      threshold: float = THRESHOLD) -> list[Duplicate]:
    """Shown entries alike enough to ``entry_id`` to be the same event, best first (none for
    an entry that is not itself shown)."""
    entry = shown_entry(conn, entry_id)
    if entry is None:
        return []
    own = words(entry.headline)
    must_share = threshold > 1 - WORD_WEIGHT
    found = []
    for other in overlapping(conn, entry):
        if other.article_id == entry.article_id or not dates_compatible(entry, other):
            continue  # cannot be the same event: no need to read the headline
        if must_share and not own & words(other.headline):
            continue
        score = score_pair(entry, other)
        if score is not None and score >= threshold:
            found.append(Duplicate(other.entry_id, other.headline, other.date,
                                   other.article_id, score))
    return sorted(found, key=lambda d: (-d.score, d.entry_id))[:limit]
