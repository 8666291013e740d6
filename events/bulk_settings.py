"""The connection settings of a bulk rebuild, held while it runs and restored after it."""

from __future__ import annotations

import gc
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

#: Connection settings while a rebuild runs, restored after it: a larger page cache; freed pages
#: (the old read model's, rebuildable from the log) not zeroed when that costs extra writes
#: (``secure_delete=FAST``); and the rebuild's commits not synced one by one
#: (``synchronous=NORMAL``: WAL still never tears one, and a power cut can only undo the last
#: pages of a rebuild, which starts afresh anyway). They hold for this connection while it
#: rebuilds, which appends nothing meanwhile: the log's own appends keep their durability.
BULK_SETTINGS = {"cache_size": -262_144, "secure_delete": "FAST", "synchronous": "NORMAL"}


@contextmanager
def bulk_settings(conn: sqlite3.Connection) -> Iterator[None]:
    """``BULK_SETTINGS`` on ``conn``, and no cyclic garbage collection (a rebuild holds millions
    of acyclic rows that each collection would scan again), for the duration."""
    saved = {name: conn.execute(f"PRAGMA {name}").fetchone()[0] for name in BULK_SETTINGS}
    collecting = gc.isenabled()
    try:
        gc.disable()
        for name, value in BULK_SETTINGS.items():
            conn.execute(f"PRAGMA {name}={value}")
        yield
    finally:
        for name, value in saved.items():
            conn.execute(f"PRAGMA {name}={value}")
        if collecting:
            gc.enable()
