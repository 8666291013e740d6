"""A rebuild folded in a worker process (the projector's process only writes) writes exactly
what incremental projection writes; a worker that fails leaves the live read models, and no
process behind."""

from __future__ import annotations

import multiprocessing
from pathlib import Path
from typing import Any

import pytest

from events import ProjectionError, Projector, archive_registry, fold_worker
from tests.projections.builders import stepping_clock
from tests.projections.strategies import DATES, Writer
from tests.projections.test_bulk_rebuild import random_operations, read_models
from timeline.archive import Archive
from timeline.projections import archive_projections
from timeline.projections.rebuild import ArchiveRebuild

pytestmark = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")


def _filled(path: Path, operations: list[tuple[Any, ...]]) -> Archive:
    archive = Archive.open(path, clock=stepping_clock())
    writer = Writer(archive.log)
    for operation in operations:
        writer.apply(operation)
    return archive


def _counting_worker(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the rebuilds whose pages came from a worker process."""
    started: list[int] = []
    original = fold_worker.folded_pages

    def counted(*args: Any) -> Any:
        started.append(1)
        return original(*args)

    monkeypatch.setattr("events.projector.folded_pages", counted)
    return started


@pytest.mark.parametrize("page", [1, 7, 20_000])
def test_a_rebuild_folded_in_a_worker_equals_incremental_projection(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, page: int) -> None:
    started = _counting_worker(monkeypatch)
    with _filled(tmp_path / "log.db", random_operations(seed=5, count=120)) as archive:
        archive.catch_up()
        incremental = read_models(archive.log.conn)
        projector = Projector(archive.log, archive_projections(), rebuild_page=page,
                              fold_worker=True)
        assert projector.rebuild() == archive.log.head().position
        assert read_models(archive.log.conn) == incremental
        assert projector.checkpoint("timeline") == archive.log.head().position
    assert started == [1]


def test_a_rebuild_in_one_process_writes_the_same(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    started = _counting_worker(monkeypatch)
    with _filled(tmp_path / "log.db", random_operations(seed=8, count=80)) as archive:
        archive.catch_up()
        incremental = read_models(archive.log.conn)
        Projector(archive.log, archive_projections(), fold_worker=False).rebuild()
        assert read_models(archive.log.conn) == incremental
    assert started == []


def test_a_failing_worker_leaves_the_live_read_models_and_no_process(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    operations = [("article", 1, [("Huelga en el metro", DATES[0], None)] * 3)]
    with _filled(tmp_path / "log.db", operations) as archive:
        archive.catch_up()
        before = read_models(archive.log.conn)

        def broken(self: ArchiveRebuild, event: Any) -> None:
            if event.position == 3:
                raise RuntimeError("disk on fire")

        monkeypatch.setattr(ArchiveRebuild, "fold", broken)
        projector = Projector(archive.log, archive_projections(), fold_worker=True)
        with pytest.raises(ProjectionError, match="disk on fire") as failed:
            projector.rebuild()
        assert failed.value.position == 3
        assert read_models(archive.log.conn) == before
    assert multiprocessing.active_children() == []


def test_timeline_rebuild_folds_in_a_worker_and_an_archive_does_not_unless_asked(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from timeline.cli import main

    monkeypatch.setattr("events.projector.can_fork", lambda: True)
    started = _counting_worker(monkeypatch)
    path = tmp_path / "log.db"
    with _filled(path, random_operations(seed=9, count=40)) as archive:
        archive.projector.rebuild()  # an Archive's projector: one process
        assert started == []
    result = CliRunner().invoke(main, ["--db", str(path), "rebuild"])
    assert result.exit_code == 0, result.output
    assert started == [1]


class _Echo:
    """A rebuild whose rows are the fields of the events it folded (to see what it got)."""

    def __init__(self, event_fields: frozenset[str] | None) -> None:
        if event_fields is not None:
            self.event_fields = event_fields
        self.seen: list[tuple[Any, ...]] = []

    def fold(self, event: Any) -> None:
        self.seen.append((event.position, event.type, event.data, event.recorded_at,
                          event.event_id, event.hash))

    def write_rows(self, sink: Any) -> None:
        sink.executemany("echo", self.seen)
        self.seen = []


def _echoed(path: Path, rebuild: _Echo) -> list[Any]:
    pages = fold_worker.folded_pages(str(path), archive_registry(), rebuild, 4)
    return [row for _, _, statements in pages for _, rows in statements for row in rows]


def test_a_worker_reads_only_the_fields_a_rebuild_names(tmp_path: Path) -> None:
    with _filled(tmp_path / "log.db", random_operations(seed=3, count=12)) as archive:
        events = [(e.position, e.type, e.data, e.recorded_at, e.event_id, e.hash)
                  for e in archive.log.read_all()]
    assert _echoed(tmp_path / "log.db", _Echo(None)) == events
    named = _echoed(tmp_path / "log.db", _Echo(frozenset({"recorded_at"})))
    assert named == [(*e[:4], None, None) for e in events]


def test_a_rebuild_naming_no_such_field_fails_the_rebuild(tmp_path: Path) -> None:
    with _filled(tmp_path / "log.db", random_operations(seed=3, count=2)):
        pass
    with pytest.raises(fold_worker.FoldFailed, match="no such StoredEvent field 'colour'"):
        _echoed(tmp_path / "log.db", _Echo(frozenset({"colour"})))
