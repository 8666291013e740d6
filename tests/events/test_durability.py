"""Acknowledged appends are durable: the log syncs every commit (synchronous=FULL) unless a bulk
import asks for speed (``durable=False``, ``timeline ingest --fast``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from events import SqliteEventLog
from timeline.cli import main

FULL, NORMAL = 2, 1


def _sync(log: SqliteEventLog) -> int:
    return int(log.conn.execute("PRAGMA synchronous").fetchone()[0])


def test_a_log_file_syncs_every_commit_by_default(tmp_path: Path) -> None:
    with SqliteEventLog(tmp_path / "t.db") as log:
        assert _sync(log) == FULL
        assert log.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_durability_can_be_relaxed_for_a_bulk_import(tmp_path: Path) -> None:
    with SqliteEventLog(tmp_path / "t.db", durable=False) as log:
        assert _sync(log) == NORMAL
        log.set_durable(True)
        assert _sync(log) == FULL


@pytest.mark.parametrize(("options", "expected"), [((), [True]), (("--fast",), [True, False])])
def test_ingest_fast_relaxes_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                options: tuple[str, ...], expected: list[bool]) -> None:
    seen: list[bool] = []
    original = SqliteEventLog.set_durable

    def spy(self: SqliteEventLog, durable: bool) -> None:
        seen.append(durable)
        original(self, durable)

    monkeypatch.setattr(SqliteEventLog, "set_durable", spy)
    text = "The council voted on 3 March 2026 to rebuild the pier."
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "c.db"), "ingest", "-",
                                       "--published", "2026-03-04", "--lang", "en", *options],
                                input=text)
    assert result.exit_code == 0, result.output
    assert seen == expected
