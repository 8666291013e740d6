"""Feeds link back to the viewer and name their schema; the schema is served (issue 12, item 4).
Links use TIMELINE_BASE_URL, else http://localhost (never the request's Host)."""

from __future__ import annotations

import csv
import io
import json

import jsonschema
from icalendar import Calendar

BASE = "http://localhost"


def test_the_json_schema_is_served_and_validates_the_json_feed(client, loaded):
    served = client.get("/schema/timeline.json")
    assert served.status_code == 200
    assert served.headers["Content-Type"] == "application/schema+json"
    document = client.get("/feeds/harbour.json").get_json()
    assert document["schema_url"] == f"{BASE}/schema/timeline.json"
    jsonschema.Draft202012Validator(json.loads(served.data)).validate(document)


def test_every_json_entry_links_to_its_page_and_names_its_source(client, loaded):
    entries = client.get("/feeds/harbour.json").get_json()["entries"]
    for entry in entries:
        assert entry["link"] == f"{BASE}/events/{entry['id']}"
        assert client.get(entry["link"].removeprefix(BASE)).status_code == 200
        assert entry["sources"][0]["name"] == "news.example.org: Ferry pier to open in December"


def test_ical_and_timelinejs_link_back(client, loaded):
    ids = [e["id"] for e in loaded["harbour"]["events"]]
    calendar = Calendar.from_ical(client.get("/feeds/harbour.ics").data)
    urls = {str(e["URL"]) for e in calendar.walk("VEVENT")}
    assert urls == {f"{BASE}/events/{i}" for i in ids}
    slides = client.get("/feeds/harbour.timelinejs.json").get_json()["events"]
    assert all(f'href="{BASE}/events/{s["unique_id"]}"' in s["text"]["text"] for s in slides)


def test_the_csv_feed_has_a_bom_and_links(client, loaded):
    data = client.get("/feeds/harbour.csv").data
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert {r["Link"] for r in rows} == {f"{BASE}/events/{r['ID']}" for r in rows}
    assert {r["Source URL"] for r in rows} == {"https://news.example.org/harbour-pier"}
