"""Full-text search over headline, text, quote, actors and places: SQLite FTS5, and the same
matching rule in Python for "as of" queries. User input never reaches FTS5 syntax unquoted.

The index is external-content (its text is ``tl_entries``'). Triggers re-index an entry whose
indexed columns an update changes, or that is deleted; new entries are indexed by their writer
with ``FTS_INDEX_NEW`` (every row after a rowid, in one statement) instead of a trigger per
inserted row, which costs FTS5 a flush of its pending terms per statement."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

FTS_DDL = """
CREATE VIRTUAL TABLE IF NOT EXISTS tl_entries_fts USING fts5(
    headline, text, quote, actors, places, content='tl_entries', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS tl_entries_fts_delete AFTER DELETE ON tl_entries BEGIN
    INSERT INTO tl_entries_fts (tl_entries_fts, rowid, headline, text, quote, actors, places)
    VALUES ('delete', old.rowid, old.headline, old.text, old.quote, old.actors, old.places);
END;
CREATE TRIGGER IF NOT EXISTS tl_entries_fts_update
AFTER UPDATE OF headline, text, quote, actors, places ON tl_entries BEGIN
    INSERT INTO tl_entries_fts (tl_entries_fts, rowid, headline, text, quote, actors, places)
    VALUES ('delete', old.rowid, old.headline, old.text, old.quote, old.actors, old.places);
    INSERT INTO tl_entries_fts (rowid, headline, text, quote, actors, places)
    VALUES (new.rowid, new.headline, new.text, new.quote, new.actors, new.places);
END;
"""

#: Index the entries inserted after rowid ``?`` (SQLite gives a new row the table's largest
#: rowid plus one, so a write's new entries are exactly those above the largest before it).
FTS_INDEX_NEW = (
    "INSERT INTO tl_entries_fts (rowid, headline, text, quote, actors, places)"
    " SELECT rowid, headline, text, quote, actors, places FROM tl_entries WHERE rowid > ?"
)
#: The highest rowid of ``tl_entries`` (0 when empty): what ``FTS_INDEX_NEW`` starts after.
LAST_ENTRY_ROWID = "SELECT coalesce(max(rowid), 0) FROM tl_entries"

FTS_DROP = (
    "DROP TRIGGER IF EXISTS tl_entries_fts_insert",  # read models before version 8 had one
    "DROP TRIGGER IF EXISTS tl_entries_fts_delete",
    "DROP TRIGGER IF EXISTS tl_entries_fts_update",
    "DROP TABLE IF EXISTS tl_entries_fts",
)

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def fold_text(text: str) -> str:
    """Lower case without accents: what the unicode61 tokenizer compares."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def tokens(text: str) -> list[str]:
    return _WORD.findall(fold_text(text))


def fts_query(q: str) -> str | None:
    """An FTS5 MATCH expression requiring every word of ``q`` (each one quoted); None if ``q``
    has no words."""
    words = tokens(q)
    if not words:
        return None
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


def text_matches(q: str, fields: Iterable[str]) -> bool:
    """Python twin of the FTS5 query: every word of ``q`` is a word of some field."""
    words = set(tokens(q))
    found: set[str] = set()
    for field in fields:
        found.update(tokens(field))
    return words <= found
