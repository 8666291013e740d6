"""Ingestion: one atomic batch per article revision, idempotent, revisions supersede, nothing on
bad input."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from timeline.archive import Archive
from timeline.errors import InvalidInput
from timeline.extract.article import article_from_json, article_from_text
from timeline.extract.events import EXTRACTOR_VERSION
from timeline.ingest import ingest_article, reextract_archive
from timeline.model import DERIVATIONS, SALIENCE_THRESHOLD
from timeline.projections.queries import EventQuery, find_entries, get_entry, get_story

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
SEED = Path(__file__).resolve().parents[2] / "shared" / "data" / "seed"


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 4, 15, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@pytest.fixture
def archive(tmp_path: Path) -> Iterator[Archive]:
    with Archive.open(tmp_path / "a.db", clock=Clock()) as archive:
        yield archive


def fixture(name: str, **changes: str) -> dict:
    return {**json.loads((FIXTURES / name).read_text(encoding="utf-8")), **changes}


def test_an_article_and_its_events_are_one_batch(archive: Archive) -> None:
    result = ingest_article(archive, article_from_json(fixture("en-flood-barrier.json")))
    stream = list(archive.log.read_stream(f"article-{result.article_id}"))
    assert [e.type for e in stream] == ["ArticleIngested"] + ["EventExtracted"] * len(
        result.entry_ids
    )
    assert len({e.recorded_at for e in stream}) == 1
    assert result.created and len(result.entry_ids) >= 3


def test_the_same_content_again_writes_nothing(archive: Archive) -> None:
    first = ingest_article(archive, article_from_json(fixture("en-flood-barrier.json")))
    head = archive.log.head().position
    again = ingest_article(archive, article_from_json(fixture("en-flood-barrier.json")))
    assert (again.created, again.entry_ids) == (False, first.entry_ids)
    assert archive.log.head().position == head


def test_a_changed_text_at_the_same_url_supersedes_the_old_events(archive: Archive) -> None:
    original = fixture("en-flood-barrier.json")
    first = ingest_article(archive, article_from_json(original))
    changed = {**original, "text": original["text"] + "\n\nThe vote was confirmed on May 3, 2026."}
    second = ingest_article(archive, article_from_json(changed))
    assert (second.created, second.revision) == (True, 2)
    assert get_entry(archive, first.entry_ids[0]).status == "superseded"
    every = EventQuery(limit=500, include_minor=True)
    assert "2026-05-03" in {e.date for e in find_entries(archive, every).entries}


def test_an_article_naming_a_story_files_its_events_there(archive: Archive) -> None:
    result = ingest_article(archive, article_from_json(fixture("en-flood-barrier.json")))
    story = EventQuery(story="riverside-council-2026", limit=500, include_minor=True)
    page = find_entries(archive, story)
    assert {e.entry_id for e in page.entries} == set(result.entry_ids)
    assert get_story(archive, "riverside-council-2026").slug == "riverside-council-2026"


def test_re_ingesting_into_a_story_adds_no_duplicate_membership(archive: Archive) -> None:
    ingest_article(archive, article_from_json(fixture("en-flood-barrier.json")))
    head = archive.log.head().position
    ingest_article(archive, article_from_json(fixture("en-flood-barrier.json")))
    assert archive.log.head().position == head


def test_a_text_without_happenings_yields_only_minor_entries(archive: Archive) -> None:
    result = ingest_article(archive, article_from_json(fixture("en-no-dates.json")))
    entries = [get_entry(archive, i) for i in result.entry_ids]
    assert all(e.salience is not None and e.salience < SALIENCE_THRESHOLD for e in entries)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"text": "   \n "}, "text"),
        ({"lang": "xx"}, "lang"),
        ({"published": "17/11/2025"}, "published"),
        ({"story": "Not A Slug"}, "story"),
        ({"story": "all"}, "story"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_appended(
    archive: Archive, changes: dict, field: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        ingest_article(archive, article_from_json(fixture("en-flood-barrier.json", **changes)))
    assert caught.value.field == field
    assert archive.log.head().position == 0


def test_dated_events_keep_their_quote_and_derivation(archive: Archive) -> None:
    article = article_from_json(fixture("es-paro-portuario.json"))
    result = ingest_article(archive, article)
    for entry_id in result.entry_ids:
        entry = get_entry(archive, entry_id)
        source = entry.sources[0]
        assert article.text[source.quote_start : source.quote_end] == source.quote
        assert entry.derivation in DERIVATIONS


@pytest.mark.skipif(not SEED.is_dir(), reason="../shared/data/seed is absent")
def test_the_seed_article_yields_every_date_it_must(archive: Archive) -> None:
    expected = json.loads((SEED / "milei-kast-2025-11-17.expected.json").read_text("utf-8"))
    text = (SEED / expected["article"]["file"]).read_text(encoding="utf-8")
    article = article_from_text(text, published="2025-11-17", lang="es")
    result = ingest_article(archive, article)
    entries = [get_entry(archive, i) for i in result.entry_ids]
    dates = {e.date for e in entries}
    for item in expected["must_find"]:
        wanted = item["date"]
        if wanted == "194X":
            assert any(e.start.year >= 1940 and e.end.year <= 1949 for e in entries), item
        else:
            assert wanted in dates, item
    extracted = [e.data for e in archive.log.read_all() if e.type == "EventExtracted"]
    sundays = [x["date"] for x in extracted if "domingo" in (x["timex_text"] or "")]
    assert sundays and all(d <= "2025-11-17" for d in sundays)
    assert not any("23,94" in (x["timex_text"] or "") for x in extracted)
    assert all(x["date"] >= "2025" for x in extracted if "diciembre" in (x["timex_text"] or ""))
    assert any(
        e.derivation == "publication" and e.date == "2025-11-17" for e in entries
    ), "the reported call between Kast and Milei is anchored to the publication date"


def test_reextracting_appends_a_revision_for_articles_of_an_older_extractor(
    archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = ingest_article(archive, article_from_json(fixture("en-flood-barrier.json")))
    assert reextract_archive(archive) == 0
    monkeypatch.setattr("timeline.ingest.EXTRACTOR_VERSION", "99")
    assert reextract_archive(archive) == 1
    latest = list(archive.log.read_stream(f"article-{first.article_id}"))
    revisions = [e.data for e in latest if e.type == "ArticleIngested"]
    assert [(r["revision"], r["extractor_version"]) for r in revisions] == [
        (1, EXTRACTOR_VERSION), (2, "99")]
    assert get_entry(archive, first.entry_ids[0]).status == "superseded"


def test_opening_a_current_archive_needs_no_write_lock(archive: Archive, tmp_path: Path) -> None:
    ingest_article(archive, article_from_json(fixture("en-flood-barrier.json")))
    archive.log.conn.execute("BEGIN IMMEDIATE")  # a writer holds the lock
    try:
        with Archive.open(tmp_path / "a.db") as reader:
            assert find_entries(reader, EventQuery()).entries
    finally:
        archive.log.conn.execute("ROLLBACK")


def test_a_surname_in_a_later_article_is_the_full_name_the_archive_knows(
    archive: Archive,
) -> None:
    first = "José Antonio Kast ganó la primera vuelta el domingo."
    ingest_article(archive, article_from_text(first, published="2025-11-17", lang="es"))
    later = article_from_text("Kast votó en Santiago.", published="2025-12-14", lang="es")
    result = ingest_article(archive, later)
    assert get_entry(archive, result.entry_ids[0]).actors == ("José Antonio Kast",)
