"""The digest exports, from a digest we build ourselves: parsed back, stable, and article text
can inject nothing (no iCal properties, no HTML)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from icalendar import Calendar

from timeline.digest.model import DayScore, Digest, DigestDay, Source
from timeline.export.digest import to_digest_ical, to_digest_json, to_digest_timelinejs
from timeline.export.meta import TimelineMeta

HOSTILE = 'Bridge fell <script>alert(1)</script>\r\nBEGIN:VEVENT\r\nSUMMARY:forged'
META = TimelineMeta(title="Bridge <b>", slug="bridge", description="A & B", url="",
                    generated_at=datetime(2024, 7, 1, tzinfo=UTC), last_position=42)


def day(when: date, sentence: str = "The bridge collapsed.") -> DigestDay:
    why = DayScore(when, 3.0, 2, 1, 0, 2, 4, 0.0)
    source = Source("art-1", "javascript:alert(1)", 0, len(sentence))
    return DigestDay(when, 3.0, (sentence,), (source,), ("e1", "e2"), why, 0.0)


DIGEST = Digest("bridge", (day(date(2024, 3, 3), HOSTILE), day(date(2024, 6, 14))), 2, 1)


def test_the_calendar_has_one_event_per_day_and_no_forged_component() -> None:
    events = Calendar.from_ical(to_digest_ical(DIGEST, META)).walk("VEVENT")
    assert [e["DTSTART"].dt for e in events] == [date(2024, 3, 3), date(2024, 6, 14)]
    assert {str(e["UID"]) for e in events} == {"bridge-2024-03-03@timeline-archive",
                                               "bridge-2024-06-14@timeline-archive"}
    assert "forged" not in {str(e.get("SUMMARY")) for e in events}


def test_the_same_digest_gives_the_same_bytes() -> None:
    assert to_digest_ical(DIGEST, META) == to_digest_ical(DIGEST, META)


def test_timelinejs_escapes_article_text_and_drops_unsafe_links() -> None:
    body = to_digest_timelinejs(DIGEST, META)
    assert "<script>" not in body and "javascript:" not in body and "Bridge &lt;b&gt;" in body
    assert len(json.loads(body)["events"]) == 2


def test_the_json_document_keeps_quotes_and_offsets() -> None:
    doc = json.loads(to_digest_json(DIGEST, META))
    assert doc["story"] == "bridge" and doc["dates"][0]["summary"] == [HOSTILE]
    assert doc["dates"][0]["sources"][0]["quote_end"] == len(HOSTILE)
