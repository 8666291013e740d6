"""The "Key dates" view in headless Chromium: reached from the story page, each day expands to
its entries, the keyboard can open a day."""

from __future__ import annotations

import pytest

from tests.digest.stories import bridge_articles
from tests.web.conftest import AUTH
from tests.web.test_browser import CHROMIUM, base_url, page  # noqa: F401 - fixtures

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium"),
]


@pytest.fixture
def live_app(settings):
    from timeline.web import create_app

    app = create_app(settings)
    client = app.test_client()
    for a in bridge_articles():
        body = {"text": a.text, "url": a.url, "published": a.published.isoformat(),
                "lang": "en", "title": a.title, "story": "bridge"}
        assert client.post("/api/articles", json=body, headers=AUTH).status_code == 201
    return app


def test_key_dates_from_the_story_page_and_a_day_opens(page, base_url) -> None:  # noqa: F811
    page.goto(f"{base_url}/stories/bridge")
    page.click("a.key-dates-link")
    page.wait_for_selector("ol.key-dates")
    first = page.locator("li.key-day").first
    assert first.locator("time").inner_text() == "3 March 2024"  # said as people say it
    assert first.locator("time").get_attribute("datetime") == "2024-03-03"
    entries = first.locator("details.key-day-entries li a")
    assert not entries.first.is_visible()
    first.locator("summary").focus()
    page.keyboard.press("Enter")
    assert entries.first.is_visible() and entries.count() >= 1
