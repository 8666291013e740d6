"""Baselines for the event-log benchmark: raw sqlite3 on the log's own schema, and the
``eventsourcing`` library's SQLite application recorder (the peer a user might pick instead).

Each writer takes one workload Batch at a time and returns the seconds spent inside the database
call, so workload generation is never timed.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from eventsourcing.persistence import StoredEvent as PeerEvent
from eventsourcing.sqlite import SQLiteApplicationRecorder, SQLiteDatastore

from events.ddl import COLUMNS, INSERT_EVENT, create_schema
from events.sqlite import DURABLE_SYNC, FILE_PRAGMAS

from .log_workload import EVENT_TYPE, FAKE_HASH, METADATA, RECORDED_AT, Batch

_METADATA_JSON = json.dumps(METADATA, sort_keys=True, separators=(",", ":"))


def raw_connect(path: Path, *, durable: bool = True) -> sqlite3.Connection:
    """The same file settings as SqliteEventLog (FILE_PRAGMAS, then synchronous=FULL unless
    not ``durable``) and the same DDL."""
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in FILE_PRAGMAS:
        conn.execute(f"PRAGMA {pragma}")
    if durable:
        conn.execute(f"PRAGMA {DURABLE_SYNC}")
    create_schema(conn)
    return conn


def raw_rows(batch: Batch) -> list[tuple[object, ...]]:
    return [
        (
            batch.first_position + i, batch.stream_id, batch.first_version + i, event_id,
            EVENT_TYPE, 1, data_json, _METADATA_JSON, RECORDED_AT, FAKE_HASH, FAKE_HASH,
        )
        for i, (event_id, data_json) in enumerate(
            zip(batch.event_ids, batch.data_json(), strict=True)
        )
    ]


def raw_insert(conn: sqlite3.Connection, rows: list[tuple[object, ...]]) -> float:
    """One transaction: BEGIN IMMEDIATE, executemany, COMMIT. Seconds taken."""
    started = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(INSERT_EVENT, rows)
    conn.execute("COMMIT")
    return time.perf_counter() - started


def raw_scan(path: Path) -> tuple[int, float]:
    """Read every row in position order and json-decode data and metadata: (rows, seconds)."""
    conn = sqlite3.connect(path)
    loads = json.loads
    count = 0
    started = time.perf_counter()
    for row in conn.execute(f"SELECT {COLUMNS} FROM events ORDER BY position"):
        loads(row[6])
        loads(row[7])
        count += 1
    elapsed = time.perf_counter() - started
    conn.close()
    return count, elapsed


class Peer:
    """eventsourcing's SQLiteApplicationRecorder, out of the box (text stream ids)."""

    def __init__(self, path: Path) -> None:
        self.datastore = SQLiteDatastore(str(path), originator_id_type="text")
        self.recorder = SQLiteApplicationRecorder(self.datastore)
        self.recorder.create_table()

    @staticmethod
    def events(batch: Batch) -> list[PeerEvent]:
        return [
            PeerEvent(batch.stream_id, batch.first_version + i, EVENT_TYPE, text.encode())
            for i, text in enumerate(batch.data_json())
        ]

    def insert(self, events: list[PeerEvent]) -> float:
        started = time.perf_counter()
        self.recorder.insert_events(events)
        return time.perf_counter() - started

    def replay(self, page: int = 1_000) -> tuple[int, float]:
        """select_notifications page by page, json-decoding each state: (events, seconds)."""
        count, start = 0, 1
        loads = json.loads
        started = time.perf_counter()
        for notifications in self._pages(start, page):
            for note in notifications:
                loads(note.state)
            count += len(notifications)
        return count, time.perf_counter() - started

    def _pages(self, start: int, page: int) -> Iterator[list]:
        while True:
            notifications = list(self.recorder.select_notifications(start, page))
            if not notifications:
                return
            yield notifications
            start = notifications[-1].id + 1

    def close(self) -> None:
        self.datastore.close()

