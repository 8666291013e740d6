"""An invented story with a sidebar: a harbour strike in the invented port of Puerto Lindo, whose
articles also carry an unrelated concert item. The concert's day has as many mentions as a day
of the strike, but its words are not the story's: the digest keeps the strike's day."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from tests.digest.stories import ingested
from timeline.archive import Archive
from timeline.digest import service
from timeline.digest.service import story_digest

START, END = date(2024, 5, 6), date(2024, 5, 20)
CONCERT, MARCH = date(2024, 5, 12), date(2024, 5, 15)

_TEXTS = (
    ("2024-05-06", "Dock workers in Puerto Lindo began a harbour strike over pay on 6 May 2024."),
    ("2024-05-13", "The Puerto Lindo harbour strike by dock workers over pay continued. "
                   "A jazz quartet played an open-air concert in the botanical garden"
                   " on 12 May 2024."),
    ("2024-05-14", "Dock workers marched through Puerto Lindo on 15 May 2024, the harbour strike"
                   " leaders said. Violins and a choir performed an open-air concert in the"
                   " botanical garden on 12 May 2024."),
    ("2024-05-16", "Thousands of dock workers marched through Puerto Lindo on 15 May 2024 to"
                   " back the harbour strike over pay."),
    ("2024-05-20", "Dock workers ended the Puerto Lindo harbour strike on 20 May 2024 after a"
                   " pay deal."),
    ("2024-06-15", "The harbour strike, which dock workers began on 6 May 2024, cost Puerto"
                   " Lindo's harbour millions, and the pay deal of 20 May 2024 holds."),
)


@pytest.fixture
def archive() -> Iterator[Archive]:
    with ingested(_TEXTS, story="strike", site="port.example") as archive:
        yield archive


def _days(archive: Archive, n: int) -> list[date]:
    service._cache.clear()
    return [d.date for d in story_digest(archive, "strike", dates=n).dates]


def test_the_sidebar_day_has_as_much_evidence_as_a_story_day(archive: Archive) -> None:
    why = {d.date: d.why for d in story_digest(archive, "strike", dates=10).dates}
    assert why[CONCERT].articles == why[MARCH].articles == 2
    assert why[CONCERT].relevance < why[MARCH].relevance == 1.0


def test_the_story_day_is_key_and_the_sidebar_day_is_not(archive: Archive) -> None:
    assert _days(archive, 3) == [START, MARCH, END]


def test_without_relevance_the_sidebar_would_win(archive: Archive,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(service, "day_relevance", lambda c: dict.fromkeys(c, 1.0))
    assert CONCERT in _days(archive, 3)


def test_the_json_why_says_how_relevant_each_day_is(archive: Archive) -> None:
    from timeline.digest.service import digest_json

    days = digest_json(story_digest(archive, "strike", dates=10))["dates"]
    relevance = {d["date"]: d["why"]["relevance"] for d in days}  # type: ignore[index, union-attr]
    assert relevance[CONCERT.isoformat()] < 0.5 <= relevance[MARCH.isoformat()] == 1.0
