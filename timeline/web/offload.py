"""Requests on OS threads, streams on greenlets: the WSGI wrapper ``timeline serve`` puts
around the app in each gevent worker.

A gevent worker accepts thousands of connections, each a greenlet; an open ``/api/stream``
only waits (on ``fanout.LogFanout``), so it stays a greenlet and costs memory. Every other
request runs in a pool of ``threads`` OS threads, as under a threaded server: an ingest's
extraction (pure CPU) or a SQLite busy wait then blocks one thread, never the worker's event
loop, and the interpreter switches threads every few milliseconds, so the worker's other
requests and its streams keep being served meanwhile. The request body is read on the
greenlet first (a slow client holds no thread), at most ``max_body`` + 1 bytes, so the app
still answers 413 for a body over the limit.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from typing import Any

Environ = dict[str, Any]
StartResponse = Callable[..., Any]
WsgiApp = Callable[[Environ, StartResponse], Iterable[bytes]]

#: Paths served on the accepting greenlet (long-lived, waiting, no CPU work).
STREAM_PATHS = frozenset({"/api/stream"})


class OffloadRequests:
    """Runs ``app`` for every request but the streams in a pool of ``threads`` OS threads."""

    def __init__(self, app: WsgiApp, *, threads: int, max_body: int,
                 pool: Any = None) -> None:
        if pool is None:
            from gevent.threadpool import ThreadPool

            pool = ThreadPool(threads)
        self.app = app
        self.pool = pool
        self.max_body = max_body

    def __call__(self, environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("PATH_INFO", "").rstrip("/") in STREAM_PATHS:
            return self.app(environ, start_response)
        environ["wsgi.input"] = io.BytesIO(self._body(environ))
        status, headers, chunks = self.pool.apply(self._respond, (environ,))
        start_response(status, headers)
        return chunks

    def _body(self, environ: Environ) -> bytes:
        """The request body, read here; none when its declared length is already too large
        (the app refuses it by the header alone)."""
        declared = environ.get("CONTENT_LENGTH") or ""
        if declared.isdigit() and int(declared) > self.max_body:
            return b""
        stream = environ.get("wsgi.input")
        return stream.read(self.max_body + 1) if stream is not None else b""

    def _respond(self, environ: Environ) -> tuple[str, list[tuple[str, str]], list[bytes]]:
        """On a pool thread: the whole response (status, headers, body chunks)."""
        answer: dict[str, Any] = {}
        chunks: list[bytes] = []

        def start(status: str, headers: list[tuple[str, str]], exc_info: Any = None
                  ) -> Callable[[bytes], None]:
            answer["status"], answer["headers"] = status, headers
            return chunks.append

        body = self.app(environ, start)
        try:
            chunks.extend(body)
        finally:
            close = getattr(body, "close", None)
            if close is not None:
                close()
        return answer["status"], answer["headers"], chunks
