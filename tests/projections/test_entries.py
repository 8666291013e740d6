"""The pure entry fold: one row and one event in, the new row out; no database."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from events import StoredEvent
from tests.projections.builders import extracted_data
from timeline.projections.entries import apply_event, merged_sources, superseded
from timeline.projections.rows import ArticleRow, replaced_entry


def stored(type_: str, data: dict[str, Any], position: int = 1, actor: str = "ed") -> StoredEvent:
    return StoredEvent(position, "s", 1, f"id{position}", type_, 1, data, {"actor": actor},
                       f"2026-01-05T08:00:{position:02d}.000000Z", "0" * 64, "1" * 64)


ARTICLE = ArticleRow("a1", 1, "https://diario.example.net/a1", "Nota", "2026-01-04", "es",
                     None, 1)


def extracted(headline: str = "Puerto reabre muelle", edtf: str = "2025-12", prec: str = "month",
              position: int = 2, article_id: str = "a1", revision: int = 1):
    data = extracted_data(f"{article_id}-{position}", article_id, revision, headline, edtf,
                          prec, "es", 5)
    return apply_event(None, stored("EventExtracted", data, position), article=ARTICLE)


def test_extraction_creates_an_active_entry_with_day_bounds_and_its_source() -> None:
    row = extracted()
    assert row is not None
    assert (row.start, row.end, row.status, row.corrections) == ("2025-12-01", "2025-12-31",
                                                                  "active", 0)
    assert row.sources == (row.source,)
    assert (row.source.url, row.source.quote_start) == (ARTICLE.url, 5)


@pytest.mark.parametrize(("change", "expected"), [
    ({"date": "194X"}, ("194X", "decade", "1940-01-01", "1949-12-31", "Puerto reabre muelle")),
    ({"headline": "Muelle reabierto"}, ("2025-12", "month", "2025-12-01", "2025-12-31",
                                        "Muelle reabierto")),
    ({"date": "2025-11-03/2025-11-07"}, ("2025-11-03/2025-11-07", "interval", "2025-11-03",
                                         "2025-11-07", "Puerto reabre muelle")),
])
def test_correction_changes_only_what_it_names(change: dict, expected: tuple) -> None:
    row = extracted()
    event = stored("EventCorrected", {"entry_id": row.entry_id, "reason": "r"} | change, 9)
    after = apply_event(row, event)
    assert (after.date, after.precision, after.start, after.end, after.headline) == expected
    assert (after.corrections, after.last_position, after.position) == (1, 9, row.position)


def test_retraction_and_story_membership() -> None:
    row = extracted()
    retracted = apply_event(row, stored("EventRetracted", {"entry_id": row.entry_id,
                                                           "reason": "wrong"}, 5))
    added = apply_event(row, stored("EventAddedToStory", {"slug": "puerto",
                                                          "entry_id": row.entry_id}, 6))
    removed = apply_event(added, stored("EventRemovedFromStory", {"slug": "puerto",
                                                                  "entry_id": row.entry_id}, 7))
    assert (retracted.status, added.stories, removed.stories) == ("retracted", ("puerto",), ())


def test_events_about_unknown_entries_leave_nothing() -> None:
    event = stored("EventRetracted", {"entry_id": "nope", "reason": "r"})
    assert apply_event(None, event) is None


def test_a_newer_revision_supersedes_active_entries_only() -> None:
    row = extracted()
    retracted = apply_event(row, stored("EventRetracted", {"entry_id": row.entry_id,
                                                           "reason": "r"}, 4))
    revision = stored("ArticleIngested", {"article_id": "a1", "revision": 2}, 8)
    assert superseded(row, revision).status == "superseded"
    assert superseded(retracted, revision).status == "retracted"


def test_merged_sources_list_own_first_then_members_without_repeats() -> None:
    primary, other = extracted(position=2), extracted(position=3, article_id="a2")
    sources = merged_sources(primary, [other, other])
    assert [s.article_id for s in sources] == ["a1", "a2"]


def test_replaced_entry_is_dataclasses_replace() -> None:
    row = extracted()
    assert row is not None
    changes = {"status": "retracted", "stories": ("s",), "last_position": 9}
    assert replaced_entry(row, **changes) == dataclasses.replace(row, **changes)
    with pytest.raises(TypeError, match="no field 'colour'"):
        replaced_entry(row, colour="red")
