"""Every API route, through the test client."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.web.conftest import AUTH, HARBOUR, LIBRARY, ingest


def test_ingesting_an_article_answers_201_with_its_events(client: FlaskClient) -> None:
    response = client.post("/api/articles", json=HARBOUR, headers=AUTH)
    assert response.status_code == 201
    body = response.get_json()
    assert body["created"] is True and body["revision"] == 1
    assert {"2025-12-14", "2025-03"} <= {e["date"] for e in body["events"]}
    assert all(e["stories"] == ["harbour"] for e in body["events"])


def test_the_same_content_again_answers_200_with_the_same_events(client: FlaskClient) -> None:
    first = ingest(client, HARBOUR)
    response = client.post("/api/articles", json=HARBOUR, headers=AUTH)
    assert response.status_code == 200
    assert response.get_json()["created"] is False
    assert [e["id"] for e in response.get_json()["events"]] == [e["id"] for e in first["events"]]


def test_html_articles_are_ingested_too(client: FlaskClient) -> None:
    html = ("<html><body><article><h1>Pier</h1><p>" + HARBOUR["text"] + "</p>"
            "</article></body></html>")
    body = {"html": html, "published": "2025-11-17", "lang": "en"}
    response = client.post("/api/articles", json=body, headers=AUTH)
    assert response.status_code == 201
    assert "2025-12-14" in {e["date"] for e in response.get_json()["events"]}


def test_events_are_chronological_and_dates_are_iso(client: FlaskClient, loaded) -> None:
    events = client.get("/api/events").get_json()["events"]
    starts = [e["start"] for e in events]
    assert starts == sorted(starts) and starts[0].startswith("1952")
    assert all(len(e["start"]) == 10 and e["created_at"].endswith("Z") for e in events)


def test_events_page_with_a_cursor_until_the_end(client: FlaskClient, loaded) -> None:
    everything = [e["id"] for e in client.get("/api/events?limit=500").get_json()["events"]]
    seen, url = [], "/api/events?limit=3"
    while url:
        page = client.get(url).get_json()
        seen += [e["id"] for e in page["events"]]
        url = page["next"]
    assert seen == everything and len(seen) > 3


def test_events_filter_by_story_actor_range_and_text(client: FlaskClient, loaded) -> None:
    def dates(query: str) -> set[str]:  # all=1: whatever salience the extractor gave them
        answer = client.get(f"/api/events?{query}&all=1").get_json()
        return {e["date"] for e in answer["events"]}

    assert dates("story=harbour") == {e["date"] for e in loaded["harbour"]["events"]}
    assert dates("from=1970&to=1990") == {"1978/1982"}
    assert "2025-04-22/2025-04-30" in dates("actor=Ana%20Ruiz")
    assert dates("q=reading%20room") <= {"2026-02-03", "2026-06"}
    assert dates("q=reading%20room")


def test_one_event_with_its_history(client: FlaskClient, loaded) -> None:
    entry_id = loaded["library"]["events"][0]["id"]
    body = client.get(f"/api/events/{entry_id}").get_json()
    assert body["id"] == entry_id
    assert body["history"][0]["type"] == "extraction"
    assert body["sources"][0]["url"] == LIBRARY["url"]


def test_a_correction_is_recorded_and_returned(client: FlaskClient, loaded) -> None:
    entry_id = loaded["library"]["events"][0]["id"]
    response = client.post(f"/api/events/{entry_id}/corrections", headers=AUTH,
                           json={"date": "1953", "reason": "The archive says 1953"})
    assert response.status_code == 201
    body = response.get_json()
    assert (body["date"], body["revision"]) == ("1953", 1)
    assert body["history"][-1]["reason"] == "The archive says 1953"


def test_a_retraction_once_then_409(client: FlaskClient, loaded) -> None:
    entry_id = loaded["library"]["events"][0]["id"]
    url = f"/api/events/{entry_id}/retraction"
    first = client.post(url, json={"reason": "not in the article"}, headers=AUTH)
    assert first.status_code == 201 and first.get_json()["status"] == "retracted"
    assert client.post(url, json={"reason": "again"}, headers=AUTH).status_code == 409
    listed = [e["id"] for e in client.get("/api/events").get_json()["events"]]
    assert entry_id not in listed


def test_stories_are_created_listed_and_not_created_twice(client: FlaskClient) -> None:
    story = {"slug": "city-library", "title": "City library", "description": "Its history"}
    response = client.post("/api/stories", json=story, headers=AUTH)
    assert response.status_code == 201 and response.get_json()["entry_count"] == 0
    assert client.post("/api/stories", json=story, headers=AUTH).status_code == 409
    listed = client.get("/api/stories").get_json()["stories"]
    assert [s["slug"] for s in listed] == ["city-library"]


def test_entries_are_added_to_a_story_once(client: FlaskClient, loaded) -> None:
    client.post("/api/stories", json={"slug": "lib", "title": "Library"}, headers=AUTH)
    ids = [e["id"] for e in loaded["library"]["events"]]
    first = client.post("/api/stories/lib/events", json={"event_ids": ids}, headers=AUTH)
    again = client.post("/api/stories/lib/events", json={"event_ids": ids}, headers=AUTH)
    assert (first.get_json()["added"], again.get_json()["added"]) == (len(ids), 0)
    assert first.get_json()["story"]["entry_count"] == len(ids)


def test_adding_to_a_missing_story_or_entry_is_404(client: FlaskClient, loaded) -> None:
    ids = [loaded["library"]["events"][0]["id"]]
    assert client.post("/api/stories/nope/events", json={"event_ids": ids},
                       headers=AUTH).status_code == 404
    assert client.post("/api/stories/harbour/events", json={"event_ids": ["missing"]},
                       headers=AUTH).status_code == 404


def test_the_log_is_read_by_position(client: FlaskClient, loaded) -> None:
    first = client.get("/api/log?limit=2").get_json()
    assert [e["position"] for e in first["events"]] == [1, 2]
    rest = client.get(f"/api/log?after={first['next_after']}&limit=1000").get_json()
    assert rest["events"][0]["position"] == 3
    assert rest["next_after"] == rest["head"] == rest["events"][-1]["position"]
    assert rest["events"][0]["recorded_at"].endswith("Z")


def test_healthz_reports_the_head(client: FlaskClient, loaded) -> None:
    body = client.get("/healthz").get_json()
    assert body["status"] == "ok"
    assert body["head"] == client.get("/api/log?limit=1").get_json()["head"]


def test_as_of_answers_as_the_archive_stood(client: FlaskClient, loaded) -> None:
    log = client.get("/api/log?limit=3").get_json()["events"]
    before = next(e for e in log if e["type"] == "ArticleIngested")["recorded_at"]
    old = client.get(f"/api/events?as_of={before}").get_json()["events"]
    assert {e["id"] for e in old} == {e["id"] for e in loaded["harbour"]["events"]}
    entry_id = loaded["library"]["events"][0]["id"]
    assert client.get(f"/api/events/{entry_id}?as_of={before}").status_code == 404
