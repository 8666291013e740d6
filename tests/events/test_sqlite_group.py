"""``SqliteEventLog.group()``: many appends, one write transaction and one commit; each append
still atomic on its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from events import ConcurrencyError, EventIdConflict, SqliteEventLog, verify
from tests.events.contract import StepClock, noted, noted_registry


def _log(path: Path) -> SqliteEventLog:
    return SqliteEventLog(path, registry=noted_registry(), clock=StepClock())


def test_grouped_appends_are_committed_together_when_the_group_ends(tmp_path: Path) -> None:
    with _log(tmp_path / "log.db") as log, _log(tmp_path / "log.db") as reader:
        with log.group():
            log.append("a", [noted("1")])
            log.append("b", [noted("2"), noted("3")])
            assert log.stream_version("b") == 2  # the group sees its own appends
            assert reader.head().position == 0  # nobody else does yet
        assert [e.position for e in reader.read_all()] == [1, 2, 3]
        assert verify(reader).ok


def test_a_failed_append_leaves_no_trace_and_the_others_stand(tmp_path: Path) -> None:
    with _log(tmp_path / "log.db") as log:
        with log.group():
            kept = log.append("a", [noted("1")])
            with pytest.raises(ConcurrencyError):
                log.append("a", [noted("2")], expected_version=0)
            with pytest.raises(EventIdConflict):  # refused by the database, mid-batch
                log.append("b", [noted("3"), noted("4", event_id=kept[0].event_id)])
            log.append("c", [noted("5")])
        assert [(e.stream_id, e.position) for e in log.read_all()] == [("a", 1), ("c", 2)]
        assert verify(log).ok


def test_what_a_group_appended_is_committed_however_it_ends(tmp_path: Path) -> None:
    with _log(tmp_path / "log.db") as log:
        with pytest.raises(RuntimeError), log.group():
            log.append("a", [noted("1")])
            raise RuntimeError("stopped")
        with _log(tmp_path / "log.db") as reader:
            assert reader.head().position == 1


def test_a_nested_group_joins_the_outer_one(tmp_path: Path) -> None:
    with _log(tmp_path / "log.db") as log, _log(tmp_path / "log.db") as reader:
        with log.group():
            with log.group():
                log.append("a", [noted("1")])
            assert reader.head().position == 0
        assert reader.head().position == 1
        log.append("a", [noted("2")])  # after the group, each append commits on its own
        assert reader.head().position == 2
