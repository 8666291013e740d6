"""Pure scoring of merge candidates: entries from different articles with compatible dates and
similar headlines (token Jaccard and character trigrams over accent-stripped words)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from timeline.projections.fts import tokens

THRESHOLD = 0.5
WORD_WEIGHT = 0.6  # the rest goes to trigrams; a pair scoring >= 0.5 must share a word


class Dated(Protocol):
    """What scoring needs of an entry (``EntryRow`` has it all)."""

    @property
    def entry_id(self) -> str: ...
    @property
    def article_id(self) -> str: ...
    @property
    def headline(self) -> str: ...
    @property
    def date(self) -> str: ...
    @property
    def start(self) -> str: ...
    @property
    def end(self) -> str: ...
    @property
    def prank(self) -> int: ...
    @property
    def position(self) -> int: ...


@dataclass(frozen=True, slots=True)
class Candidate:
    """The few columns of an entry that merge suggestions read."""

    entry_id: str
    article_id: str
    headline: str
    date: str
    start: str
    end: str
    prank: int
    position: int


@dataclass(frozen=True, slots=True)
class MergeSuggestion:
    entry_ids: tuple[str, ...]
    score: float  # 0..1, higher is more alike
    reason: str


def words(text: str) -> frozenset[str]:
    """Lower-case, accent-free words of three letters or more (short words carry little)."""
    return frozenset(w for w in tokens(text) if len(w) >= 3)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 0.0
    return len(a & b) / len(a | b)


def trigrams(text: str) -> frozenset[str]:
    joined = f" {' '.join(tokens(text))} "
    return frozenset(joined[i : i + 3] for i in range(len(joined) - 2))


def headline_similarity(a: str, b: str) -> float:
    """0.6 × word Jaccard + 0.4 × character-trigram Jaccard."""
    return WORD_WEIGHT * jaccard(words(a), words(b)) + (1 - WORD_WEIGHT) * jaccard(
        trigrams(a), trigrams(b)
    )


def dates_compatible(a: Dated, b: Dated) -> bool:
    """Overlapping day bounds, with precisions at most one step apart (a day and its month, not
    a day and its century)."""
    return a.start <= b.end and b.start <= a.end and abs(a.prank - b.prank) <= 1


def score_pair(a: Dated, b: Dated) -> float | None:
    """How alike two entries are, or None when they cannot be the same event."""
    if a.article_id == b.article_id or not dates_compatible(a, b):
        return None
    return round(headline_similarity(a.headline, b.headline), 3)


def _suggestion(a: Dated, b: Dated, score: float) -> MergeSuggestion:
    first, second = sorted((a, b), key=lambda r: r.position)
    when = first.date if first.date == second.date else f"{first.date} ~ {second.date}"
    reason = (f"{when}; headlines {score:.0%} alike;"
              f" articles {first.article_id}, {second.article_id}")
    return MergeSuggestion((first.entry_id, second.entry_id), score, reason)


def suggest(rows: Iterable[Dated], *, limit: int = 50,
            threshold: float = THRESHOLD) -> list[MergeSuggestion]:
    """Pairs scoring at least ``threshold``, best first, each in extraction order (the first is
    the natural merge primary). ``rows`` must come in chronological order: a sweep keeps only
    the entries still overlapping the current one, and scores only pairs sharing a word."""
    window: list[tuple[Dated, frozenset[str]]] = []
    found: list[MergeSuggestion] = []
    for b in rows:
        b_words = words(b.headline)
        window = [(a, w) for a, w in window if a.end >= b.start]
        for a, a_words in window:
            if threshold > 1 - WORD_WEIGHT and not a_words & b_words:
                continue
            score = score_pair(a, b)
            if score is not None and score >= threshold:
                found.append(_suggestion(a, b, score))
        if len(found) > 4 * limit + 100:
            found = _best(found, limit)
        window.append((b, b_words))
    return _best(found, limit)


def _best(found: list[MergeSuggestion], limit: int) -> list[MergeSuggestion]:
    return sorted(found, key=lambda s: (-s.score, s.entry_ids))[:limit]
