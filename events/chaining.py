"""Chaining a prepared batch after the log's head: the rows every backend stores and the
StoredEvents it returns, computed once for SQLite and PostgreSQL alike."""

from __future__ import annotations

from typing import Any

from .codec import chain_hash
from .prepare import PreparedEvent
from .records import Head, StoredEvent
from .registry import EventRegistry


def chain_batch(
    stream_id: str, version: int, head: Head, batch: list[PreparedEvent], *, now: str,
    registry: EventRegistry,
) -> tuple[list[tuple[Any, ...]], list[StoredEvent]]:
    """Rows (in COLUMNS order) and StoredEvents for ``batch`` after ``head``, the stream at
    ``version``. ``now`` is the formatted clock; recorded_at never goes backwards."""
    recorded_at = head.recorded_at if head.recorded_at and now < head.recorded_at else now
    rows: list[tuple[Any, ...]] = []
    stored: list[StoredEvent] = []
    prev = head.hash
    upcast, latest_of = registry.upcast, registry.latest
    for offset, p in enumerate(batch, start=1):
        position, stream_version = head.position + offset, version + offset
        digest = chain_hash(
            position, stream_id, stream_version, p.event_id, p.type, p.schema_version,
            p.data_json, p.metadata_json, recorded_at, prev,
        )
        rows.append((
            position, stream_id, stream_version, p.event_id, p.type, p.schema_version,
            p.data_json, p.metadata_json, recorded_at, prev, digest,
        ))
        latest, data = p.schema_version, p.data
        if latest != latest_of(p.type):  # an older version given: return it upcast
            latest, data = upcast(p.type, p.schema_version, p.data)
        stored.append(StoredEvent(
            position, stream_id, stream_version, p.event_id, p.type, latest, data,
            p.metadata, recorded_at, prev, digest,
        ))
        prev = digest
    return rows, stored
