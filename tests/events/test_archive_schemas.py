"""The archive's own event schemas: EventExtracted v2 (places, salience, kind, narrative dates)
and the upcasting of v1 extractions stored before it existed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from events import InvalidEvent, NewEvent, SqliteEventLog, archive_registry

V1 = {
    "entry_id": "e1", "article_id": "a1", "revision": 1, "headline": "Kast gana la elección",
    "sentence": "Kast ganó la elección el domingo.", "quote": "Kast ganó la elección",
    "quote_start": 0, "quote_end": 21, "date": "2025-12-14", "precision": "day",
    "derivation": "relative", "timex_text": "el domingo", "timex_value": "2025-12-14",
    "actors": ["José Antonio Kast"], "lang": "es", "extractor_version": "1",
}
V2 = {**V1, "places": ["Chile"], "salience": 0.9, "kind": "result", "extractor_version": "2"}


@pytest.fixture
def log() -> Iterator[SqliteEventLog]:
    with SqliteEventLog(":memory:", registry=archive_registry()) as log:
        yield log


def extracted(data: dict[str, Any], version: int | None = None) -> NewEvent:
    return NewEvent("EventExtracted", data, schema_version=version)


def test_appending_without_a_version_writes_the_latest(log: SqliteEventLog) -> None:
    (stored,) = log.append("article-a1", [extracted(V2)])
    assert stored.schema_version == 2 == archive_registry().latest("EventExtracted")


def test_a_stored_v1_extraction_reads_as_v2_not_scored(log: SqliteEventLog) -> None:
    log.append("article-a1", [extracted(V1, version=1)])
    (event,) = log.read_all()
    assert event.schema_version == 2
    assert event.data == {**V1, "places": [], "salience": None, "kind": None}


def test_a_v2_extraction_reads_back_as_written(log: SqliteEventLog) -> None:
    log.append("article-a1", [extracted({**V2, "derivation": "narrative"})])
    (event,) = log.read_all()
    assert (event.data["places"], event.data["salience"], event.data["kind"]) == (
        ["Chile"], 0.9, "result")
    assert event.data["derivation"] == "narrative"


@pytest.mark.parametrize(("changes", "version", "field"), [
    ({"salience": 1.5}, None, "data.salience"),
    ({"salience": -0.1}, None, "data.salience"),
    ({"salience": "high"}, None, "data.salience"),
    ({"derivation": "guessed"}, None, "data.derivation"),
    ({"derivation": "narrative"}, 1, "data.derivation"),
    ({"kind": "k" * 41}, None, "data.kind"),
    ({"places": ["x" * 201]}, None, "data.places.0"),
    ({"places": "Chile"}, None, "data.places"),
])
def test_bad_extractions_are_refused_naming_the_field(
    log: SqliteEventLog, changes: dict[str, Any], version: int | None, field: str
) -> None:
    data = {k: v for k, v in {**V2, **changes}.items() if version is None or k in V1}
    with pytest.raises(InvalidEvent) as caught:
        log.append("article-a1", [extracted(data, version)])
    assert caught.value.field == field
    assert log.head().position == 0


@pytest.mark.parametrize("missing", ["places", "salience", "kind"])
def test_the_new_fields_may_be_left_out(log: SqliteEventLog, missing: str) -> None:
    data = {k: v for k, v in V2.items() if k != missing}
    (stored,) = log.append("article-a1", [extracted(data)])
    assert stored.schema_version == 2
