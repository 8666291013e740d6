"""Incremental projection of a batch of events: fold them all in memory, then write the batch's
changes into the live tables with one bulk statement per table.

``BatchStore`` is the rebuild's ``BulkStore`` whose misses read the live tables, each row at most
once a batch: whatever the fold reads is either a row it already changed (in memory) or the row
as the live tables hold it. ``write`` then stores what the batch changed exactly as ``SqlStore``
would have, event by event (``rebuild.write_changes`` into the live tables, then the new
entries into the full-text index in one statement), and the stories' history (``story_log``).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from events import StoredEvent
from timeline.projections.bulk import BulkStore
from timeline.projections.columns import entry_from_sql
from timeline.projections.fold import fold_event
from timeline.projections.fts import FTS_INDEX_NEW, LAST_ENTRY_ROWID
from timeline.projections.rebuild import write_changes
from timeline.projections.rows import ArticleRow, EntryRow, MergeRow, StoryRow
from timeline.projections.sqlstore import ENTRY_SELECT
from timeline.projections.story_log import (
    StoryHistoryBuffer,
)

_ARTICLE = ("SELECT article_id, revision, url, title, published, lang, story, position"
            " FROM tl_articles WHERE article_id = ?")
_MERGE = ("SELECT merge_id, primary_id, entry_ids, undone, position FROM tl_merges"
          " WHERE merge_id = ?")
_ENTRY = ENTRY_SELECT + " WHERE entry_id = ?"
_STORY = ("SELECT slug, title, description, created_by, created_at, position FROM tl_stories"
          " WHERE slug = ?")


class BatchStore(BulkStore):
    """The fold's ``Store`` for one batch: rows read from ``conn`` once, changes kept in memory.

    The by-article and by-merge lookups hold every cached entry where its current state puts it;
    the first lookup of a key also caches the live rows under that key (those not cached yet:
    a cached entry's state is newer than its live row)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        super().__init__()
        self.conn = conn
        self._absent: set[tuple[str, str]] = set()
        self._looked_up: set[tuple[str, str]] = set()

    def _read_once(self, kind: str, key: str, cache: dict[str, Any], sql: str,
                   make: Callable[[Any], Any]) -> None:
        """Put the live row ``sql`` finds for ``key`` in ``cache`` (as ``make`` builds it),
        unless it is there already or was found missing earlier in the batch."""
        if key in cache or (kind, key) in self._absent:
            return
        row = self.conn.execute(sql, (key,)).fetchone()
        if row is None:
            self._absent.add((kind, key))
        else:
            cache[key] = make(row)

    def article(self, article_id: str) -> ArticleRow | None:
        self._read_once("article", article_id, self.articles, _ARTICLE, lambda r: ArticleRow(*r))
        return self.articles.get(article_id)

    def entry(self, entry_id: str) -> EntryRow | None:
        if entry_id not in self.entries and ("entry", entry_id) not in self._absent:
            row = self.conn.execute(_ENTRY, (entry_id,)).fetchone()
            if row is None:
                self._absent.add(("entry", entry_id))
            else:
                self._cache(entry_from_sql(row))
        return self.entries.get(entry_id)

    def prefetch(self, entry_ids: Iterable[str]) -> None:
        """Read the live rows of ``entry_ids`` (those the batch names) with one query."""
        wanted = sorted({e for e in entry_ids if e not in self.entries})
        found = self.conn.execute(ENTRY_SELECT + " WHERE entry_id IN (SELECT value FROM"
                                  " json_each(?))", (json.dumps(wanted),))
        for values in found:
            self._cache(entry_from_sql(values))
        self._absent.update(("entry", e) for e in wanted if e not in self.entries)

    def _cache(self, row: EntryRow) -> None:
        self._index(row, None)
        self.entries[row.entry_id] = row

    def put_entry(self, row: EntryRow, previous: EntryRow | None) -> None:
        self.entry(row.entry_id)  # its live row, if any, is what the batch changes
        super().put_entry(row, previous)

    def _load(self, column: str, key: str) -> None:
        """Cache the live entries whose ``column`` is ``key`` (once a batch)."""
        if (column, key) in self._looked_up:
            return
        self._looked_up.add((column, key))
        for values in self.conn.execute(ENTRY_SELECT + f" WHERE {column} = ?", (key,)):
            if values[0] not in self.entries:
                self._cache(entry_from_sql(values))

    def entries_of_article(self, article_id: str) -> list[EntryRow]:
        self._load("article_id", article_id)
        return super().entries_of_article(article_id)

    def members(self, primary: str) -> list[EntryRow]:
        self._load("merged_into", primary)
        return super().members(primary)

    def merge(self, merge_id: str) -> MergeRow | None:
        self._read_once("merge", merge_id, self.merges, _MERGE, _merge_row)
        return self.merges.get(merge_id)

    def story(self, slug: str) -> StoryRow | None:
        self._read_once("story", slug, self.stories, _STORY, lambda r: StoryRow(*r))
        return self.stories.get(slug)


def _merge_row(row: Any) -> MergeRow:
    return MergeRow(row[0], row[1], tuple(json.loads(row[2])), bool(row[3]), row[4])


class ArchiveBatch:
    """One batch of events applied to the archive's live read models (see
    ``events.projector.Batch``): ``fold`` each event, then ``write`` once."""

    def __init__(self, conn: sqlite3.Connection, events: Sequence[StoredEvent]) -> None:
        self.conn = conn
        self.store = BatchStore(conn)
        self.store.prefetch(e.data["entry_id"] for e in events
                            if isinstance(e.data.get("entry_id"), str))
        self.story_history = StoryHistoryBuffer()

    def fold(self, event: StoredEvent) -> None:
        self.store.position = event.position
        fold_event(self.store, event)
        slug, entry_id = event.data.get("slug"), event.data.get("entry_id")
        if isinstance(slug, str):  # what the story's history reads, from the live rows once
            self.store.story(slug)
            if isinstance(entry_id, str):
                self.store.entry(entry_id)
        self.story_history.fold(self.store, event)

    def write(self) -> None:
        """Write every change the folded events made."""
        changes = self.store.take_changes()
        if changes:
            (last,) = self.conn.execute(LAST_ENTRY_ROWID).fetchone()
            write_changes(self.conn, changes, self.store, suffix="")
            self.conn.execute(FTS_INDEX_NEW, (last,))  # the new entries, in one statement
        self.story_history.write(self.conn)
