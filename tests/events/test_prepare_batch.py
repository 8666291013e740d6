"""``prepare_batch``: each event of a batch is checked on its own, even though a batch checks
each type name (and encodes each metadata) once."""

from __future__ import annotations

import pytest

from events import InvalidEvent, NewEvent
from events.prepare import prepare_batch
from tests.events.contract import noted_registry

LIMIT = 1_048_576


def _prepare(events: list[NewEvent], *, strict: bool = True) -> list[int]:
    prepared = prepare_batch(events, noted_registry(with_v2=True), strict=strict,
                             max_bytes=LIMIT)
    return [p.schema_version for p in prepared]


def test_every_event_of_a_known_type_takes_its_latest_version_or_the_one_given() -> None:
    events = [NewEvent("Noted", {"text": "a", "lang": "es"}),
              NewEvent("Noted", {"text": "b"}, schema_version=1),
              NewEvent("Noted", {"text": "c", "lang": "en"})]
    assert _prepare(events) == [2, 1, 2]


@pytest.mark.parametrize(("bad", "field"), [
    (NewEvent("No such name!", {"text": "x"}), "type"),
    (NewEvent("Unknown", {"text": "x"}), "type"),
    (NewEvent("Noted", {"text": "x", "lang": "es"}, schema_version=0), "schema_version"),
    (NewEvent("Noted", {"text": 3, "lang": "es"}), "data.text"),
])
def test_a_bad_event_after_good_ones_is_refused(bad: NewEvent, field: str) -> None:
    good = [NewEvent("Noted", {"text": t, "lang": "es"}) for t in "ab"]
    with pytest.raises(InvalidEvent) as refused:
        _prepare([*good, bad])
    assert refused.value.field == field


def test_unknown_types_outside_strict_mode_are_version_one_each_time() -> None:
    events = [NewEvent("Unknown", {"n": i}) for i in range(3)]
    assert _prepare(events, strict=False) == [1, 1, 1]
