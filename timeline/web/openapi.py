"""The API's OpenAPI 3.1 document, served at ``/api/openapi.json``. A test keeps it in step with
the routes; schemathesis checks the service against it. The feeds and the entry shape (from
the published JSON Schema) come from ``openapi_feeds``."""

from __future__ import annotations

from typing import Any

from timeline.web.openapi_feeds import FEED_PATHS, FEED_SCHEMAS

JSON = "application/json"


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _nullable(kind: str, **extra: Any) -> dict[str, Any]:
    return {"type": [kind, "null"], **extra}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {JSON: {"schema": schema}}}


def _errors(*statuses: int) -> dict[str, Any]:
    return {str(s): {"$ref": f"#/components/responses/E{s}"} for s in statuses}


def _param(name: str, schema: dict[str, Any], description: str, where: str = "query",
           required: bool = False) -> dict[str, Any]:
    return {"name": name, "in": where, "required": required, "description": description,
            "schema": schema}


def _body(name: str) -> dict[str, Any]:
    return {"required": True, "content": {JSON: {"schema": _ref(name)}}}


_POSITION = {"type": "integer", "minimum": 0, "maximum": 2**63 - 1}
_WRITE: dict[str, Any] = {"security": [{"bearer": []}]}
_WRITE_ERRORS = (400, 401, 403, 413)
_AS_OF = _param("as_of", {"type": "string", "maxLength": 40},
                "ISO 8601 date-time: answer as the archive stood then.")
_SLUG = {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]{0,79}$"}
_ENTRY_ID = _param("entry_id", {"type": "string"}, "The entry's id.", "path", True)

PATHS: dict[str, Any] = {
    "/api/articles": {"post": {
        "summary": "Ingest one article; its dated events are extracted and archived.",
        "operationId": "ingestArticle", **_WRITE, "requestBody": _body("ArticleBody"),
        "responses": {
            "201": _json(_ref("IngestResult"), "Archived; the new events."),
            "200": _json(_ref("IngestResult"), "The same content was archived before."),
            **_errors(*_WRITE_ERRORS)}}},
    "/api/events": {"get": {
        "summary": "Entries in chronological order, filtered, a page at a time.",
        "operationId": "listEvents",
        "parameters": [
            _param("story", _SLUG, "Only entries on this story."),
            _param("actor", {"type": "string", "minLength": 1, "maxLength": 200},
                   "Only entries naming this actor: every word given is a whole word of one"
                   " actor's name, ignoring case and accents (Kast finds José Antonio Kast)."),
            _param("from", {"type": "string", "maxLength": 40}, "ISO or EDTF date: on or after."),
            _param("to", {"type": "string", "maxLength": 40}, "ISO or EDTF date: on or before."),
            _param("q", {"type": "string", "minLength": 1, "maxLength": 500}, "Full text."),
            _AS_OF,
            _param("limit", {"type": "integer", "minimum": 1, "maximum": 500}, "Page size."),
            _param("cursor", {"type": "string", "minLength": 1, "maxLength": 500},
                   "next_cursor of the previous page."),
            _param("all", {"enum": ["1", "0", "true", "false", "yes", "no", "on", "off"]},
                   "1: every entry, including minor ones (salience below 0.4). By default"
                   " only entries with salience of at least 0.4, or not scored."),
        ],
        "responses": {"200": _json(_ref("EventPage"), "A page of entries."), **_errors(400)}}},
    "/api/events/{entry_id}": {"get": {
        "summary": "One entry with its full history.", "operationId": "getEvent",
        "parameters": [_ENTRY_ID, _AS_OF],
        "responses": {"200": _json(_ref("Entry"), "The entry."), **_errors(400, 404)}}},
    "/api/events/{entry_id}/corrections": {"post": {
        "summary": "Correct an entry's date (EDTF), headline or text.",
        "operationId": "correctEvent", **_WRITE, "parameters": [_ENTRY_ID],
        "requestBody": _body("CorrectionBody"),
        "responses": {"201": _json(_ref("Entry"), "The corrected entry."),
                      **_errors(*_WRITE_ERRORS, 404, 409)}}},
    "/api/events/{entry_id}/retraction": {"post": {
        "summary": "Retract an entry (it stays in the log and its history).",
        "operationId": "retractEvent", **_WRITE, "parameters": [_ENTRY_ID],
        "requestBody": _body("RetractionBody"),
        "responses": {"201": _json(_ref("Entry"), "The retracted entry."),
                      **_errors(*_WRITE_ERRORS, 404, 409)}}},
    "/api/stories": {
        "get": {"summary": "Every story.", "operationId": "listStories",
                "responses": {"200": _json(_ref("StoryList"), "The stories."),
                              **_errors(400)}},
        "post": {"summary": "Create a story.", "operationId": "createStory", **_WRITE,
                 "requestBody": _body("StoryBody"),
                 "responses": {"201": _json(_ref("Story"), "The new story."),
                               **_errors(*_WRITE_ERRORS, 409)}}},
    "/api/stories/{slug}/events": {"post": {
        "summary": "Add entries to a story (those already on it are skipped).",
        "operationId": "addToStory", **_WRITE,
        "parameters": [_param("slug", {"type": "string"}, "The story.", "path", True)],
        "requestBody": _body("StoryEventsBody"),
        "responses": {"200": _json(_ref("StoryChange"), "How many were added."),
                      **_errors(*_WRITE_ERRORS, 404, 409)}}},
    "/api/stories/{slug}/digest": {"get": {
        "summary": "A story's key dates: its N most important days between two dates,"
                   " chronological, each with its K best sentences quoted from the articles.",
        "operationId": "storyDigest",
        "parameters": [
            _param("slug", {"type": "string"}, "The story.", "path", True),
            _param("dates", {"type": "integer", "minimum": 1, "maximum": 500},
                   "How many days (default: twice the square root of the story's articles,"
                   " 5 to 40)."),
            _param("sentences", {"type": "integer", "minimum": 1, "maximum": 10},
                   "Sentences per day (default 2)."),
            _param("from", {"type": "string", "maxLength": 40}, "First day (ISO or EDTF)."),
            _param("to", {"type": "string", "maxLength": 40}, "Last day (ISO or EDTF)."),
            _param("lang", {"type": "string", "minLength": 1, "maxLength": 20},
                   "Only entries in this language."),
        ],
        "responses": {"200": _json(_ref("Digest"), "The key dates (none for an empty range)."),
                      **_errors(400, 404)}}},
    "/api/log": {"get": {
        "summary": "The raw event log after a position, for subscribers catching up.",
        "operationId": "readLog",
        "parameters": [
            _param("after", _POSITION, "Last position already seen."),
            _param("limit", {"type": "integer", "minimum": 1, "maximum": 1000}, "At most."),
        ],
        "responses": {"200": _json(_ref("LogPage"), "Stored events in log order."),
                      **_errors(400)}}},
    "/api/head": {"get": {
        "summary": "The log's head: position, hash and when it was recorded. Keep it as a"
                   " witness: `timeline verify --witness FILE` fails if the log loses it.",
        "operationId": "logHead",
        "responses": {"200": _json(_ref("Head"), "The head (position 0 for an empty log)."),
                      **_errors(400)}}},
    "/api/stream": {"get": {
        "summary": "Server-Sent Events: each new log entry (id = position, event = type).",
        "operationId": "streamLog",
        "parameters": [
            _param("after", _POSITION, "Resume after this position."),
            _param("Last-Event-ID", {"type": "string", "pattern": "^[0-9]{1,18}$"},
                   "Resume after this position (set by EventSource).", "header"),
        ],
        "responses": {"200": {"description": "An event stream.",
                              "content": {"text/event-stream": {"schema": _ref("SseEvent")}}},
                      **_errors(400, 429)}}},
    "/api/openapi.json": {"get": {
        "summary": "This document.", "operationId": "openapi",
        "responses": {"200": _json({"type": "object"}, "The OpenAPI document.")}}},
}

_STR = {"type": "string"}
_INT = {"type": "integer"}
_STRINGS = {"type": "array", "items": _STR}

SCHEMAS: dict[str, Any] = {
    "Error": {"type": "object", "required": ["error"], "additionalProperties": False,
              "properties": {"error": {
                  "type": "object", "required": ["status", "code", "message", "field"],
                  "additionalProperties": False,
                  "properties": {"status": _INT, "code": _STR, "message": _STR,
                                 "field": _nullable("string")}}}},
    "ArticleBody": {
        "type": "object", "additionalProperties": False,
        "description": "Exactly one of text and html; published is required with text.",
        "properties": {
            "text": {"type": "string", "minLength": 1},
            "html": {"type": "string", "minLength": 1},
            "url": _nullable("string", maxLength=2000),
            "title": _nullable("string", maxLength=1000),
            "published": _nullable("string", format="date"),
            "lang": _nullable("string", maxLength=10),
            "story": {"type": ["string", "null"], "pattern": _SLUG["pattern"]}}},
    "CorrectionBody": {
        "type": "object", "additionalProperties": False, "required": ["reason"],
        "properties": {"date": _nullable("string", maxLength=100),
                       "headline": _nullable("string", maxLength=500),
                       "text": _nullable("string", maxLength=5000),
                       "reason": {"type": "string", "minLength": 1, "maxLength": 2000}}},
    "RetractionBody": {
        "type": "object", "additionalProperties": False, "required": ["reason"],
        "properties": {"reason": {"type": "string", "minLength": 1, "maxLength": 2000}}},
    "StoryBody": {
        "type": "object", "additionalProperties": False, "required": ["slug", "title"],
        "properties": {"slug": _SLUG, "title": {"type": "string", "minLength": 1, "maxLength": 300},
                       "description": _nullable("string", maxLength=5000)}},
    "StoryEventsBody": {
        "type": "object", "additionalProperties": False, "required": ["event_ids"],
        "properties": {"event_ids": {"type": "array", "minItems": 1, "maxItems": 1000,
                                     "items": {"type": "string", "minLength": 1,
                                               "maxLength": 100}}}},
    "EventPage": {"type": "object", "required": ["events", "next_cursor"], "properties": {
        "events": {"type": "array", "items": _ref("Entry")},
        "next_cursor": _nullable("string"), "next": _nullable("string")}},
    "IngestResult": {
        "type": "object", "required": ["created", "article_id", "revision", "events"],
        "properties": {"created": {"type": "boolean"}, "article_id": _STR, "revision": _INT,
                       "position": _INT, "events": {"type": "array", "items": _ref("Entry")}}},
    "Story": {"type": "object", "required": ["slug", "title", "entry_count"], "properties": {
        "slug": _STR, "title": _STR, "description": _nullable("string"),
        "created_by": _nullable("string"), "created_at": _STR, "position": _INT,
        "entry_count": _INT}},
    "StoryList": {"type": "object", "required": ["stories"],
                  "properties": {"stories": {"type": "array", "items": _ref("Story")}}},
    "StoryChange": {"type": "object", "required": ["added", "story"],
                    "properties": {"added": _INT, "story": _ref("Story")}},
    "Digest": {"type": "object", "required": ["story", "dates"], "properties": {
        "story": _STR, "dates": {"type": "array", "items": _ref("DigestDay")}}},
    "DigestDay": {
        "type": "object", "required": ["date", "score", "summary", "sources", "entries"],
        "properties": {
            "date": {"type": "string", "format": "date"}, "score": {"type": "number"},
            "summary": {"type": "array", "items": _STR},
            "sources": {"type": "array", "items": {
                "type": "object", "required": ["article_id", "quote_start", "quote_end"],
                "properties": {"article_id": _STR, "url": _nullable("string"),
                               "quote_start": _INT, "quote_end": _INT}}},
            "entries": {"type": "array", "items": _STR},
            "why": {"type": "object", "description": "Why the day was picked: articles dating"
                    " it, of which looking back or before it, publishers, entries, support"
                    " from coarser dates, overlap with a day picked before it."}}},
    "StoredEvent": {
        "type": "object",
        "required": ["position", "stream_id", "event_id", "type", "data", "recorded_at", "hash"],
        "properties": {
            "position": _INT, "stream_id": _STR, "stream_version": _INT, "event_id": _STR,
            "type": _STR, "schema_version": _INT, "data": {"type": "object"},
            "metadata": {"type": "object"}, "recorded_at": _STR, "prev_hash": _STR,
            "hash": _STR}},
    "SseEvent": {
        "type": "object", "description": "One event of the stream (a comment is a heartbeat).",
        "properties": {"id": {"type": "string", "description": "log position"},
                       "event": {"type": "string", "description": "the event's type"},
                       "data": {"type": "string", "description": "the stored event as JSON"}}},
    "LogPage": {"type": "object", "required": ["events", "next_after", "head"], "properties": {
        "events": {"type": "array", "items": _ref("StoredEvent")}, "next_after": _INT,
        "head": _INT}},
    "Head": {"type": "object", "required": ["position", "hash", "recorded_at"], "properties": {
        "position": _INT, "hash": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
        "recorded_at": _nullable("string")}},
}

# --- Story editing (issue 12): rename, removal, history; a reason on creation and membership.
_STORY_SLUG = _param("slug", {"type": "string"}, "The story.", "path", True)
_REASON = {"type": "string", "minLength": 1, "maxLength": 2000}
SCHEMAS["StoryBody"]["properties"]["reason"] = _nullable("string", maxLength=2000)
SCHEMAS["StoryEventsBody"]["properties"]["reason"] = _nullable("string", maxLength=2000)
SCHEMAS.update({
    "StoryRenameBody": {
        "type": "object", "additionalProperties": False, "required": ["reason"],
        "description": "A new title and/or description (null or empty: no description).",
        "properties": {"title": {"type": "string", "minLength": 1, "maxLength": 300},
                       "description": _nullable("string", maxLength=5000),
                       "reason": _REASON}},
    "StoryRemoval": {"type": "object", "required": ["removed", "story"],
                     "properties": {"removed": _INT, "story": _ref("Story")}},
    "StoryHistory": {"type": "object", "required": ["story", "history"], "properties": {
        "story": _STR, "history": {"type": "array", "items": {
            "type": "object",
            "required": ["slug", "position", "recorded_at", "type", "summary"],
            "properties": {
                "slug": _STR, "position": _INT, "recorded_at": _STR,
                "type": {"type": "string",
                         "enum": ["created", "renamed", "entry_added", "entry_removed",
                                  "article_added"]},
                "summary": _STR, "actor": _nullable("string"), "reason": _nullable("string"),
                "entry_id": _nullable("string")}}}}},
})
PATHS.update({
    "/api/stories/{slug}": {
        "get": {"summary": "One story (its current title and description).",
                "operationId": "getStory", "parameters": [_STORY_SLUG],
                "responses": {"200": _json(_ref("Story"), "The story."), **_errors(404)}},
        "patch": {"summary": "Rename a story: a new title and/or description, with a reason.",
                  "operationId": "renameStory", **_WRITE, "parameters": [_STORY_SLUG],
                  "requestBody": _body("StoryRenameBody"),
                  "responses": {"200": _json(_ref("Story"), "The renamed story."),
                                **_errors(*_WRITE_ERRORS, 404, 409)}}},
    "/api/stories/{slug}/removals": {"post": {
        "summary": "Take entries off a story (those not on it are skipped).",
        "operationId": "removeFromStory", **_WRITE, "parameters": [_STORY_SLUG],
        "requestBody": _body("StoryEventsBody"),
        "responses": {"200": _json(_ref("StoryRemoval"), "How many were removed."),
                      **_errors(*_WRITE_ERRORS, 404, 409)}}},
    "/api/stories/{slug}/history": {"get": {
        "summary": "What happened to a story: created, renamed, entries added and removed.",
        "operationId": "storyHistory", "parameters": [_STORY_SLUG],
        "responses": {"200": _json(_ref("StoryHistory"), "Oldest first."),
                      **_errors(400, 404)}}},
})
# --- end of story editing.

_DESCRIPTIONS = {400: "Invalid input (the field is named).", 401: "No bearer token.",
                 403: "The token is not accepted.", 404: "Not found.",
                 409: "Conflicts with the archive's current state.",
                 413: "The request body is too large.",
                 429: "Too many open streams (in all, or from your address); see Retry-After."}


def openapi_document(base_url: str = "") -> dict[str, Any]:
    """The whole document; ``base_url`` (if known) becomes its server."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "Timeline Archive API", "version": "1",
                 "description": "News articles into a dated, append-only event log. Reads are"
                                " public; writes need 'Authorization: Bearer <token>'."},
        "servers": [{"url": base_url or "/"}],
        "paths": {**PATHS, **FEED_PATHS},
        "components": {
            "schemas": {**SCHEMAS, **FEED_SCHEMAS},
            "responses": {f"E{s}": _json(_ref("Error"), text) for s, text in _DESCRIPTIONS.items()},
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
    }
