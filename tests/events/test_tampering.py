"""History cannot be changed through SQL, and any change made around the triggers is caught."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from events import SqliteEventLog, TamperedLog, verify
from events.codec import chain_hash
from timeline.cli import main

from .contract import checkpointed_log, noted_registry


@pytest.fixture
def log(tmp_path: Path) -> Iterator[SqliteEventLog]:
    yield from checkpointed_log(tmp_path)


def _drop_triggers(log: SqliteEventLog) -> None:
    for name in ("events_no_update", "events_no_delete", "events_gapless"):
        log.conn.execute(f"DROP TRIGGER {name}")
    log.conn.commit()


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE events SET data = '{\"text\":\"rewritten\"}' WHERE position = 3",
        "DELETE FROM events WHERE position = 10",
        "DELETE FROM events",
        "UPDATE chain_checkpoints SET hash = 'x'",
        "DELETE FROM chain_checkpoints",
    ],
)
def test_raw_sql_cannot_change_history(log: SqliteEventLog, sql: str) -> None:
    before = list(log.raw_rows())
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        log.conn.execute(sql)
    log.conn.rollback()
    assert list(log.raw_rows()) == before


def test_an_edited_payload_is_named(log: SqliteEventLog) -> None:
    _drop_triggers(log)
    log.conn.execute("UPDATE events SET data = '{\"text\":\"forged\"}' WHERE position = 3")
    report = verify(log)
    assert (report.first_broken, report.reason) == (3, "hash does not match the event's content")


def test_a_deleted_row_is_named(log: SqliteEventLog) -> None:
    _drop_triggers(log)
    log.conn.execute("DELETE FROM events WHERE position = 6")
    assert verify(log).first_broken == 6


def test_reordered_rows_are_named(log: SqliteEventLog) -> None:
    _drop_triggers(log)
    rows = {r[0]: r for r in log.raw_rows()}
    for position, source in ((4, 5), (5, 4)):
        log.conn.execute(
            "UPDATE events SET data = ?, event_id = ? WHERE position = ?",
            (rows[source][6], f"tmp-{position}", position),
        )
    assert verify(log).first_broken == 4


def test_a_forged_hash_breaks_the_next_link(log: SqliteEventLog) -> None:
    _drop_triggers(log)
    row = list(log.raw_row(7))
    row[6] = '{"text":"forged"}'
    forged = chain_hash(*row[:10])
    log.conn.execute("UPDATE events SET data = ?, hash = ? WHERE position = 7", (row[6], forged))
    assert (verify(log).first_broken, verify(log).reason) == (
        8, "prev_hash does not match the hash before it"
    )


def test_a_rewritten_history_is_caught_by_its_checkpoint(log: SqliteEventLog) -> None:
    _drop_triggers(log)
    prev = log.raw_row(2)[10]  # type: ignore[index]
    for position in range(3, 11):  # re-chain everything from 3 on, consistently
        row = list(log.raw_row(position))  # type: ignore[arg-type]
        if position == 3:
            row[6] = '{"text":"forged"}'
        row[9] = prev
        row[10] = prev = chain_hash(*row[:10])
        log.conn.execute(
            "UPDATE events SET data = ?, prev_hash = ?, hash = ? WHERE position = ?",
            (row[6], row[9], row[10], position),
        )
    assert verify(log).first_broken == 4


def test_a_truncated_tail_is_caught_by_its_checkpoint(log: SqliteEventLog) -> None:
    _drop_triggers(log)
    log.conn.execute("DELETE FROM events WHERE position > 6")  # checkpoints at 4 and 8
    report = verify(log)
    assert report.first_broken == 7
    with pytest.raises(TamperedLog) as caught:
        report.raise_for_tampering()
    assert caught.value.position == 7


def test_the_cli_exits_non_zero_on_tampering(log: SqliteEventLog) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["--db", log.path, "verify"]).exit_code == 0
    _drop_triggers(log)
    log.conn.execute("UPDATE events SET metadata = '{\"actor\":\"x\"}' WHERE position = 2")
    log.conn.commit()
    result = runner.invoke(main, ["--db", log.path, "verify"])
    assert result.exit_code == 1
    assert "position 2" in result.output


def test_reopening_the_log_restores_dropped_triggers(log: SqliteEventLog) -> None:
    _drop_triggers(log)
    with SqliteEventLog(log.path, registry=noted_registry()) as reopened:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            reopened.conn.execute("DELETE FROM events WHERE position = 1")


def test_opening_a_current_log_needs_no_write_lock(log: SqliteEventLog) -> None:
    log.conn.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    try:
        with SqliteEventLog(log.path, registry=noted_registry(), busy_timeout_ms=50) as other:
            assert other.head().position == 10
    finally:
        log.conn.execute("ROLLBACK")


@pytest.mark.parametrize("position", [8, 9, 10])  # the checkpointed row (8) and the tail after it
def test_tail_verification_catches_an_edited_row(log: SqliteEventLog, position: int) -> None:
    assert verify(log, since_checkpoint=True).started_after == 8
    _drop_triggers(log)
    log.conn.execute(
        "UPDATE events SET data = '{\"text\":\"forged\"}' WHERE position = ?", (position,))
    report = verify(log, since_checkpoint=True)
    assert report.first_broken == position, report


def test_tail_verification_catches_a_forged_row_after_the_checkpoint(
        log: SqliteEventLog) -> None:
    _drop_triggers(log)
    row = list(log.raw_row(9))  # type: ignore[arg-type]
    row[6], row[9] = '{"text":"forged"}', "0" * 64  # chained to something else
    row[10] = chain_hash(*row[:10])
    log.conn.execute("UPDATE events SET data = ?, prev_hash = ?, hash = ? WHERE position = 9",
                     (row[6], row[9], row[10]))
    assert verify(log, since_checkpoint=True).first_broken == 9
