"""The bulk rebuild writes exactly the read models that incremental projection writes, whatever
the page size; a failed or overtaken rebuild leaves the live read models as they were."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from events import NewEvent, ProjectionError, Projector
from tests.projections.builders import append_article, article_batch, stepping_clock
from tests.projections.strategies import DATES, HEADLINES, SLUGS, WORDS, Writer, ops
from timeline.archive import Archive
from timeline.projections import archive_projections
from timeline.projections.rebuild import ArchiveRebuild
from timeline.projections.schema import TABLES

ACTORS = ({"actors": ["José Antonio Kast"], "places": ["Chile"], "salience": 0.7,
           "kind": "vote", "derivation": "explicit"}, None, {})


def read_models(conn: sqlite3.Connection) -> dict[str, Any]:
    """Every read-model table row for row (tl_entries with its rowids, which the full-text
    index points at), the schema's tables and indexes, and full-text matches."""
    out: dict[str, Any] = {
        table: sorted(map(tuple, conn.execute(f"SELECT * FROM {table}")), key=repr)
        for table in (*TABLES, "tl_story_history")
    }
    out["entry_rowids"] = conn.execute(
        "SELECT rowid, entry_id FROM tl_entries ORDER BY rowid").fetchall()
    out["schema"] = sorted(conn.execute(
        "SELECT type, name, tbl_name FROM sqlite_master WHERE name LIKE 'tl%'").fetchall())
    out["columns"] = {t: conn.execute(f"PRAGMA table_info({t})").fetchall() for t in TABLES}
    out["fts"] = {w: sorted(r[0] for r in conn.execute(
        "SELECT e.entry_id FROM tl_entries_fts f JOIN tl_entries e ON e.rowid = f.rowid"
        " WHERE tl_entries_fts MATCH ?", (w,))) for w in WORDS}
    conn.execute("INSERT INTO tl_entries_fts (tl_entries_fts, rank) VALUES ('integrity-check', 1)")
    conn.rollback()  # the check writes nothing, but opened a transaction
    return out


def random_operations(seed: int, count: int) -> list[tuple[Any, ...]]:
    """A long mixed log: articles (and new revisions), corrections, retractions, merges and
    their undoing, stories and their memberships."""
    rng = random.Random(seed)
    out: list[tuple[Any, ...]] = [("story", slug) for slug in SLUGS]
    for _ in range(count):
        kind = rng.choice(("article", "article", "correct", "retract", "merge", "undo",
                           "add", "add", "remove", "rename"))
        i = rng.randrange(200)
        if kind == "article":
            specs = [(rng.choice(HEADLINES), rng.choice(DATES), rng.choice(ACTORS))
                     for _ in range(rng.randint(1, 6))]
            out.append(("article", rng.randrange(40), specs,
                        rng.choice((None, None, *SLUGS))))  # new entries born on a story
        elif kind == "correct":
            out.append(("correct", i, rng.choice((*DATES, None)), rng.choice(HEADLINES)))
        elif kind == "merge":
            out.append(("merge", [rng.randrange(200) for _ in range(rng.randint(2, 3))]))
        elif kind in ("add", "remove", "rename"):
            out.append((kind, rng.choice(SLUGS), i))
        else:
            out.append((kind, i))
    return out


def projected(operations: list[tuple[Any, ...]], *, batch_size: int,
              page: int | None = None) -> dict[str, Any]:
    """The read models of the log ``operations`` make, projected in batches of ``batch_size``
    (1: event by event, each in its own transaction), then rebuilt in pages of ``page``.
    (The log is written before projecting: its clock also stamps projector checkpoints.)"""
    with Archive.open(":memory:", clock=stepping_clock()) as archive:
        writer = Writer(archive.log)
        for operation in operations:
            writer.apply(operation)
        projector = Projector(archive.log, archive_projections(), batch_size=batch_size,
                              rebuild_page=page or 20_000)
        if page is not None:
            projector.rebuild()
        else:
            projector.run()
        assert projector.checkpoint("timeline") == archive.log.head().position
        return read_models(archive.log.conn)


def test_rebuild_writes_what_incremental_projection_writes() -> None:
    operations = random_operations(seed=11, count=300)
    one_by_one = projected(operations, batch_size=1)
    assert len(one_by_one["tl_entries"]) > 200 and one_by_one["tl_merges"]
    kinds = {row[3] for row in one_by_one["tl_history"]}
    assert kinds >= {"merge", "merge_undone", "supersession", "story_removed", "correction"}
    assert projected(operations, batch_size=7) == one_by_one
    assert projected(operations, batch_size=13) == one_by_one
    for page in (1, 5, 64, 100_000):
        assert projected(operations, batch_size=1000, page=page) == one_by_one


@settings(max_examples=40, deadline=None)
@given(operations=ops, page=st.integers(1, 9), batch=st.integers(1, 11))
def test_rebuild_in_any_page_size_equals_incremental(operations: list, page: int,
                                                     batch: int) -> None:
    incremental = projected(operations, batch_size=batch)
    assert projected(operations, batch_size=1000, page=page) == incremental


def test_an_entrys_latest_version_is_its_live_row_and_older_ones_keep_their_state() -> None:
    operations = [("story", "metro"), ("article", 1, [("Huelga en el metro", DATES[0], None)]),
                  ("correct", 0, None, "Metro strike ends")]
    models = projected(operations, batch_size=1)
    states = [row[2] for row in sorted(models["tl_entry_versions"], key=lambda r: r[1])]
    assert states[-1] is None and "Huelga en el metro" in states[0]


def test_a_failed_rebuild_leaves_the_live_read_models(
        archive: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    Writer(archive.log).apply(("article", 1, [("Huelga en el metro", DATES[0], None)]))
    archive.catch_up()
    before = read_models(archive.log.conn)

    def broken(self: ArchiveRebuild, event: Any) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(ArchiveRebuild, "fold", broken)
    with pytest.raises(ProjectionError):
        archive.projector.rebuild()
    assert read_models(archive.log.conn) == before
    assert archive.projector.checkpoint("timeline") == archive.log.head().position


def test_a_rebuild_overtaken_by_another_fails_without_mixing_rows(archive: Archive) -> None:
    Writer(archive.log).apply(("article", 1, [("Huelga en el metro", DATES[0], None)]))
    archive.catch_up()
    first, second = ArchiveRebuild(), ArchiveRebuild()
    with archive.log.transaction() as conn:
        first.begin(conn)
        second.begin(conn)
    with pytest.raises(Exception, match="another rebuild"), archive.log.transaction() as conn:
        first.write(conn)


def test_events_appended_after_the_rebuild_read_the_log_are_caught_up(archive: Archive) -> None:
    writer = Writer(archive.log)
    writer.apply(("article", 1, [("Huelga en el metro", DATES[0], None)] * 3))
    projector = Projector(archive.log, archive_projections(), rebuild_page=2)
    original = archive.log.read_all
    appended = []

    def read_then_append(after: int = 0, limit: int | None = None, **kw: Any) -> Any:
        events = list(original(after, limit, **kw))
        if not appended:
            appended.append(archive.log.append("entry-x", [NewEvent(
                "EventRetracted", {"entry_id": writer.entries[0], "reason": "late"})]))
        return iter(events)

    archive.log.read_all = read_then_append  # type: ignore[method-assign]
    assert projector.rebuild() == archive.log.head().position
    status = archive.log.conn.execute(
        "SELECT status FROM tl_entries WHERE entry_id = ?", (writer.entries[0],)).fetchone()
    assert status == ("retracted",)


def test_read_models_in_a_file_of_their_own_rebuild_alike(tmp_path: Path) -> None:
    operations = random_operations(seed=3, count=60)
    with Archive.open(tmp_path / "log.db", read_models=tmp_path / "node.db") as archive:
        writer = Writer(archive.log)
        for operation in operations:
            writer.apply(operation)
        archive.catch_up()
        incremental = read_models(archive.log.conn)
        archive.projector.rebuild()
        assert read_models(archive.log.conn) == incremental
    with sqlite3.connect(tmp_path / "log.db") as log_file:
        names = {r[0] for r in log_file.execute("SELECT name FROM sqlite_master")}
    assert not {n for n in names if n.startswith("tl_")}


def test_rebuilt_entries_versions_and_history_keep_their_keys_unique(archive: Archive) -> None:
    """They load without key indexes (appended by rowid); the swap builds them as unique."""
    writer = Writer(archive.log)
    writer.apply(("article", 1, [("Huelga en el metro", DATES[0], None)] * 3))
    writer.apply(("correct", 0, DATES[1], "Huelga larga en el metro"))
    Projector(archive.log, archive_projections(), rebuild_page=2).rebuild()
    conn = archive.log.conn
    for table in ("tl_entries", "tl_entry_versions", "tl_history"):
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        quoted = ", ".join(f'"{c}"' for c in columns)
        with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
            conn.execute(f"INSERT INTO {table} ({quoted}) SELECT {quoted} FROM {table} LIMIT 1")


@pytest.mark.parametrize(("seconds", "commits"), [(0.0, 7), (3600.0, 3)])
def test_a_rebuild_commits_its_pages_together_for_a_while(
        archive: Archive, monkeypatch: pytest.MonkeyPatch, seconds: float, commits: int) -> None:
    """Pages written within ``REBUILD_COMMIT_SECONDS`` share a commit (here: the fresh tables,
    5 pages, the swap), so the WAL is not checkpointed after each; no page needs a savepoint."""
    writer = Writer(archive.log)
    writer.apply(("article", 1, [("Huelga en el metro", DATES[0], None)] * 9))
    monkeypatch.setattr("events.projector.REBUILD_COMMIT_SECONDS", seconds)
    statements: list[str] = []
    archive.log.conn.set_trace_callback(statements.append)
    projector = Projector(archive.log, archive_projections(), rebuild_page=2)
    projector.rebuild()
    archive.log.conn.set_trace_callback(None)
    assert statements.count("COMMIT") == commits
    assert not any(s.startswith("SAVEPOINT") for s in statements)


@pytest.mark.parametrize("page", [1, 3, 20_000])
def test_extractions_with_an_actor_rebuild_their_history_as_written(page: int) -> None:
    """A page's new entries have their versions and history written from their rows in SQL
    only when nothing else is known of their extraction; an actor (or a page where an entry
    also changed) takes the general way, and both give what incremental projection gives."""
    with Archive.open(":memory:", clock=stepping_clock()) as archive:
        batch = article_batch("a1", 1, [("Huelga en el metro", "2025-12-14", "day"),
                                        ("Cierra el puerto", "2025-12", "month")])
        batch[1] = NewEvent(batch[1].type, batch[1].data, metadata={"actor": "editor"})
        archive.log.append("article-a1", batch)
        append_article(archive.log, "a2", 1, [("Abre el mercado", "2026-01-02", "day")])
        archive.log.append("entry-x", [NewEvent("EventCorrected", {
            "entry_id": "a2-r1-0", "headline": "Abre el mercado nuevo", "reason": "typo"})])
        archive.catch_up()
        incremental = read_models(archive.log.conn)
        Projector(archive.log, archive_projections(), rebuild_page=page).rebuild()
        assert read_models(archive.log.conn) == incremental
        actors = archive.log.conn.execute(
            "SELECT actor FROM tl_history WHERE type = 'extraction' ORDER BY position").fetchall()
        assert actors == [("editor",), (None,), (None,)]
