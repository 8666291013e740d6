"""The PostgreSQL backend runs the whole contract suite against a real server, plus what only
PostgreSQL shows: the writer role's grants, triggers refusing changes, notifications."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from events import utc_now
from events.postgres import PostgresEventLog

from .contract import EventLogContract, noted, noted_registry
from .pg import PG_URL, fresh_schema, needs_pg

pytestmark = needs_pg


@pytest.fixture
def schema() -> Iterator[str]:
    yield from fresh_schema()


class TestPostgresEventLog(EventLogContract):
    @pytest.fixture
    def make_log(self, schema: str) -> Iterator[Any]:
        opened: list[PostgresEventLog] = []

        def make(*, path: Any = None, clock: Any = utc_now, **kw: Any) -> PostgresEventLog:
            log = PostgresEventLog(PG_URL, schema=schema, clock=clock, **kw)
            opened.append(log)
            return log

        yield make
        for log in opened:
            log.close()


@pytest.fixture
def log(schema: str) -> Iterator[PostgresEventLog]:
    with PostgresEventLog(PG_URL, schema=schema, registry=noted_registry()) as log:
        yield log


@pytest.mark.parametrize("statement", [
    "UPDATE events SET data = '{{}}'", "DELETE FROM events", "TRUNCATE events",
    "UPDATE chain_checkpoints SET hash = 'x'", "DELETE FROM chain_checkpoints",
    "UPDATE log_head SET position = 0",
])
def test_triggers_refuse_changes_even_from_the_owner(log: PostgresEventLog, statement: str) -> None:
    import psycopg

    log.append("a", [noted()])
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="append-only"):
        log.conn.execute(statement.format())
    assert log.head().position == 1


@pytest.mark.parametrize("statement", [
    "UPDATE events SET data = '{}'", "DELETE FROM events", "TRUNCATE events",
])
def test_the_writer_role_has_no_grant_to_change_the_log(
    log: PostgresEventLog, statement: str
) -> None:
    import psycopg

    log.append("a", [noted()])
    log.conn.execute("GRANT timeline_writer TO CURRENT_USER")
    log.conn.execute("SET ROLE timeline_writer")
    try:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="permission denied"):
            log.conn.execute(statement)
        assert log.append("a", [noted("as writer")])[0].position == 2
    finally:
        log.conn.execute("RESET ROLE")


def test_an_insert_that_skips_a_position_is_refused(log: PostgresEventLog) -> None:
    import psycopg

    with pytest.raises(psycopg.errors.IntegrityConstraintViolation, match="follow the head"):
        log.conn.execute(
            "INSERT INTO events VALUES (5, 's', 1, 'id', 'T', 1, '{}', '{}', 't', 'p', 'h')"
        )


def test_a_commit_notifies_the_new_head(log: PostgresEventLog, schema: str) -> None:
    import psycopg

    with psycopg.connect(PG_URL, autocommit=True) as listener:
        listener.execute(f"LISTEN {log.channel}")
        log.append("a", [noted("1"), noted("2")])
        payloads = [n.payload for n in listener.notifies(timeout=5, stop_after=1)]
    assert payloads == ["2"]
