"""The event log's behaviour as one contract suite.

A backend's test module subclasses ``EventLogContract`` and supplies ``make_log`` (as the
eventsourcing library does for its recorders), so a PostgreSQL backend can reuse every case here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from marshmallow import Schema, fields

from events import (
    ANY,
    NO_STREAM,
    ConcurrencyError,
    EventIdConflict,
    EventRegistry,
    InvalidEvent,
    NewEvent,
    PayloadTooLarge,
    SqliteEventLog,
    verify,
)


class NotedV1(Schema):
    text = fields.String(required=True)


class NotedV2(Schema):
    text = fields.String(required=True)
    lang = fields.String(required=True)


def noted_registry(*, with_v2: bool = False) -> EventRegistry:
    registry = EventRegistry()
    registry.register("Noted", NotedV1)
    if with_v2:
        registry.register("Noted", NotedV2, version=2, upcaster=lambda d: {**d, "lang": "und"})
    return registry


def noted(text: str = "hello", **kw: Any) -> NewEvent:
    return NewEvent("Noted", {"text": text}, **kw)


class StepClock:
    """A clock that starts at a fixed moment and moves by ``step`` each call."""

    def __init__(self, start: datetime | None = None, step: timedelta = timedelta(seconds=1)):
        self.now = start or datetime(2025, 11, 17, 9, 0, tzinfo=UTC)
        self.step = step

    def __call__(self) -> datetime:
        moment, self.now = self.now, self.now + self.step
        return moment


MakeLog = Callable[..., Any]


class EventLogContract:
    """Every backend must pass these. Subclasses provide the ``make_log`` fixture."""

    @pytest.fixture
    def make_log(self) -> MakeLog:  # pragma: no cover - supplied by each backend
        raise NotImplementedError

    @pytest.fixture
    def log(self, make_log: MakeLog) -> Any:
        return make_log(registry=noted_registry(), clock=StepClock())

    # -- appending -------------------------------------------------------------------------

    def test_append_assigns_gapless_positions_and_stream_versions(self, log: Any) -> None:
        first = log.append("a", [noted("1"), noted("2")])
        second = log.append("b", [noted("3")])
        assert [e.position for e in first + second] == [1, 2, 3]
        assert [e.stream_version for e in first + second] == [1, 2, 1]

    def test_each_event_links_to_the_hash_before_it(self, log: Any) -> None:
        stored = log.append("a", [noted("1"), noted("2")]) + log.append("b", [noted("3")])
        assert stored[0].prev_hash == "0" * 64
        assert [e.prev_hash for e in stored[1:]] == [e.hash for e in stored[:-1]]

    def test_recorded_at_comes_from_the_injected_clock(self, log: Any) -> None:
        (event,) = log.append("a", [noted()])
        assert event.recorded_at == "2025-11-17T09:00:00.000000Z"

    def test_recorded_at_never_goes_backwards(self, make_log: MakeLog) -> None:
        clock = StepClock(step=timedelta(hours=-1))
        log = make_log(registry=noted_registry(), clock=clock)
        stamps = [log.append("a", [noted()])[0].recorded_at for _ in range(3)]
        assert stamps == sorted(stamps)

    @pytest.mark.parametrize("expected", [NO_STREAM, 0, ANY])
    def test_a_new_stream_accepts(self, log: Any, expected: Any) -> None:
        assert log.append("a", [noted()], expected_version=expected)[0].stream_version == 1

    @pytest.mark.parametrize("expected", [NO_STREAM, 0, 2])
    def test_a_wrong_expected_version_writes_nothing(self, log: Any, expected: Any) -> None:
        log.append("a", [noted()])
        with pytest.raises(ConcurrencyError) as caught:
            log.append("a", [noted("x")], expected_version=expected)
        assert caught.value.actual == 1
        assert log.head().position == 1

    def test_the_exact_expected_version_appends(self, log: Any) -> None:
        log.append("a", [noted()])
        assert log.append("a", [noted()], expected_version=1)[0].stream_version == 2

    @pytest.mark.parametrize("expected", ["any", -1, 1.5, None, True])
    def test_unknown_expected_versions_are_refused(self, log: Any, expected: Any) -> None:
        with pytest.raises(InvalidEvent) as caught:
            log.append("a", [noted()], expected_version=expected)
        assert caught.value.field == "expected_version"
        assert log.head().position == 0

    def test_retrying_a_stored_batch_returns_it_and_writes_nothing(self, log: Any) -> None:
        batch = [noted("1"), noted("2")]
        first = log.append("a", batch, expected_version=NO_STREAM)
        again = log.append("a", batch, expected_version=NO_STREAM)
        assert again == first
        assert log.head().position == 2

    def test_the_same_id_with_other_content_is_refused(self, log: Any) -> None:
        (stored,) = log.append("a", [noted("1")])
        with pytest.raises(EventIdConflict):
            log.append("a", [noted("changed", event_id=stored.event_id)])
        assert log.head().position == 1

    def test_a_batch_reusing_a_stored_id_later_on_is_refused_whole(self, log: Any) -> None:
        (stored,) = log.append("a", [noted("1")])
        with pytest.raises(EventIdConflict):
            log.append("b", [noted("new"), noted("1", event_id=stored.event_id)])
        assert log.head().position == 1

    def test_a_batch_is_atomic_when_one_event_is_invalid(self, log: Any) -> None:
        with pytest.raises(InvalidEvent) as caught:
            log.append("a", [noted("ok"), NewEvent("Noted", {"text": 5})])
        assert caught.value.field == "data.text"
        assert log.head().position == 0

    @pytest.mark.parametrize(
        ("event", "field"),
        [
            (NewEvent("Noted", {}), "data.text"),
            (NewEvent("Noted", {"text": "x", "extra": 1}), "data.extra"),
            (NewEvent("Noted", {"text": object()}), "data"),
            (NewEvent("Noted", {"text": float("nan")}), "data"),
            (NewEvent("Noted", ["not", "a", "dict"]), "data"),  # type: ignore[arg-type]
            (NewEvent("Nope", {"text": "x"}), "type"),
            (NewEvent("bad type!", {"text": "x"}), "type"),
            (NewEvent("Noted", {"text": "x"}, event_id="not-a-uuid"), "event_id"),
            (NewEvent("Noted", {"text": "x"}, metadata={"who": "me"}), "metadata.who"),
            (NewEvent("Noted", {"text": "x"}, schema_version=9), "schema_version"),
        ],
    )
    def test_bad_input_names_the_field_and_writes_nothing(
        self, log: Any, event: NewEvent, field: str
    ) -> None:
        with pytest.raises(InvalidEvent) as caught:
            log.append("a", [event])
        assert caught.value.field == field
        assert log.head().position == 0

    @pytest.mark.parametrize("stream_id", ["", "   ", "x" * 201, None])
    def test_bad_stream_ids_are_refused(self, log: Any, stream_id: Any) -> None:
        with pytest.raises(InvalidEvent) as caught:
            log.append(stream_id, [noted()])
        assert caught.value.field == "stream_id"

    def test_oversized_events_are_refused(self, make_log: MakeLog) -> None:
        log = make_log(registry=noted_registry(), max_event_bytes=1000)
        with pytest.raises(PayloadTooLarge) as caught:
            log.append("a", [noted("x" * 1000)])
        assert (caught.value.limit, caught.value.field) == (1000, "data")
        assert log.head().position == 0

    def test_a_batch_repeating_an_event_id_is_refused(self, log: Any) -> None:
        event = noted()
        with pytest.raises(InvalidEvent) as caught:
            log.append("a", [event, event])
        assert caught.value.field == "event_id"

    def test_an_empty_batch_writes_nothing(self, log: Any) -> None:
        assert log.append("a", []) == []
        assert log.head().position == 0

    # -- reading ---------------------------------------------------------------------------

    def test_read_all_pages_by_position(self, log: Any) -> None:
        for i in range(5):
            log.append(f"s{i % 2}", [noted(str(i))])
        assert [e.data["text"] for e in log.read_all(1, 3)] == ["1", "2", "3"]
        assert [e.position for e in log.read_all(until_position=2)] == [1, 2]

    def test_read_stream_reads_one_stream_from_a_version(self, log: Any) -> None:
        log.append("a", [noted("1"), noted("2"), noted("3")])
        log.append("b", [noted("other")])
        assert [e.data["text"] for e in log.read_stream("a", 2)] == ["2", "3"]

    def test_reads_are_lazy_iterators(self, log: Any) -> None:
        log.append("a", [noted(str(i)) for i in range(3)])
        events = log.read_all()
        assert next(events).position == 1
        assert iter(events) is events

    def test_head_of_an_empty_log(self, log: Any) -> None:
        assert (log.head().position, log.head().hash) == (0, "0" * 64)

    def test_metadata_is_stored(self, log: Any) -> None:
        meta = {"actor": "ana", "correlation_id": "c1", "causation_id": "x", "source": "cli"}
        (event,) = log.append("a", [noted(metadata=meta)])
        assert next(log.read_all()).metadata == meta == event.metadata

    def test_each_event_keeps_its_own_metadata_within_a_batch(self, log: Any) -> None:
        metas = [{"actor": "ana"}, {"actor": "ana"}, {"actor": "bo"}, {}]
        log.append("a", [noted(metadata=m) for m in metas])
        assert [e.metadata for e in log.read_all()] == metas

    def test_invalid_metadata_after_valid_metadata_is_refused(self, log: Any) -> None:
        batch = [noted(metadata={"actor": "ana"}), noted(metadata={"actor": 1})]
        with pytest.raises(InvalidEvent) as caught:
            log.append("a", batch)
        assert caught.value.field == "metadata.actor"

    def test_get_finds_an_event_by_id(self, log: Any) -> None:
        (event,) = log.append("a", [noted()])
        assert log.get(event.event_id) == event
        assert log.get("00000000-0000-0000-0000-000000000000") is None

    def test_position_at_answers_as_of_a_past_time(self, log: Any) -> None:
        for _ in range(3):
            log.append("a", [noted()])
        assert log.position_at("2025-11-17T09:00:01.000000Z") == 2
        assert log.position_at(datetime(2000, 1, 1, tzinfo=UTC)) == 0

    # -- schema versions -------------------------------------------------------------------

    def test_old_versions_are_upcast_on_read(self, make_log: MakeLog, tmp_path: Any) -> None:
        old = make_log(registry=noted_registry(), path=tmp_path / "up.db")
        old.append("a", [noted("hola")])
        new = make_log(registry=noted_registry(with_v2=True), path=tmp_path / "up.db")
        (event,) = new.read_all()
        assert (event.schema_version, event.data) == (2, {"text": "hola", "lang": "und"})

    @pytest.mark.parametrize("version", [0, "2", 1.5, True])
    def test_a_bad_schema_version_is_refused_for_unregistered_types_too(
        self, make_log: MakeLog, version: Any
    ) -> None:
        log = make_log(registry=EventRegistry(), strict_types=False)
        with pytest.raises(InvalidEvent) as caught:
            log.append("a", [NewEvent("Loose", {}, schema_version=version)])
        assert caught.value.field == "schema_version"

    def test_unknown_types_are_returned_intact(self, make_log: MakeLog, tmp_path: Any) -> None:
        writer = make_log(registry=EventRegistry(), strict_types=False, path=tmp_path / "u.db")
        writer.append("a", [NewEvent("FromTheFuture", {"deep": {"x": [1, 2]}}, schema_version=3)])
        reader = make_log(registry=noted_registry(), path=tmp_path / "u.db")
        (event,) = reader.read_all()
        assert (event.type, event.schema_version) == ("FromTheFuture", 3)
        assert event.data == {"deep": {"x": [1, 2]}}

    # -- verification ----------------------------------------------------------------------

    def test_an_untouched_log_verifies(self, log: Any) -> None:
        for i in range(25):
            log.append(f"s{i % 3}", [noted(str(i))])
        report = verify(log)
        assert (report.ok, report.checked, report.head_position) == (True, 25, 25)

    def test_checkpoints_are_written_every_n_events(self, make_log: MakeLog) -> None:
        log = make_log(registry=noted_registry(), checkpoint_every=10)
        log.append("a", [noted(str(i)) for i in range(25)])
        stored = {e.position: e.hash for e in log.read_all()}
        assert log.checkpoints() == [(10, stored[10]), (20, stored[20])]

    def test_verifying_the_tail_starts_at_the_last_checkpoint(self, make_log: MakeLog) -> None:
        log = make_log(registry=noted_registry(), checkpoint_every=10)
        log.append("a", [noted(str(i)) for i in range(25)])
        report = verify(log, since_checkpoint=True)
        assert (report.ok, report.started_after, report.checked) == (True, 20, 5)


def checkpointed_log(path: Path) -> Iterator[SqliteEventLog]:
    """A SQLite log of ten noted events over three streams, checkpointed every four (the
    tampering and witness tests' subject); closed when the generator ends."""
    log = SqliteEventLog(path / "t.db", registry=noted_registry(), checkpoint_every=4)
    for i in range(10):
        log.append(f"s{i % 3}", [noted(f"event {i}")])
    yield log
    log.close()
