"""PostgresEventLog: the same append-only, hash-chained log, shared by many nodes in PostgreSQL.

An append locks the log's head row (``log_lock_head()``), so appends from every node are
serialised and each event chains to the one before it; the batch goes in with COPY and commits
whole or not at all. A connection lost mid-append is retried once on a new connection: a batch
that did commit is then found by its event ids and returned (idempotent), never written twice.
Reads page by position (the log is append-only and commits in position order, so every page
reads a prefix of the same history) and hold one page at a time.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

import psycopg
from psycopg import errors as pg_errors

from . import postgres_ddl as ddl
from .chaining import chain_batch
from .errors import EventIdConflict, StorageError
from .postgres_connect import CACHE, connect, redact
from .prepare import DEFAULT_MAX_EVENT_BYTES, PreparedEvent, check_stream_id, prepare_batch
from .records import ANY, ExpectedVersion, Head, NewEvent, StoredEvent
from .registry import EventRegistry
from .rows import decode_row, stored_retry, stream_version
from .sqlite import (
    DEFAULT_CHECKPOINT_EVERY,
    Clock,
    SqliteEventLog,
    _check_expected,
    format_timestamp,
    utc_now,
)

PAGE_ROWS = 2000
SMALL_BATCH = 1  # batches of up to this many rows go in by INSERT, larger ones by COPY
INSERT_EVENT = f"INSERT INTO events ({ddl.COLUMNS}) VALUES ({', '.join(['%s'] * 11)})"
_READY: set[tuple[str, str]] = set()  # (url, schema) whose schema this process has checked


class PostgresEventLog:
    """The system of record in PostgreSQL. Configure by keyword; one per thread."""

    def __init__(
        self,
        url: str,
        *,
        schema: str | None = None,
        registry: EventRegistry | None = None,
        clock: Clock = utc_now,
        max_event_bytes: int = DEFAULT_MAX_EVENT_BYTES,
        checkpoint_every: int = DEFAULT_CHECKPOINT_EVERY,
        strict_types: bool = True,
        writer_role: str | None = ddl.WRITER_ROLE,
        connect_timeout: int = 10,
        retries: int = 1,
        lock_timeout_ms: int = 60_000,
        pooled: bool = False,
    ) -> None:
        self.url = url
        schema = schema or ddl.schema_in_url(url)
        self.path = redact(url) + ("" if schema == "public" else f" (schema {schema})")
        self.schema = ddl.check_identifier(schema, "schema")
        self.channel = ddl.channel_for(self.schema)
        self.registry = registry if registry is not None else EventRegistry()
        self.clock = clock
        self.max_event_bytes = max_event_bytes
        self.checkpoint_every = checkpoint_every
        self.strict_types = strict_types
        self.writer_role = writer_role
        self.connect_timeout = connect_timeout
        self.retries = retries
        self.lock_timeout_ms = int(lock_timeout_ms)
        self.pooled = pooled
        self.conn = self._connect()
        try:
            self._ensure_schema()
        except BaseException:
            self.conn.close()
            raise

    def _connect(self) -> psycopg.Connection[Any]:
        if self.pooled:
            conn = CACHE.take(self.url, connect_timeout=self.connect_timeout)
        else:
            conn = connect(self.url, connect_timeout=self.connect_timeout)
        try:
            conn.execute(
                f"SET search_path TO {self.schema}; SET lock_timeout = {self.lock_timeout_ms}"
            )
        except psycopg.Error as exc:
            conn.close()
            raise StorageError(f"cannot use {self.path}: {exc}") from exc
        return conn

    def close(self) -> None:
        if self.pooled:
            CACHE.give_back(self.url, self.conn)
        else:
            self.conn.close()

    def __enter__(self) -> PostgresEventLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema --------------------------------------------------------------------------------

    def _ensure_schema(self) -> None:
        """Create the schema, triggers and writer role if missing. Opening a current log writes
        nothing (so an application logged in as the writer role can open it)."""
        key = (self.url, self.schema)
        if key in _READY or self._schema_current():
            _READY.add(key)
            return
        try:
            with self.conn.transaction():
                self.conn.execute(
                    "SELECT pg_advisory_xact_lock(hashtext(%s))", ("timeline-log:" + self.schema,)
                )
                self.conn.execute(ddl.schema_script(self.schema))
                if self.writer_role:
                    create_role, grants = ddl.role_scripts(self.schema, self.writer_role)
                    self.conn.execute(create_role)
                    if self._role_exists(self.writer_role):
                        self.conn.execute(grants)
        except psycopg.Error as exc:
            raise StorageError(f"cannot create the event log in {self.path}: {exc}") from exc
        _READY.add(key)

    def _schema_current(self) -> bool:
        try:
            row = self.conn.execute(
                "SELECT to_regclass(%s) IS NOT NULL", (f"{self.schema}.log_meta",)
            ).fetchone()
            if not row or not row[0]:
                return False
            row = self.conn.execute(
                "SELECT value FROM log_meta WHERE key = 'schema_version'"
            ).fetchone()
        except psycopg.Error as exc:
            raise StorageError(f"cannot read the event log in {self.path}: {exc}") from exc
        return row == (str(ddl.SCHEMA_VERSION),)

    def _role_exists(self, role: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone()
        return row is not None

    # -- writing -------------------------------------------------------------------------------

    def append(
        self,
        stream_id: str,
        events: Sequence[NewEvent],
        *,
        expected_version: ExpectedVersion | int = ANY,
    ) -> list[StoredEvent]:
        """Append ``events`` to ``stream_id`` atomically; see ``SqliteEventLog.append``."""
        check_stream_id(stream_id)
        _check_expected(expected_version)
        prepared = prepare_batch(
            events, self.registry, strict=self.strict_types, max_bytes=self.max_event_bytes
        )
        if not prepared:
            return []
        for attempt in range(self.retries + 1):
            try:
                return self._append_once(stream_id, expected_version, prepared)
            except psycopg.OperationalError as exc:
                if not self.conn.closed and not self.conn.broken:
                    raise StorageError(f"append failed: {exc}") from exc
                if attempt == self.retries:
                    raise StorageError(
                        f"append failed: the connection to {self.path} was lost ({exc}); "
                        "the batch was not confirmed: retry it (a stored batch is returned)"
                    ) from exc
                self._reconnect()
        raise AssertionError("unreachable")

    def _reconnect(self) -> None:
        try:
            self.conn.close()
        finally:
            self.conn = self._connect()

    def _append_once(
        self, stream_id: str, expected: ExpectedVersion | int, prepared: list[PreparedEvent]
    ) -> list[StoredEvent]:
        try:
            with self.conn.transaction():
                cur = self.conn.cursor()
                locked = cur.execute("SELECT * FROM log_lock_head()").fetchone()
                assert locked is not None  # the head row always exists
                stored = stored_retry(cur.execute, "%s", ddl.COLUMNS, stream_id, prepared,
                                      self.registry)
                if stored is not None:
                    return stored
                current = stream_version(cur.execute, "%s", stream_id)
                SqliteEventLog._check_version(stream_id, expected, current)
                head = Head(*locked)
                rows, events = _chain(self, stream_id, current, head, prepared)
                self._copy(cur, rows)
                return events
        except pg_errors.UniqueViolation as exc:
            if "event_id" in (exc.diag.constraint_name or ""):
                raise EventIdConflict(
                    prepared[0].event_id, "the batch reuses an event id that is already stored"
                ) from exc
            raise StorageError(f"append refused by the database: {exc}") from exc
        except pg_errors.LockNotAvailable as exc:
            raise StorageError(
                f"append failed: the log's head stayed locked for {self.lock_timeout_ms} ms"
                " (another append or a stuck transaction holds it); nothing was written"
            ) from exc
        except (pg_errors.IntegrityError, pg_errors.InsufficientPrivilege) as exc:
            raise StorageError(f"append refused by the database: {exc}") from exc
        except psycopg.OperationalError:
            raise
        except psycopg.Error as exc:
            raise StorageError(f"append failed: {exc}") from exc

    def _copy(self, cur: psycopg.Cursor[Any], rows: list[tuple[Any, ...]]) -> None:
        if len(rows) <= SMALL_BATCH:  # one round trip; COPY takes two
            cur.executemany(INSERT_EVENT, rows)
        else:
            with cur.copy(f"COPY events ({ddl.COLUMNS}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        every = self.checkpoint_every
        before = rows[0][0] - 1
        first_due = (before // every + 1) * every if every > 0 else 0
        due = rows[first_due - before - 1 :: every] if every > 0 else []
        if due:
            cur.executemany(
                "INSERT INTO chain_checkpoints (position, hash, recorded_at) VALUES (%s, %s, %s)",
                [(r[0], r[10], r[8]) for r in due],
            )

    def copy_rows(self, rows: list[tuple[Any, ...]]) -> None:
        """Store rows already chained elsewhere (``timeline migrate``), exactly as given. The
        first must follow the head; the database refuses anything else."""
        if not rows:
            return
        try:
            with self.conn.transaction():
                cur = self.conn.cursor()
                cur.execute("SELECT * FROM log_lock_head()")
                self._copy(cur, rows)
        except psycopg.Error as exc:
            raise StorageError(f"copy refused by the database: {exc}") from exc

    # -- reading -------------------------------------------------------------------------------

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run a read; a connection found lost (a server restart, an idle one cut) is replaced
        and the read run again once (reads are idempotent)."""
        for attempt in range(self.retries + 1):
            try:
                return self.conn.execute(sql, params).fetchall()
            except psycopg.OperationalError as exc:
                lost = self.conn.closed or self.conn.broken
                if not lost or attempt == self.retries:
                    raise StorageError(f"read failed on {self.path}: {exc}") from exc
                self._reconnect()
            except psycopg.Error as exc:
                raise StorageError(f"read failed on {self.path}: {exc}") from exc
        raise AssertionError("unreachable")

    def head(self) -> Head:
        """The last position, its hash and when it was recorded."""
        (row,) = self._query("SELECT position, hash, recorded_at FROM log_head")
        return Head(int(row[0]), row[1], row[2])

    def stream_version(self, stream_id: str) -> int:
        (row,) = self._query(
            "SELECT MAX(stream_version) FROM events WHERE stream_id = %s", (stream_id,)
        )
        return int(row[0] or 0)

    def read_all(
        self,
        after_position: int = 0,
        limit: int | None = None,
        *,
        until_position: int | None = None,
    ) -> Iterator[StoredEvent]:
        """Events after ``after_position`` in log order, at most ``limit`` of them."""
        registry = self.registry
        for row in self.raw_rows(after_position, limit=limit, until_position=until_position):
            yield decode_row(row, registry)

    def raw_rows(
        self, after_position: int = 0, *, limit: int | None = None,
        until_position: int | None = None,
    ) -> Iterator[tuple[Any, ...]]:
        """Undecoded rows in position order, a page at a time."""
        position, left = int(after_position), limit
        last = until_position if until_position is not None else 2**62
        while left is None or left > 0:
            page = min(PAGE_ROWS, left) if left is not None else PAGE_ROWS
            rows = self._query(
                f"SELECT {ddl.COLUMNS} FROM events WHERE position > %s AND position <= %s"
                " ORDER BY position LIMIT %s", (position, int(last), page),
            )
            yield from rows
            if len(rows) < page:
                return
            position = rows[-1][0]
            left = None if left is None else left - len(rows)

    def read_stream(self, stream_id: str, from_version: int = 1) -> Iterator[StoredEvent]:
        """One stream's events from ``from_version`` on, in order."""
        version = int(from_version) - 1
        while True:
            rows = self._query(
                f"SELECT {ddl.COLUMNS} FROM events WHERE stream_id = %s AND stream_version > %s"
                " ORDER BY stream_version LIMIT %s", (stream_id, version, PAGE_ROWS),
            )
            for row in rows:
                yield decode_row(row, self.registry)
            if len(rows) < PAGE_ROWS:
                return
            version = rows[-1][2]

    def get(self, event_id: str) -> StoredEvent | None:
        rows = self._query(f"SELECT {ddl.COLUMNS} FROM events WHERE event_id = %s", (event_id,))
        return decode_row(rows[0], self.registry) if rows else None

    def position_at(self, moment: datetime | str) -> int:
        """The last position recorded at or before ``moment`` (0 if none)."""
        stamp = moment if isinstance(moment, str) else format_timestamp(moment)
        (row,) = self._query("SELECT MAX(position) FROM events WHERE recorded_at <= %s", (stamp,))
        return int(row[0] or 0)

    def raw_row(self, position: int) -> tuple[Any, ...] | None:
        rows = self._query(f"SELECT {ddl.COLUMNS} FROM events WHERE position = %s", (position,))
        return tuple(rows[0]) if rows else None

    def checkpoints(self) -> list[tuple[int, str]]:
        rows = self._query("SELECT position, hash FROM chain_checkpoints ORDER BY position")
        return [(int(r[0]), r[1]) for r in rows]


def _chain(
    log: PostgresEventLog, stream_id: str, version: int, head: Head, batch: list[PreparedEvent]
) -> tuple[list[tuple[Any, ...]], list[StoredEvent]]:
    """Rows and StoredEvents for ``batch`` chained after ``head`` (as SqliteEventLog does)."""
    return chain_batch(stream_id, version, head, batch, now=format_timestamp(log.clock()),
                       registry=log.registry)
