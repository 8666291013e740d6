"""Projections apply each event exactly once, resume after a failure, and rebuild from zero."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from events import ProjectionError, Projector, SqliteEventLog, StoredEvent

from .contract import noted, noted_registry


class WordCount:
    """A tiny read model: how often each text was noted."""

    name = "word_count"
    version = 1

    def __init__(self, fail_on: str | None = None) -> None:
        self.fail_on = fail_on

    def setup(self, conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE IF NOT EXISTS wc (text TEXT PRIMARY KEY, n INTEGER)")

    def drop(self, conn: sqlite3.Connection) -> None:
        conn.execute("DROP TABLE IF EXISTS wc")

    def apply(self, conn: sqlite3.Connection, event: StoredEvent) -> None:
        if event.data["text"] == self.fail_on:
            raise RuntimeError("boom")
        conn.execute(
            "INSERT INTO wc VALUES (?, 1) ON CONFLICT (text) DO UPDATE SET n = n + 1",
            (event.data["text"],),
        )


def counts(log: SqliteEventLog) -> dict[str, int]:
    return dict(log.conn.execute("SELECT text, n FROM wc ORDER BY text").fetchall())


@pytest.fixture
def log(tmp_path: Path) -> Iterator[SqliteEventLog]:
    with SqliteEventLog(tmp_path / "p.db", registry=noted_registry()) as log:
        yield log


def test_running_twice_applies_each_event_once(log: SqliteEventLog) -> None:
    log.append("a", [noted("x"), noted("y"), noted("x")])
    projector = Projector(log, [WordCount()], batch_size=2)
    assert projector.run() == 3
    assert projector.run() == 0
    assert counts(log) == {"x": 2, "y": 1}
    assert projector.checkpoint("word_count") == 3


def test_a_failure_keeps_the_checkpoint_before_the_failing_batch(log: SqliteEventLog) -> None:
    log.append("a", [noted("x"), noted("y"), noted("bad"), noted("z")])
    with pytest.raises(ProjectionError) as caught:
        Projector(log, [WordCount(fail_on="bad")], batch_size=2).run()
    assert caught.value.position == 3
    assert counts(log) == {"x": 1, "y": 1}
    Projector(log, [WordCount()], batch_size=2).run()  # resumes after the crash
    assert counts(log) == {"bad": 1, "x": 1, "y": 1, "z": 1}


def test_two_projectors_on_one_file_never_double_apply(log: SqliteEventLog, tmp_path: Path) -> None:
    log.append("a", [noted(str(i % 4)) for i in range(40)])
    with SqliteEventLog(tmp_path / "p.db", registry=noted_registry()) as other:
        first, second = Projector(log, [WordCount()], batch_size=3), Projector(other, [WordCount()])
        first._apply_batch(first.projections[0])
        second.run()
        first.run()
    assert sum(counts(log).values()) == 40


def test_a_new_version_rebuilds_the_projection(log: SqliteEventLog) -> None:
    log.append("a", [noted("x")])
    Projector(log, [WordCount()]).run()
    newer = WordCount()
    newer.version = 2
    Projector(log, [newer]).run()
    assert counts(log) == {"x": 1}


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from("abc"), max_size=30), st.data())
def test_rebuild_equals_incremental_in_any_split(texts: list[str], data: st.DataObject) -> None:
    split = data.draw(st.integers(0, len(texts)))
    with SqliteEventLog(":memory:", registry=noted_registry()) as log:
        projector = Projector(log, [WordCount()], batch_size=4)
        for text in texts[:split]:
            log.append("s", [noted(text)])
        projector.run()
        for text in texts[split:]:
            log.append("s", [noted(text)])
        projector.run()
        incremental = counts(log)
        projector.rebuild()
        assert counts(log) == incremental
