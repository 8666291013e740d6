"""The archive: the event log plus the projections that fold it into read models."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from events import Projector, SqliteEventLog, archive_registry, utc_now
from timeline.projections import archive_projections

Clock = Callable[[], datetime]
#: Built once per process: compiling the schemas costs ~2 ms, and a web request opens an archive.
_REGISTRY = archive_registry()


def open_log(path: str | Path, *, clock: Clock = utc_now) -> SqliteEventLog:
    """The archive's event log alone (no projections), with the shared registry."""
    return SqliteEventLog(path, registry=_REGISTRY, clock=clock)


class Archive:
    """The library's composition root. Open one per thread or process; close it when done."""

    def __init__(self, log: SqliteEventLog, projector: Projector) -> None:
        self.log = log
        self.projector = projector

    @classmethod
    def open(cls, path: str | Path, *, clock: Clock = utc_now) -> Archive:
        log = open_log(path, clock=clock)
        return cls(log, Projector(log, archive_projections()))

    def catch_up(self) -> int:
        """Apply every event appended since the last run; the number applied."""
        return self.projector.run()

    def close(self) -> None:
        self.log.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
