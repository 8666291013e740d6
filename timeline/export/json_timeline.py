"""Our own JSON document: ``{"schema": "timeline-archive/timeline", "version": 3, ...}``.

Every entry is included whatever its status (retractions stay visible, flagged). Field
meanings are documented in ``timeline.schema.json`` (JSON Schema 2020-12), which the tests
validate every export against and the service serves at ``schema_url``; ``from_json``
validates with the marshmallow schemas. Each entry links back to its page (``link``) and
credits each source by site and title (``name``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from marshmallow import ValidationError

from timeline.errors import InvalidInput
from timeline.export.display import display_date
from timeline.export.json_schemas import SCHEMA_ID, SCHEMA_VERSION, TimelineDocumentSchema
from timeline.export.links import entry_link, schema_link, source_name, source_site
from timeline.export.meta import TimelineMeta
from timeline.model import Source, TimelineEntry


def to_json(entries: Iterable[TimelineEntry], meta: TimelineMeta) -> str:
    """The versioned JSON document for ``entries`` (UTF-8 text, keys in schema order)."""
    document = {
        "schema": SCHEMA_ID, "version": SCHEMA_VERSION,
        "schema_url": schema_link(meta.url), "title": meta.title, "slug": meta.slug,
        "description": meta.description, "url": meta.url, "generated_at": meta.generated_at,
        "last_position": meta.last_position, "refresh_minutes": meta.refresh_minutes,
        "entries": [_entry(entry, meta.url) for entry in entries],
    }
    if meta.last_hash:  # the log's hash at last_position: keep it, check it with verify
        document["last_hash"] = meta.last_hash
    return json.dumps(TimelineDocumentSchema().dump(document), ensure_ascii=False, indent=2)


def from_json(text: str | bytes) -> dict[str, Any]:
    """Parse and validate a document; dates come back as ``date``/``datetime`` objects.

    Raises ``InvalidInput`` (with ``field`` set to the first offending path, e.g.
    ``entries.0.precision``) for malformed JSON or a document that breaks the schema."""
    try:
        data = json.loads(text)
    except (ValueError, TypeError) as e:
        raise InvalidInput(f"not JSON: {e}") from e
    if not isinstance(data, dict):
        raise InvalidInput("a timeline document is a JSON object")
    try:
        return TimelineDocumentSchema().load(data)
    except ValidationError as e:
        path = _first_path(e.messages)
        raise InvalidInput(f"invalid timeline document at {path}: {e.messages}", field=path) from e


def _entry(entry: TimelineEntry, base_url: str) -> dict[str, Any]:
    return {
        "id": entry.entry_id, "date": entry.date, "precision": entry.precision,
        "start": entry.start, "end": entry.end, "display_date": display_date(entry),
        "headline": entry.headline, "text": entry.text, "quote": entry.quote,
        "actors": list(entry.actors), "places": list(entry.places),
        "salience": entry.salience, "kind": entry.kind,
        "sources": [_source(s) for s in entry.sources],
        "stories": list(entry.stories), "status": entry.status, "revision": entry.revision,
        "derivation": entry.derivation, "lang": entry.lang,
        "last_position": entry.last_position, "created_at": entry.created_at,
        "updated_at": entry.updated_at, "link": entry_link(entry, base_url),
    }


def _source(source: Source) -> dict[str, Any]:
    return {
        "article_id": source.article_id, "url": source.url, "title": source.title,
        "published": source.published, "quote": source.quote,
        "quote_start": source.quote_start, "quote_end": source.quote_end,
        "site": source_site(source), "name": source_name(source),
    }


def _first_path(messages: Any) -> str:
    parts: list[str] = []
    while isinstance(messages, dict) and messages:
        key = next(iter(messages))
        parts.append(str(key))
        messages = messages[key]
    return ".".join(parts)
