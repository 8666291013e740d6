"""Choosing a backend by its target, and a node's split of log and read models.

A target that is a ``postgresql://`` URL opens the shared PostgreSQL log; anything else is a
SQLite file. ``NodeLog`` is how one application node sees a shared log: every event read or
append goes to the shared log, while ``conn`` and ``transaction()`` are a SQLite file of the
node's own, where the projector keeps its read models and their checkpoints. Read models are
rebuildable anywhere from the log, so each node keeps its own (CQRS).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from sqlite_utils import Database

from .records import ANY, ExpectedVersion, Head, NewEvent, StoredEvent
from .registry import EventRegistry
from .sqlite import Clock, SqliteEventLog, utc_now
from .sqlite_connect import connect_file

if TYPE_CHECKING:
    from .postgres_notify import HeadListener

__all__ = ["EventLog", "NodeLog", "head_listener", "is_postgres_url", "open_event_log"]
URL_SCHEMES = ("postgresql://", "postgres://")


def is_postgres_url(target: object) -> bool:
    """Whether ``target`` names a PostgreSQL database (else it is a SQLite file path)."""
    return isinstance(target, str) and target.lower().startswith(URL_SCHEMES)


class EventLog(Protocol):
    """What every backend offers (SqliteEventLog, PostgresEventLog)."""

    path: str
    registry: EventRegistry
    clock: Clock

    def append(
        self, stream_id: str, events: Sequence[NewEvent], *,
        expected_version: ExpectedVersion | int = ANY,
    ) -> list[StoredEvent]: ...
    def head(self) -> Head: ...
    def stream_version(self, stream_id: str) -> int: ...
    def read_all(
        self, after_position: int = 0, limit: int | None = None, *,
        until_position: int | None = None,
    ) -> Iterator[StoredEvent]: ...
    def read_stream(self, stream_id: str, from_version: int = 1) -> Iterator[StoredEvent]: ...
    def get(self, event_id: str) -> StoredEvent | None: ...
    def position_at(self, moment: datetime | str) -> int: ...
    def raw_rows(self, after_position: int = 0) -> Iterator[tuple[Any, ...]]: ...
    def raw_row(self, position: int) -> tuple[Any, ...] | None: ...
    def checkpoints(self) -> list[tuple[int, str]]: ...
    def close(self) -> None: ...


def open_event_log(
    target: str | Path,
    *,
    registry: EventRegistry | None = None,
    clock: Clock = utc_now,
    pooled: bool = True,
    **options: Any,
) -> EventLog:
    """The log at ``target``: a ``postgresql://`` URL, else a SQLite file path."""
    if is_postgres_url(target):
        from .postgres import PostgresEventLog

        return PostgresEventLog(
            str(target), registry=registry, clock=clock, pooled=pooled, **options
        )
    return SqliteEventLog(target, registry=registry, clock=clock, **options)


def head_listener(target: str | Path) -> HeadListener | None:
    """This process's listener for commits to the log at ``target`` (None for SQLite, whose
    followers poll): ``wait_beyond(position, timeout)`` returns as soon as the head passes."""
    if not is_postgres_url(str(target)):
        return None
    from .postgres_notify import head_listener as listener

    return listener(str(target))


class NodeLog(SqliteEventLog):
    """A shared log seen from one node: events from ``source``, read models in the SQLite file
    ``read_models`` (``conn``, ``transaction()``). Closing it closes both."""

    def __init__(
        self, read_models: str | Path, source: EventLog, *, busy_timeout_ms: int = 60_000
    ) -> None:
        self.source = source
        self.read_models_path = str(read_models)
        self.path = source.path
        conn = connect_file(self.read_models_path, busy_timeout_ms=busy_timeout_ms)
        self.db = Database(conn)
        self.registry = source.registry
        self.clock = source.clock

    def close(self) -> None:
        try:
            self.db.close()
        finally:
            self.source.close()

    def append(
        self, stream_id: str, events: Sequence[NewEvent], *,
        expected_version: ExpectedVersion | int = ANY,
    ) -> list[StoredEvent]:
        return self.source.append(stream_id, events, expected_version=expected_version)

    def group(self) -> AbstractContextManager[None]:
        """The shared log's group of appends when it has one (SQLite), else no grouping: each
        append commits on its own."""
        grouped = getattr(self.source, "group", None)
        return grouped() if grouped is not None else nullcontext()

    def head(self) -> Head:
        return self.source.head()

    def stream_version(self, stream_id: str) -> int:
        return self.source.stream_version(stream_id)

    def read_all(
        self, after_position: int = 0, limit: int | None = None, *,
        until_position: int | None = None,
    ) -> Iterator[StoredEvent]:
        return self.source.read_all(after_position, limit, until_position=until_position)

    def read_stream(self, stream_id: str, from_version: int = 1) -> Iterator[StoredEvent]:
        return self.source.read_stream(stream_id, from_version)

    def get(self, event_id: str) -> StoredEvent | None:
        return self.source.get(event_id)

    def position_at(self, moment: datetime | str) -> int:
        return self.source.position_at(moment)

    def raw_rows(self, after_position: int = 0) -> Iterator[tuple[Any, ...]]:
        return self.source.raw_rows(after_position)

    def raw_row(self, position: int) -> tuple[Any, ...] | None:
        return self.source.raw_row(position)

    def checkpoints(self) -> list[tuple[int, str]]:
        return self.source.checkpoints()
