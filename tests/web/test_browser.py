"""The viewer in headless Chromium on a live server: filters, history, live updates."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from tests.projections.builders import append_article
from tests.web.conftest import AUTH, HARBOUR, LIBRARY
from timeline.archive import Archive
from timeline.web import create_app

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium"),
]


@pytest.fixture
def live_app(settings):
    app = create_app({**settings, "STREAM_MAX_SECONDS": 30.0, "STREAM_HEARTBEAT_SECONDS": 1.0,
                      "STREAM_POLL_SECONDS": 0.1})
    client = app.test_client()
    for article in (HARBOUR, LIBRARY):
        assert client.post("/api/articles", json=article, headers=AUTH).status_code == 201
    return app


@pytest.fixture
def base_url(live_app) -> Iterator[str]:
    server = make_server("127.0.0.1", 0, live_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture
def page(base_url):
    sync_api = pytest.importorskip("playwright.sync_api")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        tab = browser.new_page(viewport={"width": 1200, "height": 900})
        yield tab
        browser.close()


def test_filters_narrow_the_timeline(page, base_url, live_app) -> None:
    api = live_app.test_client().get("/api/events?all=1&limit=500").get_json()
    total = len(api["events"])  # every entry, whatever salience the extractor gave it
    page.goto(base_url + "/?all=1")
    assert page.locator(".entry").count() == total
    page.get_by_label("Actor").fill("Ana Ruiz")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**actor=Ana*all=1*")
    entries = page.locator(".entry")
    assert 1 <= entries.count() < total
    assert all("Ana Ruiz" in text for text in entries.all_inner_texts())
    page.screenshot(path=str(ARTIFACTS / "viewer-filtered.png"), full_page=True)


def test_an_entry_history_opens_in_place(page, base_url) -> None:
    page.goto(base_url + "/stories/harbour")
    first = page.locator(".entry").first
    first.locator("summary").click()
    item = first.locator(".history-list li").first
    item.wait_for()
    assert "extraction" in item.inner_text()


def test_a_new_article_appears_without_reloading(page, base_url, live_app) -> None:
    page.goto(base_url + "/?all=1")
    page.evaluate("window.__sameDocument = true")
    article = {"text": "The river bridge reopened on 9 January 2026 after the floods, "
               "the engineer Marta Solis said.", "published": "2026-01-10", "lang": "en",
               "url": "https://news.example.org/bridge", "title": "Bridge reopens"}
    assert live_app.test_client().post("/api/articles", json=article,
                                       headers=AUTH).status_code == 201
    page.locator(".entry.new").first.wait_for(timeout=10_000)
    assert "bridge" in page.locator(".entry.new").first.inner_text().lower()
    assert page.evaluate("window.__sameDocument") is True
    page.screenshot(path=str(ARTIFACTS / "viewer-live.png"), full_page=False)


def test_show_all_reveals_minor_entries_and_goes_back(page, base_url, settings) -> None:
    with Archive.open(settings["DB"]) as archive:
        append_article(archive.log, "minor", 1, [
            ("Lluvia ligera en el puerto", "2025-12-01", "day", {"salience": 0.1})])
    page.goto(base_url + "/")
    assert "Lluvia ligera" not in page.locator("#live").inner_text()
    page.get_by_role("link", name=re.compile(r"Show all [\d,]+ events, including minor")).click()
    page.wait_for_url("**all=1*")
    assert page.locator(".entry.minor", has_text="Lluvia ligera").count() == 1
    page.get_by_role("link", name="Show only the main events").click()
    page.wait_for_url(re.compile(r"/$"))
    assert page.locator(".entry.minor").count() == 0


def test_the_overview_strip_zooms_by_keyboard(page, base_url) -> None:
    page.goto(base_url + "/")
    bucket = page.locator(".overview-chart .bucket").first
    bucket.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**from=*")
    assert page.locator(".entry").count() >= 1


def test_the_page_reads_on_a_phone(page, base_url) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(base_url + "/stories/harbour")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    page.screenshot(path=str(ARTIFACTS / "viewer-phone.png"), full_page=True)
