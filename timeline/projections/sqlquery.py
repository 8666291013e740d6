"""Entry queries over the live read models: one parameterised SELECT per request."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

from timeline.model import TimelineEntry
from timeline.projections.columns import ENTRY_COLUMNS, entry_from_sql
from timeline.projections.convert import TIMELINE_COLUMNS, from_sql
from timeline.projections.filters import Filters
from timeline.projections.fts import fts_query
from timeline.projections.rows import EntryRow, HistoryRow
from timeline.projections.similarity import Candidate

_ROW_COLUMNS = ", ".join(f"e.{c}" for c in ENTRY_COLUMNS[:-1])
_ENTRY_COLUMNS = ", ".join(f"e.{c}" for c in TIMELINE_COLUMNS)
# an actor whose name has all n words: n rows of one (entry, actor) in the word index
_ACTOR = (
    "e.entry_id IN (SELECT entry_id FROM tl_actor_words WHERE word IN ({marks})"
    " GROUP BY entry_id, actor HAVING COUNT(*) = ?)"
)
_SOURCE = (
    "EXISTS (SELECT 1 FROM json_each(coalesce(e.sources, '[' || e.source || ']'))"
    " WHERE json_extract(value, '$.article_id') = ? OR json_extract(value, '$.url') = ?)"
)
_FTS = "e.rowid IN (SELECT rowid FROM tl_entries_fts WHERE tl_entries_fts MATCH ?)"


def _where(f: Filters, key: str) -> tuple[list[str], list[Any]]:
    clauses = ["e.merged_into IS NULL"]
    params: list[Any] = []

    def add(clause: str, *values: Any) -> None:
        clauses.append(clause)
        params.extend(values)

    if f.status is not None:
        add("e.status = ?", f.status)
    if f.start is not None:
        add('e."end" >= ?', f.start)
    if f.end is not None:
        add("e.start <= ?", f.end)
    if f.lang is not None:
        add("e.lang = ?", f.lang)
    if f.min_salience is not None:
        add("(e.salience IS NULL OR e.salience >= ?)", f.min_salience)
    if f.actor is not None:
        add(_ACTOR.format(marks=", ".join("?" * len(f.actor))), *f.actor, len(f.actor))
    if f.source is not None:
        add(_SOURCE, f.source, f.source)
    if f.q is not None:
        add(_FTS, fts_query(f.q) or '""')
    if f.after is not None:
        add(f"({key}.start, {key}.prank, {key}.position) > (?, ?, ?)", *f.after)
    return clauses, params


def matching_sql(columns: str, f: Filters) -> tuple[str, list[Any], str]:
    """The SELECT of entries matching ``f`` (no ORDER BY), its parameters, the order's table."""
    # a story walks its own (slug, start, prank, position) index, then looks entries up
    order = "e" if f.story is None else "s"
    clauses, params = _where(f, order)
    source = "tl_entries e"
    if f.story is not None:
        source = "tl_story_entries s CROSS JOIN tl_entries e ON e.entry_id = s.entry_id"
        clauses.insert(0, "s.slug = ?")
        params.insert(0, f.story)
    return f"SELECT {columns} FROM {source} WHERE {' AND '.join(clauses)}", params, order


def _select(conn: sqlite3.Connection, columns: str, f: Filters, limit: int) -> sqlite3.Cursor:
    sql, params, order = matching_sql(columns, f)
    ordered = f"{sql} ORDER BY {order}.start, {order}.prank, {order}.position LIMIT ?"
    return conn.execute(ordered, (*params, limit))


def count_matching(conn: sqlite3.Connection, f: Filters, cap: int | None) -> int:
    """How many entries match ``f`` (counting at most ``cap``)."""
    sql, params, _ = matching_sql("1", f)
    counted = f"SELECT COUNT(*) FROM ({sql} LIMIT ?)"
    return int(conn.execute(counted, (*params, -1 if cap is None else cap)).fetchone()[0])


def select_entries(conn: sqlite3.Connection, f: Filters, limit: int) -> list[EntryRow]:
    """Up to ``limit`` fold rows matching ``f`` in chronological order (-1: no limit)."""
    return [entry_from_sql(r) for r in _select(conn, _ROW_COLUMNS, f, limit)]


def select_timeline(conn: sqlite3.Connection, f: Filters, limit: int) -> list[TimelineEntry]:
    """Up to ``limit`` entries matching ``f`` in chronological order, built straight from SQL."""
    return [from_sql(r) for r in _select(conn, _ENTRY_COLUMNS, f, limit)]


def select_history(conn: sqlite3.Connection, entry_id: str) -> list[HistoryRow]:
    rows = conn.execute(
        "SELECT entry_id, position, recorded_at, type, summary, actor, reason FROM tl_history"
        " WHERE entry_id = ? ORDER BY position", (entry_id,)
    )
    return [HistoryRow(*r) for r in rows]


def select_candidates(conn: sqlite3.Connection, story: str | None) -> Iterator[Candidate]:
    """Active, shown entries (of one story, or all) in chronological order, streamed."""
    columns = 'e.entry_id, e.article_id, e.headline, e.date, e.start, e."end", e.prank, e.position'
    if story is None:
        sql = (f"SELECT {columns} FROM tl_entries e WHERE e.status = 'active'"
               " AND e.merged_into IS NULL ORDER BY e.start, e.prank, e.position")
        params: tuple[Any, ...] = ()
    else:
        sql = (f"SELECT {columns} FROM tl_story_entries s CROSS JOIN tl_entries e"
               " ON e.entry_id = s.entry_id WHERE s.slug = ? AND e.status = 'active'"
               " AND e.merged_into IS NULL ORDER BY s.start, s.prank, s.position")
        params = (story,)
    for row in conn.execute(sql, params):
        yield Candidate(*row)
