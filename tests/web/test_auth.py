"""Writes need a bearer token; reads are public."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from tests.web.conftest import AUTH, HARBOUR, OTHER_TOKEN, ingest
from tests.web.test_errors import assert_error
from timeline.web import create_app
from timeline.web.auth import token_holder

WRITES = [
    ("/api/articles", HARBOUR),
    ("/api/stories", {"slug": "s", "title": "S"}),
    ("/api/stories/s/events", {"event_ids": ["x"]}),
    ("/api/events/x/corrections", {"headline": "h", "reason": "r"}),
    ("/api/events/x/retraction", {"reason": "r"}),
]


@pytest.mark.parametrize(("path", "body"), WRITES)
def test_a_write_without_a_token_is_401_with_a_challenge(client: FlaskClient, path, body) -> None:
    response = client.post(path, json=body)
    assert_error(response, 401, "unauthorized")
    assert response.headers["WWW-Authenticate"].lower().startswith("bearer")


@pytest.mark.parametrize("header", ["Bearer wrong", "Bearer " + "x" * 200, "Basic dXNlcjpwdw=="])
def test_a_write_with_a_wrong_token_is_refused(client: FlaskClient, header: str) -> None:
    response = client.post("/api/stories", json={"slug": "s", "title": "S"},
                           headers={"Authorization": header})
    assert response.status_code in (401, 403)
    assert response.get_json()["error"]["code"] in ("unauthorized", "forbidden")


def test_a_wrong_bearer_token_is_403(client: FlaskClient) -> None:
    response = client.post("/api/stories", json={"slug": "s", "title": "S"},
                           headers={"Authorization": "Bearer nope"})
    assert_error(response, 403, "forbidden")


def test_with_no_tokens_configured_every_write_is_refused(settings) -> None:
    client = create_app({**settings, "API_TOKENS": ""}).test_client()
    assert client.post("/api/stories", json={"slug": "s", "title": "S"}).status_code == 401
    response = client.post("/api/stories", json={"slug": "s", "title": "S"}, headers=AUTH)
    assert_error(response, 403, "forbidden")


def test_reads_need_no_token(client: FlaskClient) -> None:
    for path in ("/api/events", "/api/stories", "/api/log", "/healthz", "/"):
        assert client.get(path).status_code == 200, path


def test_the_writer_is_named_after_the_token_holder(client: FlaskClient) -> None:
    entry_id = ingest(client, HARBOUR)["events"][0]["id"]
    client.post(f"/api/events/{entry_id}/retraction", json={"reason": "duplicate"},
                headers={"Authorization": f"Bearer {OTHER_TOKEN}"})
    history = client.get(f"/api/events/{entry_id}").get_json()["history"]
    assert (history[0]["actor"], history[0]["type"]) == ("alice", "extraction")
    assert (history[-1]["actor"], history[-1]["type"]) == ("bob", "retraction")


@pytest.mark.parametrize(("presented", "expected"), [
    ("t1", "alice"), ("t2", "api"), ("t3", None), ("", None), ("t1 ", None),
])
def test_token_holder(presented: str, expected: str | None) -> None:
    assert token_holder(presented, {"t1": "alice", "t2": "api"}) == expected
