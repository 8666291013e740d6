"""Signed checkpoints (issue 10): a checkpoint recomputed after a rewrite has no valid HMAC."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from events import SqliteEventLog, TamperedLog, sign_checkpoints, verify
from tests.events.contract import checkpointed_log, noted
from tests.test_witness import _rewrite, _unguard
from timeline.cli import main

KEY = b"an auditor's key"


@pytest.fixture
def log(tmp_path: Path) -> Iterator[SqliteEventLog]:
    yield from checkpointed_log(tmp_path)


def test_signing_covers_every_checkpoint_and_verifies(log: SqliteEventLog) -> None:
    assert sign_checkpoints(log, KEY) == 2  # at 4 and 8
    assert sign_checkpoints(log, KEY) == 0
    assert verify(log, checkpoint_key=KEY).ok


def test_a_rewrite_with_recomputed_checkpoints_fails_their_signatures(
        log: SqliteEventLog) -> None:
    sign_checkpoints(log, KEY)
    _rewrite(log, 3)
    assert verify(log).ok  # the chain and its checkpoints are consistent again
    report = verify(log, checkpoint_key=KEY)
    assert (report.first_broken, "forged" in (report.reason or "")) == (4, True)
    with pytest.raises(TamperedLog):
        sign_checkpoints(log, KEY)  # nothing forged gets signed


def test_a_wrong_key_fails(log: SqliteEventLog) -> None:
    sign_checkpoints(log, KEY)
    assert not verify(log, checkpoint_key=b"another key").ok


def test_removed_signatures_are_noticed(log: SqliteEventLog) -> None:
    sign_checkpoints(log, KEY)
    _unguard(log)
    log.conn.execute("DROP TRIGGER checkpoint_signatures_no_delete")
    log.conn.execute("DELETE FROM checkpoint_signatures WHERE position = 4")
    assert verify(log, checkpoint_key=KEY).first_broken == 4


def test_signatures_are_append_only(log: SqliteEventLog) -> None:
    sign_checkpoints(log, KEY)

    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        log.conn.execute("UPDATE checkpoint_signatures SET signature = 'x'")


def test_checkpoints_after_the_last_signed_one_wait_for_the_next_signing(
        log: SqliteEventLog) -> None:
    sign_checkpoints(log, KEY)
    for i in range(4):
        log.append("s", [noted(f"later {i}")])  # a checkpoint at 12, unsigned
    assert verify(log, checkpoint_key=KEY).ok
    assert sign_checkpoints(log, KEY) == 1


def test_the_cli_signs_and_checks_with_the_key_from_the_environment(
        log: SqliteEventLog) -> None:
    runner = CliRunner(env={"TIMELINE_CHECKPOINT_KEY": KEY.decode()})
    signed = runner.invoke(main, ["--db", str(log.path), "sign-checkpoints"])
    assert signed.exit_code == 0 and "signed 2 checkpoints" in signed.output
    _rewrite(log, 6)
    failed = runner.invoke(main, ["--db", str(log.path), "verify"])
    assert failed.exit_code == 1 and "TAMPERED at position 8" in failed.output
    keyless = CliRunner(env={"TIMELINE_CHECKPOINT_KEY": ""})
    assert keyless.invoke(main, ["--db", str(log.path), "sign-checkpoints"]).exit_code == 1
