"""``OffloadRequests``: streams stay on the accepting greenlet, every other request runs on the
pool, its body read first (never more than the limit allows) and its response collected."""

from __future__ import annotations

import io
from typing import Any

import pytest

from timeline.web.offload import OffloadRequests


class RecordingPool:
    """Runs calls at once and records them (the gevent pool runs them on OS threads)."""

    def __init__(self) -> None:
        self.calls = 0

    def apply(self, func: Any, args: tuple[Any, ...]) -> Any:
        self.calls += 1
        return func(*args)


def _echo(environ: dict[str, Any], start_response: Any) -> list[bytes]:
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"got ", environ["wsgi.input"].read()]


def _call(path: str, body: bytes = b"", length: str | None = None) -> tuple[bytes, int, str]:
    pool, seen = RecordingPool(), {}
    wrapped = OffloadRequests(_echo, threads=1, max_body=10, pool=pool)
    environ = {"PATH_INFO": path, "wsgi.input": io.BytesIO(body),
               "CONTENT_LENGTH": str(len(body)) if length is None else length}
    chunks = wrapped(environ, lambda status, headers: seen.update(status=status))
    return b"".join(chunks), pool.calls, seen["status"]


@pytest.mark.parametrize("path", ["/api/stream", "/api/stream/"])
def test_streams_are_served_on_the_greenlet(path: str) -> None:
    assert _call(path, b"hi")[1] == 0


def test_requests_run_on_the_pool_with_their_body() -> None:
    assert _call("/api/articles", b"hello") == (b"got hello", 1, "200 OK")


def test_a_body_is_read_only_up_to_one_byte_past_the_limit() -> None:
    body, _, _ = _call("/api/articles", b"x" * 50, length="")  # chunked: no length
    assert body == b"got " + b"x" * 11  # the app sees it is over the limit: 413


def test_a_body_declared_too_large_is_not_read() -> None:
    assert _call("/api/articles", b"x" * 50)[0] == b"got "
