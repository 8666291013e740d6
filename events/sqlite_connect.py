"""Opening a SQLite file for the log or for read models: a busy timeout on every connection,
and WAL switched on in a way that waits for other connections instead of failing.

SQLite does not call the busy handler when ``PRAGMA journal_mode=WAL`` meets a lock (a fresh
file that another connection is creating or switching at that moment): the pragma fails at
once with "database is locked". So the mode is read first (a file already in WAL, the usual
case, needs no lock at all) and the switch is retried until the busy timeout runs out.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from .errors import StorageError

#: Synchronous mode of a file opened here: NORMAL never corrupts a WAL file (a power cut may
#: lose the last commits); the log raises it to FULL (``SqliteEventLog.set_durable``).
FILE_SYNC = "synchronous=NORMAL"
_RETRY_SECONDS = 0.005


def is_locked(exc: sqlite3.OperationalError) -> bool:
    """Whether SQLite refused for lock contention (busy or locked), not for a real fault."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "locked" in str(exc) or "busy" in str(exc)


def connect_file(path: str | Path, *, busy_timeout_ms: int) -> sqlite3.Connection:
    """A connection with ``busy_timeout_ms`` set (every wait for a lock is bounded by it), in
    WAL mode with NORMAL sync unless ``path`` is ``:memory:``."""
    conn = sqlite3.connect(str(path), timeout=busy_timeout_ms / 1000, check_same_thread=False)
    try:
        conn.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        if str(path) != ":memory:":
            use_wal(conn, busy_timeout_ms / 1000)
            conn.execute(f"PRAGMA {FILE_SYNC}")
    except BaseException:
        conn.close()
        raise
    return conn


def use_wal(conn: sqlite3.Connection, timeout: float, *, sleep=time.sleep) -> None:  # type: ignore[no-untyped-def]
    """Put the file in WAL mode, waiting up to ``timeout`` seconds for other connections."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            if _mode(conn, "PRAGMA journal_mode") == "wal" or _mode(
                    conn, "PRAGMA journal_mode=WAL") == "wal":
                return
            problem = "the file stayed out of WAL mode"  # another connection held it
        except sqlite3.OperationalError as exc:
            if not is_locked(exc):
                raise StorageError(f"could not open the database: {exc}") from exc
            problem = str(exc)
        if time.monotonic() >= deadline:
            raise StorageError(f"could not open the database: {problem}")
        sleep(_RETRY_SECONDS)


def _mode(conn: sqlite3.Connection, pragma: str) -> str:
    return str(conn.execute(pragma).fetchone()[0]).lower()
