"""The digest's records: what it reads (day evidence, candidate sentences) and what it returns.

Plain frozen data, no I/O. A digest is the N most important days of a story, chronological,
each with its K best sentences quoted exactly from the articles and the entries behind it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from timeline.errors import InvalidInput

#: Allowed ranges of the number of days (N) and of sentences per day (K).
DATES_RANGE = (1, 500)
SENTENCES_RANGE = (1, 10)
DEFAULT_SENTENCES = 2


@dataclass(frozen=True, slots=True)
class Mention:
    """An article of a story dating a happening to ``start`` (..``end`` when coarser than a
    day): its best entry there, as ``tl_story_days`` keeps it."""

    start: date
    end: date
    is_day: bool
    article_id: str
    published: date | None
    derivation: str
    salience: float | None
    entries: int = 1  # entries of the article behind it on that day (its best one is kept)
    year_written: bool = False  # another entry of the article writes the day with its year


@dataclass(frozen=True, slots=True)
class Candidate:
    """A sentence that may summarise a day: an entry's sentence, quoted exactly from its
    article (``quote_start``..``quote_end`` are offsets into that article's text)."""

    entry_id: str  # the entry shown (the primary when it is merged)
    text: str
    article_id: str
    url: str | None
    quote_start: int
    quote_end: int
    published: date | None
    derivation: str
    salience: float | None


@dataclass(frozen=True, slots=True)
class Source:
    article_id: str
    url: str | None
    quote_start: int
    quote_end: int


@dataclass(frozen=True, slots=True)
class DayScore:
    """Why a day scores what it does: the evidence ``--format table`` shows."""

    day: date
    score: float
    articles: int  # distinct articles dating a happening to the day
    later: int  # of which published a week or more after the day (looking back at it)
    earlier: int  # of which published before it (announcing it)
    hosts: int  # distinct publishers among them
    entries: int
    period_support: float  # share of the score from month/week-precision mentions around it
    relevance: float = 1.0  # how much the day's sentences share the story's words (0..1)


@dataclass(frozen=True, slots=True)
class DigestDay:
    date: date
    score: float
    summary: tuple[str, ...]
    sources: tuple[Source, ...]
    entries: tuple[str, ...]
    why: DayScore
    redundancy: float  # highest word overlap with a day picked before it (0..1)


@dataclass(frozen=True, slots=True)
class Digest:
    story: str
    dates: tuple[DigestDay, ...]
    requested: int  # N asked for (or the default the story's size gave)
    sentences: int  # K


def check_count(value: object, field: str, bounds: tuple[int, int]) -> int:
    """``value`` as an int within ``bounds`` (inclusive); InvalidInput naming ``field``."""
    low, high = bounds
    try:
        number = int(str(value).strip()) if not isinstance(value, int) else value
    except ValueError as exc:
        raise InvalidInput(f"{field} must be a whole number", field=field) from exc
    if isinstance(number, bool) or not low <= number <= high:
        raise InvalidInput(f"{field} must be between {low} and {high}", field=field)
    return number


def default_dates(articles: int, days: int) -> int:
    """N for a story of ``articles`` articles whose entries name ``days`` distinct days: twice
    the square root of its articles, between 5 and 40 (what an editor publishes for a long
    story), never more days than there are."""
    wanted = max(5, min(40, round(2 * articles ** 0.5)))
    return max(0, min(wanted, days))
