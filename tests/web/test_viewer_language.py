"""The interface language (issue 12, item 6): English or Spanish by ``Accept-Language``
(q-values honoured), a visible switch kept in a cookie, ``<html lang>`` set to it, while each
entry keeps its own language."""

from __future__ import annotations

import re
from datetime import date

import pytest
from flask.testing import FlaskClient
from lxml import html as lxml_html

from tests.web.conftest import TOKEN, ingest
from tests.web.test_editing import csrf_of, sign_in
from timeline.web import catalogue_es
from timeline.web.overview import overview
from timeline.web.templating import DATED_BY

SPANISH_ARTICLE = {
    "text": "El ayuntamiento anunció el 3 de marzo de 2026 que la biblioteca abrirá en junio "
            "de 2026.",
    "published": "2026-03-04", "lang": "es", "url": "https://noticias.example.org/biblioteca",
    "title": "La biblioteca abrirá en junio", "story": "harbour",
}


def html_lang(page: str) -> str:
    return re.search(r'<html lang="([^"]+)"', page).group(1)


@pytest.mark.parametrize(("accept", "expected"), [
    ("es-CL,es;q=0.9,en;q=0.8", "es"),
    ("es-419", "es"),
    ("en-GB,en;q=0.9", "en"),
    ("en;q=0.5, es;q=0.8", "es"),
    ("es;q=0.1, en;q=0.9", "en"),
    ("de, es;q=0.5", "es"),
    ("fr, de", "en"),
    (None, "en"),
])
def test_accept_language_chooses_the_interface(client, loaded, accept, expected) -> None:
    headers = {"Accept-Language": accept} if accept else {}
    response = client.get("/", headers=headers)
    assert html_lang(response.get_data(as_text=True)) == expected
    assert {"Accept-Language", "Cookie"} <= set(response.vary)


def test_the_switch_sets_a_cookie_that_survives_navigation(client, loaded) -> None:
    english = {"Accept-Language": "en"}
    first = client.get("/", headers=english).get_data(as_text=True)
    link = re.search(r'<a href="([^"]+)" hreflang="es" lang="es">Español</a>', first).group(1)
    switched = client.get(link.replace("&amp;", "&"), headers=english)
    assert "ui_lang=es" in switched.headers["Set-Cookie"]
    assert html_lang(switched.get_data(as_text=True)) == "es"
    later = client.get("/stories/harbour", headers=english).get_data(as_text=True)
    assert html_lang(later) == "es" and "Filtros" in later and '>English</a>' in later
    back = client.get("/stories/harbour?ui=en", headers=english)
    assert html_lang(back.get_data(as_text=True)) == "en"
    again = client.get("/", headers={"Accept-Language": "es"})
    assert html_lang(again.get_data(as_text=True)) == "en"  # the cookie wins


def test_the_switch_keeps_the_page_and_its_filters(client, loaded) -> None:
    page = client.get("/?actor=Ana+Ruiz&all=1").get_data(as_text=True)
    link = re.search(r'<a href="([^"]+)" hreflang="es"', page).group(1).replace("&amp;", "&")
    assert link == "/?actor=Ana+Ruiz&all=1&ui=es"


def test_an_unknown_language_is_ignored(client, loaded) -> None:
    response = client.get("/?ui=xx", headers={"Accept-Language": "es"})
    assert "Set-Cookie" not in response.headers
    assert html_lang(response.get_data(as_text=True)) == "es"


def test_spanish_says_dates_as_people_say_them(client, loaded) -> None:
    page = client.get("/?all=1&ui=es").get_data(as_text=True)
    assert '<time datetime="2025-12-14">14 de diciembre de 2025</time>' in page
    assert '<time datetime="2025-03-01">marzo de 2025</time>' in page
    assert ">Diciembre</h3>" in page and "Eventos por" in page
    assert "14 December 2025</time>" not in page


def test_entries_keep_their_own_language(client, loaded) -> None:
    ingest(client, SPANISH_ARTICLE)
    spanish_ui = client.get("/stories/harbour?ui=es").get_data(as_text=True)
    assert re.search(r'lang="en"><a[^>]*>Dock workers walked out', spanish_ui)
    english_ui = client.get("/stories/harbour?ui=en").get_data(as_text=True)
    assert html_lang(english_ui) == "en"
    assert re.search(r'lang="es"><a[^>]*>[^<]*biblioteca', english_ui, re.I)
    assert "La biblioteca abrirá en junio" in english_ui  # never translated


def test_the_api_stays_english_json_whatever_the_language(client, loaded) -> None:
    response = client.get("/api/events/nope", headers={"Accept-Language": "es"})
    assert response.status_code == 404 and response.is_json
    assert "Accept-Language" not in response.vary


def test_the_entry_page_in_spanish_words(client, loaded) -> None:
    entry = loaded["harbour"]["events"][0]["id"]
    page = client.get(f"/events/{entry}?ui=es").get_data(as_text=True)
    how = re.search(r"<dt>Cómo se fechó</dt><dd>([^<]+)</dd>", page).group(1)
    assert how in {catalogue_es.MESSAGES[words] for words in DATED_BY.values()}
    assert re.search(r"<dd>\d,\d\d: se muestra por defecto \(menor por debajo de 0,40\)</dd>",
                     page)
    assert '<span class="history-type">extracción</span>' in page


def test_a_spanish_embed_snippet_embeds_the_spanish_page(client, loaded) -> None:
    page = client.get("/stories/harbour?ui=es").get_data(as_text=True)
    src = re.search(r'&lt;iframe src="([^"]+)"', page).group(1)
    assert src == "http://localhost/embed/stories/harbour?ui=es"
    fresh = client.application.test_client()  # another reader, an English browser
    embed = fresh.get(src.removeprefix("http://localhost"), headers={"Accept-Language": "en"})
    assert html_lang(embed.get_data(as_text=True)) == "es"


def test_a_spanish_error_page(client, loaded) -> None:
    response = client.get("/stories/typo?ui=es")
    page = response.get_data(as_text=True)
    assert response.status_code == 404 and html_lang(page) == "es"
    assert "No encontrado" in page and '<span lang="en">' in page


def test_a_refused_filter_is_explained_in_spanish(client, loaded) -> None:
    page = client.get("/?from=someday&ui=es").get_data(as_text=True)
    assert "<strong>Desde:</strong> no es una fecha que sepamos leer" in page


#: Words of the English interface that no Spanish page should show outside an entry's text.
ENGLISH = ("the", "and", "of", "with", "to", "from", "event", "events", "Filters", "Show",
           "Clear", "History", "Sources", "Subscribe", "Export", "Print", "Embed", "published",
           "minor", "Order", "first", "nearest", "Key dates", "Places", "Salience", "Date",
           "How", "Skip", "All", "Sign", "Editors", "Reason", "corrected", "Days", "Sentences",
           "articles", "publishers", "looking back", "more", "Not found", "Please", "See",
           "every", "People", "Person", "words", "Edit", "Correct", "Retract", "entry",
           "today", "scored", "shown", "day", "month", "year", "decade", "Headline", "Text")
PATTERN = re.compile(r"\b(" + "|".join(re.escape(w) for w in ENGLISH) + r")\b")
NAMES = ("Timeline Archive", "TimelineJS", "iCalendar", "English")


def interface_text(page: str) -> str:
    """The page's visible words and labels, leaving out anything marked as another language
    (entries, quotes, sources) and code."""
    tree = lxml_html.fromstring(page)
    for node in tree.xpath("//head | //script | //code | //*[@lang][not(self::html)]"):
        if node.tag in ("head", "script", "code") or node.get("lang") != "es":
            node.drop_tree()
    parts = [" ".join(tree.itertext())]
    for attr in ("title", "aria-label", "placeholder", "alt"):
        parts += tree.xpath(f"//@{attr}")
    text = " ".join(parts)
    for name in NAMES:
        text = text.replace(name, "")
    return text


@pytest.fixture
def spanish(client, loaded):
    ingest(client, SPANISH_ARTICLE)
    client.get("/?ui=es")
    return client


def spanish_pages(client: FlaskClient, loaded) -> list[str]:
    entry = loaded["harbour"]["events"][0]["id"]
    return ["/", "/?all=1&order=newest&as_of=2030-01-01T00:00", "/stories/harbour",
            "/stories/harbour?from=2025-12&to=2025-12", "/stories/harbour/key-dates",
            "/embed/stories/harbour", "/sign-in", "/stories/typo", "/?from=someday",
            f"/events/{entry}", f"/events/{entry}?as_of=2030-01-01"]


def test_every_page_in_spanish_shows_no_english_interface_words(spanish, loaded) -> None:
    for path in spanish_pages(spanish, loaded):
        page = spanish.get(path).get_data(as_text=True)
        assert html_lang(page) == "es", path
        found = PATTERN.findall(interface_text(page))
        assert not found, f"{path}: {sorted(set(found))}"


def test_the_editing_forms_in_spanish(spanish, loaded) -> None:
    assert sign_in(spanish, TOKEN).status_code == 303
    entry = loaded["harbour"]["events"][0]["id"]
    page = spanish.get(f"/events/{entry}").get_data(as_text=True)
    assert "Editar esta entrada" in page and "Motivo de la corrección" in page
    found = PATTERN.findall(interface_text(page))
    assert not found, sorted(set(found))


def test_a_refused_editing_form_says_why_in_spanish(spanish, loaded) -> None:
    assert sign_in(spanish, TOKEN).status_code == 303
    entry = loaded["harbour"]["events"][0]["id"]
    csrf = csrf_of(spanish.get(f"/events/{entry}").get_data(as_text=True))
    refused = spanish.post(f"/events/{entry}/retract", data={"csrf": csrf, "reason": " "})
    assert refused.status_code == 400
    assert "Diga por qué: el motivo queda en el historial" in refused.get_data(as_text=True)


def test_the_word_list_finds_the_english_interface(client, loaded) -> None:
    """The check above would fail on an untranslated page."""
    page = client.get("/stories/harbour", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert {"Filters", "Show", "History", "events"} <= set(PATTERN.findall(interface_text(page)))


@pytest.mark.parametrize(("spans", "window", "grain", "label"), [
    ([(date(2025, 11, 3), date(2025, 11, 3))], (None, None), "month", "noviembre de 2025"),
    ([(date(1880, 1, 1), date(2025, 1, 1))], (None, None), "decade", "los años cuarenta"),
    ([(date(2025, 12, 14), date(2025, 12, 14))], (date(2025, 12, 1), date(2025, 12, 31)), "day",
     "14 de diciembre de 2025"),
])
def test_the_strip_labels_its_bars_in_spanish(spans, window, grain, label) -> None:
    strip = overview(spans, window, lang="es")
    assert strip.grain == grain and label in [b.label for b in strip.buckets]
