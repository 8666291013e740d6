"""Decoding stored rows into StoredEvents, upcasting old schema versions on the way."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

import msgspec

from .errors import EventIdConflict
from .prepare import PreparedEvent
from .records import StoredEvent, stored_event
from .registry import EventRegistry

# msgspec's JSON decoder: the same values as json.loads for any text both accept (integers of
# any size included), in half its time. What it refuses and json.loads accepts (NaN, numbers
# out of a float's range, escaped lone surrogates) goes to json.loads.
_decode = msgspec.json.Decoder().decode


def _loads(text: Any) -> Any:
    """``json.loads(text)``, in half the time for the stored case (a str holding one JSON
    value); whatever msgspec refuses goes to ``json.loads`` itself, so errors are its."""
    try:
        return _decode(text)
    except (msgspec.DecodeError, TypeError):
        return json.loads(text)


def decode_row(row: tuple[Any, ...], registry: EventRegistry) -> StoredEvent:
    """A row in COLUMNS order as a StoredEvent; unknown types come back intact."""
    version, data = registry.upcast(row[4], row[5], _loads(row[6]))
    return stored_event(
        row[0], row[1], row[2], row[3], row[4], version, data, _loads(row[7]),
        row[8], row[9], row[10],
    )


def stored_batch(
    rows: Sequence[tuple[Any, ...]], stream_id: str, prepared: Sequence[PreparedEvent],
    registry: EventRegistry,
) -> list[StoredEvent]:
    """The rows found where a retried batch's first event id is stored, decoded, if they are that
    batch to the letter (an idempotent retry); EventIdConflict otherwise."""
    same = len(rows) == len(prepared) and all(
        (r[1], r[3], r[4], r[5], r[6], r[7])
        == (stream_id, p.event_id, p.type, p.schema_version, p.data_json, p.metadata_json)
        for r, p in zip(rows, prepared, strict=False)
    )
    if not same:
        raise EventIdConflict(prepared[0].event_id)
    return [decode_row(r, registry) for r in rows]


#: A driver's ``execute`` (``sqlite3.Connection.execute``, ``psycopg.Cursor.execute``): the
#: backends differ only in their parameter marker (``?``, ``%s``).
Execute = Callable[[str, Sequence[Any]], Any]


def stored_retry(
    execute: Execute, marker: str, columns: str, stream_id: str,
    prepared: Sequence[PreparedEvent], registry: EventRegistry,
) -> list[StoredEvent] | None:
    """The batch already stored when its first event id is (an idempotent retry, or
    EventIdConflict: see ``stored_batch``); None when that id is new."""
    first = execute(f"SELECT position FROM events WHERE event_id = {marker}",
                    (prepared[0].event_id,)).fetchone()
    if first is None:
        return None
    rows = execute(
        f"SELECT {columns} FROM events WHERE position >= {marker} ORDER BY position"
        f" LIMIT {marker}", (first[0], len(prepared)),
    ).fetchall()
    return stored_batch(rows, stream_id, prepared, registry)


def stream_version(execute: Execute, marker: str, stream_id: str) -> int:
    """The stream's current version (0 when it has no events)."""
    row = execute(f"SELECT MAX(stream_version) FROM events WHERE stream_id = {marker}",
                  (stream_id,)).fetchone()
    return int(row[0] or 0) if row else 0
