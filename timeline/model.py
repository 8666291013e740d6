"""The archive's domain records: plain frozen data, no I/O.

An *article* is broken into *mentions* (temporal expressions found by the tagger) and dated
*entries* (the timeline's events). Entries are what every view, export and feed shows.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

#: How an entry's date was found: a date expression in its clause (``explicit``, or ``relative``
#: to the publication date), the narrative time carried over from the event before it
#: (``narrative``), or the article's publication date (``publication``).
Derivation = Literal["explicit", "relative", "narrative", "publication"]
DERIVATIONS: tuple[str, ...] = ("explicit", "relative", "narrative", "publication")
#: Entries whose salience (0..1, what a journalist would put on a timeline) is below this are
#: kept in the archive but left out of default views, feeds and exports (``?all=1`` / ``--all``).
SALIENCE_THRESHOLD = 0.4
Status = Literal["active", "retracted", "superseded"]

#: A story's slug: lowercase letters, digits and hyphens, at most 80 characters.
STORY_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
#: Story slugs the service keeps for itself (``/feeds/all.ics`` is the whole archive).
RESERVED_STORY_SLUGS = frozenset({"all"})

#: How finely an entry's date is known, finest first. ``interval`` is a range between two dates.
PRECISIONS: tuple[str, ...] = (
    "day", "month", "season", "quarter", "year", "decade", "century", "interval",
)


@dataclass(frozen=True, slots=True)
class Article:
    """An article as ingested: its text and the facts needed to date what it says."""

    article_id: str
    text: str
    published: dt.date
    lang: str
    url: str | None = None
    title: str | None = None
    story: str | None = None
    content_hash: str = ""


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression found in a text (TimeML TIMEX3): offsets are into that text."""

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION or SET
    value: str  # TIMEX3 value: 2025-11-16, 2025-11, 194, P3Y, PRESENT_REF, XXXX-WI, ...
    mod: str | None = None  # START, MID, END, APPROX, BEFORE, AFTER (TIMEX3 @mod)
    derivation: Derivation = "explicit"


@dataclass(frozen=True, slots=True)
class Source:
    """Where an entry was reported: the article and the exact quote (offsets into its text)."""

    article_id: str
    quote: str
    quote_start: int
    quote_end: int
    url: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date of the article


@dataclass(frozen=True, slots=True)
class HistoryItem:
    """One thing that happened to an entry: extraction, correction, merge, retraction..."""

    position: int
    recorded_at: dt.datetime
    type: str
    summary: str
    actor: str | None = None
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """A dated event on a timeline, as the projections see it at some log position."""

    entry_id: str
    headline: str
    text: str  # the sentence it comes from (or the corrected text)
    date: str  # EDTF: 2025-12-14, 2025-11, 194X, 1978/1982, 2025-11-16~
    precision: str  # one of PRECISIONS
    start: dt.date  # earliest day the date can mean (inclusive)
    end: dt.date  # latest day the date can mean (inclusive)
    derivation: Derivation
    lang: str
    sources: tuple[Source, ...]
    actors: tuple[str, ...] = ()  # people and organisations
    places: tuple[str, ...] = ()  # countries, cities, regions
    salience: float | None = None  # 0..1; None: not scored (an older extractor)
    kind: str | None = None  # what sort of happening: result, death, vote...; None: not scored
    stories: tuple[str, ...] = ()
    status: Status = "active"
    revision: int = 0  # number of corrections applied
    position: int = 0  # log position of the extraction (stable tie-breaker)
    last_position: int = 0  # log position of the latest change
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    history: tuple[HistoryItem, ...] = field(default=())

    @property
    def quote(self) -> str:
        return self.sources[0].quote if self.sources else ""

    @property
    def is_minor(self) -> bool:
        """Scored below ``SALIENCE_THRESHOLD``: left out of default views (unscored never is)."""
        return self.salience is not None and self.salience < SALIENCE_THRESHOLD
