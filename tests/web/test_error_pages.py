"""The viewer's errors are HTML pages; the API, the feeds and unknown paths keep the JSON shape
(issue 12, item 5)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("path", "status", "says"), [
    ("/stories/typo", 404, "No story &#39;typo&#39;"),
    ("/stories/typo/key-dates", 404, "No story"),
    ("/events/no-such-entry", 404, "No entry"),
    ("/events/x?as_of=yesterday", 400, "As of: not a date"),
])
def test_viewer_errors_are_html_pages(client, loaded, path, status, says):
    response = client.get(path)
    assert response.status_code == status and response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    assert says in html and 'href="/"' in html and f"Error {status}" in html
    assert '<html lang="en">' in html


@pytest.mark.parametrize("path", ["/api/events/nope", "/feeds/typo.ics", "/nowhere",
                                  "/api/stories/typo/digest"])
def test_api_and_feed_errors_stay_json(client, loaded, path):
    response = client.get(path)
    assert response.status_code == 404 and response.mimetype == "application/json"
    assert response.get_json()["error"]["status"] == 404


def test_article_text_in_an_error_page_is_escaped(client, loaded):
    html = client.get("/events/%3Cscript%3Ealert(1)").get_data(as_text=True)
    assert "<script>alert" not in html and "&lt;script&gt;" in html
