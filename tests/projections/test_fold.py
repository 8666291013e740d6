"""The whole fold in memory: revisions, merges and their undoing, history."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from events import NewEvent, SqliteEventLog, archive_registry
from tests.projections.builders import append_article, stepping_clock
from timeline.projections.fold import EVENT_FIELDS
from timeline.projections.memory import MemoryStore, fold_all


@pytest.fixture
def log() -> Iterator[SqliteEventLog]:
    with SqliteEventLog(":memory:", registry=archive_registry(), clock=stepping_clock()) as log:
        yield log


def append(log: SqliteEventLog, stream: str, type_: str, **data: object) -> None:
    log.append(stream, [NewEvent(type_, dict(data), metadata={"actor": "ana"})])


def fold(log: SqliteEventLog) -> MemoryStore:
    return fold_all(log.read_all())


def test_a_new_revision_supersedes_the_previous_entries(log: SqliteEventLog) -> None:
    (old,) = append_article(log, "a1", 1, [("Puerto reabre", "2025-12", "month")])
    (new,) = append_article(log, "a1", 2, [("Puerto reabre", "2025-12-14", "day")])
    store = fold(log)
    assert (store.entries[old].status, store.entries[new].status) == ("superseded", "active")
    assert [h.type for h in store.history[old]] == ["extraction", "supersession"]


def test_merge_gathers_sources_and_undo_restores_them(log: SqliteEventLog) -> None:
    a, b = append_article(log, "a1", 1, [("Puerto", "2025-12", "month")] * 2)
    (c,) = append_article(log, "a2", 1, [("Puerto", "2025-12", "month")])
    append(log, "merge-m1", "EventsMerged", merge_id="m1", entry_ids=[a, c], primary=a)
    merged = fold(log)
    append(log, "merge-m1", "MergeUndone", merge_id="m1", reason="distintos")
    undone = fold(log)
    assert [s.article_id for s in merged.entries[a].sources] == ["a1", "a2"]
    assert (merged.entries[c].merged_into, merged.entries[b].merged_into) == (a, None)
    assert (undone.entries[a].sources, undone.entries[c].merged_into) == (
        (undone.entries[a].source,), None)
    assert undone.history[c][-1].reason == "distintos"


def test_undoing_an_inner_merge_updates_the_outer_primary(log: SqliteEventLog) -> None:
    (a,) = append_article(log, "a1", 1, [("Puerto", "2025", "year")])
    (b,) = append_article(log, "a2", 1, [("Puerto", "2025", "year")])
    (c,) = append_article(log, "a3", 1, [("Puerto", "2025", "year")])
    append(log, "merge-m1", "EventsMerged", merge_id="m1", entry_ids=[b, c], primary=b)
    append(log, "merge-m2", "EventsMerged", merge_id="m2", entry_ids=[a, b], primary=a)
    assert len(fold(log).entries[a].sources) == 3
    append(log, "merge-m1", "MergeUndone", merge_id="m1", reason="no")
    assert [s.article_id for s in fold(log).entries[a].sources] == ["a1", "a2"]


def _event_fields_read(path: Path) -> set[str]:
    """The ``event.<field>`` reads in a module (the folds name their event ``event``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name) and node.value.id == "event"}


def test_the_folds_read_no_event_field_a_rebuild_worker_leaves_out() -> None:
    """A rebuild's worker reads only ``EVENT_FIELDS`` of the log (``events.fold_worker``)."""
    modules = sorted((Path(__file__).parents[2] / "timeline" / "projections").glob("*.py"))
    read = set().union(*map(_event_fields_read, modules))
    assert read - {"position"} and read <= EVENT_FIELDS
