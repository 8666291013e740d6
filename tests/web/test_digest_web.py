"""The digest over HTTP: the API route, its errors, the digest feeds (validators, 304, escaping)
and the "Key dates" view, on the invented bridge story (tests/digest/stories.py)."""

from __future__ import annotations

import json

import pytest
from flask.testing import FlaskClient
from icalendar import Calendar

from tests.digest.stories import bridge_articles
from tests.web.conftest import HOSTILE, ingest


def _payload(article) -> dict:  # type: ignore[no-untyped-def]
    return {"text": article.text, "url": article.url, "published": article.published.isoformat(),
            "lang": "en", "title": article.title, "story": "bridge"}


@pytest.fixture
def bridge(client: FlaskClient) -> FlaskClient:
    for article in bridge_articles():
        ingest(client, _payload(article))
    ingest(client, {**HOSTILE, "story": "bridge"})
    return client


def test_the_api_gives_the_key_dates(bridge: FlaskClient) -> None:
    body = bridge.get("/api/stories/bridge/digest?dates=2&sentences=1").get_json()
    assert body["story"] == "bridge"
    assert [d["date"] for d in body["dates"]][0] == "2024-03-03"
    assert all(len(d["summary"]) == 1 and d["entries"] for d in body["dates"])


@pytest.mark.parametrize(("query", "field"), [
    ("dates=0", "dates"), ("dates=501", "dates"), ("dates=x", "dates"),
    ("sentences=0", "sentences"), ("sentences=11", "sentences"), ("from=soon", "from"),
    ("dates=1&dates=2", "dates"), ("colour=red", "colour"),
])
def test_bad_parameters_are_400_naming_them(bridge: FlaskClient, query: str, field: str) -> None:
    response = bridge.get(f"/api/stories/bridge/digest?{query}")
    assert response.status_code == 400
    assert response.get_json()["error"]["field"] == field


def test_an_unknown_story_is_404_in_the_error_shape(bridge: FlaskClient) -> None:
    response = bridge.get("/api/stories/nope/digest")
    assert response.status_code == 404 and response.get_json()["error"]["status"] == 404


def test_an_empty_range_is_an_empty_digest(bridge: FlaskClient) -> None:
    body = bridge.get("/api/stories/bridge/digest?from=2030-01-01&to=2020-01-01").get_json()
    assert body == {"story": "bridge", "dates": []}


@pytest.mark.parametrize(("suffix", "content_type"), [
    ("digest.ics", "text/calendar; charset=utf-8"), ("digest.json", "application/json"),
    ("digest.timelinejs.json", "application/json"),
])
def test_digest_feeds_answer_304_when_current(bridge, suffix: str, content_type: str) -> None:
    first = bridge.get(f"/feeds/bridge.{suffix}")
    assert first.status_code == 200 and first.headers["Content-Type"] == content_type
    again = bridge.get(f"/feeds/bridge.{suffix}", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    assert bridge.get(f"/feeds/nope.{suffix}").status_code == 404


def test_a_new_article_changes_the_digest_etag(bridge: FlaskClient) -> None:
    before = bridge.get("/feeds/bridge.digest.json").headers["ETag"]
    ingest(bridge, {**_payload(bridge_articles()[0]), "text": "The bridge collapsed on"
                    " 3 March 2024, a court heard on 2 July 2024.", "url": "https://x.example/"})
    assert bridge.get("/feeds/bridge.digest.json").headers["ETag"] != before


def test_the_digest_calendar_has_one_all_day_event_per_key_day(bridge: FlaskClient) -> None:
    body = bridge.get("/feeds/bridge.digest.ics?dates=3").data
    events = Calendar.from_ical(body).walk("VEVENT")
    assert len(events) == 3
    days = json.loads(bridge.get("/feeds/bridge.digest.json?dates=3").data)["dates"]
    assert [str(e["DTSTART"].dt) for e in events] == [d["date"] for d in days]


def test_text_from_articles_is_escaped_in_timelinejs_and_the_viewer(bridge) -> None:
    slides = bridge.get("/feeds/bridge.digest.timelinejs.json?dates=40&sentences=10").data
    page = bridge.get("/stories/bridge/key-dates?dates=40&sentences=10").data
    for body in (slides, page):
        assert b"<script>alert" not in body and b"<img src=x" not in body


def test_the_key_dates_view_lists_each_day_with_its_entries(bridge: FlaskClient) -> None:
    page = bridge.get("/stories/bridge/key-dates?dates=2").get_data(as_text=True)
    assert "Key dates" in page and "2024-03-03" in page and "<details" in page
    assert bridge.get("/stories/nope/key-dates").status_code == 404
    refused = bridge.get("/stories/bridge/key-dates?dates=0&from=<b>x</b>")
    assert refused.status_code == 400 and b'role="alert"' in refused.data
    assert b"<b>x</b>" not in refused.data
