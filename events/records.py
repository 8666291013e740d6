"""The envelope: events to append and events as stored. Plain frozen data."""

from __future__ import annotations

import os
import time
import uuid
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from .frozen import positional_constructor


class ExpectedVersion(Enum):
    """Special expected versions for ``append``; an ``int`` means that exact version."""

    ANY = "any"
    NO_STREAM = "no_stream"


ANY = ExpectedVersion.ANY
NO_STREAM = ExpectedVersion.NO_STREAM

#: The ``prev_hash`` of the first event: 64 zeros.
GENESIS_HASH = "0" * 64


def new_event_id() -> str:
    """A time-ordered UUID (version 7, RFC 9562): 48 bits of Unix milliseconds, then random.

    Ids that grow with time keep the log's unique index on ``event_id`` append-mostly, which
    keeps appends fast as the log grows (random v4 ids touch a random index page each)."""
    millis = time.time_ns() // 1_000_000 & ((1 << 48) - 1)
    rand = int.from_bytes(os.urandom(10), "big")
    value = (
        millis << 80 | 0x7 << 76 | (rand >> 62 & 0xFFF) << 64 | 0b10 << 62 | rand & ((1 << 62) - 1)
    )
    return str(uuid.UUID(int=value))


@dataclass(frozen=True, slots=True)
class NewEvent:
    """An event to append. ``schema_version`` None means the type's latest registered version."""

    type: str
    data: dict[str, Any]
    metadata: dict[str, Any] = field(default_factory=dict)
    event_id: str = field(default_factory=new_event_id)
    schema_version: int | None = None


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """An event as recorded in the log, in its total order."""

    position: int
    stream_id: str
    stream_version: int
    event_id: str
    type: str
    schema_version: int
    data: dict[str, Any]
    metadata: dict[str, Any]
    recorded_at: str  # ISO 8601 UTC with microseconds, e.g. 2025-11-17T09:30:00.000000Z
    prev_hash: str
    hash: str

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}  # type: ignore[attr-defined]


#: ``StoredEvent(...)`` (its fields positionally) without the frozen ``__init__``: decoding a
#: page of the log makes one per row (see ``events.frozen``).
stored_event = positional_constructor(StoredEvent)


@dataclass(frozen=True, slots=True)
class Head:
    """The end of the log: the last position and its hash (0 and GENESIS_HASH when empty)."""

    position: int
    hash: str
    recorded_at: str | None = None
