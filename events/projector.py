"""Checkpointed subscriptions: projections applied to the log in order, exactly once.

Each projection keeps its read model in the log's own SQLite file. The projector applies events
after the projection's stored checkpoint in batches; each batch's writes and the new checkpoint
commit in one transaction, and the checkpoint is re-read inside that transaction, so a crash or a
second projector process never applies an event twice or skips one. ``rebuild`` replays a read
model from position 0. A projection whose ``version`` changed is rebuilt automatically.

A projection that offers ``batch(conn, events)`` (a ``Batch``) gets each batch of two events or
more at once: it folds them all, then writes what they changed, in the batch's transaction; a
lone event still goes through ``apply``. A batch runs with a larger page cache and no cyclic
garbage collection (``bulk_settings.batch_settings``).

A projection that offers ``bulk()`` (a ``Rebuild``) is rebuilt in bulk: the projector reads the log
in large pages, the rebuild folds each page in memory (outside any transaction) and writes it in
one transaction into fresh tables, and ``finish`` swaps those in together with the checkpoint.
Until then readers see the old read model, and a failed rebuild leaves it as it was. Events
appended meanwhile are then applied one batch at a time, as usual.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Generator, Sequence
from contextlib import ExitStack, closing, suppress
from typing import Any, Protocol

from .bulk_settings import batch_settings, bulk_settings, unchanged
from .errors import EventLogError
from .fold_worker import FoldFailed, Statements, can_fork, folded_pages, replay
from .records import StoredEvent
from .sqlite import SqliteEventLog, format_timestamp

CHECKPOINTS_DDL = """
CREATE TABLE IF NOT EXISTS projection_checkpoints (
    name        TEXT PRIMARY KEY,
    position    INTEGER NOT NULL,
    version     INTEGER NOT NULL,
    updated_at  TEXT NOT NULL
)
"""

Progress = Callable[[int], None]
#: A bulk rebuild commits the pages it has written about this often (one commit per page
#: would checkpoint the WAL, and sync, after each; other writers wait at most this long).
REBUILD_COMMIT_SECONDS = 1.0
#: A folded page of a rebuild: its last position, its number of events, and what writes it.
Page = tuple[int, int, Callable[[sqlite3.Connection], None]]


class Projection(Protocol):
    """A fold over the log whose state lives in SQLite tables of its own."""

    name: str
    version: int

    def setup(self, conn: sqlite3.Connection) -> None:
        """Create the read model's tables if missing."""

    def drop(self, conn: sqlite3.Connection) -> None:
        """Remove the read model's tables."""

    def apply(self, conn: sqlite3.Connection, event: StoredEvent) -> None:
        """Fold one event into the read model (events it does not know are ignored)."""


class Rebuild(Protocol):
    """One bulk rebuild of a projection's read model (``Projection.bulk()`` makes one)."""

    def begin(self, conn: sqlite3.Connection) -> None:
        """Prepare fresh, empty tables to fill (in a transaction)."""

    def fold(self, event: StoredEvent) -> None:
        """Fold one event in memory (no transaction is open)."""

    def write(self, conn: sqlite3.Connection) -> None:
        """Write what the events folded since the last write changed (in a transaction)."""

    def finish(self, conn: sqlite3.Connection) -> None:
        """Write the rest and put the fresh tables in place of the live ones (in a transaction,
        which also stores the projection's new checkpoint)."""

    def discard(self, conn: sqlite3.Connection) -> None:
        """Drop the fresh tables after a failure (in a transaction)."""


class Batch(Protocol):
    """Several events applied to a projection's live read model at once, in the projector's
    transaction (``Projection.batch(conn, events)`` makes one, if the projection has it): the
    read model must end up exactly as ``apply`` would leave it, event by event."""

    def fold(self, event: StoredEvent) -> None:
        """Fold one event (reading the live read model as the batch left it)."""

    def write(self) -> None:
        """Write what the folded events changed."""


class ProjectionError(EventLogError):
    """A projection failed to apply an event; its checkpoint stays before that event."""

    def __init__(self, name: str, position: int, cause: Exception) -> None:
        super().__init__(f"projection {name!r} failed at position {position}: {cause}")
        self.name = name
        self.position = position


class Projector:
    """Runs projections over a log; call ``run`` after appending, or periodically."""

    def __init__(
        self,
        log: SqliteEventLog,
        projections: Sequence[Projection],
        *,
        batch_size: int = 1000,
        rebuild_page: int = 20_000,
        fold_worker: bool | None = False,
    ) -> None:
        self.log = log
        self.projections = tuple(projections)
        self.batch_size = batch_size
        self.rebuild_page = rebuild_page
        #: Fold a bulk rebuild in a worker process (``fold_worker``, on a SQLite file): False
        #: never (the default: a library or server process may hold threads, which a fork does
        #: not copy safely), True always, None when the machine has a second core.
        self.fold_worker = fold_worker
        exists = log.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'projection_checkpoints'"
        ).fetchone()
        if not exists:
            with log.transaction() as conn:
                conn.execute(CHECKPOINTS_DDL)
        for projection in self.projections:
            self._ensure_version(projection)

    def checkpoint(self, name: str) -> int:
        row = self.log.conn.execute(
            "SELECT position FROM projection_checkpoints WHERE name = ?", (name,)
        ).fetchone()
        return row[0] if row else 0

    def run(self, *, progress: Progress | None = None, batch_size: int | None = None) -> int:
        """Bring every projection up to the head, in batches of ``batch_size`` events (default:
        the projector's); the number of events applied."""
        applied = 0
        for projection in self.projections:
            while batch := self._apply_batch(projection, batch_size):
                applied += batch
                if progress:
                    progress(batch)
        return applied

    def rebuild(self, name: str | None = None, *, progress: Progress | None = None) -> int:
        """Replay one projection (or all) from position 0, in bulk where it can; the number of
        events applied."""
        applied = 0
        for projection in self.projections:
            if name is None or projection.name == name:
                applied += self._rebuild(projection, progress)
        return applied + self.run(progress=progress)

    def _rebuild(self, projection: Projection, progress: Progress | None) -> int:
        make = getattr(projection, "bulk", None)
        if make is None:
            self._reset(projection)
            return 0
        rebuild: Rebuild = make()
        with bulk_settings(self.log.conn):
            try:
                return self._rebuild_in_bulk(projection, rebuild, progress)
            except BaseException:
                with suppress(Exception), self.log.transaction() as conn:
                    rebuild.discard(conn)
                raise

    def _rebuild_in_bulk(
        self, projection: Projection, rebuild: Rebuild, progress: Progress | None
    ) -> int:
        with self.log.transaction() as conn:
            rebuild.begin(conn)
        position = applied = 0
        # Pages share a transaction, written without a savepoint each (a failed page fails the
        # rebuild, whose fresh tables are then dropped): a node's group() is its shared log's.
        grouping = type(self.log) is SqliteEventLog and not self.log.in_group()
        with closing(self._pages(projection, rebuild)) as pages, ExitStack() as group:
            committed = time.monotonic()  # ``closing`` stops a worker on failure
            for position, count, write in pages:
                applied += count
                if grouping:
                    if not self.log.in_group():
                        group.enter_context(self.log.group())
                    _run(projection, write, self.log.conn, position)
                else:
                    self._write(projection, write, position)
                if progress:
                    progress(count)
                if time.monotonic() - committed >= REBUILD_COMMIT_SECONDS:
                    group.close()  # commits the pages written since the last commit
                    committed = time.monotonic()

        def finish(conn: sqlite3.Connection) -> None:
            rebuild.finish(conn)
            self._store(conn, projection, position)

        self._write(projection, finish, position)
        return applied

    def _pages(self, projection: Projection, rebuild: Rebuild) -> Generator[Page]:
        """Each page of the log folded: its last position, its size and what writes it."""
        if self._folds_in_worker(rebuild):
            yield from self._pages_from_worker(projection, rebuild)
            return
        position = 0
        while events := list(self.log.read_all(position, self.rebuild_page)):
            for event in events:
                try:
                    rebuild.fold(event)
                except Exception as exc:
                    raise ProjectionError(projection.name, event.position, exc) from exc
            position = events[-1].position
            yield position, len(events), rebuild.write

    def _folds_in_worker(self, rebuild: Rebuild) -> bool:
        staged = hasattr(rebuild, "write_rows") and hasattr(rebuild, "check")
        if not staged or self.fold_worker is False:
            return False
        on_file = type(self.log) is SqliteEventLog and self.log.path != ":memory:"
        return on_file and (self.fold_worker or can_fork())

    def _pages_from_worker(self, projection: Projection, rebuild: Any) -> Generator[Page]:
        pages = folded_pages(self.log.path, self.log.registry, rebuild, self.rebuild_page)
        try:
            with closing(pages):
                for position, count, statements in pages:
                    yield position, count, _replaying(rebuild, statements)
        except FoldFailed as failed:
            raise ProjectionError(projection.name, failed.position, failed.cause) from failed

    def _write(self, projection: Projection, write: Callable[[sqlite3.Connection], None],
               position: int) -> None:
        with self.log.transaction() as conn:
            _run(projection, write, conn, position)

    def _ensure_version(self, projection: Projection) -> None:
        """Set up a new read model; drop one built by another version so it is rebuilt.

        Opening a projector over current read models writes nothing."""
        row = self.log.conn.execute(
            "SELECT version FROM projection_checkpoints WHERE name = ?", (projection.name,)
        ).fetchone()
        if row is None or row[0] != projection.version:
            self._reset(projection)

    def _reset(self, projection: Projection) -> None:
        with self.log.transaction() as conn:
            projection.drop(conn)
            projection.setup(conn)
            self._store(conn, projection, 0)

    def _store(self, conn: sqlite3.Connection, projection: Projection, position: int) -> None:
        conn.execute(
            "INSERT INTO projection_checkpoints (name, position, version, updated_at)"
            " VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position,"
            " version = excluded.version, updated_at = excluded.updated_at",
            (projection.name, position, projection.version, format_timestamp(self.log.clock())),
        )

    def _apply_batch(self, projection: Projection, size: int | None = None) -> int:
        if self.checkpoint(projection.name) >= self.log.head().position:
            return 0  # nothing new: no write transaction
        settings = batch_settings if hasattr(projection, "batch") else unchanged
        with settings(self.log.conn), self.log.transaction() as conn:
            after = self.checkpoint(projection.name)
            events = list(self.log.read_all(after, size or self.batch_size))
            make = getattr(projection, "batch", None)
            if make is not None and len(events) > 1:  # one event: ``apply`` is quicker
                self._apply_in_batch(projection, make(conn, events), events)
            else:
                self._apply_each(projection, conn, events)
            if events:
                self._store(conn, projection, events[-1].position)
        return len(events)

    @staticmethod
    def _apply_each(projection: Projection, conn: sqlite3.Connection,
                    events: Sequence[StoredEvent]) -> None:
        for event in events:
            try:
                projection.apply(conn, event)
            except Exception as exc:
                raise ProjectionError(projection.name, event.position, exc) from exc

    @staticmethod
    def _apply_in_batch(projection: Projection, batch: Batch,
                        events: Sequence[StoredEvent]) -> None:
        for event in events:
            try:
                batch.fold(event)
            except Exception as exc:
                raise ProjectionError(projection.name, event.position, exc) from exc
        try:
            batch.write()
        except Exception as exc:
            raise ProjectionError(projection.name, events[-1].position, exc) from exc


def _run(projection: Projection, write: Callable[[sqlite3.Connection], None],
         conn: sqlite3.Connection, position: int) -> None:
    try:
        write(conn)
    except Exception as exc:
        raise ProjectionError(projection.name, position, exc) from exc


def _replaying(rebuild: Any, statements: Statements) -> Callable[[sqlite3.Connection], None]:
    """What writes a page a worker folded: the rebuild's ownership check, then its statements."""
    def write(conn: sqlite3.Connection) -> None:
        rebuild.check(conn)
        replay(conn, statements)

    return write
