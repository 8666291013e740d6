"""Editorial commands: what they append, what they refuse, and what the timeline then shows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.projections.builders import append_article, stepping_clock
from timeline import editorial as ed
from timeline.archive import Archive
from timeline.errors import Conflict, InvalidInput, NotFound
from timeline.projections.queries import EventQuery, find_entries, get_entry, get_story


def two_articles(archive: Archive) -> None:
    """Two articles: a metro strike in December 2025 (twice) and a port reopening."""
    append_article(archive.log, "a1", 1, [("Huelga del metro", "2025-12", "month"),
                                          ("Puerto reabre", "2025-12-14", "day")])
    append_article(archive.log, "a2", 1, [("Huelga en el metro", "2025-12-03", "day")])
    archive.catch_up()


@pytest.fixture
def archive() -> Iterator[Archive]:
    with Archive.open(":memory:", clock=stepping_clock()) as archive:
        two_articles(archive)
        yield archive


def shown(archive: Archive) -> list[str]:
    return [e.entry_id for e in find_entries(archive, EventQuery()).entries]


def test_correct_changes_the_entry_and_records_who_and_why(archive: Archive) -> None:
    entry = ed.correct_event(archive, "a1-r1-0", date="2025-12-02", reason="fuente",
                             actor="ana")
    assert (entry.date, entry.precision, entry.revision) == ("2025-12-02", "day", 1)
    last = entry.history[-1]
    assert (last.type, last.actor, last.reason) == ("correction", "ana", "fuente")
    assert archive.log.head().position == archive.projector.checkpoint("timeline")


@pytest.mark.parametrize(("kw", "error", "field"), [
    ({"date": "diciembre"}, InvalidInput, "date"),
    ({"date": "2025-13-01"}, InvalidInput, "date"),
    ({}, InvalidInput, "date"),
    ({"headline": "x", "reason": " "}, InvalidInput, "reason"),
    ({"headline": "x" * 501}, InvalidInput, "headline"),
])
def test_correct_refuses_bad_input(archive: Archive, kw: dict, error: type, field: str) -> None:
    with pytest.raises(error) as caught:
        ed.correct_event(archive, "a1-r1-0", **({"reason": "r", "actor": "ana"} | kw))
    assert caught.value.field == field


def test_commands_on_unknown_entries_raise_not_found(archive: Archive) -> None:
    with pytest.raises(NotFound):
        ed.correct_event(archive, "nope", headline="x", reason="r", actor="ana")
    with pytest.raises(NotFound):
        ed.retract_event(archive, "nope", reason="r", actor="ana")
    with pytest.raises(NotFound):
        ed.undo_merge(archive, "nope", reason="r", actor="ana")


def test_retract_hides_the_entry_and_twice_is_a_conflict(archive: Archive) -> None:
    ed.retract_event(archive, "a1-r1-1", reason="falso", actor="ana")
    assert "a1-r1-1" not in shown(archive)
    with pytest.raises(Conflict):
        ed.retract_event(archive, "a1-r1-1", reason="otra vez", actor="ana")


def test_merge_shows_one_entry_with_both_sources_and_undo_splits_it(archive: Archive) -> None:
    merge_id = ed.merge_events(archive, ["a1-r1-0", "a2-r1-0"], actor="ana")
    assert "a2-r1-0" not in shown(archive)
    assert len(get_entry(archive, "a1-r1-0").sources) == 2
    with pytest.raises(Conflict):
        ed.merge_events(archive, ["a2-r1-0", "a1-r1-1"], actor="ana")
    ed.undo_merge(archive, merge_id, reason="distintos", actor="bo")
    assert set(shown(archive)) == {"a1-r1-0", "a1-r1-1", "a2-r1-0"}
    with pytest.raises(Conflict):
        ed.undo_merge(archive, merge_id, reason="otra vez", actor="bo")


def test_merge_needs_two_different_entries(archive: Archive) -> None:
    with pytest.raises(InvalidInput) as caught:
        ed.merge_events(archive, ["a1-r1-0", "a1-r1-0"], actor="ana")
    assert caught.value.field == "entry_ids"


def test_story_create_add_remove(archive: Archive) -> None:
    story = ed.create_story(archive, "metro", title="Metro", actor="ana")
    assert (story.title, story.entry_count, story.created_by) == ("Metro", 0, "ana")
    assert ed.add_to_story(archive, "metro", ["a1-r1-0", "a2-r1-0", "a1-r1-0"], actor="ana") == 2
    assert ed.add_to_story(archive, "metro", ["a1-r1-0"], actor="ana") == 0
    assert ed.remove_from_story(archive, "metro", ["a2-r1-0"], actor="ana") == 1
    assert [e.entry_id for e in find_entries(archive, EventQuery(story="metro")).entries] == [
        "a1-r1-0"]
    assert get_story(archive, "metro").entry_count == 1


@pytest.mark.parametrize(("slug", "error"), [("metro", Conflict), ("Metro!", InvalidInput)])
def test_create_story_refuses_taken_or_bad_slugs(archive: Archive, slug: str,
                                                 error: type) -> None:
    ed.create_story(archive, "metro", title="Metro", actor="ana")
    with pytest.raises(error):
        ed.create_story(archive, slug, title="Otra", actor="ana")
    assert ed.create_story_if_missing(archive, "metro", title="Otra", actor=None) is False


def test_adding_to_a_missing_story_is_not_found(archive: Archive) -> None:
    with pytest.raises(NotFound):
        ed.add_to_story(archive, "nada", ["a1-r1-0"], actor="ana")


def test_suggest_merges_pairs_the_two_strike_reports(archive: Archive) -> None:
    (best,) = ed.suggest_merges(archive)
    assert set(best.entry_ids) == {"a1-r1-0", "a2-r1-0"}
    ed.merge_events(archive, list(best.entry_ids), actor="ana")
    assert ed.suggest_merges(archive) == []


def test_a_second_process_sees_the_first_ones_retraction(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    with Archive.open(path) as first, Archive.open(path) as second:
        append_article(first.log, "a1", 1, [("Huelga del metro", "2025-12", "month")])
        first.catch_up()
        second.catch_up()
        ed.retract_event(first, "a1-r1-0", reason="falso", actor="ana")
        with pytest.raises(Conflict):
            ed.retract_event(second, "a1-r1-0", reason="falso", actor="bo")
        assert get_entry(second, "a1-r1-0").status == "retracted"


def test_the_slug_all_is_reserved_for_the_whole_archive(archive: Archive) -> None:
    with pytest.raises(InvalidInput) as caught:
        ed.create_story(archive, "all", title="Everything", actor="ana")
    assert caught.value.field == "slug"
