"""The envelope: events to append and events as stored. Plain frozen data."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class ExpectedVersion(Enum):
    """Special expected versions for ``append``; an ``int`` means that exact version."""

    ANY = "any"
    NO_STREAM = "no_stream"


ANY = ExpectedVersion.ANY
NO_STREAM = ExpectedVersion.NO_STREAM

#: The ``prev_hash`` of the first event: 64 zeros.
GENESIS_HASH = "0" * 64


def new_event_id() -> str:
    return str(uuid.uuid4())


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


@dataclass(frozen=True, slots=True)
class Head:
    """The end of the log: the last position and its hash (0 and GENESIS_HASH when empty)."""

    position: int
    hash: str
    recorded_at: str | None = None
