"""The Spanish interface in headless Chromium at desktop and phone sizes (issue 12, item 6),
and the page title clear of the header on every page (item 5's "header gap")."""

from __future__ import annotations

import pytest

from tests.web.conftest import AUTH
from tests.web.test_browser import ARTIFACTS, CHROMIUM, base_url, live_app, page  # noqa: F401
from tests.web.test_browser_newsroom import no_sideways_scroll, tab  # noqa: F401

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium"),
]
PAGES = ["/", "/stories/harbour", "/stories/harbour/key-dates", "/sign-in", "/stories/typo",
         "ENTRY"]


def entry_path(live_app) -> str:  # noqa: F811
    entry = live_app.test_client().get("/api/events?story=harbour").get_json()["events"][0]
    return f"/events/{entry['id']}"


def test_a_spanish_browser_gets_the_spanish_interface(tab, base_url):  # noqa: F811
    tab.set_extra_http_headers({"Accept-Language": "es-CL,es;q=0.9,en;q=0.4"})
    tab.goto(base_url + "/stories/harbour")
    assert tab.locator("html").get_attribute("lang") == "es"
    assert tab.locator(".filters-box summary").inner_text() == "Filtros"
    assert "14 de diciembre de 2025" in tab.locator(".timeline").inner_text()
    assert tab.locator(".entry-headline").first.get_attribute("lang") == "en"
    if tab.size_name == "phone":  # folded on a phone, as in English
        assert not tab.get_by_label("Desde", exact=True).is_visible()
        tab.locator(".filters-box summary").click()
    tab.get_by_label("Desde", exact=True).fill("diciembre de 2025")
    tab.get_by_role("button", name="Mostrar").click()
    tab.wait_for_url("**from=diciembre**")
    assert tab.locator(".entry").count() >= 1 and no_sideways_scroll(tab)
    tab.screenshot(path=str(ARTIFACTS / f"spanish-{tab.size_name}.png"), full_page=True)


def test_the_history_the_script_writes_is_spanish(tab, base_url):  # noqa: F811
    tab.set_extra_http_headers({"Accept-Language": "es"})
    tab.goto(base_url + "/stories/harbour")
    first = tab.locator(".entry").first
    first.locator("summary").click()
    item = first.locator(".history-list li").first
    item.wait_for()
    assert item.locator(".history-type").inner_text() == "extracción"
    assert item.locator("span[lang=en]").count() == 1  # the log's own summary, marked English


def test_the_switch_changes_the_language_and_it_stays(tab, base_url, live_app):  # noqa: F811
    tab.set_extra_http_headers({"Accept-Language": "en"})
    tab.goto(base_url + "/stories/harbour")
    tab.get_by_role("link", name="Español").click()
    tab.wait_for_url("**ui=es")
    assert tab.locator("html").get_attribute("lang") == "es"
    tab.get_by_role("link", name="Fechas clave").first.click()
    tab.wait_for_url("**/key-dates")
    assert tab.locator("html").get_attribute("lang") == "es"
    assert tab.locator("h1").inner_text().startswith("Fechas clave")
    tab.goto(base_url + entry_path(live_app))
    assert tab.get_by_role("heading", name="Fuentes").is_visible() and no_sideways_scroll(tab)
    tab.get_by_role("link", name="English").click()
    tab.wait_for_url("**ui=en")
    assert tab.get_by_role("heading", name="Sources").is_visible()


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_page_title_clears_the_header_on_every_page(tab, base_url, live_app,  # noqa: F811
                                                        language):
    tab.set_extra_http_headers({"Accept-Language": language})
    for path in PAGES:
        tab.goto(base_url + (entry_path(live_app) if path == "ENTRY" else path))
        gap = tab.evaluate("""() => document.querySelector('main').firstElementChild
            .getBoundingClientRect().top - document.querySelector('.site-header')
            .getBoundingClientRect().bottom""")
        assert gap >= 16, f"{path}: {gap}px"
        assert no_sideways_scroll(tab), path


def test_a_new_article_is_announced_in_spanish(page, base_url, live_app):  # noqa: F811
    page.set_extra_http_headers({"Accept-Language": "es"})
    page.goto(base_url + "/?all=1")
    article = {"text": "El puente del río reabrió el 9 de enero de 2026 tras las inundaciones, "
               "dijo la ingeniera Marta Solís.", "published": "2026-01-10", "lang": "es",
               "url": "https://noticias.example.org/puente", "title": "Reabre el puente"}
    assert live_app.test_client().post("/api/articles", json=article,
                                       headers=AUTH).status_code == 201
    page.locator(".entry.new").first.wait_for(timeout=10_000)
    added = page.locator(".entry.new").count()
    said = "1 evento nuevo" if added == 1 else f"{added} eventos nuevos"
    assert page.locator("#live-status").inner_text() == said
    assert page.locator(".entry.new .entry-headline").first.get_attribute("lang") == "es"


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_first_entry_shows_on_the_first_screen(tab, base_url, language):  # noqa: F811
    tab.set_extra_http_headers({"Accept-Language": language})
    tab.goto(base_url + "/")
    first = tab.locator(".entry .entry-headline").first.bounding_box()
    assert first["y"] + first["height"] <= tab.viewport_size["height"]
