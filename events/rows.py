"""Decoding stored rows into StoredEvents, upcasting old schema versions on the way."""

from __future__ import annotations

import json
from collections.abc import Sequence
from json.decoder import JSONDecoder
from json.scanner import make_scanner
from typing import Any

from .errors import EventIdConflict
from .prepare import PreparedEvent
from .records import StoredEvent
from .registry import EventRegistry

# The scanner json.loads runs, minus its per-call wrapping (typeshed mistypes the argument).
_scan_once = make_scanner(JSONDecoder())  # type: ignore[arg-type]


def _loads(text: Any) -> Any:
    """``json.loads(text)``, faster when ``text`` is a str holding exactly one JSON value (the
    stored case); anything else goes to ``json.loads`` itself, so results and errors are its."""
    try:
        value, end = _scan_once(text, 0)
    except (StopIteration, ValueError, TypeError):
        return json.loads(text)
    return value if end == len(text) else json.loads(text)


def decode_row(row: tuple[Any, ...], registry: EventRegistry) -> StoredEvent:
    """A row in COLUMNS order as a StoredEvent; unknown types come back intact."""
    version, data = registry.upcast(row[4], row[5], _loads(row[6]))
    return StoredEvent(
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
