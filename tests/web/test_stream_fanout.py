"""Every stream of a process waits on one log follower: ten waiting streams all get the next
entry, and the log is opened by the follower alone, never polled per stream."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from flask import Flask

from tests.web.conftest import LIBRARY, ingest
from timeline.web import create_app, fanout


def _wait_for(condition: Any) -> None:
    for _ in range(500):
        if condition():
            return
        time.sleep(0.01)
    raise AssertionError("never happened")


def test_waiting_streams_share_one_follower(settings: dict[str, Any], client: Any, loaded: Any,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    real_open = fanout.open_log
    monkeypatch.setattr(fanout, "open_log", lambda db, **kw: opened.append(db) or real_open(
        db, **kw))
    head = client.get("/healthz").get_json()["head"]
    app: Flask = create_app({**settings, "STREAM_MAX_EVENTS": 1, "STREAM_POLL_SECONDS": 0.05})
    received: list[str] = []

    def listen() -> None:
        response = app.test_client().get(f"/api/stream?after={head}")
        received.append(response.get_data(as_text=True))

    threads = [threading.Thread(target=listen) for _ in range(10)]
    for thread in threads:
        thread.start()
    _wait_for(lambda: "log_fanout" in app.extensions
              and app.extensions["log_fanout"].subscribers == 10)
    ingest(client, LIBRARY | {"url": "https://news.example.org/other"})
    for thread in threads:
        thread.join(timeout=30)
    assert len(received) == 10
    assert all(f"id: {head + 1}\n" in text for text in received)
    assert len(opened) == 2  # the head when the first stream came, then the follower
    _wait_for(lambda: app.extensions["log_fanout"].subscribers == 0)
