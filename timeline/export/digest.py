"""Exports of a story's digest (its key days): JSON, TimelineJS and iCal. Pure: a ``Digest``
and the feed header in, text or bytes out.

- JSON: the digest document (``{"story", "title", "generated_at", "dates": [...]}``), each day
  with its score, summary sentences, their sources (article, url, offsets) and entries.
- TimelineJS: one slide per key day, the summary as its text (HTML-escaped) with source links
  for absolute http(s) URLs only.
- iCal: one all-day VEVENT per key day; ``UID`` is ``<story>-<day>@timeline-archive`` (a day
  stays the same event while it stays key), ``DTSTAMP`` the log's time, never the clock. A
  day that leaves the digest leaves the feed (clients drop it on refresh).
"""

from __future__ import annotations

import json
from datetime import timedelta
from html import escape
from typing import Any

from icalendar import Calendar, Event, vDuration

from timeline.digest.model import Digest, DigestDay
from timeline.export.ical import PRODID, UID_DOMAIN, ical_text
from timeline.export.links import safe_url
from timeline.export.meta import TimelineMeta


def day_document(day: DigestDay) -> dict[str, Any]:
    """One key day as the JSON document and the API give it."""
    why = day.why
    return {
        "date": day.date.isoformat(), "score": day.score, "summary": list(day.summary),
        "sources": [{"article_id": s.article_id, "url": s.url, "quote_start": s.quote_start,
                     "quote_end": s.quote_end} for s in day.sources],
        "entries": list(day.entries),
        "why": {"articles": why.articles, "later": why.later, "earlier": why.earlier,
                "publishers": why.hosts, "entries": why.entries,
                "period_support": why.period_support, "relevance": why.relevance,
                "redundancy": day.redundancy},
    }


def digest_document(digest: Digest) -> dict[str, Any]:
    """``{"story", "dates": [...]}``: what ``GET /api/stories/<slug>/digest`` answers."""
    return {"story": digest.story, "dates": [day_document(d) for d in digest.dates]}


def to_digest_json(digest: Digest, meta: TimelineMeta) -> str:
    document = {"title": meta.title, "generated_at": meta.generated_at.isoformat(),
                "last_position": meta.last_position, **digest_document(digest)}
    return json.dumps(document, ensure_ascii=False, indent=2)


def _slide(day: DigestDay) -> dict[str, Any]:
    items = []
    for sentence, source in zip(day.summary, day.sources, strict=True):
        url = safe_url(source.url)
        link = f' <a href="{escape(url)}">source</a>' if url else ""
        items.append(f"<p>{escape(sentence)}{link}</p>")
    d = day.date
    headline = day.summary[0] if day.summary else d.isoformat()
    return {
        "unique_id": f"digest-{d.isoformat()}",
        "start_date": {"year": str(d.year), "month": str(d.month), "day": str(d.day)},
        "text": {"headline": escape(_short(headline)), "text": "".join(items)},
    }


def _short(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def to_digest_timelinejs(digest: Digest, meta: TimelineMeta) -> str:
    document = {
        "title": {"text": {"headline": escape(f"{meta.title}: key dates"),
                           "text": escape(meta.description)}},
        "events": [_slide(d) for d in digest.dates],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


def to_digest_ical(digest: Digest, meta: TimelineMeta) -> bytes:
    calendar = Calendar.new(
        prodid=PRODID, calscale="GREGORIAN", method="PUBLISH",
        name=ical_text(f"{meta.title}: key dates"), description=ical_text(meta.description),
        uid=f"{meta.slug}-digest@{UID_DOMAIN}", url=safe_url(meta.url),
        last_modified=meta.generated_at,
    )
    refresh = vDuration(timedelta(minutes=meta.refresh_minutes))
    calendar.add("refresh-interval", refresh, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", refresh)
    for day in digest.dates:
        calendar.add_component(_vevent(digest.story, day, meta))
    return calendar.to_ical()


def _vevent(story: str, day: DigestDay, meta: TimelineMeta) -> Event:
    lines: list[str] = []
    for sentence, source in zip(day.summary, day.sources, strict=True):
        url = safe_url(source.url)
        lines += [ical_text(sentence)] + ([url] if url else []) + [""]
    lines.append(f"{day.why.articles} articles, {len(day.entries)} entries")
    summary = day.summary[0] if day.summary else "Key date"
    event = Event.new(
        uid=f"{story}-{day.date.isoformat()}@{UID_DOMAIN}", stamp=meta.generated_at,
        start=day.date, end=day.date + timedelta(days=1), summary=ical_text(_short(summary)),
        description="\n".join(lines), last_modified=meta.generated_at,
    )
    event.add("status", "CONFIRMED")
    event.add("x-timeline-score", f"{day.score:.2f}")
    return event
