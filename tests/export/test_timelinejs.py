"""TimelineJS3 export: slides, dates at the right grain, escaping, omitted retractions."""

from __future__ import annotations

import json
from dataclasses import replace
from html import unescape

import pytest

from timeline.export.timelinejs import to_timelinejs, to_timelinejs_json


def _slides(entries, meta) -> dict[str, dict]:
    return {event["unique_id"]: event for event in to_timelinejs(entries, meta)["events"]}


def test_only_active_entries_become_slides(entries, meta):
    slides = _slides(entries, meta)
    active = {e.entry_id for e in entries if e.status == "active"}
    assert set(slides) == active
    assert "ev-0012" not in slides and "ev-0014" not in slides


#: Display dates are in the story's language: most fixture entries are Spanish.
@pytest.mark.parametrize(("entry_id", "start", "end", "display"), [
    ("ev-0001", {"year": 2025, "month": 12, "day": 14}, None, None),
    ("ev-0002", {"year": 2025, "month": 11}, None, "noviembre de 2025"),
    ("ev-0003", {"year": 2025, "month": 3}, {"year": 2025, "month": 5}, "primavera de 2025"),
    ("ev-0004", {"year": 2024, "month": 4}, {"year": 2024, "month": 6},
     "segundo trimestre de 2024"),
    ("ev-0005", {"year": 2023}, None, "2023"),
    ("ev-0006", {"year": 1940}, {"year": 1949}, "los años cuarenta"),
    ("ev-0007", {"year": 1947}, {"year": 1949}, "finales de los años cuarenta"),
    ("ev-0008", {"year": 1900}, {"year": 1999}, "siglo XX"),
    ("ev-0009", {"year": 1978}, {"year": 1982}, "1978–1982"),
    ("ev-0010", {"year": 2025, "month": 11, "day": 3}, {"year": 2025, "month": 11, "day": 7},
     "3–7 de noviembre de 2025"),
    ("ev-0011", {"year": 2025, "month": 11, "day": 16}, None,
     "alrededor del 16 de noviembre de 2025"),
])
def test_dates_follow_precision(entries, meta, entry_id, start, end, display):
    event = _slides(entries, meta)[entry_id]
    assert event["start_date"] == start
    assert event.get("end_date") == end
    assert event.get("display_date") == display


def test_article_text_is_html_escaped(entries, meta):
    event = _slides(entries, meta)["ev-0015"]
    for html in (event["text"]["headline"], event["text"]["text"]):
        assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in event["text"]["text"]
    assert unescape(event["text"]["headline"]).startswith('=HYPERLINK("https://malo.example"')


def test_unsafe_source_url_is_not_linked(entries, meta):
    text = _slides(entries, meta)["ev-0015"]["text"]["text"]
    assert "javascript:" not in text
    assert text.count("href") == 1  # only the link back to the entry's page


def test_safe_sources_are_linked(entries, meta):
    text = _slides(entries, meta)["ev-0016"]["text"]["text"]
    assert text.count("<a href=") == 2  # the second source has no url; the entry's page
    assert 'href="https://noticias.example.org/16"' in text and "Artículo 17" in text
    assert ">noticias.example.org: Artículo 16 (2025-12-15)</a>" in text


def test_every_slide_links_back_to_its_entry(entries, meta):
    for entry_id, event in _slides(entries, meta).items():
        link = f'href="https://timeline.example.org/events/{entry_id}"'
        assert link in event["text"]["text"]


def test_group_is_story_then_actor(entries, meta):
    slides = _slides(entries, meta)
    assert slides["ev-0001"]["group"] == "vivienda"
    assert slides["ev-0007"]["group"] == "Mill &amp; Co."
    assert slides["ev-0004"]["group"] == "Ayuntamiento"


def test_no_group_without_story_or_actor(make_entry, meta):
    event = to_timelinejs([make_entry(stories=(), actors=())], meta)["events"][0]
    assert "group" not in event


def test_title_slide_and_json_text(entries, meta):
    doc = json.loads(to_timelinejs_json(entries, meta))
    assert doc["title"]["text"]["headline"] == "Archivo — todas las historias"
    text = doc["title"]["text"]["text"]
    assert unescape(text).startswith(f"<p>{meta.description}</p>")
    assert 'href="https://timeline.example.org/"' in text
    assert doc == to_timelinejs(entries, meta)


def test_display_dates_are_in_the_story_language(entries, meta):
    slides = _slides(entries, meta)  # most fixture entries are Spanish
    assert slides["ev-0002"]["display_date"] == "noviembre de 2025"
    english = [replace(e, lang="en") for e in entries[:4]] + [entries[4]]
    assert to_timelinejs(english, meta)["events"][2]["display_date"] == "spring 2025"


def test_title_slide_of_a_story_without_description(entries, meta):
    story = replace(meta, slug="vivienda", title="Vivienda <2025>", description="")
    title = to_timelinejs(entries[:3], story)["title"]["text"]
    assert title["headline"] == "Vivienda &lt;2025&gt;"
    assert title["text"].startswith("<p>3 events.</p>")
    assert 'href="https://timeline.example.org/stories/vivienda"' in title["text"]
