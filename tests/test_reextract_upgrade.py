"""An archive built by the first extractor (schema v1 events, one event per date mention)
upgrades to the current extractor by appending revisions: the old history stays as it was."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from itertools import count

import pytest

from events import NewEvent, verify
from timeline.archive import Archive
from timeline.editorial import correct_event
from timeline.extract.article import article_from_text
from timeline.extract.events import EXTRACTOR_VERSION, entry_id_for
from timeline.ingest import reextract_archive
from timeline.projections.queries import get_entry

TEXT = ("El alcalde Tomás Rivas inauguró el muelle el 3 de marzo. El concejo aprobó el "
        "presupuesto el lunes.")
ARTICLE = article_from_text(TEXT, published="2026-03-10", lang="es")
OLD_QUOTE = "El alcalde Tomás Rivas inauguró el muelle el 3 de marzo."


def v1_batch() -> list[NewEvent]:
    """What the version-1 ingest wrote for ARTICLE: its schema, its extractor version."""
    a = ARTICLE
    ingested = {
        "article_id": a.article_id, "revision": 1, "content_hash": a.content_hash, "url": None,
        "title": None, "published": "2026-03-10", "lang": "es", "text": a.text,
        "source_format": "text", "story": None, "extractor_version": "1", "supersedes": None,
    }
    extracted = {
        "entry_id": entry_id_for(f"{a.content_hash}:1", 0), "article_id": a.article_id,
        "revision": 1, "headline": "El alcalde Tomás Rivas inauguró el muelle",
        "sentence": OLD_QUOTE, "quote": OLD_QUOTE, "quote_start": 0,
        "quote_end": len(OLD_QUOTE), "date": "2026-03-03", "precision": "day",
        "derivation": "explicit", "timex_text": "3 de marzo", "timex_value": "2026-03-03",
        "actors": ["Tomás Rivas"], "lang": "es", "extractor_version": "1",
    }
    return [NewEvent("ArticleIngested", ingested, schema_version=1),
            NewEvent("EventExtracted", extracted, schema_version=1)]


@pytest.fixture
def old_archive() -> Iterator[Archive]:
    ticks = (datetime(2026, 3, 10, tzinfo=UTC) + timedelta(seconds=n) for n in count())
    with Archive.open(":memory:", clock=lambda: next(ticks)) as archive:
        archive.log.append(f"article-{ARTICLE.article_id}", v1_batch())
        old_id = v1_batch()[1].data["entry_id"]
        correct_event(archive, old_id, headline="Rivas inauguró el muelle", reason="más corto",
                      actor="ana")
        yield archive


def test_reextraction_appends_a_revision_and_keeps_the_old_history(old_archive: Archive) -> None:
    before = [(e.position, e.hash) for e in old_archive.log.read_all()]
    assert reextract_archive(old_archive, actor="bot") == 1
    after = list(old_archive.log.read_all())
    assert [(e.position, e.hash) for e in after[: len(before)]] == before
    assert verify(old_archive.log).ok
    old = get_entry(old_archive, v1_batch()[1].data["entry_id"])
    assert old.status == "superseded" and old.headline == "Rivas inauguró el muelle"
    assert [h.type for h in old.history][:2] == ["extraction", "correction"]


def test_the_new_revision_carries_the_current_extractor(old_archive: Archive) -> None:
    reextract_archive(old_archive)
    stored = [e for e in old_archive.log.read_all() if e.position > 3]
    assert stored[0].data["extractor_version"] == EXTRACTOR_VERSION
    new = [e.data for e in stored if e.type == "EventExtracted"]
    assert {d["date"] for d in new} >= {"2026-03-03", "2026-03-09"}
    assert all(d["salience"] is not None and d["kind"] for d in new)
    assert reextract_archive(old_archive) == 0
