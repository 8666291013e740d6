"""Which entries a feed shows, in its order, without loading them: (sort key, id, version,
status, language) per entry, from the read models. The feed's pieces are looked up by (id,
version); only entries whose version has no piece yet are loaded in full (``load_entries``).
Every change to an entry stamps its ``last_position`` (its version), so ``changed_since``
names every entry a feed may have to take out, re-render or put back.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from timeline.archive import Archive
from timeline.errors import NotFound
from timeline.model import TimelineEntry
from timeline.projections.convert import TIMELINE_COLUMNS, from_sql
from timeline.projections.queries import EventQuery, resolve
from timeline.projections.sqlquery import matching_sql

_CHUNK = 500
_LISTED = "e.entry_id, e.last_position, e.status, e.lang"

#: (sort key, entry id, version, status, language); the version is the entry's last_position.
Row = tuple[tuple[str, int, int], str, int, str, str]


def select_rows(conn: sqlite3.Connection, story: str | None, include_minor: bool,
                among: list[str] | None = None) -> list[Row]:
    """Every entry of ``story`` (or of the archive) in chronological order, whatever its status,
    the minor ones only with ``include_minor`` (the rule of ``publish``'s full render); or only
    those of the entries ``among`` (read by primary key)."""
    f = resolve(EventQuery(story=story, status="all", include_minor=include_minor))
    key = "e" if story is None else "s"  # a story walks its own ordered index
    sql, params, order = matching_sql(f"{key}.start, {key}.prank, {key}.position, {_LISTED}", f)
    if among is not None:
        sql = f"{sql} AND {key}.entry_id IN ({', '.join('?' * len(among))})"
        params = [*params, *among]
    rows = conn.execute(f"{sql} ORDER BY {order}.start, {order}.prank, {order}.position", params)
    return [((r[0], r[1], r[2]), r[3], r[4], r[5], r[6]) for r in rows]


def latest_change(conn: sqlite3.Connection) -> int:
    """The position of the latest change to any entry: what a listing read now reflects (every
    change to an entry is a row of the indexed ``tl_entry_versions``)."""
    return int(conn.execute("SELECT COALESCE(MAX(position), 0) FROM tl_entry_versions")
               .fetchone()[0])


def changed_since(conn: sqlite3.Connection, position: int, cap: int) -> list[str] | None:
    """Ids of the entries changed after ``position``; ``None`` when more than ``cap`` did."""
    rows = conn.execute("SELECT entry_id FROM tl_entry_versions WHERE position > ? LIMIT ?",
                        (position, cap + 1)).fetchall()
    return None if len(rows) > cap else list(dict.fromkeys(r[0] for r in rows))


class snapshot:  # noqa: N801 - used as a context manager, like a function
    """One read transaction (a consistent snapshot in WAL mode) unless one is already open."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.began = False

    def __enter__(self) -> None:
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN")
            self.began = True

    def __exit__(self, *exc: object) -> None:
        if self.began and self.conn.in_transaction:
            self.conn.execute("COMMIT")


def story_header(conn: sqlite3.Connection, slug: str) -> tuple[str, str]:
    """A story's title and description (NotFound for an unknown story): no counting."""
    row = conn.execute("SELECT title, description FROM tl_stories WHERE slug = ?",
                       (slug,)).fetchone()
    if row is None:
        raise NotFound(f"no story {slug!r}", kind="story", key=slug)
    return row[0], row[1] or ""


def load_entries(archive: Archive, entry_ids: list[str]) -> Iterator[TimelineEntry]:
    """These entries in full (in no particular order)."""
    columns = ", ".join(f"e.{c}" for c in TIMELINE_COLUMNS)
    for start in range(0, len(entry_ids), _CHUNK):
        chunk = entry_ids[start:start + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        rows = archive.log.conn.execute(
            f"SELECT {columns} FROM tl_entries e WHERE e.entry_id IN ({marks})", chunk)
        yield from (from_sql(row) for row in rows)
