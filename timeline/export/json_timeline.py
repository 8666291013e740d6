"""Our own JSON document: ``{"schema": "timeline-archive/timeline", "version": 3, ...}``.

Every entry is included whatever its status (retractions stay visible, flagged). Field
meanings are documented in ``timeline.schema.json`` (JSON Schema 2020-12), which the tests
validate every export against and the service serves at ``schema_url``; ``from_json``
validates with the marshmallow schemas. Each entry is ``entry_document`` (the API's and the
CLI's shape too): it links back to its page (``link``) and credits each source by site and
title (``name``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from marshmallow import ValidationError

from timeline.errors import InvalidInput
from timeline.export.entry_shape import entry_document, utc_text
from timeline.export.json_schemas import SCHEMA_ID, SCHEMA_VERSION, TimelineDocumentSchema
from timeline.export.links import schema_link
from timeline.export.meta import TimelineMeta
from timeline.export.pieces import Frame, PieceFormat, json_frame, json_piece
from timeline.model import TimelineEntry


def to_json(entries: Iterable[TimelineEntry], meta: TimelineMeta) -> str:
    """The versioned JSON document for ``entries`` (UTF-8 text, keys in schema order)."""
    return JSON.render(entries, meta).decode()


def json_header(meta: TimelineMeta) -> dict[str, Any]:
    """The document's properties before its entries, in the schema's order."""
    document: dict[str, Any] = {
        "schema": SCHEMA_ID, "version": SCHEMA_VERSION,
        "schema_url": schema_link(meta.url), "title": meta.title, "slug": meta.slug,
        "description": meta.description, "url": meta.url,
        "generated_at": utc_text(meta.generated_at), "last_position": meta.last_position,
    }
    if meta.last_hash:  # the log's hash at last_position: keep it, check it with verify
        document["last_hash"] = meta.last_hash
    document["refresh_minutes"] = meta.refresh_minutes
    return document


def json_frame_of(meta: TimelineMeta, _count: int = 0, _lang: str | None = None) -> Frame:
    return json_frame(json_header(meta), "entries")


def json_entry_piece(entry: TimelineEntry, base_url: str, _lang: str | None = None) -> bytes:
    return json_piece(entry_document(entry, base_url))


#: The JSON document as a frame and one piece per entry (every status, flagged).
JSON = PieceFormat("json", shows_all=True, frame=json_frame_of, piece=json_entry_piece)


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


def _first_path(messages: Any) -> str:
    parts: list[str] = []
    while isinstance(messages, dict) and messages:
        key = next(iter(messages))
        parts.append(str(key))
        messages = messages[key]
    return ".".join(parts)
