"""A bulk rebuild's connection settings hold only while it runs."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from events import SqliteEventLog
from events.bulk_settings import BULK_SETTINGS, bulk_settings


def _settings(conn: sqlite3.Connection) -> dict[str, object]:
    return {name: conn.execute(f"PRAGMA {name}").fetchone()[0] for name in BULK_SETTINGS}


def test_a_rebuild_relaxes_syncing_and_restores_every_setting(tmp_path: Path) -> None:
    with SqliteEventLog(tmp_path / "log.db") as log:
        before = _settings(log.conn)
        assert before["synchronous"] == 2  # FULL: the log's appends are synced
        with bulk_settings(log.conn):
            assert _settings(log.conn)["synchronous"] == 1  # NORMAL while rebuilding
        assert _settings(log.conn) == before


def test_settings_are_restored_after_a_failure(tmp_path: Path) -> None:
    with SqliteEventLog(tmp_path / "log.db") as log:
        before = _settings(log.conn)
        try:
            with bulk_settings(log.conn):
                raise RuntimeError("fold failed")
        except RuntimeError:
            pass
        assert _settings(log.conn) == before
