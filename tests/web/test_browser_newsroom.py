"""The viewer as a newsroom tool, in headless Chromium at desktop and phone sizes (issue 12):
order, typed dates, the as-of banner, HTML error pages, no overflow on a phone, the embed page
inside an iframe, and print emulation."""

from __future__ import annotations

import re

import pytest

from tests.web.test_browser import ARGS, ARTIFACTS, CHROMIUM, base_url, live_app  # noqa: F401

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium"),
]
SIZES = {"desktop": {"width": 1200, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(params=sorted(SIZES))
def tab(request, base_url):  # noqa: F811
    sync_api = pytest.importorskip("playwright.sync_api")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page(viewport=SIZES[request.param])
        page.size_name = request.param  # type: ignore[attr-defined]
        # no live stream: it would hold a server thread (and a stream slot) for its lifetime
        page.route("**/api/stream*", lambda route: route.abort())
        yield page
        browser.close()


def no_sideways_scroll(tab) -> bool:
    return tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_the_entry_page_fits_the_screen(tab, base_url, live_app):  # noqa: F811
    entry = live_app.test_client().get("/api/events?story=harbour").get_json()["events"][0]
    tab.goto(f"{base_url}/events/{entry['id']}")
    assert tab.locator("h1").inner_text() == entry["headline"]
    assert no_sideways_scroll(tab)
    tab.screenshot(path=str(ARTIFACTS / f"event-{tab.size_name}.png"), full_page=True)


def test_order_and_a_typed_month(tab, base_url):  # noqa: F811
    tab.goto(base_url + "/?all=1")
    tab.get_by_role("link", name="newest first").click()
    tab.wait_for_url("**order=newest**")
    years = tab.locator(".year-heading").all_inner_texts()
    assert years == sorted(years, reverse=True)
    if tab.size_name == "phone":  # the filters start folded on a phone, the timeline first
        assert not tab.get_by_label("From", exact=True).is_visible()
        tab.locator(".filters-box summary").click()
    tab.get_by_label("From", exact=True).fill("diciembre de 2025")
    tab.get_by_label("To", exact=True).fill("December 2025")
    tab.get_by_role("button", name="Show").click()
    tab.wait_for_url("**from=diciembre**")
    assert "Ferry pier" in tab.locator(".timeline").inner_text()
    assert tab.locator(".entry").count() >= 1 and no_sideways_scroll(tab)


def test_a_date_we_cannot_read_is_shown_beside_the_form(tab, base_url):  # noqa: F811
    tab.goto(base_url + "/?from=someday")
    assert "someday" in tab.get_by_role("alert").inner_text()
    assert tab.get_by_label("From", exact=True).get_attribute("aria-invalid") == "true"


def test_as_of_banner_and_back_to_now(tab, base_url):  # noqa: F811
    tab.goto(base_url + "/stories/harbour?as_of=2030-01-01T09:15")
    banner = tab.locator(".as-of-banner")
    assert "as it stood on 1 January 2030, 09:15 UTC" in banner.inner_text()
    banner.get_by_role("link", name="See it as it is now").click()
    tab.wait_for_url("**/stories/harbour")
    assert tab.locator(".as-of-banner").count() == 0


def test_a_mistyped_story_is_an_html_page(tab, base_url):  # noqa: F811
    response = tab.goto(base_url + "/stories/typo")
    assert response.status == 404
    assert tab.locator("h1").inner_text() == "Not found"
    tab.get_by_role("link", name="See every event").click()
    tab.wait_for_url(base_url + "/")


def test_the_embed_page_inside_an_iframe(tab, base_url):  # noqa: F811
    tab.goto(base_url + "/stories/harbour")
    tab.locator(".embed-snippet summary").click()
    snippet = tab.locator("#embed-code").input_value()
    # links come from TIMELINE_BASE_URL (unset here: http://localhost), never the Host header
    assert 'src="http://localhost/embed/stories/harbour"' in snippet
    snippet = snippet.replace("http://localhost", base_url)
    tab.set_content(f"<!doctype html><body style='margin:0'>{snippet}</body>")
    frame = tab.frame_locator("iframe")
    frame.locator(".entry").first.wait_for()
    assert frame.locator(".site-header").count() == 0
    assert "Ferry pier" in frame.locator("main").inner_text()
    assert no_sideways_scroll(tab)
    tab.screenshot(path=str(ARTIFACTS / f"embed-{tab.size_name}.png"))


def test_print_shows_a_clean_list_with_sources(tab, base_url):  # noqa: F811
    tab.goto(base_url + "/stories/harbour")
    tab.emulate_media(media="print")
    for hidden in (".filters", ".site-header", ".feeds", ".overview"):
        if tab.locator(hidden).count():
            assert not tab.locator(hidden).first.is_visible(), hidden
    assert tab.locator(".entry").first.is_visible()
    after = tab.evaluate("getComputedStyle(document.querySelector('.source-link'), '::after')"
                         ".content")
    assert "news.example.org" in after
    tab.pdf(path=str(ARTIFACTS / f"story-print-{tab.size_name}.pdf"))


def test_the_strip_is_one_tab_stop_and_zooms_by_keyboard(tab, base_url):  # noqa: F811
    tab.goto(base_url + "/?all=1")
    bars = tab.locator(".overview-chart .bucket")
    assert [bars.nth(i).get_attribute("tabindex") for i in range(bars.count())].count("0") == 1
    assert all(re.search(r": \d+ events?$", bars.nth(i).get_attribute("aria-label"))
               for i in range(bars.count()))
    bars.first.focus()
    tab.keyboard.press("End")
    last = tab.evaluate("document.activeElement.getAttribute('aria-label')")
    assert last == bars.last.get_attribute("aria-label")
    tab.wait_for_timeout(400)  # the bar's colour transition
    assert tab.evaluate("getComputedStyle(document.activeElement.querySelector('.bar')).fill") \
        == "rgb(29, 35, 43)"  # the focused bar is drawn in ink, not the pale bar colour
    tab.keyboard.press("Shift+ArrowLeft")
    tab.keyboard.press("Enter")
    tab.wait_for_url("**from=*to=*")
    assert tab.locator(".overview").get_attribute("data-grain") in ("month", "day")
    assert tab.locator(".zoom-out").count() == 1


def test_the_strip_zooms_from_decades_to_days_by_mouse(tab, base_url):  # noqa: F811
    tab.goto(base_url + "/?all=1&from=2025&to=2025")
    assert tab.locator(".overview").get_attribute("data-grain") == "month"
    tab.locator(".overview-chart .bucket[data-from='2025-12']").click()
    tab.wait_for_url("**from=2025-12**")
    assert tab.locator(".overview").get_attribute("data-grain") == "day"
    tab.locator(".overview-chart").scroll_into_view_if_needed()
    svg = tab.locator(".overview-chart").bounding_box()
    y = svg["y"] + svg["height"] / 2
    tab.mouse.move(svg["x"] + 2, y)
    tab.mouse.down()
    tab.mouse.move(svg["x"] + svg["width"] / 2, y, steps=5)
    tab.mouse.up()
    tab.wait_for_url("**from=2025-12-01**")
    assert tab.locator(".overview").get_attribute("data-grain") == "day"


def test_open_at_the_entry_nearest_a_date(tab, base_url):  # noqa: F811
    tab.goto(base_url + "/?all=1&at=December+2025")
    focused = tab.evaluate("document.activeElement.id")
    assert focused.startswith("entry-")
    assert "14 December 2025" in tab.locator(f"#{focused}").inner_text()
    assert tab.locator(f"#{focused}").is_visible()
