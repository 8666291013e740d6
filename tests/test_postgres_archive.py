"""The archive on PostgreSQL: every CLI command and the web app work unchanged, with each
node's read models in a SQLite file of its own; ``timeline migrate`` copies a SQLite archive."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.events.pg import fresh_schema, needs_pg, url_with_schema
from timeline.archive import Archive
from timeline.cli import main
from timeline.web import create_app

pytestmark = needs_pg


@pytest.fixture
def url() -> Iterator[str]:
    for schema in fresh_schema():
        yield url_with_schema(schema)


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture
def demo(url: str, tmp_path: Path) -> tuple[str, str]:
    node = str(tmp_path / "node-a.db")
    run("--db", url, "--read-models", node, "demo")
    return url, node


def test_cli_commands_read_the_shared_log_and_the_nodes_read_models(demo: tuple[str, str]) -> None:
    url, node = demo
    listed = json.loads(run("--db", url, "--read-models", node, "events", "--format", "json"))
    assert listed["entries"]
    entry_id = listed["entries"][0]["id"]
    assert entry_id in run("--db", url, "--read-models", node, "history", entry_id)
    assert run("--db", url, "verify").startswith("ok: ")
    assert len(run("--db", url, "log", "--limit", "3").splitlines()) == 3
    assert "BEGIN:VCALENDAR" in run("--db", url, "--read-models", node, "export", "--format", "ics")
    tables = sqlite3.connect(node).execute("SELECT name FROM sqlite_master").fetchall()
    assert ("events",) not in tables  # the node keeps read models only


def test_another_node_builds_its_own_read_models_and_rebuilds_them(
    demo: tuple[str, str], tmp_path: Path
) -> None:
    url, node_a = demo
    node_b = str(tmp_path / "node-b.db")
    run("--db", url, "--read-models", node_b, "story", "create", "strike", "--title", "Strike")
    assert "strike" in run("--db", url, "--read-models", node_a, "story", "list")
    assert "rebuilt from" in run("--db", url, "--read-models", node_b, "rebuild")
    with Archive.open(url, read_models=node_b) as archive:
        assert archive.projector.checkpoint("timeline") == archive.log.head().position


def test_the_web_app_serves_a_node(demo: tuple[str, str], tmp_path: Path) -> None:
    url, _ = demo
    app = create_app({"DB": url, "READ_MODELS": str(tmp_path / "web.db"), "TESTING": True})
    client = app.test_client()
    assert client.get("/healthz").get_json()["head"] > 0
    assert client.get("/api/events").get_json()["events"]
    assert client.get("/feeds/all.ics").status_code == 200
    assert client.get("/").status_code == 200


def test_migrate_copies_a_sqlite_archive_with_its_chain(url: str, tmp_path: Path) -> None:
    db = str(tmp_path / "old.db")
    run("--db", db, "demo")
    out = run("--db", db, "migrate", "--to", url)
    assert out.startswith("copied ") and "verified" in out
    assert run("--db", url, "verify").split("head")[1] == run("--db", db, "verify").split("head")[1]
    assert run("--db", db, "migrate", "--to", url).startswith("copied 0 events")


def test_migrate_refuses_a_tampered_archive(url: str, tmp_path: Path) -> None:
    db = str(tmp_path / "old.db")
    run("--db", db, "demo")
    conn = sqlite3.connect(db)
    conn.execute("DROP TRIGGER events_no_update")
    conn.execute("UPDATE events SET data = '{}' WHERE position = 7")
    conn.commit()
    result = CliRunner().invoke(main, ["--db", db, "migrate", "--to", url])
    assert result.exit_code == 1
    assert "position 7" in result.output


def test_the_stream_wakes_on_a_commit_from_another_node(demo: tuple[str, str]) -> None:
    from events import NewEvent
    from timeline.archive import open_log

    url, _ = demo
    app = create_app({"DB": url, "TESTING": True, "STREAM_POLL_SECONDS": 30.0,
                      "STREAM_MAX_EVENTS": 1, "STREAM_HEARTBEAT_SECONDS": 60.0})
    with open_log(url, read_models=":memory:") as other:
        head = other.head().position
        response = app.test_client().get(f"/api/stream?after={head}", buffered=False)
        chunks = iter(response.response)
        assert next(chunks).startswith(b"retry:")
        writer = threading.Timer(0.5, lambda: other.append("story-live", [NewEvent(
            "StoryCreated", {"slug": "live", "title": "Live"})]))
        writer.start()
        started = time.monotonic()
        message = next(chunks)
        response.close()
        writer.join(timeout=10)
    assert f"id: {head + 1}".encode() in message
    assert time.monotonic() - started < 5  # woken by NOTIFY, not the 30-second poll


def test_a_nodes_projector_wakes_on_a_commit(demo: tuple[str, str], tmp_path: Path) -> None:
    from timeline.archive import keep_up

    url, _ = demo
    node = str(tmp_path / "follower.db")
    stop = threading.Event()
    thread = threading.Thread(target=keep_up, args=(url,), daemon=True, kwargs={
        "read_models": node, "should_stop": stop.is_set, "fallback_seconds": 30.0})
    thread.start()
    try:
        run("--db", url, "--read-models", str(tmp_path / "writer.db"),
            "story", "create", "wake", "--title", "Wake")
        deadline = time.monotonic() + 5
        found = None
        while found is None and time.monotonic() < deadline:
            time.sleep(0.05)
            found = sqlite3.connect(node).execute(
                "SELECT 1 FROM tl_stories WHERE slug = 'wake'").fetchone()
        assert found is not None
    finally:
        stop.set()
        run("--db", url, "--read-models", str(tmp_path / "writer.db"),
            "story", "create", "wake-up", "--title", "A commit wakes it to stop")
        thread.join(timeout=40)
