"""The SQLite backend runs the whole contract suite, plus what only a file database can show."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from events import SqliteEventLog, utc_now

from .contract import EventLogContract, MakeLog


class TestSqliteEventLog(EventLogContract):
    @pytest.fixture
    def make_log(self, tmp_path: Path) -> Any:
        opened: list[SqliteEventLog] = []

        def make(*, path: Path | None = None, clock: Any = utc_now, **kw: Any) -> SqliteEventLog:
            log = SqliteEventLog(path or tmp_path / "log.db", clock=clock, **kw)
            opened.append(log)
            return log

        yield make
        for log in opened:
            log.close()


def test_an_in_memory_log_works(make_memory_log: MakeLog) -> None:
    log = make_memory_log()
    assert log.head().position == 0


@pytest.fixture
def make_memory_log() -> MakeLog:
    from .contract import noted_registry

    return lambda: SqliteEventLog(":memory:", registry=noted_registry())


def test_a_file_log_uses_wal(tmp_path: Path) -> None:
    with SqliteEventLog(tmp_path / "w.db") as log:
        assert log.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_the_schema_refuses_an_insert_that_skips_a_position(tmp_path: Path) -> None:
    with SqliteEventLog(tmp_path / "g.db") as log, pytest.raises(sqlite3.IntegrityError):
        log.conn.execute(
            "INSERT INTO events VALUES (5, 's', 1, 'id', 'T', 1, '{}', '{}', 't', 'p', 'h')"
        )
