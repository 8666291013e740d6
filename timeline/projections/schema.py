"""The read models' tables (prefix ``tl_``), in the log's own SQLite file."""

from __future__ import annotations

import sqlite3

from timeline.projections.fts import FTS_DDL, FTS_DROP

TABLES_DDL = """
CREATE TABLE IF NOT EXISTS tl_articles (
    article_id TEXT PRIMARY KEY, revision INTEGER NOT NULL, url TEXT, title TEXT,
    published TEXT NOT NULL, lang TEXT NOT NULL, story TEXT, position INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS tl_entries (
    entry_id TEXT PRIMARY KEY, article_id TEXT NOT NULL, revision INTEGER NOT NULL,
    headline TEXT NOT NULL, text TEXT NOT NULL, date TEXT NOT NULL, precision TEXT NOT NULL,
    prank INTEGER NOT NULL, start TEXT NOT NULL, "end" TEXT NOT NULL, derivation TEXT NOT NULL,
    lang TEXT NOT NULL, quote TEXT NOT NULL, quote_start INTEGER NOT NULL,
    quote_end INTEGER NOT NULL, actors TEXT NOT NULL, places TEXT NOT NULL, salience REAL,
    kind TEXT, source TEXT NOT NULL,
    sources TEXT NOT NULL, stories TEXT NOT NULL, status TEXT NOT NULL,
    corrections INTEGER NOT NULL, merged_into TEXT, position INTEGER NOT NULL,
    last_position INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS tl_entries_article ON tl_entries (article_id);
CREATE INDEX IF NOT EXISTS tl_entries_merged ON tl_entries (merged_into)
    WHERE merged_into IS NOT NULL;
CREATE INDEX IF NOT EXISTS tl_entries_order ON tl_entries (status, start, prank, position);
CREATE TABLE IF NOT EXISTS tl_story_entries (
    slug TEXT NOT NULL, entry_id TEXT NOT NULL, start TEXT NOT NULL, prank INTEGER NOT NULL,
    position INTEGER NOT NULL, PRIMARY KEY (slug, entry_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS tl_story_entries_order
    ON tl_story_entries (slug, start, prank, position);
CREATE INDEX IF NOT EXISTS tl_story_entries_entry ON tl_story_entries (entry_id);
CREATE TABLE IF NOT EXISTS tl_actor_words (
    word TEXT NOT NULL, entry_id TEXT NOT NULL, actor INTEGER NOT NULL,
    PRIMARY KEY (word, entry_id, actor)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS tl_merges (
    merge_id TEXT PRIMARY KEY, primary_id TEXT NOT NULL, entry_ids TEXT NOT NULL,
    undone INTEGER NOT NULL, position INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS tl_stories (
    slug TEXT PRIMARY KEY, title TEXT NOT NULL, description TEXT, created_by TEXT,
    created_at TEXT NOT NULL, position INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS tl_entry_versions (
    entry_id TEXT NOT NULL, position INTEGER NOT NULL, state TEXT NOT NULL,
    PRIMARY KEY (entry_id, position)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS tl_entry_versions_position ON tl_entry_versions (position);
CREATE TABLE IF NOT EXISTS tl_story_days (
    slug TEXT NOT NULL, start TEXT NOT NULL, entry_id TEXT NOT NULL, "end" TEXT NOT NULL,
    day INTEGER NOT NULL, article_id TEXT NOT NULL, published TEXT, derivation TEXT NOT NULL,
    salience REAL, lang TEXT NOT NULL, PRIMARY KEY (slug, start, entry_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS tl_history (
    entry_id TEXT NOT NULL, position INTEGER NOT NULL, recorded_at TEXT NOT NULL,
    type TEXT NOT NULL, summary TEXT NOT NULL, actor TEXT, reason TEXT,
    PRIMARY KEY (entry_id, position)
) WITHOUT ROWID;
"""

TABLES = (
    "tl_articles", "tl_entries", "tl_story_entries", "tl_actor_words", "tl_merges",
    "tl_stories", "tl_history", "tl_entry_versions", "tl_story_days",
)


def statements(script: str) -> list[str]:
    """Split a script into whole statements (trigger bodies included), for use inside an open
    transaction where ``executescript`` would commit."""
    out: list[str] = []
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            out.append(pending.strip())
            pending = ""
    return out


def create_tables(conn: sqlite3.Connection) -> None:
    for statement in statements(TABLES_DDL + FTS_DDL):
        conn.execute(statement)


def drop_tables(conn: sqlite3.Connection) -> None:
    for statement in FTS_DROP:
        conn.execute(statement)
    for table in TABLES:
        conn.execute(f"DROP TABLE IF EXISTS {table}")
