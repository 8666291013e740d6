"""The JSON the API returns: entries (the shape every JSON door shares), stories and stored
events, with ISO 8601 dates.

Flask's ``jsonify`` would write dates in RFC 822; every date here is made a string first.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime
from typing import Any

from flask import current_app

from events import StoredEvent
from timeline.export.entry_shape import entry_document, entry_with_history
from timeline.export.links import DEFAULT_BASE_URL
from timeline.model import TimelineEntry


def iso(value: date | datetime | str | None) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    return value.isoformat()


def entry_json(entry: TimelineEntry, *, with_history: bool = False) -> dict[str, Any]:
    """The one entry shape (``timeline.export.entry_shape``), linking to the entry's page below
    ``TIMELINE_BASE_URL``; the single-entry routes add its ``history``."""
    base_url = current_app.config["BASE_URL"] or DEFAULT_BASE_URL
    if with_history:
        return entry_with_history(entry, base_url)
    return entry_document(entry, base_url)


def stored_event_json(event: StoredEvent) -> dict[str, Any]:
    return event.to_dict()


def record_json(record: object) -> dict[str, Any]:
    """A frozen dataclass (a story, say) as JSON, dates as ISO strings."""
    return {k: iso(v) if isinstance(v, date | datetime) else v for k, v in asdict(record).items()}  # type: ignore[call-overload]
