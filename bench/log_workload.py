"""The event-log benchmark's workload: ~300-byte payloads over 1,000 streams, in batches.

Deterministic (seeded) and cheap to generate, so generation stays outside every timed section.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from marshmallow import Schema, fields, validate

from events import EventRegistry
from events.records import new_event_id

EVENT_TYPE = "EntryNoted"
STREAMS = 1_000
BATCH = 1_000
METADATA = {"actor": "bench", "source": "bench/log"}
RECORDED_AT = "2025-11-17T09:30:00.000000Z"
FAKE_HASH = "ab" * 32
_WORDS = (
    "council budget river bridge election minister harbour strike museum court ruling storm "
    "railway treaty festival hospital archive mayor vote school flood summit market tunnel"
).split()


class EntryNotedV1(Schema):
    """A realistic small schema: the kind of fact the archive records."""

    entry_id = fields.String(required=True, validate=validate.Length(min=1, max=100))
    headline = fields.String(required=True, validate=validate.Length(max=500))
    date = fields.String(required=True, validate=validate.Length(min=1, max=100))
    precision = fields.String(required=True, validate=validate.OneOf(("day", "month", "year")))
    actors = fields.List(fields.String(validate=validate.Length(max=200)), load_default=list)
    lang = fields.String(required=True, validate=validate.Length(min=2, max=10))
    sequence = fields.Integer(required=True, strict=True, validate=validate.Range(min=0))


def bench_registry() -> EventRegistry:
    registry = EventRegistry()
    registry.register(EVENT_TYPE, EntryNotedV1)
    return registry


def _templates(count: int = 997) -> list[dict[str, Any]]:
    rng = random.Random(20251117)
    return [
        {
            "headline": " ".join(rng.choices(_WORDS, k=rng.randint(18, 24))).capitalize(),
            "date": f"20{rng.randint(10, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "precision": rng.choice(("day", "month", "year")),
            "actors": [w.title() for w in rng.sample(_WORDS, 3)],
            "lang": rng.choice(("en", "es")),
        }
        for _ in range(count)
    ]


@dataclass(frozen=True, slots=True)
class Batch:
    """One append call's worth: ``BATCH`` events for one stream, starting at ``first``."""

    stream_id: str
    first_version: int
    first_position: int
    event_ids: list[str]
    data: list[dict[str, Any]]

    def data_json(self) -> list[str]:
        return [json.dumps(d, sort_keys=True, separators=(",", ":")) for d in self.data]


def batches(n: int, size: int = BATCH) -> Iterator[Batch]:
    """``n`` events in batches of ``size``, round-robin over ``STREAMS`` streams."""
    templates = _templates()
    done, index = 0, 0
    while done < n:
        count = min(size, n - done)
        stream = index % STREAMS
        data = [
            {**templates[i % len(templates)], "entry_id": f"e-{i:09d}", "sequence": i}
            for i in range(done, done + count)
        ]
        ids = [new_event_id() for _ in range(count)]  # the log's default: time-ordered
        version = (index // STREAMS) * size + 1
        yield Batch(f"stream-{stream:04d}", version, done + 1, ids, data)
        done += count
        index += 1
