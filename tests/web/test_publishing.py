"""Publishing a story from the viewer (issue 12, item 4): the embed page, the embed snippet,
share previews (Open Graph, Twitter) and the print stylesheet's hooks."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from tests.web.conftest import HOSTILE, ingest


def meta(html: str, name: str) -> str:
    found = re.search(rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)">', html)
    assert found, name
    return unescape(found.group(1))


def test_the_embed_page_has_the_entries_without_the_chrome(client, loaded):
    response = client.get("/embed/stories/harbour")
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "Ferry pier" in html
    for chrome in ('class="site-header"', 'class="filters"', "overview", "<script"):
        assert chrome not in html
    assert '<base target="_blank">' in html
    assert 'href="http://localhost/stories/harbour"' in html


def test_the_embed_page_takes_order_and_range(client, loaded):
    html = client.get("/embed/stories/harbour?all=1&order=newest").get_data(as_text=True)
    years = re.findall(r'class="year-heading"[^>]*>(\d{4})<', html)
    assert years == sorted(years, reverse=True)
    assert "Dock workers" not in client.get(
        "/embed/stories/harbour?all=1&from=December+2025").get_data(as_text=True)


def test_an_unknown_story_embed_is_an_html_404(client, loaded):
    response = client.get("/embed/stories/typo")
    assert response.status_code == 404 and response.mimetype == "text/html"


def test_the_story_page_offers_the_embed_snippet(client, loaded):
    html = client.get("/stories/harbour").get_data(as_text=True)
    snippet = unescape(re.search(r'<textarea id="embed-code"[^>]*>(.*?)</textarea>', html,
                                 re.S).group(1))
    assert snippet.startswith('<iframe src="http://localhost/embed/stories/harbour"')


def test_story_and_entry_pages_have_share_previews(client, loaded):
    story = client.get("/stories/harbour").get_data(as_text=True)
    assert meta(story, "og:url") == "http://localhost/stories/harbour"
    assert meta(story, "og:title") and meta(story, "twitter:card") == "summary"
    entry = loaded["harbour"]["events"][0]
    html = client.get(f"/events/{entry['id']}").get_data(as_text=True)
    assert meta(html, "og:title") == entry["headline"]
    assert meta(html, "og:type") == "article" and meta(html, "og:locale") == "en"
    assert meta(html, "og:url") == f"http://localhost/events/{entry['id']}"


def test_share_previews_escape_article_text(client):
    ingest(client, HOSTILE)
    entry_id = client.get("/api/events?all=1").get_json()["events"][0]["id"]
    html = client.get(f"/events/{entry_id}").get_data(as_text=True)
    heads = re.findall(r"<meta [^>]*>", html)
    assert all("<script" not in h and "<img" not in h for h in heads)
    assert "<script>alert(1)</script>" in meta(html, "og:description")  # as text


def test_the_stylesheet_has_a_print_layout():
    css = (Path(__file__).parents[2] / "timeline/web/static/timeline.css").read_text("utf-8")
    assert "@media print" in css and 'content: " <" attr(href) ">"' in css
