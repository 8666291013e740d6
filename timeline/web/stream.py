"""``/api/stream``: Server-Sent Events of new log entries, resumable with ``Last-Event-ID``.

Every stream of a process waits on that process's one log follower (``fanout.LogFanout``), so
an idle stream polls nothing: it sends a comment as heartbeat every
``STREAM_HEARTBEAT_SECONDS``, and ends after ``STREAM_MAX_SECONDS`` (the browser reconnects
and resumes) or, in tests, after ``STREAM_MAX_EVENTS``. Past ``STREAM_MAX_OPEN`` open streams
in the process, or ``STREAM_MAX_PER_CLIENT`` from one address, a new one gets 429 with
Retry-After. Under ``timeline serve`` a stream is a greenlet (``offload`` keeps it off the
request threads), so thousands of them cost memory, not threads.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from flask import Blueprint, Response, current_app, request

from events import StoredEvent
from timeline.errors import Busy, InvalidInput
from timeline.web import schemas
from timeline.web.fanout import LogFanout, follower_log
from timeline.web.payloads import stored_event_json

bp = Blueprint("stream", __name__, url_prefix="/api")
RETRY_MS = 3000


class StreamSlots:
    """Open streams in this process, counted in all and per client address: past
    ``STREAM_MAX_OPEN`` (or ``STREAM_MAX_PER_CLIENT`` from one address) a new one is refused
    with 429, so streams never take every connection a worker accepts."""

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


def log_fanout() -> LogFanout:
    """This app's follower (one app per worker process)."""
    config = current_app.config
    fanout = current_app.extensions.get("log_fanout")
    if fanout is None:
        fanout = current_app.extensions.setdefault("log_fanout", LogFanout(
            config["DB"], poll_seconds=config["STREAM_POLL_SECONDS"]))
    return fanout  # type: ignore[no-any-return]


@dataclass(frozen=True, slots=True)
class StreamSettings:
    db: str
    after: int
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


def messages(settings: StreamSettings, fanout: LogFanout,
             clock: Callable[[], float] = time.monotonic) -> Iterator[str]:
    """The stream's text: a retry hint, then each entry after ``settings.after`` as it is
    appended, with heartbeat comments while idle."""
    deadline = clock() + settings.max_seconds if settings.max_seconds else None
    position, sent, quiet_since = settings.after, 0, clock()
    fanout.subscribe()
    try:
        yield f"retry: {RETRY_MS}\n\n"
        while deadline is None or clock() < deadline:
            wait = settings.heartbeat_seconds - (clock() - quiet_since)
            if deadline is not None:
                wait = min(wait, deadline - clock())
            events = fanout.events_after(position, max(wait, 0.01))
            if events is None:  # resuming from before what the follower keeps
                events = read_log(settings.db, position)
            for event in events:
                yield sse_message(event)
                position, sent, quiet_since = event.position, sent + 1, clock()
                if settings.max_events is not None and sent >= settings.max_events:
                    return
            if not events and clock() - quiet_since >= settings.heartbeat_seconds:
                quiet_since = clock()
                yield ": heartbeat\n\n"
    finally:
        fanout.unsubscribe()


def read_log(db: str, after: int, limit: int = 500) -> list[StoredEvent]:
    """Entries after ``after`` read from the log itself (a stream catching up)."""
    with follower_log(db) as log:
        return list(log.read_all(after, limit))


@bp.get("/stream")
def stream() -> Response:
    args = schemas.query_args(schemas.StreamArgs())
    config = current_app.config
    settings = StreamSettings(
        db=config["DB"], after=resume_position(request.headers.get("Last-Event-ID"), args["after"]),
        heartbeat_seconds=config["STREAM_HEARTBEAT_SECONDS"],
        max_seconds=config["STREAM_MAX_SECONDS"], max_events=config["STREAM_MAX_EVENTS"],
    )
    client, slots = request.remote_addr or "-", stream_slots()
    slots.acquire(client, config.get("STREAM_MAX_OPEN"), config.get("STREAM_MAX_PER_CLIENT"))
    response = Response(
        messages(settings, log_fanout()), mimetype="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )
    response.call_on_close(lambda: slots.release(client))
    return response
