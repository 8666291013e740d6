"""Original test events for the archive fold: tiny articles and their extracted entries, appended
directly (valid per events/schemas.py) so these tests do not depend on the extractors."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from events import ANY, NewEvent, SqliteEventLog

#: (headline, EDTF date, precision), optionally followed by the v2 fields to write (places,
#: salience, kind, actors, derivation), or by None for an event stored as v1 (never scored).
EntrySpec = tuple[str, str, str] | tuple[str, str, str, dict[str, Any] | None]


def stepping_clock(start: datetime | None = None, step: timedelta = timedelta(seconds=1)
                   ) -> Callable[[], datetime]:
    """A clock that advances ``step`` on every call, so every append has its own time."""
    moments: Iterator[int] = iter(range(10**9))
    base = start or datetime(2026, 1, 5, 8, 0, tzinfo=UTC)
    return lambda: base + step * next(moments)


def article_batch(article_id: str, revision: int, entries: list[EntrySpec], *,
                  lang: str = "es", url: str | None = None,
                  story: str | None = None) -> list[NewEvent]:
    """ArticleIngested (into ``story``, if given) plus one EventExtracted per (headline, date,
    precision)."""
    text = " ".join(spec[0] for spec in entries) or "Sin fechas."
    digest = hashlib.sha256(f"{article_id}:{revision}:{text}".encode()).hexdigest()
    batch = [NewEvent("ArticleIngested", {
        "article_id": article_id, "revision": revision, "content_hash": digest,
        "url": url or f"https://diario.example.net/{article_id}", "title": f"Nota {article_id}",
        "published": "2026-01-04", "lang": lang, "text": text, "source_format": "text",
        "story": story, "extractor_version": "test-1",
        "supersedes": None,
    }, metadata={"actor": "ingest"})]
    offset = 0
    for index, (headline, edtf, precision, *rest) in enumerate(entries):
        data = extracted_data(f"{article_id}-r{revision}-{index}", article_id, revision,
                              headline, edtf, precision, lang, offset)
        extras = rest[0] if rest else {}
        batch.append(NewEvent("EventExtracted", data | (extras or {}),
                              schema_version=1 if extras is None else None))
        offset += len(headline) + 1
    return batch


def extracted_data(entry_id: str, article_id: str, revision: int, headline: str, edtf: str,
                   precision: str, lang: str, offset: int) -> dict[str, Any]:
    return {
        "entry_id": entry_id, "article_id": article_id, "revision": revision,
        "headline": headline, "sentence": f"{headline}.", "quote": headline,
        "quote_start": offset, "quote_end": offset + len(headline), "date": edtf,
        "precision": precision, "derivation": "explicit", "timex_text": None,
        "timex_value": None, "actors": [headline.split()[0]], "lang": lang,
        "extractor_version": "test-1",
    }


def append_article(log: SqliteEventLog, article_id: str, revision: int,
                   entries: list[EntrySpec], **kw: Any) -> list[str]:
    """Append an article revision; the entry ids it created."""
    stored = log.append(f"article-{article_id}", article_batch(article_id, revision, entries,
                                                               **kw), expected_version=ANY)
    return [e.data["entry_id"] for e in stored[1:]]
