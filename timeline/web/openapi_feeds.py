"""The feeds' part of the OpenAPI document: every ``/feeds/...`` route with its parameters,
conditional-request headers and media types; and the entry shape, taken from the published
JSON Schema (``/schema/timeline.json``) so the API, the CLI and the JSON feed are described by
one definition."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from timeline.publish import FORMATS

#: ``$defs`` of the published JSON Schema -> components of the OpenAPI document.
SHARED_DEFS = {"entry": "Entry", "source": "Source", "history_item": "HistoryItem",
               "utc_datetime": "UtcDateTime", "iso_date": "IsoDate"}
_STORY = {"name": "slug", "in": "path", "required": True,
          "description": "A story's slug, or all (the whole archive).",
          "schema": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]{0,79}$"}}
_CONDITIONAL = [
    {"name": "If-None-Match", "in": "header", "required": False,
     "description": "An ETag this feed sent: 304 while it is current.",
     "schema": {"type": "string", "maxLength": 500}},
    {"name": "If-Modified-Since", "in": "header", "required": False,
     "description": "An HTTP date: 304 when the log has not moved since.",
     "schema": {"type": "string", "maxLength": 100}},
]
_ALL = {"name": "all", "in": "query", "required": False,
        "description": "1: include minor entries (another representation, its own ETag).",
        "schema": {"enum": ["1", "0", "true", "false", "yes", "no", "on", "off"]}}
_DIGEST = [
    {"name": "dates", "in": "query", "required": False, "description": "How many days.",
     "schema": {"type": "integer", "minimum": 1, "maximum": 500}},
    {"name": "sentences", "in": "query", "required": False, "description": "Sentences a day.",
     "schema": {"type": "integer", "minimum": 1, "maximum": 10}},
    {"name": "from", "in": "query", "required": False, "description": "First day (ISO, EDTF).",
     "schema": {"type": "string", "maxLength": 40}},
    {"name": "to", "in": "query", "required": False, "description": "Last day (ISO, EDTF).",
     "schema": {"type": "string", "maxLength": 40}},
    {"name": "lang", "in": "query", "required": False, "description": "Only this language.",
     "schema": {"type": "string", "minLength": 1, "maxLength": 20}},
]
_HEADERS = {
    "ETag": {"description": "Weak; changes when the log moves.", "schema": {"type": "string"}},
    "Last-Modified": {"description": "When the log's head was recorded.",
                      "schema": {"type": "string"}},
    "Cache-Control": {"description": "public, no-cache: any cache may keep it and revalidates.",
                      "schema": {"type": "string"}},
    "X-Timeline-Head": {"description": "POSITION:HASH of the log's head the feed reflects.",
                        "schema": {"type": "string", "pattern": "^[0-9]+:[0-9a-f]{64}$"}},
}
_BODIES: dict[str, tuple[str, dict[str, Any], str]] = {
    "ics": ("text/calendar", {"type": "string"},
            "iCalendar (RFC 5545): one VEVENT per entry; retractions CANCELLED."),
    "json": ("application/json", {"$ref": "#/components/schemas/TimelineDocument"},
             "The timeline document (JSON Schema at /schema/timeline.json)."),
    "timelinejs": ("application/json", {"type": "object", "required": ["title", "events"]},
                   "A TimelineJS3 document: a title slide and a slide per active entry."),
    "csv": ("text/csv", {"type": "string"},
            "TimelineJS's spreadsheet columns, then ID, Actors, Places, Source, Source URL"
            " and Link; UTF-8 with a byte-order mark."),
}
_DIGEST_BODIES: dict[str, tuple[str, dict[str, Any], str]] = {
    "digest.ics": ("text/calendar", {"type": "string"}, "One all-day event per key day."),
    "digest.json": ("application/json", {"type": "object", "required": ["story", "dates"]},
                    "The key dates, as /api/stories/{slug}/digest, with the story's title and"
                    " the log position."),
    "digest.timelinejs.json": ("application/json", {"type": "object"},
                               "A TimelineJS3 document: a slide per key day."),
}


def _feed(suffix: str, media: str, schema: dict[str, Any], about: str,
          parameters: list[dict[str, Any]]) -> dict[str, Any]:
    words = suffix.removesuffix(".json").split(".") if suffix != "json" else ["json"]
    return {"get": {
        "summary": f"The story's feed: {about}",
        "operationId": "feed" + "".join(w.title() for w in words),
        "tags": ["feeds"], "parameters": [_STORY, *parameters, *_CONDITIONAL],
        "responses": {
            "200": {"description": about, "headers": _HEADERS,
                    "content": {media: {"schema": schema}}},
            "304": {"description": "The client's copy is current.", "headers": _HEADERS},
            "400": {"$ref": "#/components/responses/E400"},
            "404": {"$ref": "#/components/responses/E404"}}}}


def feed_paths() -> dict[str, Any]:
    paths = {f"/feeds/{{slug}}.{fmt.suffix}": _feed(fmt.suffix, *_BODIES[name], [_ALL])
             for name, fmt in FORMATS.items()}
    paths |= {f"/feeds/{{slug}}.{suffix}": _feed(suffix, *body, _DIGEST)
              for suffix, body in _DIGEST_BODIES.items()}
    return paths


def _components(node: Any) -> Any:
    """``node`` with ``#/$defs/x`` references pointing at the OpenAPI components."""
    if isinstance(node, dict):
        return {k: _components(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_components(v) for v in node]
    if isinstance(node, str) and node.startswith("#/$defs/"):
        return f"#/components/schemas/{SHARED_DEFS[node.removeprefix('#/$defs/')]}"
    return node


def timeline_schemas() -> dict[str, Any]:
    """The entry shape and the timeline document, from the published JSON Schema."""
    text = resources.files("timeline.export").joinpath("timeline.schema.json").read_text("utf-8")
    published = json.loads(text)
    schemas = {SHARED_DEFS[name]: _components(d) for name, d in published["$defs"].items()}
    document = {k: v for k, v in published.items() if k not in ("$defs", "$schema", "$id")}
    schemas["TimelineDocument"] = _components(document)
    return schemas


FEED_PATHS = feed_paths()
FEED_SCHEMAS = timeline_schemas()
