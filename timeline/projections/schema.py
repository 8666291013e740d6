"""The read models' tables (prefix ``tl_``), in the log's own SQLite file.

Each table's columns and its indexes are declared apart, so a rebuild can load fresh copies of
the tables first and index them after the bulk load (see ``rebuild``). The large tables keyed by
entry (entries, their versions and history) are rowid tables whose keys are unique indexes: a
rebuild appends their rows and builds each key once, in order, at the end, where a table
clustered on its key would take rows in random key order and rewrite pages all over it at every
commit."""

from __future__ import annotations

import sqlite3

from timeline.projections.fts import FTS_DDL, FTS_DROP

#: Each table's columns (and options), by name.
TABLE_COLUMNS = {
    "tl_articles": """(
    article_id TEXT PRIMARY KEY, revision INTEGER NOT NULL, url TEXT, title TEXT,
    published TEXT NOT NULL, lang TEXT NOT NULL, story TEXT, position INTEGER NOT NULL
)""",
    "tl_entries": """(
    entry_id TEXT NOT NULL, article_id TEXT NOT NULL, revision INTEGER NOT NULL,
    headline TEXT NOT NULL, text TEXT NOT NULL, date TEXT NOT NULL, precision TEXT NOT NULL,
    prank INTEGER NOT NULL, start TEXT NOT NULL, "end" TEXT NOT NULL, derivation TEXT NOT NULL,
    lang TEXT NOT NULL, quote TEXT NOT NULL, quote_start INTEGER NOT NULL,
    quote_end INTEGER NOT NULL, actors TEXT NOT NULL, places TEXT NOT NULL, salience REAL,
    kind TEXT, source TEXT NOT NULL,
    sources TEXT, stories TEXT NOT NULL, status TEXT NOT NULL,
    corrections INTEGER NOT NULL, merged_into TEXT, position INTEGER NOT NULL,
    last_position INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
)""",
    "tl_story_entries": """(
    slug TEXT NOT NULL, entry_id TEXT NOT NULL, start TEXT NOT NULL, prank INTEGER NOT NULL,
    position INTEGER NOT NULL, PRIMARY KEY (slug, entry_id)
) WITHOUT ROWID""",
    "tl_actor_words": """(
    word TEXT NOT NULL, entry_id TEXT NOT NULL, actor INTEGER NOT NULL,
    PRIMARY KEY (word, entry_id, actor)
) WITHOUT ROWID""",
    "tl_merges": """(
    merge_id TEXT PRIMARY KEY, primary_id TEXT NOT NULL, entry_ids TEXT NOT NULL,
    undone INTEGER NOT NULL, position INTEGER NOT NULL
)""",
    "tl_stories": """(
    slug TEXT PRIMARY KEY, title TEXT NOT NULL, description TEXT, created_by TEXT,
    created_at TEXT NOT NULL, position INTEGER NOT NULL
)""",
    "tl_history": """(
    entry_id TEXT NOT NULL, position INTEGER NOT NULL, recorded_at TEXT NOT NULL,
    type TEXT NOT NULL, summary TEXT NOT NULL, actor TEXT, reason TEXT
)""",
    # state: the entry's JSON after that event, NULL for its latest version (see SqlStore)
    "tl_entry_versions": """(
    entry_id TEXT NOT NULL, position INTEGER NOT NULL, state TEXT
)""",
    "tl_story_days": """(
    slug TEXT NOT NULL, start TEXT NOT NULL, entry_id TEXT NOT NULL, "end" TEXT NOT NULL,
    day INTEGER NOT NULL, article_id TEXT NOT NULL, published TEXT, derivation TEXT NOT NULL,
    salience REAL, lang TEXT NOT NULL, PRIMARY KEY (slug, start, entry_id)
) WITHOUT ROWID""",
}

TABLES = tuple(TABLE_COLUMNS)

INDEXES = (
    "CREATE UNIQUE INDEX IF NOT EXISTS tl_entries_id ON tl_entries (entry_id)",
    "CREATE UNIQUE INDEX IF NOT EXISTS tl_history_key ON tl_history (entry_id, position)",
    "CREATE UNIQUE INDEX IF NOT EXISTS tl_entry_versions_key"
    " ON tl_entry_versions (entry_id, position)",
    "CREATE INDEX IF NOT EXISTS tl_entries_article ON tl_entries (article_id)",
    "CREATE INDEX IF NOT EXISTS tl_entries_merged ON tl_entries (merged_into)"
    " WHERE merged_into IS NOT NULL",
    "CREATE INDEX IF NOT EXISTS tl_entries_order ON tl_entries (status, start, prank, position)",
    "CREATE INDEX IF NOT EXISTS tl_story_entries_order"
    " ON tl_story_entries (slug, start, prank, position)",
    "CREATE INDEX IF NOT EXISTS tl_story_entries_entry ON tl_story_entries (entry_id)",
    "CREATE INDEX IF NOT EXISTS tl_entry_versions_position ON tl_entry_versions (position)",
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


def create_table(conn: sqlite3.Connection, table: str, *, named: str | None = None) -> None:
    """Create ``table`` (under the name ``named``, if given) without its indexes."""
    conn.execute(f"CREATE TABLE IF NOT EXISTS {named or table} {TABLE_COLUMNS[table]}")


def create_indexes(conn: sqlite3.Connection) -> None:
    """The tables' indexes, the full-text index and the triggers that keep it in step."""
    for statement in INDEXES:
        conn.execute(statement)
    for statement in statements(FTS_DDL):
        conn.execute(statement)


def create_tables(conn: sqlite3.Connection) -> None:
    for table in TABLES:
        create_table(conn, table)
    create_indexes(conn)


def drop_tables(conn: sqlite3.Connection) -> None:
    for statement in FTS_DROP:
        conn.execute(statement)
    for table in TABLES:
        conn.execute(f"DROP TABLE IF EXISTS {table}")
