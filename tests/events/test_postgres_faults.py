"""PostgreSQL faults: an unreachable server is one clear line without the password; a
connection lost mid-append is retried on a new one and never leaves half a batch."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from events import NewEvent, StorageError, verify
from events.postgres import PostgresEventLog
from events.postgres_connect import describe, redact

from .contract import noted, noted_registry
from .pg import PG_URL, fresh_schema, needs_pg


def test_urls_are_shown_without_their_password() -> None:
    url = "postgresql://ana:s3cret@db.internal:6543/archive"
    assert redact(url) == "postgresql://ana:***@db.internal:6543/archive"
    assert describe(url) == "db.internal:6543/archive as ana"


def test_an_unreachable_server_is_one_line_naming_host_and_database() -> None:
    with pytest.raises(StorageError) as caught:
        PostgresEventLog("postgresql://ana:s3cret@127.0.0.1:9/archive", connect_timeout=2)
    message = str(caught.value)
    assert message.startswith("cannot connect to PostgreSQL at 127.0.0.1:9/archive as ana: ")
    assert "s3cret" not in message and "\n" not in message


@pytest.fixture
def schema() -> Iterator[str]:
    yield from fresh_schema()


@needs_pg
def test_a_wrong_password_is_reported_without_it(schema: str) -> None:
    from urllib.parse import urlsplit

    parts = urlsplit(PG_URL)
    wrong = parts._replace(netloc=f"{parts.username}:n0tTheRightOne@{parts.hostname}:"
                                  f"{parts.port or 5432}").geturl()
    with pytest.raises(StorageError) as caught:
        PostgresEventLog(wrong, schema=schema)
    assert "n0tTheRightOne" not in str(caught.value)
    assert "password authentication failed" in str(caught.value)


@needs_pg
def test_a_connection_lost_before_an_append_is_retried_on_a_new_one(schema: str) -> None:
    import psycopg

    with PostgresEventLog(PG_URL, schema=schema, registry=noted_registry()) as log, \
            psycopg.connect(PG_URL, autocommit=True) as admin:
        log.append("a", [noted("1")])
        admin.execute("SELECT pg_terminate_backend(%s)", (log.conn.info.backend_pid,))
        time.sleep(0.2)
        assert log.append("a", [noted("2")])[0].position == 2
        assert verify(log).ok


@needs_pg
def test_a_connection_lost_mid_batch_leaves_none_of_it_and_the_retry_stores_it_once(
    schema: str,
) -> None:
    import psycopg

    with PostgresEventLog(PG_URL, schema=schema, registry=noted_registry()) as log, \
            psycopg.connect(PG_URL, autocommit=True) as admin:
        admin.execute(f"SET search_path TO {schema}")
        admin.execute("CREATE SEQUENCE pause_once")  # sequences ignore rollback: pause once
        admin.execute(
            "CREATE FUNCTION pause() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
            " IF nextval('pause_once') = 1 THEN PERFORM pg_sleep(5); END IF;"
            " RETURN NULL; END $$"
        )
        admin.execute("CREATE TRIGGER pause AFTER INSERT ON events"
                      " FOR EACH STATEMENT EXECUTE FUNCTION pause()")
        pid = log.conn.info.backend_pid
        killer = threading.Timer(1.0, lambda: admin.execute(
            "SELECT pg_terminate_backend(%s)", (pid,)))
        killer.start()
        batch = [NewEvent("Noted", {"text": str(i)}) for i in range(1000)]
        stored = log.append("big", batch)
        killer.join()
        assert [e.position for e in stored] == list(range(1, 1001))
        assert [e.event_id for e in log.read_all()] == [e.event_id for e in batch]
        assert verify(log).ok


@needs_pg
def test_a_read_on_a_lost_connection_is_run_again_on_a_new_one(schema: str) -> None:
    import psycopg

    with PostgresEventLog(PG_URL, schema=schema, registry=noted_registry()) as log, \
            psycopg.connect(PG_URL, autocommit=True) as admin:
        log.append("a", [noted("1")])
        admin.execute("SELECT pg_terminate_backend(%s)", (log.conn.info.backend_pid,))
        time.sleep(0.2)
        assert log.head().position == 1
        assert [e.data["text"] for e in log.read_all()] == ["1"]


@needs_pg
def test_an_append_waits_for_the_head_lock_only_so_long(schema: str) -> None:
    import psycopg

    with PostgresEventLog(PG_URL, schema=schema, registry=noted_registry(),
                          lock_timeout_ms=300) as log, psycopg.connect(PG_URL) as stuck:
        stuck.execute(f"SELECT * FROM {schema}.log_lock_head()")  # holds it, never commits
        with pytest.raises(StorageError, match="stayed locked for 300 ms"):
            log.append("a", [noted()])
        stuck.rollback()
        assert log.append("a", [noted()])[0].position == 1


@pytest.mark.parametrize("url", [
    "postgresql://ana:s3cret@db:notaport/archive",
    "postgresql://ana:s3cret@127.0.0.1:9/archive?bogus=1",
])
def test_a_malformed_url_is_one_line_without_the_password(url: str) -> None:
    with pytest.raises(StorageError) as caught:
        PostgresEventLog(url, connect_timeout=2)
    assert "archive as ana" in str(caught.value)
    assert "s3cret" not in str(caught.value) and "\n" not in str(caught.value)
