"""Pure folds of one entry: each takes a row (or None) and an event's facts, returns the new row.

No database, no clock: the timestamps are the events' ``recorded_at``.
"""

from __future__ import annotations

from functools import lru_cache
from operator import itemgetter
from typing import Any

from events import StoredEvent
from timeline.dates import edtf_bounds, edtf_precision
from timeline.model import Source
from timeline.projections.rows import (
    ArticleRow,
    EntryRow,
    new_entry_row,
    new_source,
    replaced_entry,
)


@lru_cache(maxsize=8192)
def iso_bounds(edtf: str) -> tuple[str, str]:
    """First and last ISO day an EDTF date can mean."""
    start, end = edtf_bounds(edtf)
    return start.isoformat(), end.isoformat()


def touched(row: EntryRow, event: StoredEvent, **changes: Any) -> EntryRow:
    """``row`` with ``changes``, stamped as last changed by ``event``."""
    return replaced_entry(
        row, last_position=event.position, updated_at=event.recorded_at, **changes
    )


#: The fields every EventExtracted carries, fetched in one call (``extracted`` runs per event).
_extracted_fields = itemgetter(
    "entry_id", "article_id", "revision", "headline", "sentence", "date", "precision",
    "derivation", "lang", "quote", "quote_start", "quote_end", "actors",
)


def extracted(event: StoredEvent, article: ArticleRow | None) -> EntryRow:
    """A new entry from an EventExtracted event (``article`` gives url, title, published, and
    the story the article was ingested into, which the entry is born on).

    Built positionally (in ``EntryRow``'s field order), without the frozen ``__init__``: a
    rebuild makes one per extracted event."""
    d = event.data
    (entry_id, article_id, revision, headline, sentence, date, precision, derivation, lang,
     quote, quote_start, quote_end, actors) = _extracted_fields(d)
    start, end = iso_bounds(date)
    if article is None:
        source = new_source(article_id, quote, quote_start, quote_end)
        stories: tuple[str, ...] = ()
    else:
        source = new_source(article_id, quote, quote_start, quote_end, article.url,
                            article.title, article.published)
        stories = (article.story,) if article.story else ()
    position, recorded_at = event.position, event.recorded_at
    places, salience = d.get("places"), d.get("salience")  # salience: JSON may carry 1 for 1.0
    return new_entry_row(
        entry_id, article_id, revision, headline, sentence, date, precision, start, end,
        derivation, lang, quote, quote_start, quote_end, tuple(actors),
        tuple(places) if places else (), None if salience is None else float(salience),
        d.get("kind"), source, (source,), stories, "active", 0, None, position, position,
        recorded_at, recorded_at,
    )


def corrected(row: EntryRow, event: StoredEvent) -> EntryRow:
    d = event.data
    changes: dict[str, Any] = {"corrections": row.corrections + 1}
    if d.get("date") is not None:
        start, end = iso_bounds(d["date"])
        changes |= {"date": d["date"], "precision": edtf_precision(d["date"]),
                    "start": start, "end": end}
    if d.get("headline") is not None:
        changes["headline"] = d["headline"]
    if d.get("text") is not None:
        changes["text"] = d["text"]
    return touched(row, event, **changes)


def superseded(row: EntryRow, event: StoredEvent) -> EntryRow:
    """An older revision's entry when its article is ingested again (retractions stay)."""
    if row.status != "active" or row.revision >= event.data["revision"]:
        return row
    return touched(row, event, status="superseded")


def with_story(row: EntryRow, event: StoredEvent) -> EntryRow:
    slug = event.data["slug"]
    stories = row.stories if slug in row.stories else (*row.stories, slug)
    return touched(row, event, stories=stories)


def without_story(row: EntryRow, event: StoredEvent) -> EntryRow:
    slug = event.data["slug"]
    return touched(row, event, stories=tuple(s for s in row.stories if s != slug))


def merged_sources(row: EntryRow, members: list[EntryRow]) -> tuple[Source, ...]:
    """Its own source, then every member's sources (in extraction order), without repeats."""
    seen: set[tuple[str, int, int]] = set()
    out: list[Source] = []
    for source in (row.source, *(s for m in members for s in m.sources)):
        key = (source.article_id, source.quote_start, source.quote_end)
        if key not in seen:
            seen.add(key)
            out.append(source)
    return tuple(out)


_SINGLE = {
    "EventCorrected": corrected,
    "EventRetracted": lambda row, event: touched(row, event, status="retracted"),
    "EventAddedToStory": with_story,
    "EventRemovedFromStory": without_story,
}


def apply_event(
    row: EntryRow | None, event: StoredEvent, *, article: ArticleRow | None = None
) -> EntryRow | None:
    """The entry after an event that names it alone (extraction, correction, retraction, story
    membership). Unknown entries stay unknown; other event types leave the row as it was."""
    if event.type == "EventExtracted":
        return extracted(event, article)
    change = _SINGLE.get(event.type)
    if row is None or change is None:
        return row
    return change(row, event)
