"""Stories: named, curated sets of entries. The record queries return, and how it is built."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from timeline.projections.history import parse_recorded
from timeline.projections.rows import EntryRow, StoryRow


@dataclass(frozen=True, slots=True)
class Story:
    slug: str
    title: str
    description: str | None
    created_by: str | None
    created_at: datetime
    position: int
    entry_count: int  # active entries shown on it (merged-away entries not counted)


def to_story(row: StoryRow, entry_count: int) -> Story:
    return Story(
        slug=row.slug, title=row.title, description=row.description,
        created_by=row.created_by, created_at=parse_recorded(row.created_at),
        position=row.position, entry_count=entry_count,
    )


def is_shown(row: EntryRow) -> bool:
    return row.status == "active" and row.merged_into is None


def count_in_memory(entries: Iterable[EntryRow], slug: str) -> int:
    return sum(1 for row in entries if slug in row.stories and is_shown(row))


_STORY_SQL = (
    "SELECT st.slug, st.title, st.description, st.created_by, st.created_at, st.position,"
    " (SELECT COUNT(*) FROM tl_story_entries s JOIN tl_entries e ON e.entry_id = s.entry_id"
    "  WHERE s.slug = st.slug AND e.status = 'active' AND e.merged_into IS NULL)"
    " FROM tl_stories st"
)


def select_stories(conn: sqlite3.Connection, slug: str | None = None) -> list[Story]:
    """Every story in creation order, or the one named ``slug``."""
    if slug is None:
        rows = conn.execute(_STORY_SQL + " ORDER BY st.position")
    else:
        rows = conn.execute(_STORY_SQL + " WHERE st.slug = ?", (slug,))
    return [to_story(StoryRow(*r[:6]), r[6]) for r in rows]
