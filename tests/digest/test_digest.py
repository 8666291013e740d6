"""The digest of an invented story, through the archive: key days, exact quotes, bad input,
caching per log head and the read model kept in step with corrections and rebuilds."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from tests.digest.stories import COLLAPSE, REOPENING, bridge_articles
from tests.projections.builders import stepping_clock
from timeline import editorial
from timeline.archive import Archive
from timeline.digest.service import digest_json, story_digest
from timeline.errors import InvalidInput, NotFound
from timeline.ingest import ingest_articles

TEXTS = {a.article_id: a.text for a in bridge_articles()}


@pytest.fixture
def archive() -> Iterator[Archive]:
    with Archive.open(":memory:", clock=stepping_clock()) as archive:
        ingest_articles(archive, bridge_articles(), actor="test")
        yield archive


def test_the_day_every_article_looks_back_at_is_key(archive: Archive) -> None:
    digest = story_digest(archive, "bridge", dates=1)
    assert [d.date for d in digest.dates] == [COLLAPSE]
    assert digest.dates[0].why.later >= 2 and digest.dates[0].why.hosts >= 2


def test_key_days_are_chronological_and_include_the_reopening(archive: Archive) -> None:
    days = [d.date for d in story_digest(archive, "bridge", dates=3).dates]
    assert days == sorted(days) and {COLLAPSE, REOPENING} <= set(days)


def test_every_summary_is_an_exact_quote_of_its_source(archive: Archive) -> None:
    for day in story_digest(archive, "bridge", dates=5, sentences=3).dates:
        assert day.summary and len(day.summary) <= 3
        for sentence, source in zip(day.summary, day.sources, strict=True):
            assert TEXTS[source.article_id][source.quote_start:source.quote_end] == sentence


def test_the_json_document_has_the_documented_shape(archive: Archive) -> None:
    doc = digest_json(story_digest(archive, "bridge", dates=2))
    assert doc["story"] == "bridge"
    day = doc["dates"][0]  # type: ignore[index]
    assert set(day) >= {"date", "score", "summary", "sources", "entries"}
    assert set(day["sources"][0]) == {"article_id", "url", "quote_start", "quote_end"}


def test_the_range_is_inclusive_and_an_empty_range_is_an_empty_digest(archive: Archive) -> None:
    only = story_digest(archive, "bridge", date_from="2024-06-14", date_to="2024-06-14")
    assert [d.date for d in only.dates] == [REOPENING]
    assert story_digest(archive, "bridge", date_from="2024-07-01", date_to="2024-01-01").dates == ()
    assert story_digest(archive, "bridge", date_from="1990", date_to="1990").dates == ()


@pytest.mark.parametrize(("options", "field"), [
    ({"dates": 0}, "dates"), ({"dates": 501}, "dates"), ({"dates": "many"}, "dates"),
    ({"sentences": 0}, "sentences"), ({"sentences": 11}, "sentences"),
    ({"date_from": "soon"}, "from"), ({"date_to": "2024-13-45"}, "to"),
])
def test_bad_input_names_its_parameter(archive: Archive, options: dict, field: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        story_digest(archive, "bridge", **options)
    assert caught.value.field == field


def test_an_unknown_story_is_not_found(archive: Archive) -> None:
    with pytest.raises(NotFound):
        story_digest(archive, "no-such-story")


def test_the_default_number_of_days_follows_the_story_size(archive: Archive) -> None:
    assert len(story_digest(archive, "bridge").dates) == 5  # 7 articles: at least 5


def test_same_archive_same_digest_and_a_new_event_gives_a_new_one(archive: Archive) -> None:
    first = story_digest(archive, "bridge", dates=3)
    assert story_digest(archive, "bridge", dates=3) is first  # cached for this log head
    day = next(d for d in first.dates if d.date == REOPENING)
    for entry_id in day.entries:
        editorial.retract_event(archive, entry_id, reason="test", actor="test")
    again = story_digest(archive, "bridge", dates=3)
    assert REOPENING not in [d.date for d in again.dates]


def test_a_corrected_date_moves_its_evidence(archive: Archive) -> None:
    day = story_digest(archive, "bridge", date_from="2024-05-02", date_to="2024-05-02").dates[0]
    for entry_id in day.entries:
        editorial.correct_event(archive, entry_id, date="2024-05-09", reason="wrong day",
                                actor="test")
    moved = story_digest(archive, "bridge", date_from="2024-05-01", date_to="2024-05-31")
    assert [d.date for d in moved.dates] == [date(2024, 5, 9)]


def test_rebuild_gives_the_same_day_evidence(archive: Archive) -> None:
    def rows() -> list[tuple]:
        return archive.log.conn.execute(
            "SELECT * FROM tl_story_days ORDER BY slug, start, entry_id").fetchall()

    before = rows()
    archive.projector.rebuild()
    assert rows() == before and before


def test_lang_keeps_only_entries_in_that_language(archive: Archive) -> None:
    every = story_digest(archive, "bridge", dates=3)
    assert story_digest(archive, "bridge", dates=3, lang="en").dates == every.dates
    assert story_digest(archive, "bridge", lang="es").dates == ()


def test_a_digest_of_read_models_behind_the_log_is_not_kept_for_the_caught_up_ones(
    archive: Archive,
) -> None:
    from events import NewEvent

    first = story_digest(archive, "bridge", dates=3)
    reopening = next(d for d in first.dates if d.date == REOPENING)
    events = [NewEvent("EventRetracted", {"entry_id": e, "reason": "test"})
              for e in reopening.entries]
    for event in events:
        archive.log.append(f"entry-{event.data['entry_id']}", [event])
    story_digest(archive, "bridge", dates=3)  # read models not caught up yet
    archive.catch_up()
    assert REOPENING not in [d.date for d in story_digest(archive, "bridge", dates=3).dates]
