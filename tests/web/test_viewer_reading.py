"""Reading a story in the viewer (issue 12, item 3): order, dates as typed, readable sources,
``lang`` on every entry, and the "as of" banner."""

from __future__ import annotations

import re

import pytest
from flask.testing import FlaskClient

from tests.web.conftest import AUTH, ingest

SPANISH = {
    "text": "El ayuntamiento aprobó el 16 de noviembre de 2025 el nuevo plan de vivienda.",
    "published": "2025-11-17", "lang": "es", "url": "https://www.elpais.example/vivienda",
    "title": "Plan de vivienda", "story": "harbour",
}


def page(client: FlaskClient, path: str, status: int = 200) -> str:
    response = client.get(path)
    assert response.status_code == status, response.data[:300]
    return response.get_data(as_text=True)


def years_shown(html: str) -> list[str]:
    return re.findall(r'class="year-heading"[^>]*>(\d{4})<', html)


def test_newest_first_reverses_the_timeline(client, loaded):
    oldest, newest = page(client, "/?all=1"), page(client, "/?all=1&order=newest")
    assert years_shown(newest) == sorted(years_shown(oldest), reverse=True)
    assert "<strong aria-current=\"true\">newest first</strong>" in newest
    assert 'href="/?all=1"' in newest  # the way back keeps the other filters


def test_newest_first_pages_backwards(client, loaded, monkeypatch):
    monkeypatch.setattr("timeline.web.viewer.PAGE_SIZE", 2)
    html = page(client, "/?all=1&order=newest")
    assert "Earlier events" in html and "skip=2" in html
    assert page(client, "/?all=1&order=newest&skip=2").count('class="entry ') == 2


@pytest.mark.parametrize("order", ["sideways", "NEWEST"])
def test_an_unknown_order_is_refused_beside_the_form(client, loaded, order):
    html = page(client, f"/?order={order}", 400)
    assert 'role="alert"' in html and "oldest or newest" in html


@pytest.mark.parametrize(("typed", "present", "absent"), [
    ("from=November+2025&to=December+2025", "Ferry pier", "Dock workers"),
    ("from=noviembre+2025&to=diciembre+de+2025", "Ferry pier", "rebuilt"),
    ("from=1970s&to=1980s", "rebuilt", "Ferry pier"),
    ("from=14/12/2025&to=14/12/2025", "Ferry pier", "reading room"),
])
def test_dates_as_people_type_them(client, loaded, typed, present, absent):
    html = page(client, f"/?all=1&{typed}")
    assert present in html and absent not in html


def test_a_date_we_cannot_read_is_explained_not_a_5xx(client, loaded):
    html = page(client, "/?from=Smarch+2025", 400)
    assert 'role="alert"' in html and "Smarch 2025" in html and "noviembre 2025" in html
    assert 'aria-invalid="true"' in html and 'value="Smarch 2025"' in html


def test_sources_read_as_site_and_title(client, loaded):
    ingest(client, SPANISH)
    html = page(client, "/stories/harbour?all=1")
    assert "news.example.org: Ferry pier to open in December" in html
    assert "elpais.example: Plan de vivienda" in html
    entry_id = client.get("/api/events?story=harbour&q=vivienda").get_json()["events"][0]["id"]
    assert "elpais.example: Plan de vivienda" in page(client, f"/events/{entry_id}")


def test_every_entry_carries_its_language(client, loaded):
    ingest(client, SPANISH)
    html = page(client, "/stories/harbour?all=1")
    headlines = re.findall(r'<h4 class="entry-headline"[^>]*>', html)
    assert headlines and all('lang="' in h for h in headlines)
    assert any('lang="es"' in h for h in headlines) and any('lang="en"' in h for h in headlines)


def test_as_of_says_so_and_links_back_to_now(client, loaded):
    entry = loaded["harbour"]["events"][0]
    client.post(f"/api/events/{entry['id']}/retraction", json={"reason": "wrong"}, headers=AUTH)
    html = page(client, "/stories/harbour?as_of=2025-11-16T10:30")
    assert "You are viewing this story as it stood on 16 November 2025, 10:30 UTC." in html
    assert 'href="/stories/harbour">See it as it is now</a>' in html
    assert 'value="2025-11-16T10:30"' in html
    assert "You are viewing" not in page(client, "/stories/harbour")


def test_as_of_to_the_minute_steps_back_from_a_correction(client, loaded):
    entry = loaded["harbour"]["events"][0]
    client.post(f"/api/events/{entry['id']}/retraction", json={"reason": "wrong"}, headers=AUTH)
    before = entry["created_at"]
    html = page(client, f"/events/{entry['id']}?as_of={before}")
    assert "You are viewing this entry as it stood on" in html
    assert f'href="/events/{entry["id"]}">See it as it is now</a>' in html
    assert f'id="entry-{entry["id"]}"' in page(client, f"/?all=1&as_of={before}")


def test_a_link_goes_to_the_entry_nearest_today_or_a_date(client, loaded):
    html = page(client, "/?all=1&at=16/12/2025")
    link = re.search(r'class="jump-nearest" href="#entry-([^"]+)" data-open="1"', html)
    pier = next(e for e in loaded["harbour"]["events"] if e["date"] == "2025-12-14")
    assert link and link.group(1) == pier["id"]
    assert "Go to the entry nearest today" in page(client, "/")
    assert 'role="alert"' in page(client, "/?at=someday", 400)


def test_the_actor_filter_suggests_the_names_on_the_timeline(client, loaded):
    html = page(client, "/?all=1")
    hints = re.search(r'<datalist id="actor-hints">(.*?)</datalist>', html).group(1)
    assert '<option value="Ana Ruiz">' in hints
    assert 'list="actor-hints"' in html
