"""Feed pieces kept per entry version: each VEVENT / JSON item / CSV row / TimelineJS slide is
rendered once per (entry, version, format, variant) and kept, so a feed is assembled from
pieces and a correction re-renders one entry, not the feed.

An entry's version is its ``last_position`` (every change to an entry stamps it). The pieces
live in this process's memory and in the table ``feed_pieces`` of the archive's read-model
SQLite file (the archive's own file for a SQLite log), shared by every worker and process. A
piece also depends on the code that renders it: ``RENDERER`` (a digest of ``timeline/export``)
is part of the variant, so an upgrade never serves a piece the old code rendered.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path

import timeline.export as export_package

DDL = """CREATE TABLE IF NOT EXISTS feed_pieces (
    entry_id TEXT NOT NULL, format TEXT NOT NULL, variant TEXT NOT NULL,
    version INTEGER NOT NULL, body BLOB NOT NULL, PRIMARY KEY (entry_id, format, variant)
) WITHOUT ROWID"""
#: SQLite's limit on parameters is 32,766 in recent versions; stay well below it.
_CHUNK = 500
#: How long a feed request waits for the write lock to keep its pieces (a busy writer only
#: costs a render later, never a stalled request).
WRITE_WAIT_MS = 200


def _renderer_digest() -> str:
    folder = Path(export_package.__file__).parent
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


RENDERER = _renderer_digest()

class PieceMemory:
    """This process's pieces by (database, format, variant), then entry id; dropped whole past
    ``max_bytes`` (a feed's pieces come back from the shared table in one query)."""

    def __init__(self, max_bytes: int = 512 * 1024 * 1024) -> None:
        self.max_bytes = max_bytes
        self._buckets: dict[tuple[str, str, str], dict[str, tuple[int, bytes]]] = {}
        self._bytes = 0
        self._lock = threading.Lock()

    def bucket(self, key: tuple[str, str, str]) -> dict[str, tuple[int, bytes]]:
        """The pieces of one (database, format, variant): entry id -> (version, body). Read
        only."""
        return self._buckets.get(key, {})

    def put(self, key: tuple[str, str, str], pieces: Iterable[tuple[str, int, bytes]]) -> None:
        with self._lock:
            for entry_id, version, body in pieces:
                if self._bytes + len(body) > self.max_bytes:
                    self._buckets.clear()
                    self._bytes = 0
                bucket = self._buckets.setdefault(key, {})
                old = bucket.get(entry_id)
                self._bytes += len(body) - (len(old[1]) if old else 0)
                bucket[entry_id] = (version, body)

    def clear(self) -> None:
        with self._lock:
            self._buckets.clear()
            self._bytes = 0


MEMORY = PieceMemory()


class PieceStore:
    """The pieces of one format and variant, in memory and in ``conn``'s ``feed_pieces``."""

    def __init__(self, conn: sqlite3.Connection, where: str, fmt: str, variant: str,
                 memory: PieceMemory = MEMORY) -> None:
        self.conn = conn
        self.fmt = fmt
        self.variant = f"{RENDERER}\n{variant}"
        self.memory = memory
        #: in memory, pieces are also kept apart by database (``where``): the same entry at
        #: the same version in another archive has other timestamps
        self.bucket = (where, self.fmt, self.variant)

    def lookup(self, wanted: Sequence[tuple[str, int]]) -> list[bytes | None]:
        """The piece kept for each (entry id, version), ``None`` where there is none."""
        bucket = self.memory.bucket(self.bucket)
        bodies: list[bytes | None] = []
        missing: dict[str, int] = {}
        for entry_id, version in wanted:
            kept = bucket.get(entry_id)
            if kept is not None and kept[0] == version:
                bodies.append(kept[1])
            else:
                bodies.append(None)
                missing[entry_id] = version
        if missing:
            read = [row for row in self._read(list(missing)) if missing[row[0]] == row[1]]
            self.memory.put(self.bucket, read)
            found = {entry_id: body for entry_id, _, body in read}
            bodies = [found.get(entry_id) if body is None else body
                      for body, (entry_id, _) in zip(bodies, wanted, strict=True)]
        return bodies

    def _read(self, ids: list[str]) -> Iterable[tuple[str, int, bytes]]:
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start:start + _CHUNK]
            marks = ", ".join("?" * len(chunk))
            try:
                rows = self.conn.execute(
                    "SELECT entry_id, version, body FROM feed_pieces WHERE format = ?"
                    f" AND variant = ? AND entry_id IN ({marks})", (self.fmt, self.variant, *chunk)
                ).fetchall()
            except sqlite3.OperationalError:  # no table yet (nothing kept), or a locked file
                return
            yield from rows

    def put_many(self, pieces: Sequence[tuple[str, int, bytes]]) -> None:
        """Keep pieces (entry id, version, body): in memory always, in the table when the write
        lock comes within ``WRITE_WAIT_MS``."""
        self.memory.put(self.bucket, pieces)
        if pieces and not self.conn.in_transaction:
            self._write(pieces)

    def _write(self, pieces: Sequence[tuple[str, int, bytes]]) -> None:
        conn = self.conn
        waited = conn.execute("PRAGMA busy_timeout").fetchone()[0]
        synced = conn.execute("PRAGMA synchronous").fetchone()[0]
        conn.execute(f"PRAGMA busy_timeout={WRITE_WAIT_MS}")
        conn.execute("PRAGMA synchronous=NORMAL")  # a cache: no need to wait for the disk
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(DDL)
            conn.executemany(
                "INSERT OR REPLACE INTO feed_pieces (entry_id, format, variant, version, body)"
                " VALUES (?, ?, ?, ?, ?)",
                [(e, self.fmt, self.variant, v, b) for e, v, b in pieces])
            conn.execute("COMMIT")
        except sqlite3.Error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
        finally:
            conn.execute(f"PRAGMA busy_timeout={int(waited)}")
            conn.execute(f"PRAGMA synchronous={int(synced)}")
