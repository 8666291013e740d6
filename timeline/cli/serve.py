"""``timeline serve``: the web service under gunicorn, in gevent workers.

Each worker accepts up to ``STREAM_MAX_OPEN`` + ``REQUEST_CONNECTIONS`` connections as
greenlets; ``/api/stream`` stays on its greenlet (waiting costs memory, not a thread) and every
other request runs in the worker's pool of ``--threads`` OS threads (``web.offload``)."""

from __future__ import annotations

import os
import socket
from collections.abc import Callable
from typing import Any

import click
from gunicorn.app.base import BaseApplication

from events import is_postgres_url
from timeline.cli.common import db_path, main, read_models_path, reports_errors


class TimelineServer(BaseApplication):  # type: ignore[misc]
    """gunicorn running ``factory()`` in each worker, configured by keyword (no config file)."""

    def __init__(self, factory: Callable[[], Any], options: dict[str, Any]) -> None:
        self.factory = factory
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        return self.factory()


def write_json_error(sock: Any, status: int, reason: str, message: str) -> None:
    """gunicorn's own errors (a request line too long: 414, bad headers: 400) in the service's
    JSON error shape, not gunicorn's HTML page."""
    from gunicorn import util

    from timeline.web.errors import server_error_bytes

    util.write_nonblock(sock, server_error_bytes(status, reason, message))
    linger(sock)


def linger(sock: Any, seconds: float = 1.0, most: int = 256 * 1024) -> None:
    """Close gently after an early answer: stop writing, then read (and drop) what is left of
    the request for a moment, so closing with unread bytes does not reset the connection
    before the client has read the answer."""
    try:
        sock.shutdown(socket.SHUT_WR)
        sock.settimeout(seconds)
        drained = 0
        while drained < most and (chunk := sock.recv(65536)):
            drained += len(chunk)
    except OSError:
        pass


def json_server_errors() -> None:
    """Make gunicorn answer its own errors with ``write_json_error`` (in this process and the
    workers it forks)."""
    from gunicorn import util

    util.write_error = write_json_error


#: Per worker: streams open at once (all clients, then one client address), unless set by
#: ``TIMELINE_STREAM_MAX_OPEN`` / ``TIMELINE_STREAM_MAX_PER_CLIENT``.
STREAM_MAX_OPEN = 1000
STREAM_MAX_PER_CLIENT = 100
#: Connections a worker accepts beyond its streams: requests always find room.
REQUEST_CONNECTIONS = 256


def cooperative_postgres() -> None:
    """psycopg chooses how to wait for the server when it is first imported: in gunicorn's
    master, before gevent patched the worker, so a blocking C poll that would stop every
    greenlet of the worker during a query or a LISTEN. In the (patched) worker, wait through
    the patched ``poll`` instead, as psycopg does by itself when imported after patching."""
    from gevent import monkey
    from psycopg import waiting

    if monkey.is_module_patched("select"):
        waiting.wait = waiting.wait_poll


def default_workers() -> int:
    return min(4, (os.cpu_count() or 1) + 1)


#: One line per request on stderr: client, time, request line, status, bytes, duration (µs).
ACCESS_FORMAT = '%(h)s %(t)s "%(r)s" %(s)s %(b)s %(D)sus "%(a)s"'


def server_options(host: str, port: int, workers: int, connections: int,
                   access_log: str | None = "-") -> dict[str, Any]:
    return {
        "bind": f"{host}:{port}", "workers": workers, "worker_class": "gevent",
        "worker_connections": connections, "graceful_timeout": 5, "timeout": 60, "keepalive": 5,
        "accesslog": access_log, "access_log_format": ACCESS_FORMAT, "errorlog": "-",
        "loglevel": "info",
    }


def start_warnings(settings: dict[str, Any]) -> list[str]:
    """What an operator should hear on start: no write token means every write is refused."""
    if not settings.get("API_TOKENS"):
        return ["warning: no write token configured (TIMELINE_API_TOKENS): every write to the"
                " API is refused with 401; reads, feeds and the viewer work"]
    return []


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--workers", type=click.IntRange(1, 64), help="Worker processes [cpu+1, max 4].")
@click.option("--threads", default=8, show_default=True, type=click.IntRange(1, 256),
              help="Request threads per worker (open /api/stream connections hold none).")
@click.option("--access-log", default="-", show_default=True,
              help="Where to write one line per request: a file, - for stderr, or off.")
@click.pass_context
@reports_errors
def serve(ctx: click.Context, host: str, port: int, workers: int | None, threads: int,
          access_log: str) -> None:
    """Serve the API, feeds and viewer (settings from TIMELINE_* variables, db from --db)."""
    from timeline.archive import Archive, read_models_for, start_keeping_up
    from timeline.web import create_app
    from timeline.web.config import from_environ
    from timeline.web.offload import OffloadRequests

    settings = {**from_environ(os.environ), "DB": db_path(ctx)}
    settings.setdefault("BASE_URL", f"http://{host}:{port}")  # links in feeds: never the Host
    if not is_postgres_url(settings["DB"]):  # feeds rendered once per head, for every worker
        settings.setdefault("FEED_CACHE_DIR", f"{settings['DB']}-feeds")
    settings.setdefault("STREAM_MAX_OPEN", STREAM_MAX_OPEN)
    settings.setdefault("STREAM_MAX_PER_CLIENT", STREAM_MAX_PER_CLIENT)
    settings["READ_MODELS"] = read_models_path(ctx) or settings.get("READ_MODELS")
    with Archive.open(settings["DB"], read_models=settings["READ_MODELS"]) as archive:
        archive.catch_up()  # schema and read models before workers fork
        shown = archive.log.path

    def worker_app() -> OffloadRequests:
        """In each worker: the app (requests on its threads, streams on greenlets) and, when
        the node keeps its own read models, a projector that wakes on every commit."""
        cooperative_postgres()
        if read_models_for(settings["DB"], settings["READ_MODELS"]):
            start_keeping_up(settings["DB"], read_models=settings["READ_MODELS"])
        app = create_app(settings)
        return OffloadRequests(app, threads=threads, max_body=app.config["MAX_BODY_BYTES"])

    for warning in start_warnings(settings):
        click.echo(warning, err=True)
    click.echo(f"serving {shown} on http://{host}:{port}/", err=True)
    connections = settings["STREAM_MAX_OPEN"] + REQUEST_CONNECTIONS
    options = server_options(host, port, workers or default_workers(), connections,
                             None if access_log == "off" else access_log)
    json_server_errors()
    TimelineServer(worker_app, options).run()
