"""A story's own history (created, renamed, entries added and removed) and its renames.

The archive fold (``fold.py``) creates each story's row from ``StoryCreated``; this module folds
what happens to the story afterwards: ``StoryRenamed`` sets the row's title and description,
and every story event leaves an item in ``tl_story_history``. The summaries are pure functions
of the event and the story (or entry) it touched; ``apply_story_event`` is their SQL side, run
by ``ArchiveProjection`` after the archive fold in the same transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Protocol

from events import Sink, StoredEvent
from timeline.projections.history import actor_of
from timeline.projections.rows import EntryRow, StoryRow

STORY_HISTORY_DDL = """
CREATE TABLE IF NOT EXISTS {table} (
    slug TEXT NOT NULL, position INTEGER NOT NULL, recorded_at TEXT NOT NULL,
    type TEXT NOT NULL, summary TEXT NOT NULL, actor TEXT, reason TEXT, entry_id TEXT,
    PRIMARY KEY (slug, position, type)
) WITHOUT ROWID;
"""
STORY_TABLES = ("tl_story_history",)
#: The events a story's history may hold (an article's, when it was ingested into a story).
STORY_EVENTS = ("StoryCreated", "StoryRenamed", "EventAddedToStory", "EventRemovedFromStory",
                "ArticleIngested")
_TYPES = {"StoryCreated": "created", "StoryRenamed": "renamed",
          "EventAddedToStory": "entry_added", "EventRemovedFromStory": "entry_removed",
          "ArticleIngested": "article_added"}


def story_of(event: StoredEvent) -> str | None:
    """The story ``event`` (one of ``STORY_EVENTS``) happened to: an article's is the story it
    was ingested into, if any (its extracted entries are born on it)."""
    if event.type == "ArticleIngested":
        story: str | None = event.data.get("story")
        return story
    slug: str = event.data["slug"]
    return slug


class StoryStore(Protocol):
    """The in-memory stories and entries a bulk rebuild keeps (``bulk.BulkStore``)."""

    @property
    def stories(self) -> Mapping[str, StoryRow]: ...

    @property
    def entries(self) -> Mapping[str, EntryRow]: ...

    def put_story(self, row: StoryRow) -> None: ...


@dataclass(frozen=True, slots=True)
class StoryHistoryRow:
    """One thing that happened to a story; ``entry_id`` for an entry added or removed."""

    slug: str
    position: int
    recorded_at: str
    type: str
    summary: str
    actor: str | None
    reason: str | None
    entry_id: str | None = None


def renamed(row: StoryRow, event: StoredEvent) -> StoryRow:
    """The story as ``StoryRenamed`` left it."""
    return replace(row, title=event.data["title"], description=event.data.get("description"))


def story_summary(event: StoredEvent, before: StoryRow | None, headline: str | None) -> str:
    """What ``event`` did to its story (``before``: the story as it was; ``headline``: that
    of the entry added or removed)."""
    d = event.data
    about = f"entry {d.get('entry_id')}" + (f" ({headline!r})" if headline else "")
    match event.type:
        case "StoryCreated":
            return f"created as {d['title']!r}"
        case "StoryRenamed" if before is not None:
            return _rename_summary(before, event)
        case "EventAddedToStory":
            return f"{about} added"
        case "EventRemovedFromStory":
            return f"{about} removed"
        case "ArticleIngested":
            title = f" ({d['title']!r})" if d.get("title") else ""
            return f"article {d['article_id']}{title}, revision {d['revision']}, added"
    return event.type


def _rename_summary(before: StoryRow, event: StoredEvent) -> str:
    parts = []
    if event.data["title"] != before.title:
        parts.append(f"title: {before.title!r} -> {event.data['title']!r}")
    if event.data.get("description") != before.description:
        parts.append(f"description: {before.description!r} -> {event.data.get('description')!r}")
    return "renamed " + ("; ".join(parts) if parts else "(no change)")


def story_history_row(event: StoredEvent, before: StoryRow | None,
                      headline: str | None = None) -> StoryHistoryRow:
    return StoryHistoryRow(
        slug=story_of(event) or "", position=event.position, recorded_at=event.recorded_at,
        type=_TYPES[event.type], summary=story_summary(event, before, headline),
        actor=actor_of(event), reason=event.data.get("reason"),
        entry_id=event.data.get("entry_id"),
    )


def create_story_tables(conn: sqlite3.Connection, *, suffix: str = "") -> None:
    conn.execute(STORY_HISTORY_DDL.format(table="tl_story_history" + suffix))


def drop_story_tables(conn: sqlite3.Connection, *, suffix: str = "") -> None:
    for table in STORY_TABLES:
        conn.execute(f"DROP TABLE IF EXISTS {table}{suffix}")


_STORY = "SELECT slug, title, description, created_by, created_at, position FROM tl_stories"


def _story(conn: sqlite3.Connection, slug: str) -> StoryRow | None:
    row = conn.execute(_STORY + " WHERE slug = ?", (slug,)).fetchone()
    return StoryRow(*row) if row else None


def _headline(conn: sqlite3.Connection, entry_id: str | None) -> str | None:
    if entry_id is None:
        return None
    row = conn.execute("SELECT headline FROM tl_entries WHERE entry_id = ?",
                       (entry_id,)).fetchone()
    return row[0] if row else None


def apply_story_event(conn: sqlite3.Connection, event: StoredEvent) -> None:
    """Fold one event into the stories' titles and history (others are ignored)."""
    if event.type not in STORY_EVENTS or (slug := story_of(event)) is None:
        return
    before = _story(conn, slug)
    if event.type == "StoryRenamed":
        if before is None:
            return
        after = renamed(before, event)
        conn.execute("UPDATE tl_stories SET title = ?, description = ? WHERE slug = ?",
                     (after.title, after.description, after.slug))
    item = story_history_row(event, before, _headline(conn, event.data.get("entry_id")))
    insert_story_history(conn, [item])


def insert_story_history(conn: Sink, items: Iterable[StoryHistoryRow],
                         *, suffix: str = "") -> None:
    conn.executemany(
        f"INSERT OR REPLACE INTO tl_story_history{suffix} (slug, position, recorded_at, type,"
        " summary, actor, reason, entry_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(i.slug, i.position, i.recorded_at, i.type, i.summary, i.actor, i.reason, i.entry_id)
         for i in items],
    )


def fold_story_event(store: StoryStore, event: StoredEvent) -> StoryHistoryRow | None:
    """``apply_story_event`` over in-memory stories and entries (a bulk rebuild): rename the
    story in ``store``; the history item the event leaves (None: not a story event)."""
    if event.type not in STORY_EVENTS or (slug := story_of(event)) is None:
        return None
    before = store.stories.get(slug)
    if event.type == "StoryRenamed":
        if before is None:
            return None
        store.put_story(renamed(before, event))
    entry = store.entries.get(event.data.get("entry_id") or "")
    return story_history_row(event, before, entry.headline if entry else None)


class StoryHistoryBuffer:
    """The stories' history a run of events leaves, folded in memory (``fold_story_event``:
    a bulk rebuild, a batched projection) and written with one statement."""

    def __init__(self) -> None:
        self.items: dict[tuple[str, int, str], StoryHistoryRow] = {}

    def fold(self, store: StoryStore, event: StoredEvent) -> None:
        item = fold_story_event(store, event)
        if item is not None:  # a later item with the same key replaces it, as in SQL
            self.items[(item.slug, item.position, item.type)] = item

    def write(self, conn: Sink, *, suffix: str = "") -> None:
        insert_story_history(conn, self.items.values(), suffix=suffix)
        self.items.clear()


def select_story_history(conn: sqlite3.Connection, slug: str,
                         position: int | None = None) -> list[StoryHistoryRow]:
    """The story's history, oldest first (up to ``position`` when given)."""
    rows = conn.execute(
        "SELECT slug, position, recorded_at, type, summary, actor, reason, entry_id"
        " FROM tl_story_history WHERE slug = ? AND position <= ? ORDER BY position",
        (slug, position if position is not None else 2**62),
    )
    return [StoryHistoryRow(*r) for r in rows]
