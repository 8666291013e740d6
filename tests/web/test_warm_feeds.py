"""A warm feed is served again while the log's head stays where it was: no archive opened, no
render; the same headers, gzip made once, 304 for a current copy, and a new body as soon as any
process appends."""

from __future__ import annotations

import gzip
from typing import Any

import pytest
from flask.testing import FlaskClient

from tests.web.conftest import AUTH, HARBOUR, LIBRARY
from timeline.web import create_app, feeds
from timeline.web.warm import WARM


@pytest.fixture
def warm(client: FlaskClient) -> FlaskClient:
    WARM.clear()
    client.post("/api/articles", json=HARBOUR, headers=AUTH)
    assert client.get("/feeds/harbour.ics").status_code == 200
    return client


def _no_archive(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse() -> None:
        raise AssertionError("the warm path opened the archive")

    monkeypatch.setattr(feeds, "get_archive", refuse)


def test_a_warm_feed_is_served_without_opening_the_archive(
        warm: FlaskClient, monkeypatch: pytest.MonkeyPatch) -> None:
    cold = warm.get("/feeds/harbour.ics")
    _no_archive(monkeypatch)
    again = warm.get("/feeds/harbour.ics")
    assert again.data == cold.data
    for name in ("ETag", "Last-Modified", "Cache-Control", "X-Timeline-Head", "Content-Type"):
        assert again.headers[name] == cold.headers[name]
    assert again.headers["Cache-Control"] == "public, no-cache"
    current = warm.get("/feeds/harbour.ics", headers={"If-None-Match": cold.headers["ETag"]})
    assert current.status_code == 304 and current.headers["ETag"] == cold.headers["ETag"]


def test_gzip_is_made_once_and_is_the_same_body(warm: FlaskClient) -> None:
    plain = warm.get("/feeds/harbour.ics").data
    zipped = warm.get("/feeds/harbour.ics", headers={"Accept-Encoding": "gzip"})
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in zipped.headers["Vary"]
    assert gzip.decompress(zipped.data) == plain
    assert warm.get("/feeds/harbour.ics", headers={"Accept-Encoding": "gzip"}).data == zipped.data


def test_a_write_from_another_worker_ends_the_warm_copy(
        warm: FlaskClient, settings: dict[str, Any]) -> None:
    before = warm.get("/feeds/all.ics")
    create_app(settings).test_client().post("/api/articles", json=LIBRARY, headers=AUTH)
    after = warm.get("/feeds/all.ics", headers={"If-None-Match": before.headers["ETag"]})
    assert after.status_code == 200 and b"reading room" in after.data
    assert after.headers["X-Timeline-Head"] != before.headers["X-Timeline-Head"]


def test_the_host_header_neither_changes_links_nor_forces_a_render(
        warm: FlaskClient, monkeypatch: pytest.MonkeyPatch) -> None:
    body = warm.get("/feeds/harbour.json").data
    _no_archive(monkeypatch)
    other = warm.get("/feeds/harbour.json", headers={"Host": "evil.example.com"})
    assert other.data == body and b"evil.example.com" not in other.data


def test_minor_entries_are_another_warm_representation(warm: FlaskClient) -> None:
    shown = warm.get("/feeds/harbour.ics")
    every = warm.get("/feeds/harbour.ics?all=1")
    assert shown.headers["ETag"] != every.headers["ETag"]
