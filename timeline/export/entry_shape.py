"""The one JSON shape of an entry: the API's entries, ``timeline events --format json`` and the
JSON feed's items are all :func:`entry_document` (described by ``$defs/entry`` of
``timeline.schema.json``, served at ``/schema/timeline.json``).

Plain data ready for ``json.dumps``: dates as ISO 8601 strings, datetimes in UTC with ``Z``,
keys in the schema's order. Pure: no I/O, no clock.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from timeline.export.display import display_date
from timeline.export.links import entry_link, source_name, source_site
from timeline.model import HistoryItem, Source, TimelineEntry


def utc_text(moment: datetime | None) -> str | None:
    """``moment`` as ISO 8601 in UTC with a ``Z`` suffix (a naive one is taken as UTC)."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def date_text(day: date) -> str:
    return day.isoformat()


def source_document(source: Source) -> dict[str, Any]:
    """A source: the article, the quote's offsets in it, and how it is credited."""
    return {
        "article_id": source.article_id, "url": source.url, "title": source.title,
        "published": source.published, "quote": source.quote,
        "quote_start": source.quote_start, "quote_end": source.quote_end,
        "site": source_site(source), "name": source_name(source),
    }


def entry_document(entry: TimelineEntry, base_url: str) -> dict[str, Any]:
    """An entry as every JSON door shows it; ``link`` is its page below ``base_url``."""
    return {
        "id": entry.entry_id, "date": entry.date, "precision": entry.precision,
        "start": date_text(entry.start), "end": date_text(entry.end),
        "display_date": display_date(entry), "headline": entry.headline, "text": entry.text,
        "quote": entry.quote, "actors": list(entry.actors), "places": list(entry.places),
        "salience": None if entry.salience is None else float(entry.salience),
        "kind": entry.kind, "sources": [source_document(s) for s in entry.sources],
        "stories": list(entry.stories), "status": entry.status, "revision": entry.revision,
        "derivation": entry.derivation, "lang": entry.lang,
        "last_position": entry.last_position, "created_at": utc_text(entry.created_at),
        "updated_at": utc_text(entry.updated_at), "link": entry_link(entry, base_url),
    }


def history_document(item: HistoryItem) -> dict[str, Any]:
    """One thing that happened to an entry (the API's and the CLI's ``history``)."""
    return {
        "position": item.position, "recorded_at": utc_text(item.recorded_at),
        "type": item.type, "summary": item.summary, "actor": item.actor,
        "reason": item.reason,
    }


def entry_with_history(entry: TimelineEntry, base_url: str) -> dict[str, Any]:
    """The entry's document and its ``history`` (the optional last property of the shape)."""
    return {**entry_document(entry, base_url),
            "history": [history_document(h) for h in entry.history]}
