"""Ingestion writes what the extractor found beyond the date: places, salience and kind, as
EventExtracted v2. The extractor is replaced by hand-made events, so these tests say nothing
about what it finds in a text."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest

from events import InvalidEvent
from tests.projections.builders import stepping_clock
from timeline import ingest
from timeline.archive import Archive
from timeline.errors import InvalidInput
from timeline.extract.events import ExtractedEvent
from timeline.model import Article
from timeline.projections.queries import EventQuery, find_entries

TEXT = "José Antonio Kast ganó en Chile. Luego saludó en Santiago."
ARTICLE = Article(article_id="kast", text=TEXT, published=date(2025, 12, 15), lang="es",
                  content_hash="c" * 64)


def made(quote: str, start: int, **kw: object) -> ExtractedEvent:
    values: dict = {
        "headline": quote, "sentence": quote, "sentence_start": start,
        "sentence_end": start + len(quote), "quote": quote, "quote_start": start,
        "quote_end": start + len(quote), "date": "2025-12-14", "precision": "day",
        "derivation": "relative", "timex_text": "", "timex_value": "",
        "actors": ("José Antonio Kast",), "lang": "es",
    }
    return ExtractedEvent(**(values | kw))


EVENTS = (
    made("José Antonio Kast ganó en Chile", 0, places=("Chile",), salience=0.9, kind="result"),
    made("Luego saludó en Santiago", 33, places=("Santiago",), salience=0.2, kind="action",
         derivation="narrative"),
)


@pytest.fixture
def archive(monkeypatch: pytest.MonkeyPatch) -> Iterator[Archive]:
    monkeypatch.setattr(ingest, "extract_events", lambda article, **_: EVENTS)
    with Archive.open(":memory:", clock=stepping_clock()) as archive:
        yield archive


def test_the_log_holds_places_salience_and_kind_as_v2(archive: Archive) -> None:
    ingest.ingest_article(archive, ARTICLE)
    stored = [e for e in archive.log.read_all() if e.type == "EventExtracted"]
    assert [e.schema_version for e in stored] == [2, 2]
    assert [(e.data["places"], e.data["salience"], e.data["kind"]) for e in stored] == [
        (["Chile"], 0.9, "result"), (["Santiago"], 0.2, "action")]
    assert stored[1].data["derivation"] == "narrative"


def test_the_entries_carry_them_and_the_minor_one_waits_for_include_minor(
    archive: Archive,
) -> None:
    ingest.ingest_article(archive, ARTICLE)
    (main,) = find_entries(archive, EventQuery()).entries
    assert (main.places, main.salience, main.kind) == (("Chile",), 0.9, "result")
    every = find_entries(archive, EventQuery(include_minor=True)).entries
    assert [e.kind for e in every] == ["result", "action"]


def test_an_out_of_range_salience_writes_nothing(
    archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = (made("x", 0, salience=1.5),)
    monkeypatch.setattr(ingest, "extract_events", lambda article, **_: bad)
    with pytest.raises(InvalidEvent) as caught:
        ingest.ingest_article(archive, ARTICLE)
    assert caught.value.field == "data.salience" and archive.log.head().position == 0


def test_an_over_long_sentence_is_blamed_on_the_text(
    archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = (replace(made("x", 0), sentence="word " * 2000),)
    monkeypatch.setattr(ingest, "extract_events", lambda article, **_: bad)
    with pytest.raises(InvalidInput) as caught:
        ingest.ingest_article(archive, ARTICLE)
    assert caught.value.field == "text" and archive.log.head().position == 0
