"""Property: the archive read from entry versions at any position equals replaying the log
up to that position (the in-memory fold is the reference)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from hypothesis import given, settings

from tests.projections.builders import stepping_clock
from tests.projections.strategies import SLUGS, Writer, ops
from timeline.archive import Archive
from timeline.projections.memory import fold_all
from timeline.projections.snapshot import snapshot


@contextmanager
def written(operations: list) -> Iterator[tuple[Archive, Writer]]:
    """An in-memory archive after ``operations``, projected."""
    with Archive.open(":memory:", clock=stepping_clock()) as archive:
        writer = Writer(archive.log)
        for operation in operations:
            writer.apply(operation)
        archive.catch_up()
        yield archive, writer


@settings(max_examples=60, deadline=None)
@given(operations=ops)
def test_a_snapshot_at_any_position_equals_the_replayed_log(operations: list) -> None:
    with written(operations) as (archive, _):
        events = list(archive.log.read_all())
        for position in range(archive.log.head().position + 1):
            folded = fold_all(e for e in events if e.position <= position)
            read = snapshot(archive.log, position)
            assert (read.entries, read.stories) == (folded.entries, folded.stories)


@settings(max_examples=40, deadline=None)
@given(operations=ops)
def test_a_story_snapshot_holds_exactly_the_story_s_entries(operations: list) -> None:
    with written(operations) as (archive, _):
        events = list(archive.log.read_all())
        for position in range(0, len(events) + 1, 3):
            everything = snapshot(archive.log, position).entries
            for slug in SLUGS:
                wanted = {k: v for k, v in everything.items() if slug in v.stories}
                assert snapshot(archive.log, position, story=slug).entries == wanted


@settings(max_examples=30, deadline=None)
@given(operations=ops)
def test_one_entry_s_snapshot_carries_its_history_up_to_then(operations: list) -> None:
    with written(operations) as (archive, writer):
        events = list(archive.log.read_all())
        middle = len(events) // 2
        folded = fold_all(events[:middle])
        for entry_id in writer.entries:
            read = snapshot(archive.log, middle, entry_id=entry_id)
            assert read.entries.get(entry_id) == folded.entries.get(entry_id)
            assert read.history.get(entry_id, []) == folded.history.get(entry_id, [])
