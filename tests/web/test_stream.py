"""``/api/stream``: Server-Sent Events, bounded for tests with STREAM_MAX_EVENTS."""

from __future__ import annotations

import json

import pytest

from tests.web.conftest import LIBRARY, ingest
from timeline.web import create_app
from timeline.web.stream import resume_position


def read_stream(settings, *, headers=None, query="", **config) -> list[dict]:
    client = create_app({**settings, **config}).test_client()
    response = client.get("/api/stream" + query, headers=headers or {})
    assert response.mimetype == "text/event-stream"
    text = response.get_data(as_text=True)
    return [_parse(block) for block in text.split("\n\n") if block.strip()]


def _parse(block: str) -> dict:
    fields: dict = {}
    for line in block.splitlines():
        name, _, value = line.partition(": ") if not line.startswith(":") else ("comment", "", line)
        fields[name] = value
    return fields


def test_events_arrive_with_position_type_and_json(settings, client, loaded) -> None:
    messages = read_stream(settings, STREAM_MAX_EVENTS=3)
    events = [m for m in messages if "id" in m]
    assert [int(m["id"]) for m in events] == [1, 2, 3]
    # the demo's first story is created just before its first article
    assert [m["event"] for m in events[:2]] == ["StoryCreated", "ArticleIngested"]
    assert json.loads(events[1]["data"])["position"] == 2


@pytest.mark.parametrize(("headers", "query"), [
    ({"Last-Event-ID": "5"}, ""), ({}, "?after=5"), ({"Last-Event-ID": "5"}, "?after=1"),
])
def test_the_stream_resumes_after_the_last_event(settings, client, loaded, headers, query):
    events = [m for m in read_stream(settings, headers=headers, query=query,
                                     STREAM_MAX_EVENTS=2) if "id" in m]
    assert [int(m["id"]) for m in events] == [6, 7]


def test_idle_streams_send_heartbeats_and_end_on_time(settings, client, loaded) -> None:
    head = client.get("/healthz").get_json()["head"]
    messages = read_stream(settings, query=f"?after={head}", STREAM_MAX_SECONDS=0.2)
    assert messages[0] == {"retry": "3000"}
    assert any("comment" in m for m in messages)
    assert not any("id" in m for m in messages)


def test_new_articles_reach_a_waiting_stream(settings, client, loaded) -> None:
    head = client.get("/healthz").get_json()["head"]
    ingest(client, LIBRARY | {"url": "https://news.example.org/other"})
    events = [m for m in read_stream(settings, query=f"?after={head}", STREAM_MAX_EVENTS=1)
              if "id" in m]
    assert int(events[0]["id"]) == head + 1


@pytest.mark.parametrize(("header", "after", "expected"), [
    (None, None, 0), (None, 7, 7), ("12", 7, 12), (" 3 ", None, 3), ("", 4, 4),
])
def test_resume_position(header, after, expected) -> None:
    assert resume_position(header, after) == expected


@pytest.mark.parametrize("header", ["abc", "-1", "1.5", "9" * 30])
def test_a_bad_last_event_id_is_400(client, header: str) -> None:
    response = client.get("/api/stream", headers={"Last-Event-ID": header})
    assert response.status_code == 400
    assert response.get_json()["error"]["field"] == "Last-Event-ID"
