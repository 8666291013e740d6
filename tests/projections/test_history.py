"""Pure history items: what each event leaves on an entry, who did it and why."""

from __future__ import annotations

import pytest

from tests.projections.test_entries import extracted, stored
from timeline.projections.history import history_row, to_item

MERGE = {"merge_id": "m1", "entry_ids": ["a", "b"], "primary": "a", "merged_by": "eva"}


@pytest.mark.parametrize(("type_", "data", "entry_id", "expected"), [
    ("EventCorrected", {"entry_id": "a", "date": "2025-12-03", "reason": "fuente",
                        "corrected_by": "eva"},
     "a", ("correction", "eva", "fuente", "date: '2025-12' -> '2025-12-03'")),
    ("EventRetracted", {"entry_id": "a", "reason": "bulo"}, "a",
     ("retraction", "ed", "bulo", "retracted")),
    ("EventsMerged", MERGE, "a", ("merge", "eva", None, "b merged into this entry")),
    ("EventsMerged", MERGE, "b", ("merge", "eva", None, "merged into a")),
    ("MergeUndone", {"merge_id": "m1", "reason": "no"}, "b", ("merge_undone", "ed", "no", "m1")),
    ("EventAddedToStory", {"slug": "metro", "entry_id": "a"}, "a",
     ("story_added", "ed", None, "story metro")),
    ("ArticleIngested", {"article_id": "a1", "revision": 2, "reason": "x"}, "a",
     ("supersession", "ed", None, "revision 2 of article a1")),
])
def test_history_items(type_: str, data: dict, entry_id: str, expected: tuple) -> None:
    row = history_row(stored(type_, data, 7), entry_id, extracted())
    assert (row.type, row.actor, row.reason) == expected[:3]
    assert expected[3] in row.summary
    assert to_item(row).recorded_at.isoformat() == "2026-01-05T08:00:07+00:00"
