"""The connection settings of a bulk rebuild, and of a batch of events projected, held while it
runs and restored after it."""

from __future__ import annotations

import gc
import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext

#: Connection settings while a rebuild runs, restored after it: a larger page cache; freed pages
#: (the old read model's, rebuildable from the log) not zeroed when that costs extra writes
#: (``secure_delete=FAST``); and the rebuild's commits not synced one by one
#: (``synchronous=NORMAL``: WAL still never tears one, and a power cut can only undo the last
#: pages of a rebuild, which starts afresh anyway). They hold for this connection while it
#: rebuilds, which appends nothing meanwhile: the log's own appends keep their durability.
BULK_SETTINGS = {"cache_size": -262_144, "secure_delete": "FAST", "synchronous": "NORMAL"}
#: The page cache (KiB) while a batch of events is projected into the live read models, when
#: the connection's is smaller (SQLite's default is 2 MB): a batch's inserts land all over the
#: tables' indexes (keyed by entry ids, which are hashes), whose pages a small cache reads again
#: and again. Restored after the batch, so the memory is only held while one runs.
BATCH_CACHE_KIB = 65_536


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection for the duration: a rebuild or a batch allocates many
    acyclic rows, and each collection would scan every object alive again. Collection is
    enabled again after it if it was before."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


@contextmanager
def bulk_settings(conn: sqlite3.Connection) -> Iterator[None]:
    """``BULK_SETTINGS`` on ``conn``, and no cyclic garbage collection, for the duration."""
    saved = {name: conn.execute(f"PRAGMA {name}").fetchone()[0] for name in BULK_SETTINGS}
    try:
        with paused_gc():
            for name, value in BULK_SETTINGS.items():
                conn.execute(f"PRAGMA {name}={value}")
            yield
    finally:
        for name, value in saved.items():
            conn.execute(f"PRAGMA {name}={value}")


@contextmanager
def batch_settings(conn: sqlite3.Connection) -> Iterator[None]:
    """A page cache of at least ``BATCH_CACHE_KIB`` on ``conn``, and no cyclic garbage
    collection, while a batch of events is projected."""
    saved = conn.execute("PRAGMA cache_size").fetchone()[0]  # < 0: KiB; > 0: pages
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    size_kib = -saved if saved < 0 else saved * page // 1024
    try:
        with paused_gc():
            if size_kib < BATCH_CACHE_KIB:
                conn.execute(f"PRAGMA cache_size={-BATCH_CACHE_KIB}")
            yield
    finally:
        if size_kib < BATCH_CACHE_KIB:
            conn.execute(f"PRAGMA cache_size={saved}")


def unchanged(conn: sqlite3.Connection) -> AbstractContextManager[None]:
    """No settings changed (for a projection applied event by event)."""
    return nullcontext()
