"""A batch of events is projected with a larger page cache and no cyclic garbage collection;
both are as they were after it, even when it fails."""

from __future__ import annotations

import gc
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from events import ProjectionError, Projector, SqliteEventLog, StoredEvent
from events.bulk_settings import BATCH_CACHE_KIB, batch_settings

from .contract import noted, noted_registry
from .test_projector import WordCount, counts


class BatchedWordCount(WordCount):
    """``WordCount`` with ``batch``: notes what the connection looked like while it ran."""

    seen: list[tuple[int, bool]]

    def batch(self, conn: sqlite3.Connection, events: Sequence[StoredEvent]) -> Batched:
        return Batched(self, conn)


class Batched:
    def __init__(self, projection: BatchedWordCount, conn: sqlite3.Connection) -> None:
        self.projection, self.conn = projection, conn
        projection.seen.append((conn.execute("PRAGMA cache_size").fetchone()[0], gc.isenabled()))

    def fold(self, event: StoredEvent) -> None:
        self.projection.apply(self.conn, event)

    def write(self) -> None:
        pass


@pytest.fixture
def log(tmp_path: Path) -> Iterator[SqliteEventLog]:
    with SqliteEventLog(tmp_path / "p.db", registry=noted_registry()) as log:
        yield log


def _state(log: SqliteEventLog) -> tuple[int, bool]:
    return log.conn.execute("PRAGMA cache_size").fetchone()[0], gc.isenabled()


def test_a_batch_runs_with_a_larger_cache_and_no_gc(log: SqliteEventLog) -> None:
    before = _state(log)
    projection = BatchedWordCount()
    projection.seen = []
    log.append("a", [noted("x"), noted("y"), noted("x")])
    assert Projector(log, [projection]).run() == 3
    assert projection.seen == [(-BATCH_CACHE_KIB, False)]
    assert counts(log) == {"x": 2, "y": 1}
    assert _state(log) == before == (before[0], True)


def test_settings_come_back_after_a_failing_batch(log: SqliteEventLog) -> None:
    before = _state(log)
    projection = BatchedWordCount(fail_on="y")
    projection.seen = []
    log.append("a", [noted("x"), noted("y")])
    with pytest.raises(ProjectionError):
        Projector(log, [projection]).run()
    assert _state(log) == before


@pytest.mark.parametrize("size", [-2 * BATCH_CACHE_KIB, 100_000])
def test_a_cache_already_as_large_is_left_alone(log: SqliteEventLog, size: int) -> None:
    log.conn.execute(f"PRAGMA cache_size={size}")  # KiB when negative, pages when positive
    with batch_settings(log.conn):
        assert log.conn.execute("PRAGMA cache_size").fetchone()[0] == size
    assert log.conn.execute("PRAGMA cache_size").fetchone()[0] == size


def test_collection_stays_off_after_if_it_was_off(log: SqliteEventLog) -> None:
    gc.disable()
    try:
        with batch_settings(log.conn):
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
