"""One JSON error shape for every error (pinned like datasette's test_error_shape)."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from tests.web.conftest import AUTH, HARBOUR

SHAPE_KEYS = {"status", "code", "message", "field"}


def assert_error(response, status: int, code: str, field: str | None = None) -> dict:
    assert response.status_code == status
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert set(body) == {"error"}
    assert set(body["error"]) == SHAPE_KEYS
    assert body["error"]["status"] == status
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    if field is not None:
        assert body["error"]["field"] == field
    return body["error"]


@pytest.mark.parametrize(("method", "path", "body", "status", "code", "field"), [
    ("get", "/api/events?from=not-a-date", None, 400, "invalid_input", "from"),
    ("get", "/api/events?to=2025-13-45", None, 400, "invalid_input", "to"),
    ("get", "/api/events?limit=0", None, 400, "invalid_input", "limit"),
    ("get", "/api/events?limit=ten", None, 400, "invalid_input", "limit"),
    ("get", "/api/events?cursor=%21%21garbage", None, 400, "invalid_input", "cursor"),
    ("get", "/api/events?as_of=yesterday", None, 400, "invalid_input", "as_of"),
    ("get", "/api/events?colour=red", None, 400, "invalid_input", "colour"),
    ("get", "/api/events?story=a&story=b", None, 400, "invalid_input", "story"),
    ("get", "/api/log?after=-1", None, 400, "invalid_input", "after"),
    ("get", "/api/events/no-such-entry", None, 404, "not_found", None),
    ("get", "/nowhere", None, 404, "not_found", None),
    ("delete", "/api/events", None, 405, "method_not_allowed", None),
    ("post", "/api/articles", {**HARBOUR, "colour": "red"}, 400, "invalid_input", "colour"),
    ("post", "/api/articles", {**HARBOUR, "published": "17/11/2025"}, 400, "invalid_input",
     "published"),
    ("post", "/api/articles", {**HARBOUR, "published": 20251117}, 400, "invalid_input",
     "published"),
    ("post", "/api/articles", {**HARBOUR, "lang": "xx"}, 400, "invalid_input", "lang"),
    ("post", "/api/articles", {"published": "2025-11-17"}, 400, "invalid_input", "text"),
    ("post", "/api/articles", [HARBOUR], 400, "invalid_input", "body"),
    ("post", "/api/stories", {"slug": "Bad Slug", "title": "x"}, 400, "invalid_input", "slug"),
    ("post", "/api/stories", {"slug": "ok"}, 400, "invalid_input", "title"),
    ("post", "/api/events/x/retraction", {}, 400, "invalid_input", "reason"),
    ("post", "/api/events/x/corrections", {"reason": "typo"}, 400, "invalid_input", "date"),
    ("post", "/api/events/x/retraction", {"reason": "wrong"}, 404, "not_found", None),
])
def test_error_shape(client: FlaskClient, method, path, body, status, code, field) -> None:
    response = getattr(client, method)(path, json=body, headers=AUTH)
    assert_error(response, status, code, field)


@pytest.mark.parametrize("raw", [b"{not json", b"", b"\xff\xfe", b"null", b'"text"'])
def test_malformed_json_is_400_naming_the_body(client: FlaskClient, raw: bytes) -> None:
    response = client.post(
        "/api/articles", data=raw, headers={**AUTH, "Content-Type": "application/json"}
    )
    assert_error(response, 400, "invalid_input", "body")


def test_body_over_the_limit_is_413_in_the_json_shape(settings, db_path) -> None:
    from timeline.web import create_app

    client = create_app({**settings, "MAX_BODY_BYTES": 1000}).test_client()
    big = {**HARBOUR, "text": "The pier opened on 1 May 2025. " * 100}
    assert_error(client.post("/api/articles", json=big, headers=AUTH), 413, "payload_too_large")


def test_unexpected_errors_are_500_in_the_shape_without_details(app, monkeypatch) -> None:
    from timeline.web import api

    def explode(*_a, **_k):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(api.queries, "find_entries", explode)
    error = assert_error(app.test_client().get("/api/events"), 500, "internal_error")
    assert "secret" not in error["message"]
