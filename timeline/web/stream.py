"""``/api/stream``: Server-Sent Events of new log entries, resumable with ``Last-Event-ID``.

On PostgreSQL the stream wakes as soon as any node commits (LISTEN/NOTIFY of the new head),
polling every ``STREAM_POLL_SECONDS`` only as the fallback; on SQLite it polls.

The generator opens its own log connection (``flask.g`` is gone once streaming starts), sends a
comment as heartbeat when idle, and ends after ``STREAM_MAX_SECONDS`` (the browser reconnects
and resumes) or, in tests, after ``STREAM_MAX_EVENTS``.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from flask import Blueprint, Response, current_app, request

from events import StoredEvent, follow, head_listener, is_postgres_url
from timeline.archive import open_log
from timeline.errors import Busy, InvalidInput
from timeline.web import schemas
from timeline.web.payloads import stored_event_json

bp = Blueprint("stream", __name__, url_prefix="/api")
RETRY_MS = 3000


class StreamSlots:
    """Open streams in this process, counted in all and per client address: a stream holds a
    worker thread, so past ``STREAM_MAX_OPEN`` (or ``STREAM_MAX_PER_CLIENT`` from one address)
    a new one is refused with 429 and requests keep their threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.total = 0
        self.by_client: dict[str, int] = {}

    def acquire(self, client: str, most: int | None, most_per_client: int | None) -> None:
        with self._lock:
            if most is not None and self.total >= most:
                raise Busy(f"{self.total} streams open here already; try again later")
            mine = self.by_client.get(client, 0)
            if most_per_client is not None and mine >= most_per_client:
                raise Busy(f"{mine} streams open from your address already")
            self.total += 1
            self.by_client[client] = mine + 1

    def release(self, client: str) -> None:
        with self._lock:
            self.total -= 1
            left = self.by_client.pop(client, 1) - 1
            if left:
                self.by_client[client] = left


def stream_slots() -> StreamSlots:
    """This app's counter (one app per worker process)."""
    return current_app.extensions.setdefault("stream_slots", StreamSlots())  # type: ignore[no-any-return]


@dataclass(frozen=True, slots=True)
class StreamSettings:
    db: str
    after: int
    poll_seconds: float
    heartbeat_seconds: float
    max_seconds: float | None
    max_events: int | None


def sse_message(event: StoredEvent) -> str:
    data = json.dumps(stored_event_json(event), ensure_ascii=False, separators=(",", ":"))
    return f"id: {event.position}\nevent: {event.type}\ndata: {data}\n\n"


def resume_position(header: str | None, after: int | None) -> int:
    """Where to resume: ``Last-Event-ID`` (set by a reconnecting EventSource), else ``?after``."""
    if header is not None and header.strip():
        text = header.strip()
        if not (text.isascii() and text.isdigit()) or len(text) > 18:  # not '²'
            raise InvalidInput("Last-Event-ID must be a log position", field="Last-Event-ID")
        return int(text)
    return after or 0


def messages(settings: StreamSettings, clock: Callable[[], float] = time.monotonic
             ) -> Iterator[str]:
    started = clock()
    deadline = started + settings.max_seconds if settings.max_seconds else None
    log = open_log(settings.db, read_models=":memory:" if is_postgres_url(settings.db) else None)
    listener = head_listener(settings.db)
    seen = [settings.after]

    def wait(seconds: float) -> None:
        if listener is None:
            time.sleep(seconds)
        else:
            listener.wait_beyond(seen[0], seconds)

    try:
        yield f"retry: {RETRY_MS}\n\n"
        sent, quiet_since = 0, clock()
        for event in follow(log, settings.after, poll_interval=settings.poll_seconds, sleep=wait,
                            should_stop=lambda: deadline is not None and clock() >= deadline):
            if event is None:
                if clock() - quiet_since >= settings.heartbeat_seconds:
                    quiet_since = clock()
                    yield ": heartbeat\n\n"
                continue
            seen[0] = event.position
            yield sse_message(event)
            sent, quiet_since = sent + 1, clock()
            if settings.max_events is not None and sent >= settings.max_events:
                return
    finally:
        log.close()


@bp.get("/stream")
def stream() -> Response:
    args = schemas.query_args(schemas.StreamArgs())
    config = current_app.config
    settings = StreamSettings(
        db=config["DB"], after=resume_position(request.headers.get("Last-Event-ID"), args["after"]),
        poll_seconds=config["STREAM_POLL_SECONDS"],
        heartbeat_seconds=config["STREAM_HEARTBEAT_SECONDS"],
        max_seconds=config["STREAM_MAX_SECONDS"], max_events=config["STREAM_MAX_EVENTS"],
    )
    client, slots = request.remote_addr or "-", stream_slots()
    slots.acquire(client, config.get("STREAM_MAX_OPEN"), config.get("STREAM_MAX_PER_CLIENT"))
    response = Response(
        messages(settings), mimetype="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )
    response.call_on_close(lambda: slots.release(client))
    return response
