"""A bulk rebuild on two cores: one process reads and folds the log, the other writes.

A ``Rebuild`` that offers ``write_rows(sink)`` (its page's writes as ``executemany`` calls on
any ``Sink``) and ``check(conn)`` can fold in a worker process: the worker (forked, so it
starts with the rebuild's empty state and the log's registry) reads the log's file through a
read-only connection of its own, folds each page and records the page's statements
(``Recorder``); the projector's process receives them and runs them in its write transaction,
page by page, while the worker folds the next one. The worker writes nothing: every write,
the checkpoint and the swap stay in the projector's process and transactions.

A rebuild may name the ``StoredEvent`` fields its fold reads (``event_fields``, a collection of
names); the worker then reads only those columns of the log (and the ones decoding needs), and
the events it folds hold None in every other field: the chain's hashes, ids and stream fields
are most of a row's bytes, and a fold of the read models needs none of them.

The worker is never more than ``AHEAD`` pages ahead: it sends a page whole, which a thread of
the projector's process takes off the pipe as it comes and keeps until the projector writes it.
The pipe is widened to ``PIPE_BYTES`` where the platform allows (Linux): a page of several
megabytes then crosses in a few large reads and writes, not in 64 KiB pieces (which cost the
receiving process about a second of CPU per gigabyte).
"""

from __future__ import annotations

import contextlib
import marshal
import multiprocessing
import os
import pickle
import queue
import sqlite3
import threading
from collections.abc import Collection, Generator, Iterable, Sequence
from multiprocessing.connection import Connection
from typing import Any, Protocol

from .ddl import COLUMNS
from .registry import EventRegistry
from .rows import decode_row

#: A page's writes: each statement with its rows, in the order they must run.
Statements = list[tuple[str, list[Sequence[Any]]]]

#: The ``marshal`` format of a page: version 2 writes every object as it comes, where later
#: versions look each shared object (a row's strings are shared with the fold's state) up in a
#: table to write it once: on a rebuild's pages that table costs the worker more (a fifth of
#: its ``dumps``) than the repeats cost in bytes (a fifth more) and in the projector's ``loads``
#: (a tenth more).
MARSHAL_VERSION = 2

#: The pipe's capacity asked for (Linux's default limit for unprivileged processes).
PIPE_BYTES = 1 << 20
#: Pages taken off the pipe ahead of the projector's writes (see ``_ReadAhead``).
AHEAD = 3
#: The first page is this fraction of the others, so the projector starts writing sooner.
FIRST_PAGE_SHARE = 8

_PAGE_SQL = "SELECT {columns} FROM events WHERE position > ? ORDER BY position LIMIT ?"
#: The fields decoding an event needs, whatever the rebuild reads.
DECODED = frozenset({"position", "type", "schema_version", "data", "metadata"})


class Sink(Protocol):
    """Where a page's rows go: a ``sqlite3.Connection``, or a ``Recorder``."""

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]], /) -> Any: ...


class Recorder:
    """A ``Sink`` that keeps each ``executemany`` (with its rows) to run elsewhere."""

    def __init__(self) -> None:
        self.statements: Statements = []

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]], /) -> None:
        kept = list(rows)
        if kept:  # an executemany of no rows does nothing
            self.statements.append((sql, kept))


class StagedRebuild(Protocol):
    """The part of a ``Rebuild`` a worker process needs (see the module's docstring)."""

    def fold(self, event: Any) -> None: ...

    def write_rows(self, sink: Sink) -> None: ...


class FoldFailed(Exception):
    """The worker could not fold (or record) the event at ``position``."""

    def __init__(self, position: int, cause: Exception) -> None:
        super().__init__(f"position {position}: {cause}")
        self.position = position
        self.cause = cause


def page_sql(fields: Collection[str] | None = None) -> str:
    """The query for a page of the log: every column, or (``fields``) those and the ones
    decoding needs, with NULL in place of the others, so rows keep ``COLUMNS``' shape."""
    names = [name.strip() for name in COLUMNS.split(",")]
    if fields is None:
        return _PAGE_SQL.format(columns=COLUMNS)
    unknown = set(fields) - set(names)
    if unknown:
        raise ValueError(f"event_fields: no such StoredEvent field {sorted(unknown)[0]!r}")
    wanted = DECODED | set(fields)
    return _PAGE_SQL.format(columns=", ".join(n if n in wanted else "NULL" for n in names))


def can_fork() -> bool:
    """Whether this platform can start a forked worker and has a second core for it."""
    return "fork" in multiprocessing.get_all_start_methods() and (os.cpu_count() or 1) > 1


def replay(conn: sqlite3.Connection, statements: Statements) -> None:
    """Run a page's recorded statements on ``conn``, in order."""
    for sql, rows in statements:
        conn.executemany(sql, rows)


def folded_pages(
    path: str, registry: EventRegistry, rebuild: StagedRebuild, page: int
) -> Generator[tuple[int, int, Statements]]:
    """(last position, events, statements) for each page of the log at ``path``, folded by a
    forked worker; raises ``FoldFailed`` where the worker failed."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    widen(send)
    worker = context.Process(target=_work, args=(path, registry, rebuild, page, send),
                             name="rebuild-fold", daemon=True)
    worker.start()
    send.close()
    ahead = _ReadAhead(receive)
    position = 0
    try:
        while True:
            try:
                kind, position, count, payload = _decode(ahead.next())
            except EOFError:
                raise FoldFailed(position, RuntimeError("the fold worker stopped")) from None
            if kind == "failed":
                raise FoldFailed(position, payload)
            if kind == "done":
                return
            yield position, count, payload
    finally:
        if worker.is_alive():
            worker.terminate()
        worker.join()
        ahead.stop()
        receive.close()


class _ReadAhead:
    """A thread taking the worker's messages off the pipe as they come, up to ``AHEAD`` of
    them before the projector's process uses them, so the worker folds on while a commit or
    a checkpoint holds the writer (the pipe itself holds a fraction of a page)."""

    def __init__(self, receive: Connection) -> None:
        self._receive = receive
        self._queue: queue.Queue[bytes | BaseException] = queue.Queue(AHEAD)
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rebuild-read", daemon=True)
        self._thread.start()

    def next(self) -> bytes:
        """The next message; EOFError once the worker has closed its end."""
        item = self._queue.get()
        if isinstance(item, BaseException):
            raise item
        return item

    def stop(self) -> None:
        """Stop reading (after the worker has ended, so a read in progress ends too)."""
        self._stopped.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stopped.is_set():
            try:
                item: bytes | BaseException = self._receive.recv_bytes()
            except (EOFError, OSError) as exc:
                item = exc if isinstance(exc, EOFError) else EOFError(str(exc))
            while not self._stopped.is_set():
                try:
                    self._queue.put(item, timeout=0.1)
                    break
                except queue.Full:
                    continue
            if isinstance(item, BaseException):
                return


def widen(connection: Connection, size: int = PIPE_BYTES) -> int:
    """Ask for a pipe of ``size`` bytes; its capacity after that (0: not a pipe this platform
    can resize, which keeps its own)."""
    try:
        import fcntl
        setting, getting = fcntl.F_SETPIPE_SZ, fcntl.F_GETPIPE_SZ
    except (ImportError, AttributeError):
        return 0
    with contextlib.suppress(OSError):  # over the limit (pipe-max-size): keep the default
        fcntl.fcntl(connection.fileno(), setting, size)
    try:
        return fcntl.fcntl(connection.fileno(), getting)
    except OSError:
        return 0


def _work(path: str, registry: EventRegistry, rebuild: StagedRebuild, page: int,
          send: Connection) -> None:
    """The worker: fold the log page by page, sending each page's statements."""
    position = 0
    try:
        sql = page_sql(getattr(rebuild, "event_fields", None))
        conn = sqlite3.connect(path, timeout=60)
        conn.execute("PRAGMA query_only = ON")
        size = max(1, page // FIRST_PAGE_SHARE)  # the writer waits for the first page only
        while rows := conn.execute(sql, (position, size)).fetchall():
            size = page
            for row in rows:
                position = row[0]
                rebuild.fold(decode_row(row, registry))
            recorder = Recorder()
            rebuild.write_rows(recorder)
            page_data = ("page", position, len(rows), recorder.statements)
            send.send_bytes(marshal.dumps(page_data, MARSHAL_VERSION))
        send.send_bytes(marshal.dumps(("done", position, 0, None), MARSHAL_VERSION))
    except Exception as exc:  # sent to the projector, which raises it as a ProjectionError
        send.send_bytes(b"!" + pickle.dumps((position, _portable(exc))))
    finally:
        send.close()


def _decode(data: bytes) -> tuple[str, int, int, Any]:
    """One of the worker's messages: a page's statements travel as ``marshal`` data (plain
    tuples, lists, strings and numbers: several times quicker than pickling them), a failure
    as a pickled exception."""
    if data.startswith(b"!"):
        position, exc = pickle.loads(data[1:])
        return "failed", position, 0, exc
    return marshal.loads(data)  # type: ignore[no-any-return]


def _portable(exc: Exception) -> Exception:
    """``exc`` if it survives pickling, else a RuntimeError with its message."""
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc
