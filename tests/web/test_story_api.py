"""The story editing API (issue 12, item 1): rename (PATCH), removals, history, one story, and a
reason on creation and membership; 400 naming the field, 401/403 without a valid token."""

from __future__ import annotations

import pytest

from tests.web.conftest import AUTH, OTHER_TOKEN

WRONG = {"Authorization": "Bearer wrong"}


def test_rename_changes_the_title_everywhere_and_keeps_history(client, loaded):
    response = client.patch("/api/stories/harbour", headers=AUTH, json={
        "title": "Ferry pier", "description": "The new pier", "reason": "clearer"})
    assert response.status_code == 200 and response.get_json()["title"] == "Ferry pier"
    assert client.get("/api/stories/harbour").get_json()["description"] == "The new pier"
    listed = {s["slug"]: s["title"] for s in client.get("/api/stories").get_json()["stories"]}
    assert listed["harbour"] == "Ferry pier"
    assert client.get("/feeds/harbour.json").get_json()["title"] == "Ferry pier"
    history = client.get("/api/stories/harbour/history").get_json()["history"]
    assert [h["type"] for h in history][:1] == ["created"]
    assert history[-1] | {"recorded_at": None} == history[-1] | {
        "type": "renamed", "actor": "alice", "reason": "clearer", "recorded_at": None}


def test_a_null_description_removes_it(client, loaded):
    client.patch("/api/stories/harbour", headers=AUTH, json={"description": "x", "reason": "r"})
    response = client.patch("/api/stories/harbour", headers={
        "Authorization": f"Bearer {OTHER_TOKEN}"}, json={"description": None, "reason": "r"})
    assert response.get_json()["description"] is None
    assert client.get("/api/stories/harbour/history").get_json()["history"][-1]["actor"] == "bob"


@pytest.mark.parametrize(("body", "field"), [
    ({"title": "X"}, "reason"),
    ({"title": "X", "reason": ""}, "reason"),
    ({"reason": "r"}, "title"),
    ({"title": "", "reason": "r"}, "title"),
    ({"title": "Harbour", "reason": "r"}, "title"),  # nothing changes
    ({"title": "X", "reason": "r", "colour": "red"}, "colour"),
])
def test_a_bad_rename_is_400_naming_the_field(client, loaded, body, field):
    response = client.patch("/api/stories/harbour", headers=AUTH, json=body)
    assert response.status_code == 400, response.get_json()
    assert response.get_json()["error"]["field"] == field


@pytest.mark.parametrize(("method", "path", "body"), [
    ("patch", "/api/stories/harbour", {"title": "X", "reason": "r"}),
    ("post", "/api/stories/harbour/removals", {"event_ids": ["x"], "reason": "r"}),
])
def test_writes_need_a_valid_token(client, loaded, method, path, body):
    call = getattr(client, method)
    assert call(path, json=body).status_code == 401
    assert call(path, json=body, headers=WRONG).status_code == 403


def test_membership_with_reasons_and_removal(client, loaded):
    entry_id = loaded["library"]["events"][0]["id"]
    added = client.post("/api/stories/harbour/events", headers=AUTH,
                        json={"event_ids": [entry_id], "reason": "civic works"})
    assert added.get_json()["added"] == 1
    removed = client.post("/api/stories/harbour/removals", headers=AUTH,
                          json={"event_ids": [entry_id, entry_id], "reason": "wrong story"})
    assert removed.status_code == 200 and removed.get_json()["removed"] == 1
    history = client.get(f"/api/events/{entry_id}").get_json()["history"]
    assert [h["reason"] for h in history[-2:]] == ["civic works", "wrong story"]
    story = client.get("/api/stories/harbour/history").get_json()["history"]
    assert [(h["type"], h["entry_id"]) for h in story[-2:]] == [
        ("entry_added", entry_id), ("entry_removed", entry_id)]


def test_create_keeps_its_reason(client):
    client.post("/api/stories", headers=AUTH, json={"slug": "metro", "title": "Metro",
                                                    "reason": "new beat"})
    history = client.get("/api/stories/metro/history").get_json()["history"]
    assert [(h["type"], h["reason"]) for h in history] == [("created", "new beat")]


@pytest.mark.parametrize("path", ["/api/stories/nope", "/api/stories/nope/history"])
def test_unknown_stories_are_404(client, path):
    assert client.get(path).status_code == 404


def test_removals_refuse_bad_bodies_and_unknown_stories(client, loaded):
    bad = client.post("/api/stories/harbour/removals", headers=AUTH, json={"event_ids": []})
    assert bad.status_code == 400 and bad.get_json()["error"]["field"] == "event_ids"
    missing = client.post("/api/stories/nope/removals", headers=AUTH,
                          json={"event_ids": ["x"]})
    assert missing.status_code == 404
