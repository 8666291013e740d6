"""Story editing in the viewer (issue 12, item 1): create and rename a story, put an entry on a
story and take it off, merge a possible duplicate; each with a reason and the CSRF token,
shown in the histories; refusals by the field with nothing written; readers see no controls."""

from __future__ import annotations

import re
import time

import pytest

from tests.web.conftest import AUTH, HARBOUR, ingest
from tests.web.test_editing import csrf_of, form_csrf, sign_in

#: A second report of the harbour pier (written for these tests): a possible duplicate.
PIER = {
    "text": ("The harbour authority said on Monday that the ferry pier will open on"
             " 14 December 2025."),
    "published": "2025-11-20", "lang": "en", "url": "https://other.example.com/pier",
    "title": "Pier date confirmed",
}


@pytest.fixture
def editor(client, loaded):
    assert sign_in(client).status_code == 303
    return client


def head(client) -> int:
    return client.get("/api/head").get_json()["position"]


def post_story(client, path: str, **data):
    csrf = csrf_of(client.get(path).get_data(as_text=True))
    return client.post(path, data={"csrf": csrf, **data})


def test_readers_see_no_story_editing_controls(client, loaded):
    html = client.get("/stories/harbour").get_data(as_text=True)
    assert "/stories/harbour/history" in html and "/edit" not in html
    assert "/stories/new" not in client.get("/").get_data(as_text=True)
    entry_id = loaded["harbour"]["events"][0]["id"]
    page = client.get(f"/events/{entry_id}").get_data(as_text=True)
    assert "Possible duplicates" not in page and "/stories/add" not in page
    response = client.get("/stories/harbour/edit")
    assert response.status_code == 303 and "/sign-in" in response.headers["Location"]


def test_create_then_rename_shows_in_history_titles_and_feeds(editor):
    response = post_story(editor, "/stories/new", slug="port-strike", title="Port strike",
                          description="", reason="a new beat")
    assert response.status_code == 303
    assert "/stories/port-strike/history" in response.headers["Location"]
    response = post_story(editor, "/stories/port-strike/edit", title="Dock strike 2025",
                          description="The March walkout", reason="clearer title")
    html = editor.get(response.headers["Location"]).get_data(as_text=True)
    assert "Port strike" in html and "Dock strike 2025" in html and "clearer title" in html
    assert "By alice" in html and "a new beat" in html
    assert "<h1>Dock strike 2025</h1>" in editor.get("/stories/port-strike").get_data(
        as_text=True)
    assert b"X-WR-CALNAME:Dock strike 2025" in editor.get("/feeds/port-strike.ics").data
    assert "/stories/new" in editor.get("/").get_data(as_text=True)
    title = editor.get("/feeds/port-strike.timelinejs.json").get_json()["title"]["text"]
    assert title["headline"] == "Dock strike 2025" and "March walkout" in title["text"]


@pytest.mark.parametrize(("path", "data", "field"), [
    ("/stories/new", {"slug": "Bad Slug", "title": "T", "reason": "r"}, "slug"),
    ("/stories/new", {"slug": "harbour", "title": "T", "reason": "r"}, "slug"),
    ("/stories/new", {"slug": "ok", "title": " ", "reason": "r"}, "title"),
    ("/stories/new", {"slug": "ok", "title": "T", "reason": ""}, "reason"),
    ("/stories/harbour/edit", {"title": "Harbour", "description": "", "reason": "r"}, "title"),
    ("/stories/harbour/edit", {"title": "New", "description": "", "reason": " "}, "reason"),
])
def test_a_bad_story_form_comes_back_by_the_field(editor, path, data, field):
    before = head(editor)
    response = post_story(editor, path, **data)
    form = "new" if path.endswith("new") else "rename"
    assert response.status_code in (400, 409)
    assert f'id="{form}-{field}-error"' in response.get_data(as_text=True)
    assert head(editor) == before


def test_a_stale_csrf_token_on_a_story_form_writes_nothing(editor):
    before = head(editor)
    response = editor.post("/stories/harbour/edit", data={
        "csrf": "stale", "title": "New", "description": "", "reason": "r"})
    assert response.status_code == 400 and "has expired" in response.get_data(as_text=True)
    assert head(editor) == before


def test_an_expired_session_asks_to_sign_in_before_a_story_form(editor, app, monkeypatch):
    csrf = csrf_of(editor.get("/stories/new").get_data(as_text=True))
    later = time.time() + app.config["EDIT_SESSION_HOURS"] * 3600 + 1
    monkeypatch.setattr("timeline.web.editing.time.time", lambda: later)
    response = editor.post("/stories/new", data={"csrf": csrf, "slug": "x", "title": "X",
                                                 "reason": "r"})
    assert response.status_code == 303 and "/sign-in" in response.headers["Location"]
    assert "session has expired" in editor.get(response.headers["Location"]).get_data(
        as_text=True)


def test_add_and_remove_an_entry_with_reasons(editor, loaded):
    entry_id = loaded["library"]["events"][0]["id"]
    csrf = form_csrf(editor, entry_id)
    editor.patch("/api/stories/harbour", headers=AUTH, json={"title": "Port", "reason": "r"})
    response = editor.post(f"/events/{entry_id}/stories/add",
                           data={"csrf": csrf, "slug": "harbour", "reason": "civic works"})
    assert response.status_code == 303
    assert "harbour" in editor.get(f"/api/events/{entry_id}").get_json()["stories"]
    html = editor.get(f"/events/{entry_id}").get_data(as_text=True)
    assert "civic works" in html and "Take off this story" in html
    crumbs = re.search(r'<p class="crumbs">.*?</p>', html).group(0)
    assert '/stories/harbour">Port</a>' in crumbs  # named by its title, not its slug
    response = editor.post(f"/events/{entry_id}/stories/harbour/remove",
                           data={"csrf": csrf, "reason": "not the harbour"})
    assert response.status_code == 303
    assert "harbour" not in editor.get(f"/api/events/{entry_id}").get_json()["stories"]
    history = editor.get("/stories/harbour/history").get_data(as_text=True)
    assert "civic works" in history and "not the harbour" in history


@pytest.mark.parametrize(("data", "field"), [
    ({"slug": "harbour", "reason": ""}, "reason"),
    ({"slug": "nope", "reason": "r"}, "slug"),
])
def test_a_bad_membership_form_comes_back_by_the_field(editor, loaded, data, field):
    entry_id = loaded["library"]["events"][0]["id"]
    before = head(editor)
    response = editor.post(f"/events/{entry_id}/stories/add",
                           data={"csrf": form_csrf(editor, entry_id), **data})
    assert response.status_code == 400
    assert f'id="story-add-{field}-error"' in response.get_data(as_text=True)
    assert head(editor) == before


def test_merge_a_possible_duplicate_from_the_entry_page(editor, loaded):
    other = next(e["id"] for e in ingest(editor, PIER)["events"] if e["date"] == "2025-12-14")
    pier = next(e["id"] for e in loaded["harbour"]["events"] if e["date"] == "2025-12-14")
    html = editor.get(f"/events/{pier}").get_data(as_text=True)
    assert "Possible duplicates" in html and f'name="other" value="{other}"' in html
    csrf = csrf_of(html)
    refused = editor.post(f"/events/{pier}/merge", data={"csrf": csrf, "other": other,
                                                         "reason": ""})
    assert f'id="merge-{other}-reason-error"' in refused.get_data(as_text=True)
    response = editor.post(f"/events/{pier}/merge", data={"csrf": csrf, "other": other,
                                                          "reason": "same pier"})
    assert response.status_code == 303
    merged = editor.get(f"/api/events/{pier}").get_json()
    assert len(merged["sources"]) == 2 and merged["history"][-1]["reason"] == "same pier"
    assert f'value="{other}"' not in editor.get(f"/events/{pier}").get_data(as_text=True)


def test_merging_an_entry_that_is_no_duplicate_is_refused(editor, loaded):
    first, *_ = loaded["harbour"]["events"]
    library = loaded["library"]["events"][0]["id"]
    response = editor.post(f"/events/{first['id']}/merge", data={
        "csrf": form_csrf(editor, first["id"]), "other": library, "reason": "r"})
    assert response.status_code == 400 and "no longer a possible duplicate" in \
        response.get_data(as_text=True)


def test_the_story_history_page_is_public_and_unknown_stories_are_404(client, loaded):
    html = client.get("/stories/harbour/history").get_data(as_text=True)
    assert "created as" in html and "article added" in html
    assert client.get("/stories/nope/history").status_code == 404


@pytest.mark.parametrize(("base_url", "secure"), [
    ("https://timeline.example.org", True), ("http://127.0.0.1:8000", False), ("", False)])
def test_the_session_cookie_is_secure_when_served_over_https(settings, base_url, secure):
    from timeline.web import create_app

    app = create_app({**settings, "BASE_URL": base_url})
    client = app.test_client()
    ingest(client, HARBOUR)
    cookie = sign_in(client).headers["Set-Cookie"]
    assert ("Secure" in cookie.split("; ")) is secure


def test_an_https_base_url_from_the_environment_makes_the_cookie_secure(monkeypatch, db_path):
    from timeline.web import create_app

    monkeypatch.setenv("TIMELINE_DB", str(db_path))
    monkeypatch.setenv("TIMELINE_BASE_URL", "https://timeline.example.org/")
    assert create_app().config["SESSION_COOKIE_SECURE"] is True
    monkeypatch.setenv("TIMELINE_BASE_URL", "http://127.0.0.1:8000")
    assert create_app().config["SESSION_COOKIE_SECURE"] is False
