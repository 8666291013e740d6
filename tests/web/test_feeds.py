"""Feeds: content types, validators from the log, 304s, gzip and CORS."""

from __future__ import annotations

import gzip

import pytest
from flask.testing import FlaskClient
from icalendar import Calendar

from tests.web.conftest import AUTH, LIBRARY, ingest

FEEDS = [
    ("/feeds/harbour.ics", "text/calendar; charset=utf-8"),
    ("/feeds/all.ics", "text/calendar; charset=utf-8"),
    ("/feeds/harbour.json", "application/json"),
    ("/feeds/harbour.timelinejs.json", "application/json"),
    ("/feeds/harbour.csv", "text/csv; charset=utf-8"),
    ("/feeds/all.csv", "text/csv; charset=utf-8"),
]


@pytest.mark.parametrize(("path", "content_type"), FEEDS)
def test_each_feed_has_its_content_type_and_validators(client, loaded, path, content_type):
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == content_type
    assert response.headers["ETag"].startswith('W/"')
    assert response.headers["Last-Modified"].endswith("GMT")


def test_the_story_calendar_holds_its_events(client: FlaskClient, loaded) -> None:
    calendar = Calendar.from_ical(client.get("/feeds/harbour.ics").data)
    uids = {str(e["UID"]).split("@")[0] for e in calendar.walk("VEVENT")}
    assert uids == {e["id"] for e in loaded["harbour"]["events"]}


def test_an_unknown_story_feed_is_404(client: FlaskClient, loaded) -> None:
    assert client.get("/feeds/nope.ics").status_code == 404


@pytest.mark.parametrize("path", [p for p, _ in FEEDS])
def test_if_none_match_answers_304(client: FlaskClient, loaded, path: str) -> None:
    etag = client.get(path).headers["ETag"]
    response = client.get(path, headers={"If-None-Match": etag})
    assert response.status_code == 304 and response.data == b""
    assert response.headers["ETag"] == etag


def test_if_modified_since_answers_304(client: FlaskClient, loaded) -> None:
    modified = client.get("/feeds/harbour.ics").headers["Last-Modified"]
    assert client.get("/feeds/harbour.ics",
                      headers={"If-Modified-Since": modified}).status_code == 304
    old = "Mon, 01 Jan 2001 00:00:00 GMT"
    assert client.get("/feeds/harbour.ics", headers={"If-Modified-Since": old}).status_code == 200


def test_validators_follow_the_log_not_the_clock(client: FlaskClient, loaded) -> None:
    first = client.get("/feeds/harbour.json")
    assert client.get("/feeds/harbour.json").headers["ETag"] == first.headers["ETag"]
    ingest(client, LIBRARY | {"story": "harbour", "url": "https://news.example.org/lib2"})
    later = client.get("/feeds/harbour.json", headers={"If-None-Match": first.headers["ETag"]})
    assert later.status_code == 200
    assert later.headers["ETag"] != first.headers["ETag"]


def test_feeds_are_gzipped_when_the_client_accepts_it(client: FlaskClient, loaded) -> None:
    plain = client.get("/feeds/all.json")
    zipped = client.get("/feeds/all.json", headers={"Accept-Encoding": "gzip, br"})
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in zipped.headers["Vary"]
    assert gzip.decompress(zipped.data) == plain.data
    assert "Content-Encoding" not in plain.headers


def test_gzip_is_not_used_when_refused(client: FlaskClient, loaded) -> None:
    response = client.get("/feeds/all.json", headers={"Accept-Encoding": "gzip;q=0"})
    assert "Content-Encoding" not in response.headers


@pytest.mark.parametrize(("path", "shared"), [
    ("/feeds/harbour.json", True), ("/feeds/harbour.timelinejs.json", True),
    ("/api/events", True), ("/api/openapi.json", True), ("/", False),
])
def test_cors_for_json_feeds_and_the_get_api(client, loaded, path: str, shared: bool) -> None:
    response = client.get(path)
    assert (response.headers.get("Access-Control-Allow-Origin") == "*") is shared


def test_writes_carry_no_cors_headers(client: FlaskClient) -> None:
    response = client.post("/api/stories", json={"slug": "s", "title": "S"}, headers=AUTH)
    assert "Access-Control-Allow-Origin" not in response.headers
