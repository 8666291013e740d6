"""Rebuilding the read models in bulk: fold pages of the log in memory, write each page with one
bulk insert per table into fresh tables, then swap them in.

The fresh tables (``<table>__rebuild``) have no key or secondary index while they load, and
their full-text index is fed as they load (``rebuild_load``); ``finish`` drops the live tables,
renames the fresh ones and the fresh full-text index, then builds the indexes in one pass each,
all in one transaction: readers see the old read models until it commits, then the new ones.
A rebuild that fails leaves the live read models as they were. Two rebuilds at once cannot mix
their rows: each page checks that the fresh tables are still its own (``RebuildSuperseded``
otherwise).
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterable
from dataclasses import fields
from operator import attrgetter
from typing import Any

from events import Sink, StoredEvent
from timeline.errors import TimelineError
from timeline.projections.bulk import BulkStore, Changes
from timeline.projections.columns import actor_words_of, entry_columns, state_of
from timeline.projections.fold import EVENT_FIELDS, fold_event
from timeline.projections.fts import FTS_DROP
from timeline.projections.rebuild_load import (
    FTS_INDEXES,
    INSERT_ENTRY,
    KEEP_FTS,
    UPDATE_ENTRY,
    UPDATE_NOT_FTS,
    RowIds,
    fresh_fts_ddl,
)
from timeline.projections.rows import EntryRow, HistoryRow
from timeline.projections.schema import TABLES, create_indexes, create_table
from timeline.projections.sqlstore import KEEP_STATE
from timeline.projections.story_days import evidence, story_day_rows
from timeline.projections.story_log import (
    STORY_EVENTS,
    StoryHistoryBuffer,
    create_story_tables,
    drop_story_tables,
)

SUFFIX = "__rebuild"
OWNER = "tl_rebuild_owner"


def fresh(table: str) -> str:
    return table + SUFFIX


#: A history row's ``tl_history`` columns, in order.
_history_columns = attrgetter(*(f.name for f in fields(HistoryRow)))


class RebuildSuperseded(TimelineError):
    """Another rebuild of the same read models started after this one."""


class ArchiveRebuild:
    """One bulk rebuild of the archive's read models (see ``events.Rebuild``)."""

    #: What the fold reads of an event: a worker process reads only these columns of the log.
    event_fields = EVENT_FIELDS

    def __init__(self) -> None:
        self.store = BulkStore()
        self.token = uuid.uuid4().hex
        self.story_history = StoryHistoryBuffer()
        self.rowids = RowIds(SUFFIX)

    def begin(self, conn: sqlite3.Connection) -> None:
        """Drop what an interrupted rebuild left; create empty fresh tables owned by this one."""
        _drop_fresh(conn)
        conn.execute(f"DROP TABLE IF EXISTS {OWNER}")
        for table in TABLES:
            create_table(conn, table, named=fresh(table))
        create_story_tables(conn, suffix=SUFFIX)
        conn.execute(fresh_fts_ddl(SUFFIX))
        conn.execute(f"CREATE TABLE {OWNER} (token TEXT NOT NULL)")
        conn.execute(f"INSERT INTO {OWNER} (token) VALUES (?)", (self.token,))

    def fold(self, event: StoredEvent) -> None:
        self.store.position = event.position
        fold_event(self.store, event)
        if event.type in STORY_EVENTS:
            self.story_history.fold(self.store, event)

    def write(self, conn: sqlite3.Connection) -> None:
        """Write what the events folded since the last call changed."""
        self.check(conn)
        self.write_rows(conn)

    def write_rows(self, sink: Sink) -> None:
        """What the events folded since the last call changed, as ``executemany`` calls on
        ``sink`` (the connection, or a worker process's recorder: see ``events.fold_worker``)."""
        changes = self.store.take_changes()
        if changes:
            write_changes(sink, changes, self.store, rowids=self.rowids)
        self.story_history.write(sink, suffix=SUFFIX)

    def finish(self, conn: sqlite3.Connection) -> None:
        """Write the last page, then replace the live read models by the fresh ones."""
        self.write(conn)
        for statement in FTS_DROP:
            conn.execute(statement)
        for table in (*TABLES, "tl_story_history", "tl_entries_fts"):
            conn.execute(f"DROP TABLE IF EXISTS {table}")
            conn.execute(f"ALTER TABLE {fresh(table)} RENAME TO {table}")
        conn.execute(f"DROP TABLE {OWNER}")
        create_indexes(conn)  # the full-text index is in place: its triggers only

    def discard(self, conn: sqlite3.Connection) -> None:
        """Drop the fresh tables, unless another rebuild has taken them over."""
        self.check(conn)
        _drop_fresh(conn)
        conn.execute(f"DROP TABLE {OWNER}")

    def check(self, conn: sqlite3.Connection) -> None:
        """Raise ``RebuildSuperseded`` unless the fresh tables are still this rebuild's."""
        try:
            row = conn.execute(f"SELECT token FROM {OWNER}").fetchone()
        except sqlite3.OperationalError:
            row = None
        if row is None or row[0] != self.token:
            raise RebuildSuperseded("another rebuild of these read models started meanwhile")


def _drop_fresh(conn: sqlite3.Connection) -> None:
    for table in (*TABLES, "tl_entries_fts"):
        conn.execute(f"DROP TABLE IF EXISTS {fresh(table)}")
    drop_story_tables(conn, suffix=SUFFIX)


def write_changes(conn: Sink, changes: Changes, store: BulkStore,
                  suffix: str = SUFFIX, rowids: RowIds | None = None) -> None:
    """One bulk statement per table for a page's changes, into the tables named with
    ``suffix`` (the fresh ones of a rebuild; "": the live ones, for a batch of events). A
    rebuild passes its ``rowids``: its fresh tables have no key index yet, so rows written by
    an earlier page are addressed by rowid (``_write_page``)."""
    if rowids is not None:
        _write_page(conn, changes, store, rowids)
        return
    current = {entry_id: store.entries[entry_id] for entry_id in changes.entries}
    befores = [(entry_id, row) for entry_id, row in changes.entries.items() if row is not None]
    encoded: dict[int, Any] = {}
    values = {id(row): entry_columns(row, encoded) for row in (*current.values(),
                                                              *(r for _, r in befores))}
    conn.executemany(KEEP_STATE.replace("tl_entry_versions", "tl_entry_versions" + suffix),
                     [(state_of(values[id(row)]), entry_id) for entry_id, row in befores])
    states = _kept_states(changes, encoded)
    conn.executemany(_INSERT_VERSION.format(t="tl_entry_versions" + suffix), [
        (entry_id, position, states.get((entry_id, position)) if states else None)
        for entry_id, position in changes.versions])
    _write_history(conn, changes, suffix)
    _write_entries(conn, changes, current, values, "tl_entries" + suffix)
    _write_derived(conn, [(before, current[e]) for e, before in changes.entries.items()], suffix)
    _write_small(conn, changes, store, suffix)


def _write_page(conn: Sink, changes: Changes, store: BulkStore, rowids: RowIds) -> None:
    """``write_changes`` into a rebuild's fresh tables: by rowid (see ``rebuild_load``), with
    the page's new entries (most of what it changed) encoded once each, in one pass."""
    new_ids: list[str] = []
    inserts: list[list[Any]] = []  # their own lists: ``write_entries`` appends their rowids
    words: list[tuple[Any, ...]] = []
    pairs: list[tuple[EntryRow | None, EntryRow]] = []  # for ``_write_derived``
    typed = True
    for entry_id, before in changes.entries.items():
        row = store.entries[entry_id]
        if before is None:
            new_ids.append(entry_id)
            inserts.append(entry_columns(row))
            typed = typed and type(row.revision) is int  # as SQL would print it
            if not row.stories:  # on no story: its actors' words are all it derives
                words += actor_words_of(row)
                continue
        pairs.append((before, row))
    encoded: dict[int, Any] = {}
    before_states: list[tuple[str, str]] = []
    updates: list[tuple[Any, ...]] = []
    others: list[tuple[Any, ...]] = []
    reindexed: list[tuple[int, list[Any], list[Any]]] = []  # (rowid, before, after)
    for before, row in pairs:
        if before is None:
            continue
        old, now = entry_columns(before, encoded), entry_columns(row, encoded)
        before_states.append((state_of(old), row.entry_id))
        rowid = rowids.entries[row.entry_id]  # written by an earlier page
        if _same_text(now, old):
            others.append((*(now[i] for i in KEEP_FTS), rowid))
        else:
            updates.append((*now[1:], rowid))
            reindexed.append((rowid, old, now))
    plain = _plain_extractions(changes, new_ids) if typed else None
    if plain is None:
        rowids.write_versions(conn, before_states, changes.versions,
                              _kept_states(changes, encoded))
        _write_history(conn, changes, SUFFIX)
    else:  # the new entries' versions and history are written from their rows, in SQL
        rowids.write_versions(conn, before_states,
                              [key for key in changes.versions if key[0] not in plain], {})
        _write_history(conn, changes, SUFFIX, skip=plain)
    rowids.write_entries(conn, new_ids, inserts, (updates, others), reindexed)
    if plain is not None:
        rowids.derive_new(conn, new_ids)
    _write_derived(conn, pairs, SUFFIX, words)
    _write_small(conn, changes, store, SUFFIX)


def _plain_extractions(changes: Changes, new_ids: list[str]) -> set[str] | None:
    """The page's new entries, when each has just one version and its history item is its
    extraction's with no actor or reason (``RowIds.derive_new`` then writes them from the
    entries' rows); else None."""
    if not new_ids or len(changes.versions) != len(changes.entries):
        return None
    new = set(new_ids)
    extractions = sum(1 for (entry_id, _), item in changes.history.items()
                      if entry_id in new and item.type == "extraction"
                      and item.actor is None and item.reason is None)
    return new if extractions == len(new) else None


def _kept_states(changes: Changes, encoded: dict[int, Any]) -> dict[tuple[str, int], str]:
    """The states of the page's versions that are not their entry's latest, by key."""
    if len(changes.versions) == len(changes.entries):  # one version each: its latest
        return {}
    latest = {entry_id: position for entry_id, position in changes.versions}
    return {key: state_of(entry_columns(row, encoded))
            for key, row in changes.versions.items() if latest[key[0]] != key[1]}


def _write_history(conn: Sink, changes: Changes, suffix: str,
                   skip: set[str] | None = None) -> None:
    """The page's history items (but the extractions of the entries in ``skip``)."""
    items: Iterable[HistoryRow] = changes.history.values()
    if skip:
        items = [i for i in items if not (i.type == "extraction" and i.entry_id in skip)]
    conn.executemany(
        f"INSERT INTO tl_history{suffix} (entry_id, position, recorded_at, type, summary,"
        " actor, reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
        list(map(_history_columns, items)),
    )


_INSERT_VERSION = "INSERT INTO {t} (entry_id, position, state) VALUES (?, ?, ?)"


def _write_entries(
    conn: Sink, changes: Changes, current: dict[str, EntryRow],
    values: dict[int, list[Any]], table: str,
) -> None:
    """New entries inserted (in the order the page first touched them: their rowids), changed
    ones updated, without their full-text columns when those are as they were."""
    inserts: list[list[Any]] = []
    updates: list[tuple[Any, ...]] = []
    others: list[tuple[Any, ...]] = []
    for entry_id, before in changes.entries.items():
        row = values[id(current[entry_id])]
        if before is None:
            inserts.append(row)
        elif _same_text(row, values[id(before)]):
            others.append((*(row[i] for i in KEEP_FTS), entry_id))
        else:
            updates.append((*row[1:], entry_id))
    conn.executemany(INSERT_ENTRY.format(t=table), inserts)
    conn.executemany(UPDATE_ENTRY.format(t=table, by="entry_id"), updates)
    conn.executemany(UPDATE_NOT_FTS.format(t=table, by="entry_id"), others)


def _same_text(row: list[Any], before: list[Any]) -> bool:
    return all(row[i] == before[i] for i in FTS_INDEXES)


def _derived(row: EntryRow) -> dict[str, list[tuple[Any, ...]]]:
    """The rows of ``row`` in the tables derived from an entry's state alone."""
    return {
        "stories": [(slug, row.entry_id, *row.sort_key) for slug in row.stories],
        "words": actor_words_of(row),
        "days": story_day_rows(row) if evidence(row) is not None else [],
    }


_KEYS = {"stories": 2, "words": 3, "days": 3}  # each table's primary key: its first columns


def _write_derived(
    conn: Sink, pairs: Iterable[tuple[EntryRow | None, EntryRow]], suffix: str,
    words: list[tuple[Any, ...]] | None = None,
) -> None:
    """Story memberships, actor-name words and story days: the rows of each changed entry's
    state before the page replaced by those of its state after it (``words``: new entries'
    words already found)."""
    gone: dict[str, list[tuple[Any, ...]]] = {kind: [] for kind in _KEYS}
    new: dict[str, list[tuple[Any, ...]]] = {kind: [] for kind in _KEYS}
    new["words"] = words = words if words is not None else []
    for before, row in pairs:
        if before is None and not row.stories:  # new in this page, on no story (most)
            words += actor_words_of(row)
            continue
        now = _derived(row)
        if before is None:  # new in this page: nothing to replace
            for kind, rows in now.items():
                new[kind] += rows
            continue
        old = _derived(before)
        for kind, size in _KEYS.items():
            if old[kind] != now[kind]:
                gone[kind] += [r[:size] for r in old[kind]]
                new[kind] += now[kind]
    _delete_and_insert(conn, gone, new, suffix)


_DERIVED_SQL = {
    "stories": (
        "DELETE FROM {t} WHERE slug = ? AND entry_id = ?",
        "INSERT OR IGNORE INTO {t} (slug, entry_id, start, prank, position) VALUES (?, ?, ?, ?, ?)",
        "tl_story_entries"),
    "words": (
        "DELETE FROM {t} WHERE word = ? AND entry_id = ? AND actor = ?",
        "INSERT OR IGNORE INTO {t} (word, entry_id, actor) VALUES (?, ?, ?)",
        "tl_actor_words"),
    "days": (
        "DELETE FROM {t} WHERE slug = ? AND start = ? AND entry_id = ?",
        'INSERT OR REPLACE INTO {t} (slug, start, entry_id, "end", day, article_id, published,'
        " derivation, salience, lang) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        "tl_story_days"),
}


def _delete_and_insert(
    conn: Sink, gone: dict[str, list[Any]], new: dict[str, list[Any]], suffix: str
) -> None:
    for kind, (delete, insert, table) in _DERIVED_SQL.items():
        if gone[kind]:
            conn.executemany(delete.format(t=table + suffix), gone[kind])
        if new[kind]:
            conn.executemany(insert.format(t=table + suffix), new[kind])


def _write_small(
    conn: Sink, changes: Changes, store: BulkStore, suffix: str
) -> None:
    """Articles, merges and stories: their current rows replace the stored ones."""
    conn.executemany(
        f"INSERT OR REPLACE INTO tl_articles{suffix} (article_id, revision, url, title,"
        " published, lang, story, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(a.article_id, a.revision, a.url, a.title, a.published, a.lang, a.story, a.position)
         for a in map(store.articles.__getitem__, sorted(changes.articles))],
    )
    conn.executemany(
        f"INSERT OR REPLACE INTO tl_merges{suffix} (merge_id, primary_id, entry_ids, undone,"
        " position) VALUES (?, ?, ?, ?, ?)",
        [(m.merge_id, m.primary, json.dumps(list(m.entry_ids)), int(m.undone), m.position)
         for m in map(store.merges.__getitem__, sorted(changes.merges))],
    )
    conn.executemany(
        f"INSERT OR REPLACE INTO tl_stories{suffix} (slug, title, description, created_by,"
        " created_at, position) VALUES (?, ?, ?, ?, ?, ?)",
        [(s.slug, s.title, s.description, s.created_by, s.created_at, s.position)
         for s in map(store.stories.__getitem__, sorted(changes.stories))],
    )
