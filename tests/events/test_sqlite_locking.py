"""Every connection waits for locks instead of failing: opening a log while another connection
holds a fresh file's write lock waits for it (SQLite's WAL switch alone would fail at once with
"database is locked", the cause of a flaky 500 on concurrent first requests)."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from events import SqliteEventLog, StorageError
from events.sqlite_connect import connect_file


@contextmanager
def write_lock_on_fresh_file(path: Path, seconds: float | None) -> Iterator[None]:
    """A rollback-journal file whose write lock another connection holds (for ``seconds``)."""
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("CREATE TABLE pending (x)")
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO pending VALUES (1)")
    timer = threading.Timer(seconds or 0, lambda: other.execute("COMMIT"))
    if seconds is not None:
        timer.start()
    try:
        yield
    finally:
        timer.join() if seconds is not None else other.execute("ROLLBACK")
        other.close()


def test_opening_a_log_waits_for_another_connections_write_lock(tmp_path: Path) -> None:
    path = tmp_path / "log.db"
    with write_lock_on_fresh_file(path, seconds=0.3):
        log = SqliteEventLog(path)
    with log:
        assert log.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert log.head().position == 0


def test_a_lock_held_past_the_busy_timeout_is_a_storage_error(tmp_path: Path) -> None:
    path = tmp_path / "log.db"
    with write_lock_on_fresh_file(path, seconds=None), pytest.raises(StorageError):
        SqliteEventLog(path, busy_timeout_ms=100)


def test_every_connection_has_a_busy_timeout(tmp_path: Path) -> None:
    conn = connect_file(tmp_path / "rm.db", busy_timeout_ms=1234)
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 1234
    conn.close()
