"""Decoding stored rows into StoredEvents, upcasting old schema versions on the way."""

from __future__ import annotations

import json
from typing import Any

from .records import StoredEvent
from .registry import EventRegistry

_loads = json.loads


def decode_row(row: tuple[Any, ...], registry: EventRegistry) -> StoredEvent:
    """A row in COLUMNS order as a StoredEvent; unknown types come back intact."""
    version, data = registry.upcast(row[4], row[5], _loads(row[6]))
    return StoredEvent(
        row[0], row[1], row[2], row[3], row[4], version, data, _loads(row[7]),
        row[8], row[9], row[10],
    )
