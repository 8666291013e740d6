"""Incremental projection in batches (``ArchiveProjection.batch``: fold in memory, one bulk write
per table) leaves exactly the read models that applying event by event (``apply``) leaves,
whatever the batch size: every table row for row, the full-text index, "as of" snapshots and
the feeds' changed-entry reads."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from events import NewEvent, ProjectionError, Projector, StoredEvent
from tests.projections.builders import stepping_clock
from tests.projections.strategies import DATES, SLUGS, Writer, ops
from tests.projections.test_bulk_rebuild import random_operations, read_models
from timeline.archive import Archive
from timeline.feed_listing import changed_since, latest_change
from timeline.projections import ArchiveProjection
from timeline.projections.batch import ArchiveBatch
from timeline.projections.snapshot import snapshot


class EventByEvent:
    """The archive projection without ``batch``: the projector applies it one event at a time
    (the reference)."""

    def __init__(self) -> None:
        self.inner = ArchiveProjection()
        self.name, self.version = self.inner.name, self.inner.version

    def setup(self, conn: sqlite3.Connection) -> None:
        self.inner.setup(conn)

    def drop(self, conn: sqlite3.Connection) -> None:
        self.inner.drop(conn)

    def apply(self, conn: sqlite3.Connection, event: StoredEvent) -> None:
        self.inner.apply(conn, event)


class OneEventBatches(EventByEvent):
    """Each event applied as a batch of its own (the projector applies a lone event with
    ``apply``, which is quicker)."""

    def apply(self, conn: sqlite3.Connection, event: StoredEvent) -> None:
        batch = ArchiveBatch(conn, [event])
        batch.fold(event)
        batch.write()


def _views(archive: Archive) -> dict[str, Any]:
    """The read models, plus what "as of" snapshots and feeds read from them."""
    conn, head = archive.log.conn, archive.log.head().position
    out = read_models(conn)
    out["latest_change"] = latest_change(conn)
    changed = [changed_since(conn, p, 10_000) for p in range(0, head + 1, 5)]
    out["changed"] = [None if ids is None else sorted(ids) for ids in changed]  # a set to feeds
    snaps = []
    for position in range(0, head + 1, max(1, head // 12)):
        whole = snapshot(archive.log, position)
        stories = {s: snapshot(archive.log, position, story=s).entries for s in SLUGS}
        snaps.append((position, whole.entries, whole.stories, stories))
    out["snapshots"] = snaps
    return out


def projected(operations: list[tuple[Any, ...]], batch_size: int | None) -> dict[str, Any]:
    """The views after projecting the log ``operations`` make: event by event when
    ``batch_size`` is None, else in batches of ``batch_size`` (of one event each for 1)."""
    with Archive.open(":memory:", clock=stepping_clock()) as archive:
        writer = Writer(archive.log)
        for operation in operations:
            writer.apply(operation)
        projection: Any = ArchiveProjection()
        if batch_size is None:
            projection = EventByEvent()
        elif batch_size == 1:
            projection = OneEventBatches()
        projector = Projector(archive.log, [projection], batch_size=batch_size or 1)
        assert projector.run() == archive.log.head().position
        return _views(archive)


def test_batches_of_any_size_write_what_event_by_event_writes() -> None:
    operations = random_operations(seed=17, count=300)
    reference = projected(operations, None)
    assert len(reference["tl_entries"]) > 200 and reference["tl_merges"]
    kinds = {row[3] for row in reference["tl_history"]}
    assert kinds >= {"merge", "merge_undone", "supersession", "story_removed", "correction"}
    for size in (1, 7, 64, 1_000_000):
        assert projected(operations, size) == reference, f"batches of {size}"


@settings(max_examples=40, deadline=None)
@given(operations=ops, size=st.integers(1, 12))
def test_batched_projection_of_any_log_equals_event_by_event(operations: list,
                                                            size: int) -> None:
    assert projected(operations, size) == projected(operations, None)


def _interleaved(operations: list[tuple[Any, ...]], projection: Any) -> dict[str, Any]:
    """The views when the projector runs after each operation (batches of at most 9)."""
    with Archive.open(":memory:", clock=stepping_clock()) as archive:
        writer = Writer(archive.log)
        projector = Projector(archive.log, [projection], batch_size=9)
        for operation in operations:
            writer.apply(operation)
            projector.run()
        return _views(archive)


def test_batches_follow_a_log_appended_to_between_runs() -> None:
    """Each run starts from the live rows earlier batches wrote (read once per batch). (The
    clock also stamps checkpoints, so the reference runs interleaved alike.)"""
    operations = random_operations(seed=5, count=120)
    assert _interleaved(operations, ArchiveProjection()) == _interleaved(operations,
                                                                         EventByEvent())


def test_a_failing_event_fails_its_batch_at_its_position(
        monkeypatch: pytest.MonkeyPatch) -> None:
    with Archive.open(":memory:", clock=stepping_clock()) as archive:
        writer = Writer(archive.log)
        writer.apply(("article", 1, [("Huelga en el metro", DATES[0], None)]))
        projector = Projector(archive.log, [ArchiveProjection()], batch_size=100)
        archive.log.append("entry-x", [NewEvent(
            "EventRetracted", {"entry_id": writer.entries[0], "reason": "late"})])
        bad = archive.log.head().position
        real_fold = ArchiveBatch.fold

        def fold(self: ArchiveBatch, event: StoredEvent) -> None:
            if event.position == bad:
                raise RuntimeError("disk on fire")
            real_fold(self, event)

        monkeypatch.setattr(ArchiveBatch, "fold", fold)
        with pytest.raises(ProjectionError) as failed:
            projector.run()
        assert failed.value.position == bad
        assert projector.checkpoint("timeline") == 0
        assert archive.log.conn.execute("SELECT COUNT(*) FROM tl_entries").fetchone() == (0,)
