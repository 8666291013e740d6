"""An invented ferry story: months later, articles recall one day with its year written and
another day without it ("on 3 March"). Only the first counts as the story looking back: the
year of the second is the archive's guess from the publication day."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from tests.digest.stories import ingested
from timeline.archive import Archive
from timeline.digest.service import story_digest

WRITTEN, YEARLESS = date(2024, 4, 5), date(2024, 3, 3)

_TEXTS = (
    ("2024-07-26", "The Isla Verde ferry sank on 3 March, and the inquiry into the sinking"
                   " opened on 5 April 2024."),
    ("2024-08-02", "Relatives recalled that the ferry sank on 3 March. Divers gave evidence"
                   " to the inquiry opened on 5 April 2024."),
    ("2024-08-09", "The ferry company said the ferry sank on 3 March in calm water. Its"
                   " managers told the inquiry, opened on 5 April 2024, they had no warning."),
)


@pytest.fixture
def archive() -> Iterator[Archive]:
    with ingested(_TEXTS, story="ferry", site="isla.example") as archive:
        yield archive


def test_only_the_day_written_with_its_year_is_looked_back_at(archive: Archive) -> None:
    why = {d.date: d.why for d in story_digest(archive, "ferry", dates=5).dates}
    assert why[YEARLESS].articles == why[WRITTEN].articles == 3
    assert (why[WRITTEN].later, why[YEARLESS].later) == (3, 0)
    assert why[WRITTEN].score > why[YEARLESS].score


def test_an_article_writing_the_year_once_is_looking_back() -> None:
    text = ("The ferry sank on 3 March. Divers said on 3 March 2024 the hull had broken in two.")
    with ingested([("2024-08-20", text)], story="ferry", site="isla.example") as archive:
        why = {d.date: d.why for d in story_digest(archive, "ferry", dates=5).dates}
    assert why[YEARLESS].later == 1
