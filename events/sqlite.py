"""SqliteEventLog: the append-only, hash-chained log in one SQLite file (WAL, busy timeout).

Appends run in ``BEGIN IMMEDIATE`` transactions, so writers in any number of processes are
serialised by SQLite and a batch is stored whole or not at all. Reads are lazy iterators over one
statement (one consistent snapshot) and hold one row at a time.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from .chaining import chain_batch
from .ddl import COLUMNS, INSERT_EVENT, create_schema
from .errors import ConcurrencyError, EventIdConflict, InvalidEvent, StorageError
from .prepare import (
    DEFAULT_MAX_EVENT_BYTES,
    PreparedEvent,
    check_stream_id,
    prepare_batch,
)
from .records import ANY, GENESIS_HASH, NO_STREAM, ExpectedVersion, Head, NewEvent, StoredEvent
from .registry import EventRegistry
from .rows import decode_row, stored_retry, stream_version
from .sqlite_connect import connect_file

Clock = Callable[[], datetime]
DEFAULT_CHECKPOINT_EVERY = 10_000
#: Connection settings for a SQLite file: WAL lets readers run beside the writer; NORMAL sync in
#: WAL mode never corrupts the file (a power cut may lose the last commits, not tear a batch):
#: enough for read models, which can be rebuilt from the log.
#: SQLite's default 2 MiB page cache is kept: with time-ordered event ids, a larger one did not
#: speed appends (measured at 400,000 events) and would only grow every reader's memory.
FILE_PRAGMAS = ("journal_mode=WAL", "synchronous=NORMAL")
#: The log itself syncs every commit (FULL): an append that returned, so an API's 201, survives
#: a power cut. ``durable=False`` (bulk imports: ``timeline ingest --fast``) keeps NORMAL.
DURABLE_SYNC = "synchronous=FULL"


def utc_now() -> datetime:
    return datetime.now(UTC)


def format_timestamp(moment: datetime) -> str:
    """ISO 8601 in UTC with microseconds and a Z; naive datetimes are refused."""
    if moment.tzinfo is None:
        raise InvalidEvent("the clock returned a naive datetime", field="recorded_at")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _check_expected(expected: object) -> None:
    if isinstance(expected, ExpectedVersion):
        return
    if isinstance(expected, int) and not isinstance(expected, bool) and expected >= 0:
        return
    raise InvalidEvent(
        f"expected_version must be ANY, NO_STREAM or a version >= 0, not {expected!r}",
        field="expected_version",
    )


class SqliteEventLog:
    """The system of record. Configure by keyword; share one per thread or process."""

    def __init__(
        self,
        path: str | Path | None = None,
        *,
        registry: EventRegistry | None = None,
        clock: Clock = utc_now,
        max_event_bytes: int = DEFAULT_MAX_EVENT_BYTES,
        checkpoint_every: int = DEFAULT_CHECKPOINT_EVERY,
        busy_timeout_ms: int = 60_000,
        strict_types: bool = True,
        durable: bool = True,
    ) -> None:
        self.path = str(path) if path is not None else ":memory:"
        conn = connect_file(self.path, busy_timeout_ms=busy_timeout_ms)
        self.db = Database(conn)
        self.registry = registry if registry is not None else EventRegistry()
        self.clock = clock
        self.max_event_bytes = max_event_bytes
        self.checkpoint_every = checkpoint_every
        self.strict_types = strict_types
        self.set_durable(durable)
        create_schema(conn)

    def set_durable(self, durable: bool) -> None:
        """Sync every commit to disk (True, the default) or only at checkpoints (False: faster
        bulk imports; a power cut may lose the last commits, never tear one)."""
        if self.path != ":memory:":
            self.conn.execute(f"PRAGMA {DURABLE_SYNC if durable else FILE_PRAGMAS[1]}")

    @property
    def conn(self) -> sqlite3.Connection:
        return self.db.conn

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> SqliteEventLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------------

    #: Inside ``group()``: each transaction is a savepoint of the group's one transaction.
    _grouped = False

    def in_group(self) -> bool:
        """Whether a ``group()`` is open: transactions are then its savepoints."""
        return self._grouped

    def group(self) -> AbstractContextManager[None]:
        """Appends made inside commit together when the block ends: one write transaction and
        one sync for many appends (bulk ingest). Each append is still atomic (a savepoint: one
        that fails leaves no trace and the others stand), and what the block appended is
        committed however it ends; it is durable once the block has ended, and other writers
        wait until then. Nested groups join the outer one."""
        return self._group()

    @contextmanager
    def _group(self) -> Iterator[None]:
        if self._grouped:
            yield
            return
        conn = self.conn
        self._begin(conn)
        self._grouped = True
        try:
            yield
        finally:
            self._grouped = False
            self._commit(conn)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction (BEGIN IMMEDIATE): committed on success, rolled back on error.
        Inside ``group()``, a savepoint: released on success, rolled back on error."""
        conn = self.conn
        if self._grouped:
            with self._savepoint(conn):
                yield conn
            return
        self._begin(conn)
        try:
            yield conn
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        self._commit(conn)

    @staticmethod
    def _begin(conn: sqlite3.Connection) -> None:
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StorageError(f"could not start a write transaction: {exc}") from exc

    @staticmethod
    def _commit(conn: sqlite3.Connection) -> None:
        try:
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    @staticmethod
    @contextmanager
    def _savepoint(conn: sqlite3.Connection) -> Iterator[None]:
        conn.execute("SAVEPOINT grouped_append")
        try:
            yield
        except BaseException:
            if conn.in_transaction:  # an error may have rolled the whole transaction back
                conn.execute("ROLLBACK TO grouped_append")
            raise
        finally:
            if conn.in_transaction:
                conn.execute("RELEASE grouped_append")

    def append(
        self,
        stream_id: str,
        events: Sequence[NewEvent],
        *,
        expected_version: ExpectedVersion | int = ANY,
    ) -> list[StoredEvent]:
        """Append ``events`` to ``stream_id`` atomically and return them as stored.

        A batch whose events are all stored already, identically, is returned as stored
        (idempotent retry). ConcurrencyError if the stream is not at ``expected_version``.
        The returned events carry the ``data`` and ``metadata`` objects given; read back, they
        are their JSON equivalents.
        """
        check_stream_id(stream_id)
        _check_expected(expected_version)
        prepared = prepare_batch(
            events, self.registry, strict=self.strict_types, max_bytes=self.max_event_bytes
        )
        if not prepared:
            return []
        try:
            with self.transaction() as conn:
                stored = stored_retry(conn.execute, "?", COLUMNS, stream_id, prepared,
                                      self.registry)
                if stored is not None:
                    return stored
                current = stream_version(conn.execute, "?", stream_id)
                self._check_version(stream_id, expected_version, current)
                return self._insert(conn, stream_id, current, prepared)
        except sqlite3.IntegrityError as exc:
            raise self._integrity_error(exc, prepared) from exc
        except sqlite3.OperationalError as exc:
            raise StorageError(f"append failed: {exc}") from exc

    @staticmethod
    def _check_version(stream_id: str, expected: ExpectedVersion | int, current: int) -> None:
        if expected is ANY:
            return
        if expected is NO_STREAM and current == 0:
            return
        if isinstance(expected, int) and expected == current:
            return
        shown = expected.value if isinstance(expected, ExpectedVersion) else expected
        raise ConcurrencyError(stream_id, expected=shown, actual=current)

    def _insert(
        self, conn: sqlite3.Connection, stream_id: str, version: int, batch: list[PreparedEvent]
    ) -> list[StoredEvent]:
        head = self._head(conn)
        rows, stored = chain_batch(stream_id, version, head, batch,
                                   now=format_timestamp(self.clock()), registry=self.registry)
        conn.executemany(INSERT_EVENT, rows)
        self._write_checkpoints(conn, head.position, rows)
        return stored

    def _write_checkpoints(
        self, conn: sqlite3.Connection, before: int, rows: list[tuple[Any, ...]]
    ) -> None:
        every = self.checkpoint_every
        first_due = (before // every + 1) * every
        due = rows[first_due - before - 1 :: every] if every > 0 else []
        if not due:
            return
        conn.executemany(
            "INSERT INTO chain_checkpoints (position, hash, recorded_at) VALUES (?, ?, ?)",
            [(r[0], r[10], r[8]) for r in due],
        )

    @staticmethod
    def _integrity_error(exc: sqlite3.IntegrityError, batch: list[PreparedEvent]) -> Exception:
        if "event_id" in str(exc):
            return EventIdConflict(
                batch[0].event_id, "the batch reuses an event id that is already stored"
            )
        return StorageError(f"append refused by the database: {exc}")

    # -- reading -------------------------------------------------------------------------------

    @staticmethod
    def _head(conn: sqlite3.Connection) -> Head:
        row = conn.execute(
            "SELECT position, hash, recorded_at FROM events ORDER BY position DESC LIMIT 1"
        ).fetchone()
        return Head(row[0], row[1], row[2]) if row else Head(0, GENESIS_HASH, None)

    def head(self) -> Head:
        """The last position, its hash and when it was recorded."""
        return self._head(self.conn)

    def stream_version(self, stream_id: str) -> int:
        """The stream's current version (0 when it has no events)."""
        return stream_version(self.conn.execute, "?", stream_id)

    def read_all(
        self,
        after_position: int = 0,
        limit: int | None = None,
        *,
        until_position: int | None = None,
    ) -> Iterator[StoredEvent]:
        """Events after ``after_position`` in log order, at most ``limit`` of them."""
        sql = f"SELECT {COLUMNS} FROM events WHERE position > ?"
        params: list[Any] = [int(after_position)]
        if until_position is not None:
            sql += " AND position <= ?"
            params.append(int(until_position))
        sql += " ORDER BY position LIMIT ?"
        params.append(-1 if limit is None else int(limit))
        return self._decoded(sql, params)

    def read_stream(self, stream_id: str, from_version: int = 1) -> Iterator[StoredEvent]:
        """One stream's events from ``from_version`` on, in order."""
        sql = (
            f"SELECT {COLUMNS} FROM events WHERE stream_id = ? AND stream_version >= ?"
            " ORDER BY stream_version"
        )
        return self._decoded(sql, [stream_id, int(from_version)])

    def get(self, event_id: str) -> StoredEvent | None:
        """The stored event with this id, if any."""
        row = self.conn.execute(
            f"SELECT {COLUMNS} FROM events WHERE event_id = ?", (event_id,)
        ).fetchone()
        return decode_row(row, self.registry) if row else None

    def position_at(self, moment: datetime | str) -> int:
        """The last position recorded at or before ``moment`` (0 if none): the log "as of" then."""
        stamp = moment if isinstance(moment, str) else format_timestamp(moment)
        row = self.conn.execute(
            "SELECT MAX(position) FROM events WHERE recorded_at <= ?", (stamp,)
        ).fetchone()
        return row[0] or 0

    def _decoded(self, sql: str, params: list[Any]) -> Iterator[StoredEvent]:
        registry = self.registry
        cursor = self.conn.execute(sql, params)
        try:
            for row in cursor:
                yield decode_row(row, registry)
        finally:
            cursor.close()

    def raw_rows(self, after_position: int = 0) -> Iterator[tuple[Any, ...]]:
        """Undecoded rows in position order, for verification."""
        cursor = self.conn.execute(
            f"SELECT {COLUMNS} FROM events WHERE position > ? ORDER BY position", (after_position,)
        )
        try:
            yield from cursor
        finally:
            cursor.close()

    def raw_row(self, position: int) -> tuple[Any, ...] | None:
        """The undecoded row at ``position``, if there is one."""
        row = self.conn.execute(
            f"SELECT {COLUMNS} FROM events WHERE position = ?", (position,)
        ).fetchone()
        return tuple(row) if row else None

    def checkpoint_signatures(self) -> dict[int, str]:
        """The checkpoints' HMAC signatures by position (see ``events.signing``)."""
        rows = self.conn.execute("SELECT position, signature FROM checkpoint_signatures")
        return {r[0]: r[1] for r in rows}

    def add_checkpoint_signatures(self, signatures: dict[int, str]) -> None:
        """Store signatures of checkpoints that have none yet (append-only)."""
        with self.transaction() as conn:
            conn.executemany(
                "INSERT INTO checkpoint_signatures (position, signature) VALUES (?, ?)",
                sorted(signatures.items()),
            )

    def checkpoints(self) -> list[tuple[int, str]]:
        """The stored chain checkpoints as (position, hash), in order."""
        return [
            (r[0], r[1])
            for r in self.conn.execute(
                "SELECT position, hash FROM chain_checkpoints ORDER BY position"
            )
        ]
