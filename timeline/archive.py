"""The archive: the event log plus the projections that fold it into read models.

The log is a SQLite file or a shared PostgreSQL database (a ``postgresql://`` URL). The read
models live in the log's own SQLite file by default; with ``read_models`` (always, for
PostgreSQL) they live in a SQLite file of this node's own, filled from the log by its projector.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from events import (
    EventLogError,
    NodeLog,
    Projector,
    SqliteEventLog,
    archive_registry,
    head_listener,
    is_postgres_url,
    open_event_log,
    utc_now,
)
from timeline.projections import archive_projections

Clock = Callable[[], datetime]
#: Built once per process: compiling the schemas costs ~2 ms, and a web request opens an archive.
_REGISTRY = archive_registry()
#: Where a node keeps its read models when the log is in PostgreSQL and none is named.
DEFAULT_READ_MODELS = "timeline-read-models.db"


def read_models_for(target: str | Path, read_models: str | Path | None) -> str | None:
    """The read-model file to use apart from the log (None: inside the SQLite log itself)."""
    if read_models is not None and str(read_models) != str(target):
        return str(read_models)
    return DEFAULT_READ_MODELS if is_postgres_url(str(target)) else None


def open_log(
    target: str | Path,
    *,
    clock: Clock = utc_now,
    read_models: str | Path | None = None,
) -> SqliteEventLog:
    """The archive's event log (no projections), with the shared registry. A PostgreSQL log
    comes with its node's read-model file (in memory when ``read_models`` is ``":memory:"``)."""
    split = read_models_for(target, read_models)
    if split is None:
        return SqliteEventLog(target, registry=_REGISTRY, clock=clock)
    source = open_event_log(str(target), registry=_REGISTRY, clock=clock)
    try:
        return NodeLog(split, source)
    except BaseException:
        source.close()
        raise


class Archive:
    """The library's composition root. Open one per thread or process; close it when done."""

    def __init__(self, log: SqliteEventLog, projector: Projector) -> None:
        self.log = log
        self.projector = projector

    @classmethod
    def open(
        cls,
        target: str | Path,
        *,
        clock: Clock = utc_now,
        read_models: str | Path | None = None,
    ) -> Archive:
        log = open_log(target, clock=clock, read_models=read_models)
        try:
            return cls(log, Projector(log, archive_projections()))
        except BaseException:
            log.close()
            raise

    def catch_up(self) -> int:
        """Apply every event appended since the last run; the number applied."""
        return self.projector.run()

    def close(self) -> None:
        self.log.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def keep_up(
    target: str | Path,
    *,
    read_models: str | Path | None = None,
    should_stop: Callable[[], bool] = lambda: False,
    fallback_seconds: float = 5.0,
) -> None:
    """Keep this node's read models at the log's head until ``should_stop()``: catch up, then
    wait for the next commit on any node (NOTIFY on PostgreSQL; a poll every
    ``fallback_seconds`` otherwise, and whenever a notification is missed)."""
    listener = head_listener(target)
    while not should_stop():
        try:
            with Archive.open(target, read_models=read_models) as archive:
                while not should_stop():
                    archive.catch_up()
                    seen = min(archive.projector.checkpoint(p.name)
                               for p in archive.projector.projections)
                    if listener is None:
                        time.sleep(fallback_seconds)
                    else:
                        listener.wait_beyond(seen, fallback_seconds)
        except EventLogError:
            time.sleep(fallback_seconds)  # the database is away: try again


def start_keeping_up(target: str | Path, *, read_models: str | Path | None = None) -> None:
    """``keep_up`` in a daemon thread of this process (a server worker)."""
    threading.Thread(
        target=keep_up, args=(target,), kwargs={"read_models": read_models},
        name="timeline-projector", daemon=True,
    ).start()
