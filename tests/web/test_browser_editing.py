"""Editing in the viewer in headless Chromium (issue 12, item 1): sign in, correct with a
reason, see it in the history and the calendar feed's SEQUENCE; a missing reason comes back
beside its field. Desktop and phone."""

from __future__ import annotations

import pytest
from icalendar import Calendar

from tests.web.conftest import TOKEN
from tests.web.test_browser import CHROMIUM, base_url, live_app  # noqa: F401
from tests.web.test_browser_newsroom import no_sideways_scroll, tab  # noqa: F401

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium"),
]


def test_sign_in_correct_and_see_it_in_history_and_feed(tab, base_url, live_app):  # noqa: F811
    api = live_app.test_client()
    entry = api.get("/api/events?story=harbour").get_json()["events"][0]
    tab.goto(f"{base_url}/events/{entry['id']}")
    assert tab.locator(".editing").count() == 0
    tab.goto(f"{base_url}/sign-in?next=/events/{entry['id']}")
    tab.get_by_label("API token").fill(TOKEN)
    tab.get_by_role("button", name="Sign in").click()
    tab.wait_for_url(f"**/events/{entry['id']}")
    date = tab.get_by_label("Date (a day")
    original = date.input_value()
    tab.get_by_label("Headline").fill("Ferry pier opening confirmed")
    date.fill("someday")
    tab.get_by_label("Reason for the correction").fill("the port confirmed it")
    tab.get_by_role("button", name="Correct").click()
    assert "someday" in tab.locator("#correct-date-error").inner_text()
    assert tab.get_by_label("Headline").input_value() == "Ferry pier opening confirmed"
    tab.get_by_label("Date (a day").fill(original)
    tab.get_by_role("button", name="Correct").click()
    tab.locator(".edit-done").wait_for()
    assert tab.locator("h1").inner_text() == "Ferry pier opening confirmed"
    assert "the port confirmed it" in tab.locator(".history-full").inner_text()
    assert no_sideways_scroll(tab)
    calendar = Calendar.from_ical(api.get("/feeds/harbour.ics").data)
    event = next(e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith(entry["id"]))
    assert int(event["SEQUENCE"]) == 1
