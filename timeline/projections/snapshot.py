"""The archive as it stood at a past log position, read from the entry versions.

Every change to an entry is kept in ``tl_entry_versions`` (its state after the event at that
position), so the archive "as of" position ``p`` is, for each entry, its latest version at or
before ``p``: one indexed pass in SQLite instead of replaying the log. A version without a state
is the entry's latest, whose state is its live ``tl_entries`` row. For one story, only the
entries on it now and those its own stream ever added or removed are looked up (an entry
joins a story when its article is ingested into it or through ``EventAddedToStory``, and leaves
it only through ``EventRemovedFromStory``), and those whose state then names the story are kept.
"""

from __future__ import annotations

from typing import Any

from events import SqliteEventLog
from timeline.projections.columns import ENTRY_COLUMNS, entry_from_sql, entry_from_state
from timeline.projections.fold import story_row
from timeline.projections.memory import MemoryStore
from timeline.projections.rows import EntryRow, HistoryRow
from timeline.projections.story_log import renamed

_WITH_LIVE = (
    "SELECT v.state, " + ", ".join("e." + c for c in ENTRY_COLUMNS[:-1]) + " FROM ({versions}) v"
    " LEFT JOIN tl_entries e ON v.state IS NULL AND e.entry_id = v.entry_id"
)
# SQLite takes the bare column ``state`` from the row holding MAX(position) in each group.
_LATEST = _WITH_LIVE.format(versions=(
    "SELECT entry_id, state, MAX(position) FROM tl_entry_versions WHERE position <= ?{only}"
    " GROUP BY entry_id"
))
_ONE = _WITH_LIVE.format(versions=(
    "SELECT entry_id, state FROM tl_entry_versions WHERE entry_id = ? AND position <= ?"
    " ORDER BY position DESC LIMIT 1"
))


def _version(row: tuple[Any, ...]) -> EntryRow:
    """An entry from a row of ``_WITH_LIVE``: its kept state, else its live row."""
    return entry_from_state(row[0]) if row[0] is not None else entry_from_sql(row[1:])


def snapshot(
    log: SqliteEventLog,
    position: int,
    *,
    story: str | None = None,
    entry_id: str | None = None,
) -> MemoryStore:
    """Entries (all, one story's, or one), stories and, for one entry, its history, as of
    ``position``. Entries outside the filter are simply absent."""
    conn = log.conn
    store = MemoryStore()
    store.position = position
    if story is not None:
        _story_entries(log, position, story, store)
    else:
        params: list[object] = [position] + ([entry_id] if entry_id else [])
        latest = _LATEST.format(only=" AND entry_id = ?" if entry_id else "")
        for row in conn.execute(latest, params):
            entry = _version(row)
            store.entries[entry.entry_id] = entry
    _stories(log, position, store)
    if entry_id:
        store.history[entry_id] = [HistoryRow(*r) for r in conn.execute(
            "SELECT entry_id, position, recorded_at, type, summary, actor, reason"
            " FROM tl_history WHERE entry_id = ? AND position <= ? ORDER BY position",
            (entry_id, position),
        )]
    return store


def _story_entries(log: SqliteEventLog, position: int, slug: str, store: MemoryStore) -> None:
    """An entry was on the story at ``position`` only if it existed then and is on the story
    now, or the story's stream added it by then, or removed it at any time (an entry born on
    it, with its article, leaves it only by a removal): those candidates' versions at
    ``position`` say whether it was."""
    candidates: dict[str, None] = dict.fromkeys(entry_id for (entry_id,) in log.conn.execute(
        "SELECT entry_id FROM tl_story_entries WHERE slug = ? AND position <= ?"
        " ORDER BY position", (slug, position)))  # members now that existed then
    for event in log.read_stream(f"story-{slug}"):  # a removal after ``position`` counts too
        if event.type == "EventRemovedFromStory" or (
                event.type == "EventAddedToStory" and event.position <= position):
            candidates[event.data["entry_id"]] = None
    for entry_id in candidates:
        row = log.conn.execute(_ONE, (entry_id, position)).fetchone()
        if row is not None:
            entry = _version(row)
            if slug in entry.stories:
                store.entries[entry_id] = entry


def _stories(log: SqliteEventLog, position: int, store: MemoryStore) -> None:
    """Each story as its creation and renames up to ``position`` made it (stories are few)."""
    for (slug,) in log.conn.execute("SELECT slug FROM tl_stories ORDER BY position"):
        for event in log.read_stream(f"story-{slug}"):
            if event.position > position:
                break
            if event.type == "StoryCreated":
                store.stories[slug] = story_row(event)
            elif event.type == "StoryRenamed" and slug in store.stories:
                store.stories[slug] = renamed(store.stories[slug], event)
