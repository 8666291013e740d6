"""A fuzz corpus of hostile requests (issue 10): each is refused with a 4xx in the one error
shape, naming the client's own field, and nothing is appended to the log."""

from __future__ import annotations

import io
import json
import sqlite3
import threading
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.web.conftest import AUTH, HARBOUR, ingest

JSON = {**AUTH, "Content-Type": "application/json"}


def _raw(body: dict[str, Any]) -> bytes:
    return json.dumps(body).encode()  # ensure_ascii keeps "\ud800" as an escape, as attackers send


#: (name, path, raw body, field the error must name)
BODIES = [
    *[(f"surrogate in {f}", "/api/articles", _raw({**HARBOUR, f: "a\ud800b"}), f)
      for f in ("text", "title", "url")],
    *[(f"NUL in {f}", "/api/articles", _raw({**HARBOUR, f: "a\x00b"}), f)
      for f in ("text", "title", "url")],
    ("surrogate in story title", "/api/stories", _raw({"slug": "s1", "title": "\udfff"}), "title"),
    ("NUL in story title", "/api/stories", _raw({"slug": "s2", "title": "x\x00"}), "title"),
    ("surrogate in a list", "/api/stories/harbour/events", _raw({"event_ids": ["a", "\ud800"]}),
     "event_ids.1"),
    ("arrays 100,000 deep", "/api/articles", b"[" * 100_000 + b"]" * 100_000, "body"),
    ("objects 50,000 deep", "/api/articles", b'{"a":' * 50_000 + b"1" + b"}" * 50_000, "body"),
    ("deep inside a field", "/api/articles", b'{"text":' + b"[" * 50_000 + b"]" * 50_000 + b"}",
     "body"),
    ("not UTF-8", "/api/articles", b'{"text": "\xff\xfe"}', "body"),
    ("not JSON", "/api/articles", b"{'text': 1}", "body"),
    ("empty body", "/api/articles", b"", "body"),
    ("a huge integer", "/api/articles", b'{"text": ' + b"9" * 10_000 + b"}", "body"),
]


@pytest.mark.parametrize(("path", "raw", "field"), [b[1:] for b in BODIES],
                         ids=[b[0] for b in BODIES])
def test_hostile_bodies_get_a_400_naming_the_field(
        client: FlaskClient, path: str, raw: bytes, field: str) -> None:
    before = client.get("/api/log").get_json()["head"]
    response = client.post(path, data=raw, headers=JSON)
    assert response.status_code == 400, response.get_data(as_text=True)
    assert response.get_json()["error"]["field"] == field
    assert client.get("/api/log").get_json()["head"] == before


def _entry_id(client: FlaskClient) -> str:
    return str(ingest(client, HARBOUR)["events"][0]["id"])


@pytest.mark.parametrize(("kind", "body", "field"), [
    ("retraction", {"reason": "wrong \ud800"}, "reason"),
    ("retraction", {"reason": "\x00"}, "reason"),
    ("corrections", {"reason": "r", "headline": "h\ud800"}, "headline"),
    ("corrections", {"reason": "r", "date": "Y99999999999999999999999"}, "date"),
    ("corrections", {"reason": "r", "date": "Y-99999999999999999999999"}, "date"),
    ("corrections", {"reason": "r", "date": "99999-01-01"}, "date"),
])
def test_hostile_editorial_input_gets_a_400(
        client: FlaskClient, kind: str, body: dict[str, Any], field: str) -> None:
    response = client.post(f"/api/events/{_entry_id(client)}/{kind}", data=_raw(body),
                           headers=JSON)
    assert response.status_code == 400, response.get_data(as_text=True)
    assert response.get_json()["error"]["field"] == field


def test_an_edtf_date_past_the_calendar_says_so(client: FlaskClient) -> None:
    body = {"reason": "r", "date": "Y99999999999999999999999"}
    response = client.post(f"/api/events/{_entry_id(client)}/corrections", json=body,
                           headers=AUTH)
    assert "outside the supported range" in response.get_json()["error"]["message"]


@pytest.mark.parametrize("query", [
    "from=Y99999999999999999999", "to=Y-99999999999999999999", "from=99999-01",
])
def test_dates_past_the_calendar_in_a_query_get_a_400(client: FlaskClient, query: str) -> None:
    response = client.get(f"/api/events?{query}")
    assert response.status_code == 400
    assert response.get_json()["error"]["field"] in ("from", "to")


@pytest.mark.parametrize("header", ["²", "١٢", "5 5", "-1", "99999999999999999999"])
def test_last_event_id_is_parsed_strictly(client: FlaskClient, header: str) -> None:
    response = client.get("/api/stream", headers={"Last-Event-ID": header})
    assert response.status_code == 400
    assert response.get_json()["error"]["field"] == "Last-Event-ID"


@pytest.mark.parametrize(("published", "text"), [
    ("9999-12-31", "The mayor said the pier will open tomorrow."),
    ("9999-12-31", "The mayor said it will happen next decade."),
    ("9999-12-31", "The mayor said it will happen next year."),
    ("0001-01-01", "The mayor said it happened yesterday."),
    ("0001-01-01", "The mayor said it happened last year."),
])
def test_date_arithmetic_past_the_calendar_is_no_server_error(
        client: FlaskClient, published: str, text: str) -> None:
    article = {"text": text, "published": published, "lang": "en"}
    response = client.post("/api/articles", json=article, headers=AUTH)
    assert response.status_code in (200, 201, 400), response.get_data(as_text=True)


@pytest.fixture
def small_app(settings: dict[str, Any]) -> Flask:
    return __import__("timeline.web", fromlist=["create_app"]).create_app(
        {**settings, "MAX_BODY_BYTES": 1000})


@pytest.mark.parametrize("size", [999, 5000])
def test_a_chunked_body_over_the_limit_gets_a_413(small_app: Flask, size: int) -> None:
    body = json.dumps({**HARBOUR, "text": "a" * size}).encode()
    response = small_app.test_client().post(
        "/api/articles", input_stream=io.BytesIO(body),
        headers={**JSON, "Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input_terminated": True})
    assert response.status_code == 413
    assert response.get_json()["error"]["code"] == "payload_too_large"


def test_concurrent_identical_posts_create_once(app: Flask) -> None:
    statuses: list[int] = []
    created: list[bool] = []

    def post() -> None:
        response = app.test_client().post("/api/articles", json=HARBOUR, headers=AUTH)
        statuses.append(response.status_code)
        created.append(response.get_json()["created"])

    threads = [threading.Thread(target=post) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [200] * 7 + [201]
    assert created.count(True) == 1


def test_lock_contention_is_a_503_with_retry_after_never_a_500(
        app: Flask, client: FlaskClient, monkeypatch: pytest.MonkeyPatch) -> None:
    def locked(*_args: Any, **_kwargs: Any) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr("timeline.web.api.ingest_article", locked)
    response = client.post("/api/articles", json=HARBOUR, headers=AUTH)
    assert response.status_code == 503 and response.headers["Retry-After"]
    assert response.get_json()["error"]["code"] == "storage_unavailable"
    assert "busy" in response.get_json()["error"]["message"]


#: Item 3's super-linear texts, posted whole: each answers (entries or a clear 4xx), no 5xx.
SLOW_TEXTS = [
    ("'On Monday' + 12,500 spaces", "On Monday" + " " * 12_500 + "the board met."),
    ("'On Monday, ' x 2,000", "On Monday, " * 2_000 + "the board met."),
    ("one 199,000-character sentence",
     ("the board met and said that the plan would change " * 4_000)[:199_000]),
]


@pytest.mark.parametrize(("name", "text"), SLOW_TEXTS, ids=[n for n, _ in SLOW_TEXTS])
def test_hostile_texts_get_an_answer_over_the_api(client: FlaskClient, name: str,
                                                  text: str) -> None:
    article = {"text": text, "published": "2025-11-17", "lang": "en",
               "url": f"https://news.example.org/{len(text)}"}
    response = client.post("/api/articles", json=article, headers=AUTH)
    assert response.status_code in (201, 422), response.get_json()
    if response.status_code == 201:
        assert response.get_json()["events"]
    else:
        assert response.get_json()["error"]["field"] == "text"
