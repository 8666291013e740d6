"""The editorial and view commands end to end, on a temporary database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.projections.builders import append_article
from timeline.archive import Archive
from timeline.cli import main


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "t.db"
    with Archive.open(path) as archive:
        append_article(archive.log, "a1", 1, [("Huelga del metro", "2025-12", "month"),
                                              ("Puerto reabre", "2025-12-14", "day")])
        append_article(archive.log, "a2", 1, [("Huelga en el metro", "2025-12-03", "day")])
    return path


def run(db: Path, *args: str, code: int = 0) -> str:
    result = CliRunner().invoke(main, ["--db", str(db), *args])
    assert result.exit_code == code, result.output
    return result.output


def listed(db: Path, *args: str) -> list[str]:
    out = json.loads(run(db, "events", "--format", "json", *args))
    return [e["id"] for e in out["entries"]]


def test_events_lists_in_date_order_as_table_and_json(db: Path) -> None:
    table = run(db, "events")
    assert table.index("Huelga del metro") < table.index("Puerto reabre")
    assert listed(db) == ["a1-r1-0", "a2-r1-0", "a1-r1-1"]
    assert listed(db, "--q", "puerto") == ["a1-r1-1"]
    assert listed(db, "--from", "2025-12-10") == ["a1-r1-0", "a1-r1-1"]


def test_correct_then_history_shows_who_and_why(db: Path) -> None:
    run(db, "correct", "a1-r1-0", "--date", "2025-12-02", "--reason", "fuente", "--actor", "ana")
    out = run(db, "history", "a1-r1-0")
    assert "2025-12-02" in out and "by ana" in out and "fuente" in out


def test_retract_hides_and_a_second_retract_fails(db: Path) -> None:
    run(db, "retract", "a1-r1-1", "--reason", "falso", "--actor", "ana")
    assert "a1-r1-1" not in listed(db)
    assert "a1-r1-1" in listed(db, "--status", "retracted")
    assert "already retracted" in run(db, "retract", "a1-r1-1", "--reason", "x", code=1)


def test_merge_unmerge_and_suggestions(db: Path) -> None:
    assert "a1-r1-0 a2-r1-0" in run(db, "suggest-merges")
    merge_id = run(db, "merge", "a1-r1-0", "a2-r1-0", "--actor", "ana").strip()
    assert listed(db) == ["a1-r1-0", "a1-r1-1"]
    run(db, "unmerge", merge_id, "--reason", "distintos", "--actor", "ana")
    assert len(listed(db)) == 3


def test_story_create_add_list_and_filter(db: Path) -> None:
    run(db, "story", "create", "metro", "--title", "Metro", "--actor", "ana")
    assert "added 2" in run(db, "story", "add", "metro", "a1-r1-0", "a2-r1-0", "--actor", "ana")
    assert "metro" in run(db, "story", "list")
    assert listed(db, "--story", "metro") == ["a1-r1-0", "a2-r1-0"]
    assert "already exists" in run(db, "story", "create", "metro", "--title", "X", code=1)


@pytest.mark.parametrize("args", [
    ("correct", "a1-r1-0", "--date", "mañana", "--reason", "r"),
    ("events", "--cursor", "zzz"),
    ("history", "nope"),
])
def test_bad_input_exits_non_zero_with_a_message(db: Path, args: tuple[str, ...]) -> None:
    assert "Error" in run(db, *args, code=1)


def test_rebuild_replays_to_the_same_listing(db: Path) -> None:
    before = listed(db, "--status", "all")
    assert "rebuilt from" in run(db, "rebuild")
    assert listed(db, "--status", "all") == before
