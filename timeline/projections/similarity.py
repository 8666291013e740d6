"""Pure scoring of merge candidates: entries from different articles with compatible dates and
similar headlines (token Jaccard and character trigrams over accent-stripped words)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from timeline.projections.fts import tokens
from timeline.projections.rows import EntryRow

THRESHOLD = 0.5


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
    return 0.6 * jaccard(words(a), words(b)) + 0.4 * jaccard(trigrams(a), trigrams(b))


def dates_compatible(a: EntryRow, b: EntryRow) -> bool:
    """Overlapping day bounds, with precisions at most one step apart (a day and its month, not
    a day and its century)."""
    return a.start <= b.end and b.start <= a.end and abs(a.prank - b.prank) <= 1


def score_pair(a: EntryRow, b: EntryRow) -> float | None:
    """How alike two entries are, or None when they cannot be the same event."""
    if a.article_id == b.article_id or not dates_compatible(a, b):
        return None
    return round(headline_similarity(a.headline, b.headline), 3)


def _reason(a: EntryRow, b: EntryRow, score: float) -> str:
    when = a.date if a.date == b.date else f"{a.date} ~ {b.date}"
    return f"{when}; headlines {score:.0%} alike; articles {a.article_id}, {b.article_id}"


def suggest(rows: Sequence[EntryRow], *, limit: int = 50,
            threshold: float = THRESHOLD) -> list[MergeSuggestion]:
    """Pairs scoring at least ``threshold``, best first, each in extraction order (the first is
    the natural merge primary); a sweep over start dates compares only overlapping entries."""
    ordered = sorted(rows, key=lambda r: r.sort_key)
    found: list[MergeSuggestion] = []
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if b.start > a.end:
                break
            score = score_pair(a, b)
            if score is not None and score >= threshold:
                first, second = sorted((a, b), key=lambda r: r.position)
                found.append(MergeSuggestion((first.entry_id, second.entry_id), score,
                                             _reason(first, second, score)))
    found.sort(key=lambda s: (-s.score, s.entry_ids))
    return found[:limit]
