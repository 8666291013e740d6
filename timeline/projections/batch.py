"""Incremental projection of a batch of events: fold them all in memory, then write the batch's
changes into the live tables with one bulk statement per table.

``BatchStore`` is the rebuild's ``BulkStore`` whose misses read the live tables, each row at most
once a batch: whatever the fold reads is either a row it already changed (in memory) or the row
as the live tables hold it. ``write`` then stores what the batch changed exactly as ``SqlStore``
would have, event by event (``rebuild.write_changes`` into the live tables, whose full-text
triggers keep the index in step), and the stories' history (``story_log``).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence

from events import StoredEvent
from timeline.projections.bulk import BulkStore
from timeline.projections.columns import entry_from_sql
from timeline.projections.fold import fold_event
from timeline.projections.rebuild import write_changes
from timeline.projections.rows import ArticleRow, EntryRow, MergeRow, StoryRow
from timeline.projections.sqlstore import ENTRY_SELECT
from timeline.projections.story_log import (
    StoryHistoryRow,
    fold_story_event,
    insert_story_history,
)

_ARTICLE = ("SELECT article_id, revision, url, title, published, lang, story, position"
            " FROM tl_articles WHERE article_id = ?")
_MERGE = ("SELECT merge_id, primary_id, entry_ids, undone, position FROM tl_merges"
          " WHERE merge_id = ?")
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

    def article(self, article_id: str) -> ArticleRow | None:
        if article_id not in self.articles and ("article", article_id) not in self._absent:
            row = self.conn.execute(_ARTICLE, (article_id,)).fetchone()
            if row is None:
                self._absent.add(("article", article_id))
            else:
                self.articles[article_id] = ArticleRow(*row)
        return self.articles.get(article_id)

    def entry(self, entry_id: str) -> EntryRow | None:
        if entry_id not in self.entries and ("entry", entry_id) not in self._absent:
            row = self.conn.execute(ENTRY_SELECT + " WHERE entry_id = ?",
                                    (entry_id,)).fetchone()
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
        if merge_id not in self.merges and ("merge", merge_id) not in self._absent:
            row = self.conn.execute(_MERGE, (merge_id,)).fetchone()
            if row is None:
                self._absent.add(("merge", merge_id))
            else:
                self.merges[merge_id] = MergeRow(row[0], row[1], tuple(json.loads(row[2])),
                                                 bool(row[3]), row[4])
        return self.merges.get(merge_id)

    def story(self, slug: str) -> StoryRow | None:
        if slug not in self.stories and ("story", slug) not in self._absent:
            row = self.conn.execute(_STORY, (slug,)).fetchone()
            if row is None:
                self._absent.add(("story", slug))
            else:
                self.stories[slug] = StoryRow(*row)
        return self.stories.get(slug)


class ArchiveBatch:
    """One batch of events applied to the archive's live read models (see
    ``events.projector.Batch``): ``fold`` each event, then ``write`` once."""

    def __init__(self, conn: sqlite3.Connection, events: Sequence[StoredEvent]) -> None:
        self.conn = conn
        self.store = BatchStore(conn)
        self.store.prefetch(e.data["entry_id"] for e in events
                            if isinstance(e.data.get("entry_id"), str))
        self.story_history: dict[tuple[str, int, str], StoryHistoryRow] = {}

    def fold(self, event: StoredEvent) -> None:
        self.store.position = event.position
        fold_event(self.store, event)
        slug, entry_id = event.data.get("slug"), event.data.get("entry_id")
        if isinstance(slug, str):  # what the story's history reads, from the live rows once
            self.store.story(slug)
            if isinstance(entry_id, str):
                self.store.entry(entry_id)
        item = fold_story_event(self.store, event)
        if item is not None:
            self.story_history[(item.slug, item.position, item.type)] = item

    def write(self) -> None:
        """Write every change the folded events made."""
        changes = self.store.take_changes()
        if changes:
            write_changes(self.conn, changes, self.store, suffix="")
        insert_story_history(self.conn, self.story_history.values())
        self.story_history.clear()
