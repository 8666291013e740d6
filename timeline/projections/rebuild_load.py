"""How a page's entries and versions are written, and how a rebuild loads them into its fresh
tables: by rowid, with their full text indexed as they load.

A rebuild's fresh tables have no key index while they load (see ``schema``), so ``RowIds``
numbers the rows it inserts and a later page updates them by rowid. Its fresh full-text index
(``tl_entries_fts`` + the suffix) is fed page by page as the entries land, so the swap has no
full-text pass of its own: new entries in one ``INSERT ... SELECT`` per page, a changed entry's
text by deleting what was indexed for it and indexing what it now says. That index is declared
over ``tl_entries`` (the name its content table has after the swap); until then it is only
written, with explicit values, which FTS5 takes without reading its content table.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from events import Sink
from timeline.projections.columns import ENTRY_COLUMNS
from timeline.projections.fts import FTS_DDL
from timeline.projections.schema import statements

#: The full-text index's columns: an update that leaves them as they were skips them, so the
#: index's trigger (live tables only) does not re-index the entry.
FTS_COLUMNS = frozenset({"headline", "text", "quote", "actors", "places"})
KEEP_FTS = tuple(i for i, c in enumerate(ENTRY_COLUMNS) if i and c not in FTS_COLUMNS)
#: Where the indexed columns are in a row of ``ENTRY_COLUMNS`` (in the index's column order).
FTS_INDEXES = tuple(i for i, c in enumerate(ENTRY_COLUMNS) if c in FTS_COLUMNS)

INSERT_ENTRY = (f"INSERT INTO {{t}} ({', '.join(ENTRY_COLUMNS)})"
                f" VALUES ({', '.join('?' for _ in ENTRY_COLUMNS)})")
#: An entry's columns but its id, then the key (``{by}``: entry_id, or rowid in a rebuild).
UPDATE_ENTRY = ("UPDATE {t} SET " + ", ".join(f"{c} = ?" for c in ENTRY_COLUMNS[1:])
                + " WHERE {by} = ?")
UPDATE_NOT_FTS = ("UPDATE {t} SET " + ", ".join(f"{ENTRY_COLUMNS[i]} = ?" for i in KEEP_FTS)
                  + " WHERE {by} = ?")
_INSERT_AT = (f"INSERT INTO {{t}} ({', '.join(ENTRY_COLUMNS)}, rowid)"
              f" VALUES ({', '.join('?' for _ in ENTRY_COLUMNS)}, ?)")
_FTS = "headline, text, quote, actors, places"
_INDEX_FROM = (f"INSERT INTO {{fts}} (rowid, {_FTS})"
               f" SELECT rowid, {_FTS} FROM {{t}} WHERE rowid >= ?")
_UNINDEX = f"INSERT INTO {{fts}} ({{fts}}, rowid, {_FTS}) VALUES ('delete', ?, ?, ?, ?, ?, ?)"
_INDEX = f"INSERT INTO {{fts}} (rowid, {_FTS}) VALUES (?, ?, ?, ?, ?, ?)"


_DERIVE_VERSIONS = ("INSERT INTO {v} (rowid, entry_id, position, state)"
                    " SELECT rowid + ?, entry_id, position, NULL FROM {t} WHERE rowid >= ?")
#: ``history._summary`` of an EventExtracted, from the row it made (its date not yet changed).
_DERIVE_HISTORY = (
    "INSERT INTO {h} (entry_id, position, recorded_at, type, summary, actor, reason)"
    " SELECT entry_id, position, created_at, 'extraction', 'extracted from article '"
    " || article_id || ' (revision ' || revision || ') dated ' || date, NULL, NULL"
    " FROM {t} WHERE rowid >= ?")


def fresh_fts_ddl(suffix: str) -> str:
    """The full-text index's declaration, named with ``suffix``, over ``tl_entries``."""
    create = statements(FTS_DDL)[0]
    return create.replace("tl_entries_fts", "tl_entries_fts" + suffix, 1)


class RowIds:
    """Where a rebuild wrote each entry's row and its latest version's row (their rowids,
    numbered from 1 in the order it inserts them)."""

    def __init__(self, suffix: str) -> None:
        self.suffix = suffix
        self.entries: dict[str, int] = {}
        self.versions: dict[str, int] = {}
        self._last_version = 0

    def write_versions(self, conn: Sink, before_states: list[tuple[str, str]],
                       versions: Iterable[tuple[str, int]],
                       states: dict[tuple[str, int], str]) -> None:
        """The states the entries' previous latest versions keep, then the new versions
        (``versions``: their keys in position order; ``states``: those that are not their
        entry's latest, with the state they keep)."""
        table = "tl_entry_versions" + self.suffix
        latest = self.versions
        conn.executemany(f"UPDATE {table} SET state = ? WHERE rowid = ?",
                         [(state, latest[entry_id]) for state, entry_id in before_states])
        rows = []
        rowid = self._last_version
        for entry_id, position in versions:
            rowid += 1
            latest[entry_id] = rowid  # in position order: the last one is the latest
            rows.append((entry_id, position, states.get((entry_id, position)) if states
                         else None, rowid))
        self._last_version = rowid
        conn.executemany(f"INSERT INTO {table} (entry_id, position, state, rowid)"
                         " VALUES (?, ?, ?, ?)", rows)

    def derive_new(self, conn: Sink, new_ids: list[str]) -> None:
        """The versions and history items of the page's new entries (just inserted, at
        consecutive rowids), written from their rows: each is its entry's one version, left by
        its extraction with no actor or reason (see ``history.history_row``)."""
        first = self.entries[new_ids[0]]
        offset = self._last_version + 1 - first
        for rowid, entry_id in enumerate(new_ids, self._last_version + 1):
            self.versions[entry_id] = rowid
        self._last_version += len(new_ids)
        conn.executemany(_DERIVE_VERSIONS.format(v="tl_entry_versions" + self.suffix,
                                                 t="tl_entries" + self.suffix), [(offset, first)])
        conn.executemany(_DERIVE_HISTORY.format(h="tl_history" + self.suffix,
                                                t="tl_entries" + self.suffix), [(first,)])

    def write_entries(
        self, conn: Sink, new: list[str], inserts: list[list[Any]],
        changed: tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]],
        reindexed: list[tuple[int, list[Any], list[Any]]],
    ) -> None:
        """Insert the new entries at the next rowids and index them; update the changed ones
        (``changed``: rows for ``UPDATE_ENTRY`` and ``UPDATE_NOT_FTS`` keyed by rowid); index
        again those whose text changed (``reindexed``: rowid, before, after)."""
        table, fts = "tl_entries" + self.suffix, "tl_entries_fts" + self.suffix
        first = len(self.entries) + 1
        self.entries.update(zip(new, range(first, first + len(new)), strict=True))
        for rowid, row in enumerate(inserts, first):
            row.append(rowid)  # the page's states are encoded: these lists are not read again
        conn.executemany(_INSERT_AT.format(t=table), inserts)
        updates, others = changed
        conn.executemany(UPDATE_ENTRY.format(t=table, by="rowid"), updates)
        conn.executemany(UPDATE_NOT_FTS.format(t=table, by="rowid"), others)
        if new:
            conn.executemany(_INDEX_FROM.format(fts=fts, t=table), [(first,)])
        conn.executemany(_UNINDEX.format(fts=fts), [
            (rowid, *(before[i] for i in FTS_INDEXES)) for rowid, before, _ in reindexed])
        conn.executemany(_INDEX.format(fts=fts), [
            (rowid, *(after[i] for i in FTS_INDEXES)) for rowid, _, after in reindexed])
