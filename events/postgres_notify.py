"""Waking followers on every node: each commit NOTIFYs the log's new head position.

One ``HeadListener`` per process and database holds a LISTEN connection in a daemon thread;
any number of threads (SSE streams, the projector) wait on it for the head to pass a position,
with a timeout, so polling remains the fallback when a notification is missed or the listening
connection is down (it reconnects by itself).
"""

from __future__ import annotations

import os
import threading

import psycopg

from .postgres_ddl import channel_for, schema_in_url


class HeadListener:
    """The latest head position NOTIFYed on the log's channel; threads wait for it to move."""

    def __init__(self, url: str, *, schema: str | None = None, retry_seconds: float = 1.0):
        self.url = url
        self.channel = channel_for(schema or schema_in_url(url))
        self.position = 0
        self.retry_seconds = retry_seconds
        self.listening = threading.Event()
        self._changed = threading.Condition()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="timeline-listen", daemon=True)
        self._thread.start()

    def wait_beyond(self, position: int, timeout: float) -> int:
        """Block until a head past ``position`` is notified, or ``timeout`` seconds pass; the
        latest head notified (it may still be ``position`` or less: then poll anyway)."""
        with self._changed:
            self._changed.wait_for(
                lambda: self.position > position or self._stop.is_set(), timeout
            )
            return self.position

    def stop(self) -> None:
        self._stop.set()
        with self._changed:
            self._changed.notify_all()

    def _publish(self, payload: str) -> None:
        try:
            position = int(payload)
        except ValueError:
            return
        with self._changed:
            if position > self.position:
                self.position = position
                self._changed.notify_all()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                with psycopg.connect(self.url, autocommit=True, connect_timeout=10) as conn:
                    conn.execute(f"LISTEN {self.channel}")
                    self.listening.set()
                    while not self._stop.is_set():
                        for note in conn.notifies(timeout=1.0):
                            self._publish(note.payload)
            except psycopg.Error:
                self.listening.clear()
                self._stop.wait(self.retry_seconds)


_LISTENERS: dict[str, HeadListener] = {}
_LOCK = threading.Lock()
_OWNER = [os.getpid()]


def head_listener(url: str) -> HeadListener:
    """This process's listener for ``url`` (started on first use, again after a fork)."""
    with _LOCK:
        if _OWNER[0] != os.getpid():  # threads do not survive fork: start afresh
            _LISTENERS.clear()
            _OWNER[0] = os.getpid()
        listener = _LISTENERS.get(url)
        if listener is None:
            listener = _LISTENERS[url] = HeadListener(url)
        return listener
