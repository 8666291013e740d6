"""Feeds assembled from per-entry pieces: after any editorial change they are byte for byte the
whole render, a change re-renders only the entries it touched, and another process reuses the
pieces kept in the archive's file."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.projections.builders import append_article, stepping_clock
from timeline import editorial as ed
from timeline import feed_assembly
from timeline.archive import Archive
from timeline.export import pieces as piece_module
from timeline.feed_assembly import FEEDS
from timeline.feed_listing import load_entries
from timeline.feed_pieces import MEMORY
from timeline.model import TimelineEntry
from timeline.publish import FORMATS, publication_meta, publish

LATER = "9999-01-01T00:00:00Z"  # as_of after everything: the whole render from the fold
BASE = "https://t.example.org"


@pytest.fixture
def archive(tmp_path: Path) -> Iterator[Archive]:
    FEEDS.clear()
    MEMORY.clear()
    with Archive.open(tmp_path / "t.db", clock=stepping_clock()) as archive:
        append_article(archive.log, "a1", 1, [("Huelga del metro", "2025-12", "month"),
                                              ("Puerto reabre", "2025-12-14", "day")])
        append_article(archive.log, "a2", 1, [("Huelga en el metro", "2025-12-03", "day"),
                                              ("Talks resume", "2025-11-20", "day")], lang="en")
        ed.create_story(archive, "metro", title="Metro", actor="t")
        ed.add_to_story(archive, "metro", ["a1-r1-0", "a2-r1-0", "a2-r1-1"], actor="t")
        archive.catch_up()
        yield archive
    FEEDS.clear()
    MEMORY.clear()


def _same_as_whole_renders(archive: Archive) -> None:
    archive.catch_up()
    for name in FORMATS:
        for story in (None, "metro"):
            ours = publish(archive, name, story=story, base_url=BASE).body
            whole = publish(archive, name, story=story, base_url=BASE, as_of=LATER).body
            assert ours == whole, (name, story)


CHANGES: list[tuple[str, Callable[[Archive], object]]] = [
    ("date moves it", lambda a: ed.correct_event(a, "a1-r1-1", date="2025-11-01",
                                                 reason="r", actor="t")),
    ("headline", lambda a: ed.correct_event(a, "a2-r1-0", headline="Paro", reason="r",
                                            actor="t")),
    ("retraction", lambda a: ed.retract_event(a, "a2-r1-1", reason="r", actor="t")),
    ("merge", lambda a: ed.merge_events(a, ["a1-r1-0", "a2-r1-0"], reason="r", actor="t")),
    ("off the story", lambda a: ed.remove_from_story(a, "metro", ["a2-r1-1"], actor="t")),
    ("new article", lambda a: append_article(a.log, "a3", 1, [("Obras", "2024", "year")])),
    ("new revision", lambda a: append_article(a.log, "a1", 2, [("Huelga", "2025-12", "month")])),
]


def test_after_every_change_the_assembled_feeds_are_the_whole_renders(archive: Archive) -> None:
    _same_as_whole_renders(archive)
    for _name, change in CHANGES:
        change(archive)
        _same_as_whole_renders(archive)


def test_a_merge_can_be_undone_and_the_feeds_follow(archive: Archive) -> None:
    _same_as_whole_renders(archive)
    merge = ed.merge_events(archive, ["a1-r1-0", "a2-r1-0"], reason="r", actor="t")
    _same_as_whole_renders(archive)
    ed.undo_merge(archive, merge, reason="r", actor="t")
    _same_as_whole_renders(archive)


def count_pieces(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The entries loaded to render a piece of (every one loaded is rendered), as they are
    loaded."""
    rendered: list[str] = []
    load = feed_assembly.load_entries

    def counted(archive: Archive, ids: list[str]) -> Iterator[TimelineEntry]:
        rendered.extend(ids)
        return load(archive, ids)

    monkeypatch.setattr(feed_assembly, "load_entries", counted)
    return rendered


def test_a_correction_re_renders_one_entry_per_feed(
        archive: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in FORMATS:
        publish(archive, name, story="metro", base_url=BASE)
    rendered = count_pieces(monkeypatch)
    ed.correct_event(archive, "a2-r1-0", headline="Paro total", reason="r", actor="t")
    archive.catch_up()
    for name in FORMATS:
        publish(archive, name, story="metro", base_url=BASE)
    assert rendered == ["a2-r1-0"] * len(FORMATS)


def test_another_process_renders_nothing_the_first_one_kept(
        archive: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    first = {name: publish(archive, name, base_url=BASE).body for name in FORMATS}
    FEEDS.clear()
    MEMORY.clear()  # a new process: nothing in its memory
    rendered = count_pieces(monkeypatch)
    assert {name: publish(archive, name, base_url=BASE).body for name in FORMATS} == first
    assert rendered == []


def test_pieces_depend_on_the_base_url(archive: Archive) -> None:
    one = publish(archive, "ics", base_url=BASE).body
    other = publish(archive, "ics", base_url="https://elsewhere.example.org").body
    assert b"elsewhere.example.org/events/" in other and b"elsewhere" not in one


def test_a_story_whose_language_changes_re_says_its_dates(archive: Archive) -> None:
    _same_as_whole_renders(archive)
    append_article(archive.log, "b1", 1, [("Vote", "2025-21", "season"),
                                          ("Count", "2025-22", "season")], lang="en")
    archive.catch_up()
    ed.add_to_story(archive, "metro", ["b1-r1-0", "b1-r1-1"], actor="t")
    _same_as_whole_renders(archive)
    assert piece_module.majority_lang(["es", "en", "en"]) == "en"


@pytest.mark.parametrize("name", sorted(FORMATS))
@pytest.mark.parametrize("count", [0, 1, 3])
def test_a_frame_around_none_one_or_several_pieces_is_the_whole_render(
        archive: Archive, name: str, count: int) -> None:
    fmt = FORMATS[name].pieces
    entries = list(load_entries(archive, ["a1-r1-0", "a1-r1-1", "a2-r1-0"]))[:count]
    meta = publication_meta(archive, base_url=BASE)
    lang = piece_module.majority_lang(e.lang for e in entries) if fmt.by_lang else None
    pieces = [fmt.piece(e, BASE, lang) for e in entries]
    assert fmt.frame(meta, count, lang).assemble(pieces) == fmt.render(entries, meta)


def test_an_empty_feed_is_still_a_whole_document(tmp_path: Path) -> None:
    with Archive.open(tmp_path / "empty.db") as empty:
        bodies = {name: publish(empty, name, base_url=BASE).body for name in FORMATS}
    calendar = Calendar.from_ical(bodies["ics"])
    assert calendar["PRODID"] and not calendar.walk("VEVENT")
    assert bodies["csv"].decode("utf-8-sig").startswith("Year,Month,Day")
    assert json.loads(bodies["json"])["entries"] == []
    assert json.loads(bodies["timelinejs"])["events"] == []
