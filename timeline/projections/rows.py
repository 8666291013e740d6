"""The read models' records: what the folds produce and the SQL tables store. Plain frozen data."""

from __future__ import annotations

from dataclasses import dataclass, fields
from operator import attrgetter
from typing import Any

from events import positional_constructor
from timeline.model import PRECISIONS, Source

#: Each precision's sort rank, finest first (``precision_rank``; unknown ones sort last).
PRECISION_RANKS = {precision: rank for rank, precision in enumerate(PRECISIONS)}


def precision_rank(precision: str) -> int:
    """Sort rank of a precision, finest first; unknown precisions sort last."""
    return PRECISION_RANKS.get(precision, len(PRECISIONS))


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """The latest ingested revision of an article."""

    article_id: str
    revision: int
    url: str | None
    title: str | None
    published: str  # ISO date
    lang: str
    story: str | None
    position: int


@dataclass(frozen=True, slots=True)
class EntryRow:
    """One entry as the fold sees it. Dates are ISO strings; ``source`` is its own evidence,
    ``sources`` what it shows (its own first, then those of entries merged into it)."""

    entry_id: str
    article_id: str
    revision: int  # the article revision it was extracted from
    headline: str
    text: str
    date: str  # EDTF
    precision: str
    start: str  # ISO day, inclusive
    end: str  # ISO day, inclusive
    derivation: str
    lang: str
    quote: str
    quote_start: int
    quote_end: int
    actors: tuple[str, ...]
    places: tuple[str, ...]
    salience: float | None  # None: not scored
    kind: str | None
    source: Source
    sources: tuple[Source, ...]
    stories: tuple[str, ...]
    status: str  # active, retracted, superseded
    corrections: int
    merged_into: str | None
    position: int
    last_position: int
    created_at: str
    updated_at: str

    @property
    def prank(self) -> int:
        return precision_rank(self.precision)

    @property
    def sort_key(self) -> tuple[str, int, int]:
        """Chronological order, stable for equal and fuzzy dates: start, finest first, position."""
        return (self.start, self.prank, self.position)


@dataclass(frozen=True, slots=True)
class MergeRow:
    merge_id: str
    primary: str
    entry_ids: tuple[str, ...]
    undone: bool
    position: int


@dataclass(frozen=True, slots=True)
class StoryRow:
    slug: str
    title: str
    description: str | None
    created_by: str | None
    created_at: str
    position: int


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One thing that happened to an entry (see timeline.model.HistoryItem)."""

    entry_id: str
    position: int
    recorded_at: str
    type: str
    summary: str
    actor: str | None
    reason: str | None


# The records a rebuild makes one of per event, built without their frozen ``__init__`` (see
# ``events.positional_constructor``): each takes its fields positionally, in field order.
new_entry_row = positional_constructor(EntryRow)
new_history_row = positional_constructor(HistoryRow)
new_source = positional_constructor(Source)

_ENTRY_FIELDS = tuple(f.name for f in fields(EntryRow))
_entry_values = attrgetter(*_ENTRY_FIELDS)
_ENTRY_INDEX = {name: index for index, name in enumerate(_ENTRY_FIELDS)}


def replaced_entry(row: EntryRow, **changes: Any) -> EntryRow:
    """``dataclasses.replace(row, **changes)``, built by ``new_entry_row``."""
    values = list(_entry_values(row))
    for name, value in changes.items():
        index = _ENTRY_INDEX.get(name)
        if index is None:
            raise TypeError(f"EntryRow has no field {name!r}")
        values[index] = value
    return new_entry_row(*values)
