"""The JSON the API returns: entries, history, stories and stored events, with ISO 8601 dates.

Flask's ``jsonify`` would write dates in RFC 822; every date here is made a string first.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime
from typing import Any

from events import StoredEvent
from timeline.export.display import display_date
from timeline.model import HistoryItem, Source, TimelineEntry


def iso(value: date | datetime | str | None) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    return value.isoformat()


def source_json(source: Source) -> dict[str, Any]:
    return asdict(source)


def history_json(item: HistoryItem) -> dict[str, Any]:
    return {
        "position": item.position, "recorded_at": iso(item.recorded_at), "type": item.type,
        "summary": item.summary, "actor": item.actor, "reason": item.reason,
    }


def entry_json(entry: TimelineEntry, *, with_history: bool = False) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": entry.entry_id, "headline": entry.headline, "text": entry.text,
        "date": entry.date, "display_date": display_date(entry), "precision": entry.precision,
        "start": iso(entry.start), "end": iso(entry.end), "derivation": entry.derivation,
        "lang": entry.lang, "quote": entry.quote, "actors": list(entry.actors),
        "places": list(entry.places), "salience": entry.salience, "kind": entry.kind,
        "stories": list(entry.stories), "status": entry.status, "revision": entry.revision,
        "position": entry.position, "last_position": entry.last_position,
        "created_at": iso(entry.created_at), "updated_at": iso(entry.updated_at),
        "sources": [source_json(s) for s in entry.sources],
    }
    if with_history:
        body["history"] = [history_json(h) for h in entry.history]
    return body


def stored_event_json(event: StoredEvent) -> dict[str, Any]:
    return event.to_dict()


def record_json(record: object) -> dict[str, Any]:
    """A frozen dataclass (a story, say) as JSON, dates as ISO strings."""
    return {k: iso(v) if isinstance(v, date | datetime) else v for k, v in asdict(record).items()}  # type: ignore[call-overload]
