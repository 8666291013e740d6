"""One log follower per process, fanned out to every open ``/api/stream``.

The follower reads each new log entry once (woken by NOTIFY on PostgreSQL, polling every
``poll_seconds`` on SQLite) and keeps the last ``keep`` entries in memory; a stream waits on
it for entries past its position, so a thousand idle streams cost a thousand waiters, not a
thousand database pollers. A stream resuming from further back than the follower keeps reads
the log itself until it is within reach. The follower runs only while streams are open.

Under ``timeline serve`` (gevent workers) the thread is a greenlet and the condition a gevent
one, so waiting streams hold no OS thread; elsewhere (tests, a threaded server) they are real.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections import deque
from collections.abc import Iterator

from events import EventLogError, StoredEvent, follow, head_listener, is_postgres_url
from timeline.archive import open_log


def follower_log(db: str):  # type: ignore[no-untyped-def]
    """A log to read from (a PostgreSQL log gets throwaway in-memory read models)."""
    return open_log(db, read_models=":memory:" if is_postgres_url(db) else None)


class LogFanout:
    """The last entries read from the log, and the streams waiting for the next ones."""

    def __init__(self, db: str, *, poll_seconds: float, keep: int = 2048) -> None:
        self.db = db
        self.poll_seconds = poll_seconds
        self.head: int | None = None  # the last position read; None before the first start
        self._recent: deque[StoredEvent] = deque(maxlen=keep)
        self._changed = threading.Condition()
        self._subscribers = 0
        self._running = False

    @property
    def subscribers(self) -> int:
        return self._subscribers

    def subscribe(self) -> None:
        """Count a stream in; start the follower if it is not running."""
        with self._changed:
            self._subscribers += 1
            if self._running:
                return
            if self.head is None:
                with follower_log(self.db) as log:
                    self.head = log.head().position
            self._running = True
        threading.Thread(target=self._follow, name="timeline-fanout", daemon=True).start()

    def unsubscribe(self) -> None:
        with self._changed:
            self._subscribers -= 1

    def events_after(self, position: int, timeout: float) -> list[StoredEvent] | None:
        """Wait up to ``timeout`` seconds for entries past ``position``: them (``[]`` if none
        came), or None when ``position`` is older than what is kept (read the log instead)."""
        with self._changed:
            self._changed.wait_for(lambda: (self.head or 0) > position, timeout)
            if (self.head or 0) <= position:
                return []
            if not self._recent or self._recent[0].position > position + 1:
                return None
            start = position + 1 - self._recent[0].position
            return list(itertools.islice(self._recent, start, None))

    def _follow(self) -> None:
        while self._keep_running():
            try:
                with follower_log(self.db) as log:
                    for event in self._entries(log):
                        if event is not None:
                            self._publish(event)
                        elif not self._keep_running():
                            return
            except EventLogError:
                time.sleep(self.poll_seconds)  # the database is away: try again

    def _entries(self, log) -> Iterator[StoredEvent | None]:  # type: ignore[no-untyped-def]
        listener = head_listener(self.db)

        def wait(seconds: float) -> None:
            if listener is None:
                time.sleep(seconds)
            else:
                listener.wait_beyond(self.head or 0, seconds)

        return follow(log, self.head or 0, poll_interval=self.poll_seconds, sleep=wait)

    def _keep_running(self) -> bool:
        with self._changed:
            if self._subscribers <= 0:
                self._running = False
            return self._running

    def _publish(self, event: StoredEvent) -> None:
        with self._changed:
            self._recent.append(event)
            self.head = event.position
            self._changed.notify_all()
