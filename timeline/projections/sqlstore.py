"""The fold's ``Store`` over the ``tl_`` tables (parameterised SQL only)."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from timeline.projections.columns import (
    ENTRY_COLUMNS,
    ENTRY_FIELDS,
    actor_words_of,
    dump_state,
    entry_from_sql,
    entry_values,
)
from timeline.projections.fts import FTS_INDEX_NEW
from timeline.projections.rows import ArticleRow, EntryRow, HistoryRow, MergeRow, StoryRow
from timeline.projections.story_days import sync_story_days

ENTRY_SELECT = "SELECT " + ", ".join(ENTRY_COLUMNS[:-1]) + " FROM tl_entries"

#: The versions' writes: an entry's new latest version, and the state its previous one keeps.
CURRENT_VERSION = (
    "INSERT OR REPLACE INTO tl_entry_versions (entry_id, position, state) VALUES (?, ?, NULL)"
)
KEEP_STATE = "UPDATE tl_entry_versions SET state = ? WHERE entry_id = ? AND state IS NULL"


def _column(name: str) -> str:
    return '"end"' if name == "end" else name


class SqlStore:
    """Reads and writes rows inside the projector's transaction on ``conn``.

    Every entry change is also kept as a version (the entry's state after the event at
    ``position``), from which "as of" queries read the archive at any past position. An entry's
    latest version has no state of its own (NULL: its ``tl_entries`` row); when the entry
    changes, that version gets the JSON of the state it stood for (``KEEP_STATE``)."""

    def __init__(self, conn: sqlite3.Connection, *, position: int = 0) -> None:
        self.conn = conn
        self.position = position

    def article(self, article_id: str) -> ArticleRow | None:
        row = self.conn.execute(
            "SELECT article_id, revision, url, title, published, lang, story, position"
            " FROM tl_articles WHERE article_id = ?", (article_id,)
        ).fetchone()
        return ArticleRow(*row) if row else None

    def put_article(self, row: ArticleRow) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO tl_articles (article_id, revision, url, title, published,"
            " lang, story, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (row.article_id, row.revision, row.url, row.title, row.published, row.lang,
             row.story, row.position),
        )

    def entry(self, entry_id: str) -> EntryRow | None:
        row = self.conn.execute(ENTRY_SELECT + " WHERE entry_id = ?", (entry_id,)).fetchone()
        return entry_from_sql(row) if row else None

    def put_entry(self, row: EntryRow, previous: EntryRow | None) -> None:
        values = entry_values(row)
        if previous is not None:
            self.conn.execute(KEEP_STATE, (dump_state(entry_values(previous)), row.entry_id))
        self.conn.execute(CURRENT_VERSION, (row.entry_id, self.position))
        if previous is None:
            self._insert_entry(values)
        else:
            changed = {
                name: values[name] for name in ENTRY_FIELDS
                if getattr(row, name) != getattr(previous, name)
            }
            if row.prank != previous.prank:
                changed["prank"] = row.prank
            if changed:
                sets = ", ".join(f"{_column(k)} = ?" for k in changed)
                self.conn.execute(
                    f"UPDATE tl_entries SET {sets} WHERE entry_id = ?",
                    (*changed.values(), row.entry_id),
                )
        self._sync_stories(row, previous)
        self._sync_actor_words(row, previous)
        sync_story_days(self.conn, row, previous)

    def _insert_entry(self, values: dict[str, Any]) -> None:
        columns = ", ".join(_column(k) for k in values)
        marks = ", ".join("?" for _ in values)
        added = self.conn.execute(
            f"INSERT INTO tl_entries ({columns}) VALUES ({marks})", tuple(values.values())
        )
        self.conn.execute(FTS_INDEX_NEW, (int(added.lastrowid or 0) - 1,))  # the new row alone

    def _sync_stories(self, row: EntryRow, previous: EntryRow | None) -> None:
        """Keep ``tl_story_entries`` (memberships with the entry's sort key) in step."""
        before = set(previous.stories) if previous else set()
        after = set(row.stories)
        if previous is not None and before and previous.sort_key != row.sort_key:
            self.conn.execute(
                "UPDATE tl_story_entries SET start = ?, prank = ?, position = ?"
                " WHERE entry_id = ?", (*row.sort_key, row.entry_id),
            )
        if before - after:
            self.conn.executemany(
                "DELETE FROM tl_story_entries WHERE slug = ? AND entry_id = ?",
                [(slug, row.entry_id) for slug in sorted(before - after)],
            )
        if after - before:
            self.conn.executemany(
                "INSERT OR IGNORE INTO tl_story_entries (slug, entry_id, start, prank, position)"
                " VALUES (?, ?, ?, ?, ?)",
                [(slug, row.entry_id, *row.sort_key) for slug in sorted(after - before)],
            )

    def _sync_actor_words(self, row: EntryRow, previous: EntryRow | None) -> None:
        """Keep ``tl_actor_words`` (each word of each actor's name, folded) in step."""
        if previous is not None and previous.actors == row.actors:
            return
        if previous is not None:
            self.conn.executemany(
                "DELETE FROM tl_actor_words WHERE word = ? AND entry_id = ? AND actor = ?",
                actor_words_of(previous),
            )
        self.conn.executemany(
            "INSERT OR IGNORE INTO tl_actor_words (word, entry_id, actor) VALUES (?, ?, ?)",
            actor_words_of(row),
        )

    def entries_of_article(self, article_id: str) -> list[EntryRow]:
        rows = self.conn.execute(
            ENTRY_SELECT + " WHERE article_id = ? ORDER BY position", (article_id,)
        )
        return [entry_from_sql(r) for r in rows]

    def members(self, primary: str) -> list[EntryRow]:
        rows = self.conn.execute(
            ENTRY_SELECT + " WHERE merged_into = ? ORDER BY position", (primary,)
        )
        return [entry_from_sql(r) for r in rows]

    def merge(self, merge_id: str) -> MergeRow | None:
        row = self.conn.execute(
            "SELECT merge_id, primary_id, entry_ids, undone, position FROM tl_merges"
            " WHERE merge_id = ?", (merge_id,)
        ).fetchone()
        if row is None:
            return None
        return MergeRow(row[0], row[1], tuple(json.loads(row[2])), bool(row[3]), row[4])

    def put_merge(self, row: MergeRow) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO tl_merges (merge_id, primary_id, entry_ids, undone,"
            " position) VALUES (?, ?, ?, ?, ?)",
            (row.merge_id, row.primary, json.dumps(list(row.entry_ids)), int(row.undone),
             row.position),
        )

    def put_story(self, row: StoryRow) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO tl_stories (slug, title, description, created_by,"
            " created_at, position) VALUES (?, ?, ?, ?, ?, ?)",
            (row.slug, row.title, row.description, row.created_by, row.created_at,
             row.position),
        )

    def add_history(self, row: HistoryRow) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO tl_history (entry_id, position, recorded_at, type, summary,"
            " actor, reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (row.entry_id, row.position, row.recorded_at, row.type, row.summary, row.actor,
             row.reason),
        )
