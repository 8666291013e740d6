"""Connecting to PostgreSQL: URLs without their password in messages, one clear error when the
server cannot be reached, and a per-process cache of idle connections (safe across fork)."""

from __future__ import annotations

import os
import threading
from typing import Any
from urllib.parse import urlsplit

import psycopg

from .errors import StorageError

_MAX_IDLE = 8
_IDLE = psycopg.pq.TransactionStatus.IDLE


def redact(url: str) -> str:
    """``url`` with any password replaced by ``***`` (for messages and logs)."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rpartition("@")
    user = (parts.username or "") + ":***"
    return parts._replace(netloc=f"{user}@{netloc[2]}").geturl()


def describe(url: str) -> str:
    """``host:port/db as user``: what a connection error names (never the password)."""
    parts = urlsplit(url)
    host = parts.hostname or "localhost"
    try:
        port: int | str = parts.port or 5432
    except ValueError:  # not a number: show it as given
        port = parts.netloc.rpartition("@")[2].rpartition(":")[2]
    database = parts.path.lstrip("/") or parts.username or "?"
    user = f" as {parts.username}" if parts.username else ""
    return f"{host}:{port}/{database}{user}"


def first_line(exc: Exception, url: str) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    password = urlsplit(url).password
    return text.replace(password, "***") if password else text


def connect(url: str, *, connect_timeout: int = 10) -> psycopg.Connection[Any]:
    """An autocommit connection; StorageError naming host and database if it fails."""
    extra: dict[str, Any] = {"connect_timeout": connect_timeout}
    if "application_name" not in url:  # nodes show as timeline-archive in pg_stat_activity
        extra["application_name"] = "timeline-archive"
    try:
        return psycopg.connect(url, autocommit=True, **extra)
    except (psycopg.Error, ValueError) as exc:
        raise StorageError(
            f"cannot connect to PostgreSQL at {describe(url)}: {first_line(exc, url)}"
        ) from exc


class ConnectionCache:
    """Idle connections kept per URL for this process, so a request that opens a log does not
    pay for a new session. A forked child never touches its parent's connections: they are
    set aside (not closed, which would end the parent's sessions) and the child starts empty."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._idle: dict[str, list[psycopg.Connection[Any]]] = {}
        self._pid = os.getpid()
        self._orphans: list[object] = []

    def take(self, url: str, *, connect_timeout: int = 10) -> psycopg.Connection[Any]:
        with self._lock:
            self._check_pid()
            idle = self._idle.get(url, [])
            while idle:
                conn = idle.pop()
                if not conn.closed and conn.info.transaction_status == _IDLE:
                    return conn
        return connect(url, connect_timeout=connect_timeout)

    def give_back(self, url: str, conn: psycopg.Connection[Any]) -> None:
        with self._lock:
            self._check_pid()
            idle = self._idle.setdefault(url, [])
            healthy = not conn.closed and not conn.broken
            if healthy and conn.info.transaction_status == _IDLE:
                if len(idle) < _MAX_IDLE:
                    idle.append(conn)
                    return
        conn.close()

    def forget(self) -> None:
        """After fork, in the child: drop the parent's connections without closing them."""
        self._orphans.append(self._idle)
        self._idle = {}
        self._pid = os.getpid()
        self._lock = threading.Lock()

    def _check_pid(self) -> None:
        if self._pid != os.getpid():
            self.forget()


CACHE = ConnectionCache()
os.register_at_fork(after_in_child=CACHE.forget)
