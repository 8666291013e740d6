"""Witnesses (issue 10): a head kept elsewhere catches truncation and rewrites that the log's own
checkpoints cannot, because they go with the rows."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from events import SqliteEventLog, verify
from events.codec import chain_hash
from tests.events.contract import checkpointed_log
from timeline.cli import main
from timeline.web import create_app


@pytest.fixture
def log(tmp_path: Path) -> Iterator[SqliteEventLog]:
    yield from checkpointed_log(tmp_path)


def _unguard(log: SqliteEventLog) -> None:
    for table in ("events", "chain_checkpoints"):
        for (name,) in log.conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
                (table,)).fetchall():
            log.conn.execute(f"DROP TRIGGER {name}")


def _truncate(log: SqliteEventLog, after: int) -> None:
    _unguard(log)
    log.conn.execute("DELETE FROM events WHERE position > ?", (after,))
    log.conn.execute("DELETE FROM chain_checkpoints WHERE position > ?", (after,))
    log.conn.commit()


def _rewrite(log: SqliteEventLog, start: int) -> None:
    """Change one payload and recompute every hash and checkpoint after it: verify alone passes."""
    _unguard(log)
    prev = log.raw_row(start - 1)[10]  # type: ignore[index]
    for position in range(start, log.head().position + 1):
        row = list(log.raw_row(position))  # type: ignore[arg-type]
        if position == start:
            row[6] = '{"text":"forged"}'
        row[9], row[10] = prev, chain_hash(*row[:9], prev)
        prev = row[10]
        log.conn.execute("UPDATE events SET data = ?, prev_hash = ?, hash = ? WHERE position = ?",
                         (row[6], row[9], row[10], position))
        log.conn.execute("UPDATE chain_checkpoints SET hash = ? WHERE position = ?",
                         (row[10], position))
    log.conn.commit()


def test_truncation_with_its_checkpoints_passes_verify_but_not_a_witness(
        log: SqliteEventLog) -> None:
    head = log.head()
    _truncate(log, 7)
    assert verify(log).ok  # what the log alone cannot see
    report = verify(log, witnesses={head.position: head.hash})
    assert (report.first_broken, "rows removed" in (report.reason or "")) == (8, True)


def test_a_rewritten_history_passes_verify_but_not_a_witness(log: SqliteEventLog) -> None:
    head = log.head()
    _rewrite(log, 3)
    assert verify(log).ok
    report = verify(log, witnesses={head.position: head.hash})
    assert report.first_broken == 10 and "witness" in (report.reason or "")
    assert verify(log, since_checkpoint=True, witnesses={4: "0" * 64}).first_broken == 4


def test_an_intact_log_holds_every_head_it_had(log: SqliteEventLog) -> None:
    heads = {p: log.raw_row(p)[10] for p in (1, 4, 10)}  # type: ignore[index]
    assert verify(log, witnesses=heads).ok
    assert verify(log, since_checkpoint=True, witnesses=heads).ok
    assert verify(log, witnesses={0: "0" * 64}).ok  # the empty log's head


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args))


def test_the_cli_keeps_and_checks_witnesses(log: SqliteEventLog, tmp_path: Path) -> None:
    printed = run("--db", str(log.path), "head")
    assert printed.exit_code == 0 and json.loads(printed.stdout)["position"] == 10
    witness = tmp_path / "witness.jsonl"
    witness.write_text(printed.stdout)
    ok = run("--db", str(log.path), "verify", "--witness", str(witness))
    assert ok.exit_code == 0 and "1 witnessed heads held" in ok.stdout
    _truncate(log, 8)
    assert run("--db", str(log.path), "verify").exit_code == 0
    failed = run("--db", str(log.path), "verify", "--witness", str(witness))
    assert failed.exit_code == 1 and "TAMPERED at position 9" in failed.output
    expect = f"10:{json.loads(printed.stdout)['hash']}"
    assert run("--db", str(log.path), "verify", "--expect", expect).exit_code == 1


@pytest.mark.parametrize("value", ["10", "x:ab", "10:" + "g" * 64, "²:" + "0" * 64])
def test_a_malformed_expectation_is_refused(log: SqliteEventLog, value: str) -> None:
    result = run("--db", str(log.path), "verify", "--expect", value)
    assert result.exit_code == 1 and "POSITION:HASH" in result.output


def test_the_api_and_every_feed_name_the_head(tmp_path: Path) -> None:
    client = create_app({"TESTING": True, "DB": str(tmp_path / "w.db")}).test_client()
    head = client.get("/api/head")
    body = head.get_json()
    assert (body["position"], len(body["hash"])) == (0, 64)
    shown = f"{body['position']}:{body['hash']}"
    assert head.headers["X-Timeline-Head"] == shown
    feed = client.get("/feeds/all.ics")
    assert feed.headers["X-Timeline-Head"] == shown
    assert client.get("/feeds/all.ics", headers={"If-None-Match": feed.headers["ETag"]}
                      ).headers["X-Timeline-Head"] == shown


def test_the_json_feed_carries_the_head_it_reflects(tmp_path: Path) -> None:
    from tests.web.conftest import AUTH, HARBOUR, TOKEN

    client = create_app({"TESTING": True, "DB": str(tmp_path / "j.db"),
                         "API_TOKENS": f"a:{TOKEN}"}).test_client()
    client.post("/api/articles", json=HARBOUR, headers=AUTH)
    head = client.get("/api/head").get_json()
    document = client.get("/feeds/all.json").get_json()
    assert (document["last_position"], document["last_hash"]) == (head["position"], head["hash"])
