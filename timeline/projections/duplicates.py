"""Possible duplicates of one entry: the active entries whose dates overlap its own, scored
with the same rule as the archive-wide merge suggestions (``similarity``)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from timeline.projections.similarity import THRESHOLD, Candidate, score_pair

_COLUMNS = "entry_id, article_id, headline, date, start, \"end\", prank, position"


@dataclass(frozen=True, slots=True)
class Duplicate:
    """An entry that may report the same event as another, and how alike they are (0..1)."""

    entry_id: str
    headline: str
    date: str
    article_id: str
    score: float


def _candidate(conn: sqlite3.Connection, entry_id: str) -> Candidate | None:
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM tl_entries WHERE entry_id = ? AND status = 'active'"
        " AND merged_into IS NULL", (entry_id,)).fetchone()
    return Candidate(*row) if row else None


def select_duplicates(conn: sqlite3.Connection, entry_id: str, *, limit: int = 5,
                      threshold: float = THRESHOLD) -> list[Duplicate]:
    """Shown entries alike enough to ``entry_id`` to be the same event, best first (none for
    an entry that is not itself shown)."""
    entry = _candidate(conn, entry_id)
    if entry is None:
        return []
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM tl_entries WHERE status = 'active' AND merged_into IS NULL"
        " AND start <= ? AND \"end\" >= ? AND entry_id != ?",
        (entry.end, entry.start, entry_id))
    found = []
    for other in (Candidate(*r) for r in rows):
        score = score_pair(entry, other)
        if score is not None and score >= threshold:
            found.append(Duplicate(other.entry_id, other.headline, other.date,
                                   other.article_id, score))
    return sorted(found, key=lambda d: (-d.score, d.entry_id))[:limit]
