"""Stories as events (issue 12, item 1): create and rename with a reason, membership with a
reason, the story's own history, "as of" titles, and possible duplicates of one entry."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from events import NewEvent
from tests.projections.builders import stepping_clock
from tests.projections.test_entries import stored
from tests.test_editorial import two_articles
from timeline import editorial as ed
from timeline.archive import Archive
from timeline.digest.publish import publish_digest
from timeline.errors import InvalidInput, NotFound
from timeline.projections.queries import get_entry, get_story
from timeline.projections.rows import StoryRow
from timeline.projections.story_log import renamed, story_summary
from timeline.publish import publish


@pytest.fixture
def archive() -> Iterator[Archive]:
    with Archive.open(":memory:", clock=stepping_clock()) as archive:
        two_articles(archive)
        ed.create_story(archive, "metro", title="Metro", reason="new beat", actor="ana")
        yield archive


def test_rename_changes_title_and_description_and_keeps_the_old_in_history(archive) -> None:
    story = ed.rename_story(archive, "metro", title="Huelga del metro 2025",
                            description="El paro de diciembre", reason="clearer", actor="ana")
    assert (story.title, story.description) == ("Huelga del metro 2025", "El paro de diciembre")
    created, renamed = ed.story_history(archive, "metro")
    assert (created.type, created.reason, created.actor) == ("created", "new beat", "ana")
    assert (renamed.type, renamed.reason, renamed.actor) == ("renamed", "clearer", "ana")
    assert "'Metro' -> 'Huelga del metro 2025'" in renamed.summary


def test_rename_keeps_what_is_not_given_and_empty_clears_the_description(archive) -> None:
    ed.rename_story(archive, "metro", description="Una línea", reason="r", actor="ana")
    assert get_story(archive, "metro").title == "Metro"
    story = ed.rename_story(archive, "metro", description="", reason="r", actor="ana")
    assert (story.title, story.description) == ("Metro", None)


@pytest.mark.parametrize(("kw", "field"), [
    ({"title": "Otro", "reason": " "}, "reason"),
    ({"title": " ", "reason": "r"}, "title"),
    ({"title": "Metro", "reason": "r"}, "title"),  # nothing changes
    ({"title": "x" * 301, "reason": "r"}, "title"),
])
def test_rename_refuses_bad_input_naming_the_field(archive, kw: dict, field: str) -> None:
    head = archive.log.head().position
    with pytest.raises(InvalidInput) as caught:
        ed.rename_story(archive, "metro", actor="ana", **kw)
    assert caught.value.field == field and archive.log.head().position == head


def test_rename_of_an_unknown_story_is_not_found(archive) -> None:
    with pytest.raises(NotFound):
        ed.rename_story(archive, "nope", title="x", reason="r", actor="ana")


def test_membership_reasons_reach_entry_and_story_histories(archive) -> None:
    ed.add_to_story(archive, "metro", ["a1-r1-0"], reason="same strike", actor="ana")
    ed.remove_from_story(archive, "metro", ["a1-r1-0"], reason="wrong story", actor="bo")
    items = get_entry(archive, "a1-r1-0").history[-2:]
    assert [(h.type, h.reason) for h in items] == [
        ("story_added", "same strike"), ("story_removed", "wrong story")]
    added, removed = ed.story_history(archive, "metro")[-2:]
    assert (added.type, added.entry_id, removed.actor) == ("entry_added", "a1-r1-0", "bo")
    assert "Huelga del metro" in added.summary


def test_titles_follow_renames_as_of_and_in_feeds(archive) -> None:
    ed.rename_story(archive, "metro", title="El metro", reason="r", actor="ana")
    ed.add_to_story(archive, "metro", ["a1-r1-0"], actor="ana")
    moment = archive.log.head().recorded_at
    assert get_story(archive, "metro", moment).title == "El metro"
    created_at = next(archive.log.read_stream("story-metro")).recorded_at
    assert get_story(archive, "metro", created_at).title == "Metro"
    assert b"X-WR-CALNAME:El metro" in publish(archive, "ics", story="metro").body
    slide = json.loads(publish(archive, "timelinejs", story="metro").body)["title"]
    assert slide["text"]["headline"] == "El metro"


def test_a_rebuild_replays_renames_and_story_history(archive) -> None:
    ed.rename_story(archive, "metro", title="El metro", reason="r", actor="ana")
    history = ed.story_history(archive, "metro")
    archive.projector.rebuild()
    assert get_story(archive, "metro").title == "El metro"
    assert ed.story_history(archive, "metro") == history


def test_v1_story_events_read_with_no_reason(archive) -> None:
    archive.log.append("story-old", [
        NewEvent("StoryCreated", {"slug": "old", "title": "Old"}, schema_version=1),
        NewEvent("EventAddedToStory", {"slug": "old", "entry_id": "a2-r1-0"}, schema_version=1),
    ])
    archive.catch_up()
    assert [h.reason for h in ed.story_history(archive, "old")] == [None, None]
    assert "old" in get_entry(archive, "a2-r1-0").stories


def test_possible_duplicates_of_an_entry(archive) -> None:
    found = ed.possible_duplicates(archive, "a1-r1-0")
    assert [d.entry_id for d in found] == ["a2-r1-0"] and found[0].score >= 0.5
    assert ed.possible_duplicates(archive, "a1-r1-1") == []
    ed.merge_events(archive, ["a1-r1-0", "a2-r1-0"], reason="same", actor="ana")
    assert ed.possible_duplicates(archive, "a1-r1-0") == []
    with pytest.raises(NotFound):
        ed.possible_duplicates(archive, "nope")


def test_the_digest_takes_the_new_title(archive) -> None:
    ed.add_to_story(archive, "metro", ["a1-r1-0", "a2-r1-0"], actor="ana")
    ed.rename_story(archive, "metro", title="El paro del metro", reason="r", actor="ana")
    document = json.loads(publish_digest(archive, "metro", "json"))
    assert document["title"] == "El paro del metro"


def test_story_summaries_are_pure_and_say_what_changed() -> None:
    before = StoryRow("metro", "Metro", None, "ana", "2026-01-05T08:00:00Z", 1)
    event = stored("StoryRenamed", {"slug": "metro", "title": "Metro",
                                    "description": "El paro", "reason": "r"})
    assert story_summary(event, before, None) == "renamed description: None -> 'El paro'"
    assert renamed(before, event).description == "El paro"
    added = stored("EventAddedToStory", {"slug": "metro", "entry_id": "e1"})
    assert story_summary(added, before, "Huelga") == "entry e1 ('Huelga') added"
