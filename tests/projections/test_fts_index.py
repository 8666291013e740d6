"""The full-text index holds every entry exactly once, however it was projected: new entries are
indexed by their writer (one statement a batch, or the entry's own row), not by a trigger per
inserted row; read models from before that (version 7, with the trigger) are projected again."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from events import Projector
from tests.projections.builders import append_article, stepping_clock
from tests.projections.test_batched_projection import EventByEvent
from timeline.archive import Archive
from timeline.projections import ArchiveProjection
from timeline.projections.queries import EventQuery, find_entries

ENTRIES = [("Puerto reabre el muelle", "2025-12-14", "day"),
           ("Huelga del metro", "2025-12", "month"), ("Molino cierra", "194X", "decade")]
OLD_TRIGGER = """CREATE TRIGGER tl_entries_fts_insert AFTER INSERT ON tl_entries BEGIN
    INSERT INTO tl_entries_fts (rowid, headline, text, quote, actors, places)
    VALUES (new.rowid, new.headline, new.text, new.quote, new.actors, new.places);
END"""


def indexed_once(conn: sqlite3.Connection) -> bool:
    """Every entry in the index, once (FTS5 keeps one docsize row per indexed row), and the
    index agrees with the entries' text."""
    conn.execute("INSERT INTO tl_entries_fts (tl_entries_fts, rank) VALUES ('integrity-check', 1)")
    conn.rollback()
    sizes = conn.execute("SELECT id FROM tl_entries_fts_docsize ORDER BY id").fetchall()
    return sizes == conn.execute("SELECT rowid FROM tl_entries ORDER BY rowid").fetchall()


def found(archive: Archive, q: str) -> list[str]:
    return [e.headline for e in find_entries(archive, EventQuery(q=q)).entries]


@pytest.mark.parametrize("projection", [ArchiveProjection, EventByEvent])
def test_new_entries_are_indexed_once_batched_or_one_by_one(projection: type) -> None:
    with Archive.open(":memory:", clock=stepping_clock()) as archive:
        archive.projector = Projector(archive.log, [projection()])
        append_article(archive.log, "a1", 1, ENTRIES[:2])
        archive.catch_up()
        append_article(archive.log, "a2", 1, ENTRIES[2:])  # a lone new entry after a batch
        archive.catch_up()
        assert indexed_once(archive.log.conn)
        assert found(archive, "muelle") == ["Puerto reabre el muelle"]
        assert found(archive, "molino") == ["Molino cierra"]


def test_no_trigger_indexes_inserted_entries(archive: Archive) -> None:
    names = [r[0] for r in archive.log.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'tl_entries'")]
    assert sorted(names) == ["tl_entries_fts_delete", "tl_entries_fts_update"]


def test_read_models_with_the_old_trigger_are_projected_again_on_open(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Archive.open(path) as archive:
        append_article(archive.log, "a1", 1, ENTRIES[:2])
        archive.catch_up()
        conn = archive.log.conn
        conn.execute(OLD_TRIGGER)
        conn.execute("UPDATE projection_checkpoints SET version = 7 WHERE name = 'timeline'")
        conn.commit()
    with Archive.open(path) as archive:
        archive.catch_up()
        append_article(archive.log, "a2", 1, ENTRIES[2:])
        archive.catch_up()
        assert indexed_once(archive.log.conn)  # the old trigger would have indexed a2 twice
        assert found(archive, "molino") == ["Molino cierra"]
