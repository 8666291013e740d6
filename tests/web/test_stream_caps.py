"""Streams cannot take every connection of a worker: past the caps (in all, per client
address) a new ``/api/stream`` gets 429 with Retry-After, and requests keep answering."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask

from timeline.web import create_app
from timeline.web.stream import StreamSlots


def _slots(app: Flask) -> StreamSlots:
    return app.extensions["stream_slots"]  # type: ignore[no-any-return]


@pytest.fixture
def capped(settings: dict[str, Any]) -> Flask:
    return create_app({**settings, "STREAM_MAX_OPEN": 3, "STREAM_MAX_PER_CLIENT": 2,
                       "STREAM_MAX_SECONDS": 30.0})


def _open(app: Flask, address: str):  # type: ignore[no-untyped-def]
    return app.test_client().get("/api/stream", buffered=False,
                                 environ_base={"REMOTE_ADDR": address})


def test_past_the_caps_a_stream_gets_429_and_requests_still_answer(capped: Flask) -> None:
    opened = [_open(capped, "10.0.0.1"), _open(capped, "10.0.0.1")]
    try:
        same_client = _open(capped, "10.0.0.1")
        assert same_client.status_code == 429 and same_client.headers["Retry-After"]
        assert same_client.get_json()["error"]["code"] == "too_many_requests"
        opened.append(_open(capped, "10.0.0.2"))
        assert [r.status_code for r in opened] == [200, 200, 200]
        assert _open(capped, "10.0.0.3").status_code == 429  # three in all
        assert capped.test_client().get("/healthz").status_code == 200
    finally:
        for response in opened:
            response.close()
    assert _slots(capped).total == 0 and _slots(capped).by_client == {}
    reopened = _open(capped, "10.0.0.3")
    assert reopened.status_code == 200
    reopened.close()


def test_without_caps_streams_are_not_counted_against_anyone(app: Flask) -> None:
    responses = [_open(app, "10.0.0.9") for _ in range(5)]
    assert {r.status_code for r in responses} == {200}
    for response in responses:
        response.close()
    assert _slots(app).total == 0
