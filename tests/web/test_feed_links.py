"""Links inside feeds come from TIMELINE_BASE_URL (or a fixed default), never from the request's
Host: a client cannot put its own host into them, nor force a new render per Host."""

from __future__ import annotations

from typing import Any

from flask.testing import FlaskClient

from timeline.web import create_app
from timeline.web.feeds import DEFAULT_BASE_URL


def test_the_host_header_changes_nothing(client: FlaskClient, loaded: dict[str, Any]) -> None:
    ours = client.get("/feeds/all.json")
    theirs = client.get("/feeds/all.json", headers={"Host": "evil.example"})
    assert theirs.data == ours.data and b"evil.example" not in theirs.data
    assert DEFAULT_BASE_URL.encode() in ours.data


def test_links_follow_the_base_url(settings: dict[str, Any], loaded: dict[str, Any]) -> None:
    app = create_app({**settings, "BASE_URL": "https://timeline.example.org/"})
    body = app.test_client().get("/feeds/all.ics", headers={"Host": "evil.example"}).data
    assert b"https://timeline.example.org/events/" in body.replace(b"\r\n ", b"")
    assert b"evil.example" not in body
