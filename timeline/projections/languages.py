"""The language of entries and articles by id, so views can mark each quote and headline
with its own ``lang`` (the interface language may differ)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

_CHUNK = 500


def _languages(conn: sqlite3.Connection, sql: str, ids: Iterable[str]) -> dict[str, str]:
    wanted = sorted(set(ids))
    found: dict[str, str] = {}
    for i in range(0, len(wanted), _CHUNK):
        chunk = wanted[i:i + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        found.update(conn.execute(sql.format(marks=marks), chunk).fetchall())
    return found


def entry_languages(conn: sqlite3.Connection, entry_ids: Iterable[str]) -> dict[str, str]:
    """{entry id: language} for the entries the read model knows."""
    return _languages(conn, "SELECT entry_id, lang FROM tl_entries WHERE entry_id IN ({marks})",
                      entry_ids)


def article_languages(conn: sqlite3.Connection, article_ids: Iterable[str]) -> dict[str, str]:
    """{article id: language} for the articles the read model knows."""
    return _languages(
        conn, "SELECT article_id, lang FROM tl_articles WHERE article_id IN ({marks})",
        article_ids)
