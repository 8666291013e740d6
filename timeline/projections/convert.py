"""Read-model rows into the domain's ``TimelineEntry`` (from a fold row, or straight from SQL)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from timeline.model import Source, TimelineEntry
from timeline.projections.history import parse_recorded, to_item
from timeline.projections.rows import EntryRow, HistoryRow, precision_rank

#: The columns ``from_sql`` reads, in order.
TIMELINE_COLUMNS = (
    "entry_id", "headline", "text", "date", "precision", "start", '"end"', "derivation", "lang",
    "sources", "actors", "stories", "status", "corrections", "position", "last_position",
    "created_at", "updated_at", "places", "salience", "kind", "source",
)


def entry_key(entry: TimelineEntry) -> tuple[str, int, int]:
    """The chronological sort key (see ``EntryRow.sort_key``)."""
    return (entry.start.isoformat(), precision_rank(entry.precision), entry.position)


def to_entry(row: EntryRow, history: list[HistoryRow] | None = None) -> TimelineEntry:
    return TimelineEntry(
        entry_id=row.entry_id, headline=row.headline, text=row.text, date=row.date,
        precision=row.precision, start=date.fromisoformat(row.start),
        end=date.fromisoformat(row.end), derivation=row.derivation,  # type: ignore[arg-type]
        lang=row.lang, sources=row.sources, actors=row.actors, places=row.places,
        salience=row.salience, kind=row.kind, stories=row.stories,
        status=row.status,  # type: ignore[arg-type]
        revision=row.corrections, position=row.position, last_position=row.last_position,
        created_at=parse_recorded(row.created_at), updated_at=parse_recorded(row.updated_at),
        history=tuple(to_item(h) for h in history or ()),
    )


def from_sql(v: tuple[Any, ...]) -> TimelineEntry:
    """A TimelineEntry from a row of ``TIMELINE_COLUMNS`` (no intermediate fold row)."""
    return TimelineEntry(
        entry_id=v[0], headline=v[1], text=v[2], date=v[3], precision=v[4],
        start=date.fromisoformat(v[5]), end=date.fromisoformat(v[6]), derivation=v[7],
        lang=v[8], sources=tuple(Source(**s) for s in _sources(v[9], v[21])),
        actors=tuple(json.loads(v[10])), stories=tuple(json.loads(v[11])), status=v[12],
        revision=v[13], position=v[14], last_position=v[15],
        created_at=parse_recorded(v[16]), updated_at=parse_recorded(v[17]),
        places=tuple(json.loads(v[18])), salience=v[19], kind=v[20],
    )


def _sources(sources: str | None, own: str) -> list[dict[str, Any]]:
    """The decoded ``sources`` column (NULL: the entry's own ``source`` alone)."""
    return [json.loads(own)] if sources is None else json.loads(sources)  # type: ignore[no-any-return]
