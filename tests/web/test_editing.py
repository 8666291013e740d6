"""Editing in the viewer (issue 12, item 1): sign in with a token into a session cookie
(HttpOnly, SameSite=Strict), CSRF on every form, correct and retract with a reason."""

from __future__ import annotations

import re
import time

import pytest
from flask.testing import FlaskClient
from icalendar import Calendar

from tests.web.conftest import TOKEN


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def sign_in(client: FlaskClient, token: str = TOKEN):
    csrf = csrf_of(client.get("/sign-in").get_data(as_text=True))
    return client.post("/sign-in", data={"token": token, "csrf": csrf, "next": "/"})


@pytest.fixture
def entry(loaded):
    return loaded["harbour"]["events"][0]


@pytest.fixture
def editor(client, loaded):
    assert sign_in(client).status_code == 303
    return client


def form_csrf(client, entry_id: str) -> str:
    return csrf_of(client.get(f"/events/{entry_id}").get_data(as_text=True))


def test_readers_see_no_editing_controls(client, entry):
    html = client.get(f"/events/{entry['id']}").get_data(as_text=True)
    assert "Edit this entry" not in html and "/correct" not in html and "Sign out" not in html


def test_signing_in_sets_a_strict_httponly_session_cookie(client, loaded):
    response = sign_in(client)
    cookie = response.headers["Set-Cookie"]
    assert response.status_code == 303 and response.headers["Location"] == "/"
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie


def test_a_wrong_token_is_refused_beside_the_field(client, loaded):
    response = sign_in(client, "nope")
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and "not valid" in html and 'aria-invalid="true"' in html


def test_a_correction_lands_in_the_history_and_the_feed_sequence(editor, entry):
    csrf = form_csrf(editor, entry["id"])
    response = editor.post(f"/events/{entry['id']}/correct", data={
        "csrf": csrf, "headline": "Pier opens 15 December", "reason": "the date moved"})
    assert response.status_code == 303
    html = editor.get(response.headers["Location"]).get_data(as_text=True)
    assert "Pier opens 15 December" in html and "the date moved" in html and "By alice" in html
    calendar = Calendar.from_ical(editor.get("/feeds/harbour.ics").data)
    event = next(e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith(entry["id"]))
    assert int(event["SEQUENCE"]) == 1


def test_a_retraction_needs_a_reason(editor, entry):
    csrf = form_csrf(editor, entry["id"])
    response = editor.post(f"/events/{entry['id']}/retract", data={"csrf": csrf, "reason": " "})
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and 'id="retract-reason-error"' in html
    assert editor.get(f"/api/events/{entry['id']}").get_json()["status"] == "active"
    editor.post(f"/events/{entry['id']}/retract", data={"csrf": csrf, "reason": "duplicate"})
    assert editor.get(f"/api/events/{entry['id']}").get_json()["status"] == "retracted"


@pytest.mark.parametrize(("data", "field"), [
    ({"date": "someday", "reason": "typo"}, "date"),
    ({"headline": "New", "reason": ""}, "reason"),
    ({"reason": "nothing changed"}, "date"),
])
def test_a_bad_correction_comes_back_with_the_message_by_the_field(editor, entry, data, field):
    data = {"csrf": form_csrf(editor, entry["id"]), **data}
    response = editor.post(f"/events/{entry['id']}/correct", data=data)
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and f'id="correct-{field}-error"' in html
    assert editor.get(f"/api/events/{entry['id']}").get_json()["revision"] == 0


def test_a_stale_csrf_token_writes_nothing(editor, entry):
    response = editor.post(f"/events/{entry['id']}/retract",
                           data={"csrf": "stale", "reason": "gone"})
    assert response.status_code == 400 and "has expired" in response.get_data(as_text=True)
    assert editor.get(f"/api/events/{entry['id']}").get_json()["status"] == "active"


def test_without_a_session_a_form_asks_to_sign_in(client, entry):
    response = client.post(f"/events/{entry['id']}/retract", data={"reason": "x"})
    assert response.status_code == 303 and "/sign-in" in response.headers["Location"]
    assert client.get(f"/api/events/{entry['id']}").get_json()["status"] == "active"


def test_an_expired_session_asks_to_sign_in_again(editor, entry, app, monkeypatch):
    csrf = form_csrf(editor, entry["id"])
    later = time.time() + app.config["EDIT_SESSION_HOURS"] * 3600 + 1
    monkeypatch.setattr("timeline.web.editing.time.time", lambda: later)
    response = editor.post(f"/events/{entry['id']}/retract", data={"csrf": csrf, "reason": "x"})
    assert response.status_code == 303
    html = editor.get(response.headers["Location"]).get_data(as_text=True)
    assert "session has expired" in html


def test_signing_out_needs_the_csrf_token(editor, entry):
    assert editor.post("/sign-out", data={"csrf": "forged"}).status_code == 400
    csrf = form_csrf(editor, entry["id"])
    assert editor.post("/sign-out", data={"csrf": csrf}).status_code == 303
    assert "Edit this entry" not in editor.get(f"/events/{entry['id']}").get_data(as_text=True)


def test_sign_in_returns_only_to_this_site(client, loaded):
    csrf = csrf_of(client.get("/sign-in").get_data(as_text=True))
    response = client.post("/sign-in", data={"token": TOKEN, "csrf": csrf,
                                             "next": "//evil.example/"})
    assert response.headers["Location"] == "/"


def test_edit_forms_escape_article_text(editor, entry):
    csrf = form_csrf(editor, entry["id"])
    editor.post(f"/events/{entry['id']}/correct", data={
        "csrf": csrf, "headline": '"><script>alert(1)</script>', "reason": "test"})
    html = editor.get(f"/events/{entry['id']}").get_data(as_text=True)
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html
