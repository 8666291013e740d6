"""Story editing in headless Chromium, desktop and phone (issue 12, item 1): sign in, create a
story, put an entry on it, rename it; the story's history shows each step with its reason and
the feeds take the new title. A taken address comes back beside its field. axe-core finds no
serious violation on the editing pages."""

from __future__ import annotations

import pytest
from icalendar import Calendar

from tests.web.conftest import TOKEN
from tests.web.test_browser import CHROMIUM, base_url, live_app  # noqa: F401
from tests.web.test_browser_axe import AXE, serious
from tests.web.test_browser_newsroom import no_sideways_scroll, tab  # noqa: F401

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium"),
]


def sign_in(tab, base_url: str, target: str) -> None:  # noqa: F811
    tab.goto(f"{base_url}/sign-in?next={target}")
    tab.get_by_label("API token").fill(TOKEN)
    tab.get_by_role("button", name="Sign in").click()
    tab.wait_for_url(f"**{target}")


def no_serious_violations(tab) -> bool:  # noqa: F811
    return not AXE.exists() or serious(tab) == []


def test_create_add_rename_then_history_and_feed(tab, base_url, live_app):  # noqa: F811
    api = live_app.test_client()
    entry = api.get("/api/events?story=harbour").get_json()["events"][0]
    sign_in(tab, base_url, "/stories/new")
    tab.get_by_label("Address").fill("harbour")
    tab.get_by_label("Title").fill("Port strike")
    tab.get_by_label("Reason for the change").fill("a new beat")
    tab.get_by_role("button", name="Create story").click()
    assert "already exists" in tab.locator("#new-slug-error").inner_text()
    tab.get_by_label("Address").fill("port-strike")
    tab.get_by_role("button", name="Create story").click()
    tab.wait_for_url("**/stories/port-strike/history?done=new")
    assert no_serious_violations(tab) and no_sideways_scroll(tab)

    tab.goto(f"{base_url}/events/{entry['id']}")
    tab.get_by_label("Story to add it to").select_option(label="Port strike")
    tab.get_by_label("Reason for adding it").fill("the strike delayed the pier")
    tab.get_by_role("button", name="Add to the story").click()
    tab.locator(".edit-done").wait_for()
    assert "added to story port-strike" in tab.locator(".history-full").inner_text()
    assert no_serious_violations(tab) and no_sideways_scroll(tab)

    tab.goto(f"{base_url}/stories/port-strike")
    tab.get_by_role("link", name="Rename this story").click()
    tab.get_by_label("Title").fill("Dock strike 2025")
    tab.get_by_label("Description").fill("The March walkout and the pier")
    tab.get_by_label("Reason for the change").fill("a clearer title")
    tab.get_by_role("button", name="Rename story").click()
    tab.wait_for_url("**/stories/port-strike/history?done=rename")
    history = tab.locator(".story-history").inner_text()
    assert "'Port strike' -> 'Dock strike 2025'" in history and "a clearer title" in history
    assert "the strike delayed the pier" in history and "a new beat" in history
    assert tab.locator("h1").inner_text() == "History of “Dock strike 2025”"

    assert api.get("/feeds/port-strike.json").get_json()["title"] == "Dock strike 2025"
    calendar = Calendar.from_ical(api.get("/feeds/port-strike.ics").data)
    assert str(calendar["X-WR-CALNAME"]) == "Dock strike 2025"
    assert len(calendar.walk("VEVENT")) == 1


def test_the_story_form_is_accessible_and_fits(tab, base_url, live_app):  # noqa: F811
    sign_in(tab, base_url, "/stories/harbour/edit")
    assert tab.get_by_label("Title").input_value() == "Harbour"
    assert no_serious_violations(tab) and no_sideways_scroll(tab)
