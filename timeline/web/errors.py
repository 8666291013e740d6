"""Every error the service returns, in one JSON shape, and the only place HTTP statuses live.

``{"error": {"status": 400, "code": "invalid_input", "message": "...", "field": "published"}}``
(``field`` is null when no single field is to blame). The viewer's pages (``/``,
``/stories/…``, ``/events/…``, ``/embed/…``) answer with the same status as an HTML page
(``error.html``) a reader can act on; the API, the feeds and unknown paths keep the JSON.
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from flask import Flask, Response, jsonify, render_template, request
from marshmallow import ValidationError
from werkzeug.exceptions import HTTPException

from events import (
    ConcurrencyError,
    EventIdConflict,
    EventLogError,
    InvalidEvent,
    PayloadTooLarge,
    StorageError,
)
from timeline.budget import OverBudget
from timeline.errors import Busy, Conflict, InvalidInput, NotFound, TimelineError

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Failure:
    status: int
    code: str


#: The library's exceptions, most specific first.
MAPPING: tuple[tuple[type[Exception], Failure], ...] = (
    (OverBudget, Failure(422, "over_cpu_budget")),
    (InvalidInput, Failure(400, "invalid_input")),
    (ValidationError, Failure(400, "invalid_input")),
    (NotFound, Failure(404, "not_found")),
    (Conflict, Failure(409, "conflict")),
    (Busy, Failure(429, "too_many_requests")),
    (PayloadTooLarge, Failure(413, "payload_too_large")),
    (InvalidEvent, Failure(400, "invalid_event")),
    (ConcurrencyError, Failure(409, "concurrent_change")),
    (EventIdConflict, Failure(409, "event_id_conflict")),
    (StorageError, Failure(503, "storage_unavailable")),
)
INTERNAL = Failure(500, "internal_error")
STORAGE_BUSY = Failure(503, "storage_unavailable")
#: Seconds a client is asked to wait after a 503 for lock contention (busy storage).
STORAGE_RETRY_AFTER = 1
#: Codes for werkzeug's errors whose names read badly as codes.
_HTTP_CODES = {413: "payload_too_large", 500: "internal_error"}

#: Messages the client may see for an exception; others say "internal error".
_SHOWN = (TimelineError, EventLogError, ValidationError)
#: Paths of the viewer's HTML pages, whose errors are HTML pages too.
VIEWER_PREFIXES = ("/stories/", "/events/", "/embed/")


def is_viewer_page() -> bool:
    return request.path == "/" or request.path.startswith(VIEWER_PREFIXES)


def error_response(
    status: int, code: str, message: str, field: str | None = None
) -> Response:
    if is_viewer_page():
        try:
            page = render_template("error.html", status=status, code=code, message=message)
            return Response(page, status=status, content_type="text/html; charset=utf-8")
        except Exception:  # a broken template must not hide the error: fall back to JSON
            log.exception("error page failed")
    response = jsonify(
        {"error": {"status": status, "code": code, "message": message, "field": field}}
    )
    response.status_code = status
    return response


def failure_of(exc: Exception) -> Failure:
    if _lock_contention(exc):  # last resort: every connection already waits for locks
        return STORAGE_BUSY
    for kind, failure in MAPPING:
        if isinstance(exc, kind):
            return failure
    return INTERNAL


def _lock_contention(exc: Exception) -> bool:
    text = str(exc)
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in text or "busy" in text)


def status_of(exc: Exception) -> int:
    """The HTTP status the service answers ``exc`` with."""
    return failure_of(exc).status


def field_of(exc: Exception) -> str | None:
    if isinstance(exc, ValidationError):
        return _first_path(exc.messages)
    return getattr(exc, "field", None)


def message_of(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        path = _first_path(exc.messages)
        return f"{path}: {_first_message(exc.messages)}" if path else _first_message(exc.messages)
    if _lock_contention(exc):
        return "the database is busy; try again shortly"
    return str(exc) if isinstance(exc, _SHOWN) else "internal error"


def _first_path(messages: Any) -> str | None:
    if isinstance(messages, dict) and messages:
        key, inner = next(iter(messages.items()))
        rest = _first_path(inner)
        name = "body" if key == "_schema" else str(key)
        return f"{name}.{rest}" if rest else name
    return None


def _first_message(messages: Any) -> str:
    if isinstance(messages, dict) and messages:
        return _first_message(next(iter(messages.values())))
    if isinstance(messages, list) and messages:
        return _first_message(messages[0])
    return str(messages)


def handle_library_error(exc: Exception) -> Response:
    failure = failure_of(exc)
    if failure is INTERNAL:
        log.exception("unhandled error", exc_info=exc)
    response = error_response(failure.status, failure.code, message_of(exc), field_of(exc))
    if isinstance(exc, Busy):
        response.headers["Retry-After"] = str(exc.retry_after)
    elif failure is STORAGE_BUSY or isinstance(exc, StorageError):
        response.headers["Retry-After"] = str(STORAGE_RETRY_AFTER)
    return response


def handle_http_error(exc: HTTPException) -> Response:
    status = exc.code or 500
    code = _HTTP_CODES.get(status) or re.sub(r"[^a-z0-9]+", "_", (exc.name or "error").lower())
    response = error_response(status, code, exc.description or exc.name or "error")
    if exc.response is None:  # keep headers such as WWW-Authenticate and Allow
        for name, value in exc.get_headers():
            if name.lower() != "content-type":
                response.headers[name] = value
    return response


def server_error_bytes(status: int, reason: str, message: str) -> bytes:
    """The whole HTTP answer, in the one JSON shape, for an error the server (gunicorn) gives
    before any request reaches the app: 400 bad request line, 414 URI too long, 431 headers."""
    code = re.sub(r"[^a-z0-9]+", "_", reason.lower()).strip("_") or "error"
    body = json.dumps({"error": {"status": status, "code": code, "message": message or reason,
                                 "field": None}}).encode()
    head = (f"HTTP/1.1 {status} {reason}\r\nConnection: close\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n")
    return head.encode("latin-1") + body


def init_app(app: Flask) -> None:
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(Exception, handle_library_error)
