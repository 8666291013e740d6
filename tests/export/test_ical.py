"""iCalendar export: RFC 5545/7986 shape, date policy, stability, and injection-proof text."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar

from timeline.export.ical import PRODID, to_ical

NASTY_TEXT = st.text(st.characters(codec="utf-8"), max_size=300)


def _events(data: bytes) -> dict[str, object]:
    calendar = Calendar.from_ical(data)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def _expected(text: str) -> str:
    """What iCalendar TEXT can carry: LF line breaks, no other C0 controls or DEL, no BOM."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    return "".join(ch for ch in text if ch in "\t\n" or not (ord(ch) < 32 or ord(ch) == 127))


def test_one_vevent_per_entry_with_stable_uids(entries, meta):
    data = to_ical(entries, meta)
    assert list(_events(data)) == [f"{e.entry_id}@timeline-archive" for e in entries]
    assert re.findall(rb"^BEGIN:VEVENT\r$", data, flags=re.M) == [b"BEGIN:VEVENT\r"] * 16


@pytest.mark.parametrize(("entry_id", "start", "end", "suffix"), [
    ("ev-0001", date(2025, 12, 14), date(2025, 12, 15), ""),
    ("ev-0002", date(2025, 11, 1), date(2025, 11, 2), " [November 2025]"),
    ("ev-0006", date(1940, 1, 1), date(1940, 1, 2), " [los años cuarenta]"),
    ("ev-0009", date(1978, 1, 1), date(1978, 1, 2), " [1978–1982]"),
    ("ev-0010", date(2025, 11, 3), date(2025, 11, 8), ""),
    ("ev-0011", date(2025, 11, 16), date(2025, 11, 17), ""),
])
def test_date_policy(entries, meta, entry_id, start, end, suffix):
    event = _events(to_ical(entries, meta))[f"{entry_id}@timeline-archive"]
    headline = next(e.headline for e in entries if e.entry_id == entry_id)
    assert (event.start, event.end) == (start, end)
    assert event["DTSTART"].params["VALUE"] == "DATE"
    assert str(event["SUMMARY"]) == headline + suffix


@pytest.mark.parametrize(("entry_id", "status", "sequence"), [
    ("ev-0001", "CONFIRMED", 0),
    ("ev-0012", "CANCELLED", 1),  # retracted: a cancellation bumps SEQUENCE (RFC 5546)
    ("ev-0013", "CONFIRMED", 2),  # corrected twice
    ("ev-0014", "CANCELLED", 1),  # superseded
])
def test_status_and_sequence(entries, meta, entry_id, status, sequence):
    event = _events(to_ical(entries, meta))[f"{entry_id}@timeline-archive"]
    assert (str(event["STATUS"]), event["SEQUENCE"]) == (status, sequence)


def test_timestamps_come_from_the_log(entries, meta):
    events = _events(to_ical(entries, meta))
    for entry in entries:
        event = events[f"{entry.entry_id}@timeline-archive"]
        assert event["DTSTAMP"].dt == entry.updated_at == event["LAST-MODIFIED"].dt
        assert event["CREATED"].dt == entry.created_at


def test_calendar_properties(entries, meta):
    data = to_ical(entries, meta)
    calendar = Calendar.from_ical(data)
    assert (str(calendar["VERSION"]), str(calendar["PRODID"])) == ("2.0", PRODID)
    assert str(calendar["METHOD"]) == "PUBLISH" and str(calendar["CALSCALE"]) == "GREGORIAN"
    assert str(calendar["NAME"]) == str(calendar["X-WR-CALNAME"]) == meta.title
    assert str(calendar["X-WR-CALDESC"]) == meta.description
    assert b"\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n" in data
    assert b"\r\nX-PUBLISHED-TTL;VALUE=DURATION:PT1H\r\n" in data


def test_lines_are_crlf_folded_at_75_octets_and_valid_utf8(entries, meta):
    data = to_ical(entries, meta)
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    lines = data.split(b"\r\n")[:-1]
    assert max(len(line) for line in lines) <= 75
    for line in lines:
        line.decode("utf-8")  # raises if a fold split a character
    assert any("🌉".encode() in line for line in lines)


def test_hostile_text_round_trips_without_injection(entries, meta):
    event = _events(to_ical(entries, meta))["ev-0015@timeline-archive"]
    entry = entries[14]
    assert str(event["SUMMARY"]) == _expected(entry.headline)
    assert _expected(entry.quote) in str(event["DESCRIPTION"])
    assert str(event["URL"]) == "https://timeline.example.org/events/ev-0015"  # not javascript:
    assert "javascript:" not in str(event["DESCRIPTION"])


def test_description_names_date_quote_and_sources(entries, meta):
    event = _events(to_ical(entries, meta))["ev-0016@timeline-archive"]
    text = str(event["DESCRIPTION"])
    assert text.startswith("4 de julio de 2025\n\n")
    assert "EDTF" not in text and "art-16" not in text
    source = "— noticias.example.org: Artículo 16 (2025-12-15)\nhttps://noticias.example.org/16"
    assert source in text
    assert text.endswith("\n\nOn the timeline: https://timeline.example.org/events/ev-0016")
    assert str(event["URL"]) == "https://timeline.example.org/events/ev-0016"


def test_without_a_base_url_the_link_is_the_first_source(entries, meta):
    event = _events(to_ical(entries, replace(meta, url="")))["ev-0016@timeline-archive"]
    assert str(event["URL"]) == "https://noticias.example.org/16"
    assert "On the timeline" not in str(event["DESCRIPTION"])
    assert [str(c) for c in event["CATEGORIES"].cats] == ["vivienda"]


@pytest.mark.parametrize(("entry_id", "location", "kind", "salience"), [
    ("ev-0001", "Madrid, España", "vote", "0.90"),
    ("ev-0002", "Geneva", "statement", "0.35"),
    ("ev-0003", None, None, None),  # not scored, no places
])
def test_places_are_the_location_and_kind_and_salience_are_kept(entries, meta, entry_id,
                                                               location, kind, salience):
    event = _events(to_ical(entries, meta))[f"{entry_id}@timeline-archive"]
    assert (event.get("LOCATION"), event.get("X-TIMELINE-KIND")) == (location, kind)
    got = event.get("X-TIMELINE-SALIENCE")
    assert (got if got is None else str(got)) == salience


def test_hostile_places_and_kind_inject_nothing(entries, meta):
    data = to_ical(entries, meta)
    event = _events(data)["ev-0015@timeline-archive"]
    assert str(event["LOCATION"]) == "Plaza; <b>Mayor</b>\nLOCATION:inyectada"
    assert "X-EVIL" not in event and str(event["X-TIMELINE-KIND"]).startswith("action")
    assert b"\r\nLOCATION:inyectada" not in data and b"\r\nX-EVIL" not in data


def test_output_is_deterministic(entries, meta):
    assert to_ical(entries, meta) == to_ical(list(entries), meta)


@given(headline=NASTY_TEXT, quote=NASTY_TEXT)
def test_any_text_round_trips(make_entry, meta, headline, quote):
    entry = make_entry(headline=headline, quote=quote)
    data = to_ical([entry, make_entry(entry_id="ev-next")], meta)
    events = Calendar.from_ical(data).walk("VEVENT")
    assert [str(e["UID"]).split("@")[0] for e in events] == ["ev-0099", "ev-next"]
    assert str(events[0]["SUMMARY"]) == _expected(headline)
    assert f"\n\n{_expected(quote)}\n\n— " in str(events[0]["DESCRIPTION"])
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
