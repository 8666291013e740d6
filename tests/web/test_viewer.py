"""The server-rendered viewer: pages, filters, history, and escaping of article text."""

from __future__ import annotations

import re

import pytest
from flask.testing import FlaskClient

from tests.web.conftest import AUTH, HOSTILE, ingest


def page(client: FlaskClient, path: str, status: int = 200) -> str:
    response = client.get(path)
    assert response.status_code == status, response.data[:300]
    return response.get_data(as_text=True)


def test_the_index_groups_entries_by_year_and_month(client: FlaskClient, loaded) -> None:
    html = page(client, "/")
    years = re.findall(r'class="year-heading"[^>]*>(\d{4})<', html)
    assert years == sorted(years) and {"1952", "2025", "2026"} <= set(years)
    assert "December" in html and "Ferry pier" in html


def test_fuzzy_dates_read_as_people_say_them(client: FlaskClient, loaded) -> None:
    html = page(client, "/?all=1")
    assert "1978–1982" in html and "14 December 2025" in html and "March 2025" in html


def test_a_story_page_shows_only_its_entries_and_feeds(client: FlaskClient, loaded) -> None:
    html = page(client, "/stories/harbour")
    assert "Ferry pier" in html and "reading room" not in html
    assert "webcal://localhost/feeds/harbour.ics" in html
    assert "/feeds/harbour.timelinejs.json" in html


@pytest.mark.parametrize(("query", "present", "absent"), [
    ("?from=1970&to=1990", "rebuilt", "Ferry pier"),
    ("?actor=Ana+Ruiz", "strike ended", "rebuilt"),
    ("?q=reading+room", "reading room", "Dock workers"),
    ("?story=harbour", "Dock workers", "rebuilt"),
])
def test_filters(client: FlaskClient, loaded, query: str, present: str, absent: str) -> None:
    html = page(client, "/" + query + "&all=1")
    assert present in html and absent not in html


def test_an_invalid_filter_is_explained_beside_the_form(client: FlaskClient, loaded) -> None:
    html = page(client, "/?from=someday", 400)
    assert 'role="alert"' in html and "someday" in html


def test_as_of_shows_the_archive_before_a_retraction(client: FlaskClient, loaded) -> None:
    entry = loaded["library"]["events"][0]
    client.post(f"/api/events/{entry['id']}/retraction", json={"reason": "wrong"}, headers=AUTH)
    marker = f'id="entry-{entry["id"]}"'
    assert marker not in page(client, "/")
    assert marker in page(client, f"/?as_of={entry['created_at']}")


def test_the_event_page_shows_its_history(client: FlaskClient, loaded) -> None:
    entry_id = loaded["library"]["events"][0]["id"]
    client.post(f"/api/events/{entry_id}/corrections", headers=AUTH,
                json={"headline": "The library opened", "reason": "shorter"})
    html = page(client, f"/events/{entry_id}")
    assert "The library opened" in html and "correction" in html and "shorter" in html


def test_the_overview_strip_links_each_bucket_to_a_range(client: FlaskClient, loaded) -> None:
    html = page(client, "/")
    assert 'class="overview-chart"' in html
    assert re.search(r'data-from="1952" data-to="1952"', html)


def test_the_fragment_is_only_the_live_part(client: FlaskClient, loaded) -> None:
    html = page(client, "/?fragment=1")
    assert "<html" not in html and 'class="entries"' in html


def test_unknown_story_and_event_pages_are_404(client: FlaskClient, loaded) -> None:
    assert client.get("/stories/nope").status_code == 404
    assert client.get("/events/nope").status_code == 404


def test_article_markup_and_quotes_show_as_text(client: FlaskClient) -> None:
    ingest(client, HOSTILE)
    entry_id = client.get("/api/events").get_json()["events"][0]["id"]
    for html in (page(client, "/?all=1"), page(client, f"/events/{entry_id}")):
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "&#39;&#34;&gt;&lt;img src=x onerror=alert(2)&gt;" in html
        assert not re.search(r"<[^>]*\sonerror=", html)
        assert html.count("<script") == 1  # our own script tag only


def test_unsafe_source_links_are_not_linked(client: FlaskClient) -> None:
    ingest(client, HOSTILE | {"url": "javascript:alert(1)", "title": "Bad link"})
    html = page(client, "/")
    assert 'href="javascript:' not in html and "Bad link" in html
