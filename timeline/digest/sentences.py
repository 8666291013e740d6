"""A day's summary: the K sentences that best say what happened, quoted exactly (pure).

A sentence ranks by how much the day's other sentences agree with it (for each of its words,
the share of the others that use it, averaged: what several articles say is what happened), by
its salience and by how its date was found (a sentence that names the day itself is about it),
and by where it stands in its article when that article was written within ``REPORTING_DAYS``
of the day: news is written top down (the inverted pyramid), so the opening of the day's own
reports says what happened (``LEAD_WEIGHT / (1 + offset / LEAD_CHARS)``; an article recalling
the day months later opens on its own news, so its position says nothing). Articles written
soonest after the day rank first on ties. Near-duplicates of a chosen sentence are skipped.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import date
from functools import lru_cache

from timeline.digest.model import Candidate
from timeline.digest.scoring import DERIVATION_WEIGHT, salience_factor

_WORD = re.compile(r"\w+", re.UNICODE)
#: Two sentences say the same thing when more than this share of the shorter one's words are
#: in the other.
DUPLICATE = 0.6
#: Sentences outside this length (characters) are page furniture or run-ons.
SENTENCE_CHARS = (25, 400)
#: At most this many of a day's candidates are compared with each other.
MAX_COMPARED = 60
#: A report's opening sentences: their bonus halves LEAD_CHARS characters into the article.
LEAD_WEIGHT = 0.1
LEAD_CHARS = 300
#: An article written this many days or fewer from the day is one of its reports.
REPORTING_DAYS = 2


@lru_cache(maxsize=1 << 16)
def words(text: str) -> frozenset[str]:
    """Content words (3+ letters, lowercased): what overlap is measured on."""
    return frozenset(w for w in _WORD.findall(text.lower()) if len(w) > 2 and not w.isdigit())


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard overlap of two word sets (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def containment(a: frozenset[str], b: frozenset[str]) -> float:
    """The share of the smaller word set found in the other (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _rank(c: Candidate, centrality: float, day: date) -> tuple[float, int, str]:
    lag = abs((c.published - day).days) if c.published else 365
    weight = salience_factor(c.salience) * DERIVATION_WEIGHT.get(c.derivation, 0.5)
    return (-(centrality + 0.25 * weight + lead(c, lag)), lag, c.entry_id)


def lead(c: Candidate, lag: int) -> float:
    """What opening a report of the day adds to a sentence's rank (0 when it is no report)."""
    if lag > REPORTING_DAYS:
        return 0.0
    return LEAD_WEIGHT / (1.0 + max(0, c.quote_start) / LEAD_CHARS)


def choose_sentences(candidates: Sequence[Candidate], day: date, k: int) -> list[Candidate]:
    """The ``k`` best candidates of ``day``, in rank order, without near-duplicates."""
    low, high = SENTENCE_CHARS
    pool = [c for c in candidates if low <= len(c.text) <= high] or list(candidates)
    pool = sorted(pool, key=lambda c: (-salience_factor(c.salience), c.entry_id))[:MAX_COMPARED]
    keyed = [(c, words(c.text)) for c in pool]
    spread = Counter(w for _, bag in keyed for w in bag)
    ranked = sorted(keyed, key=lambda cw: _rank(cw[0], _agreement(cw[1], spread, len(keyed)), day))
    chosen: list[tuple[Candidate, frozenset[str]]] = []
    for cand, bag in ranked:
        if len(chosen) == k:
            break
        if cand.text in {c.text for c, _ in chosen}:
            continue
        if all(containment(bag, other) <= DUPLICATE for _, other in chosen):
            chosen.append((cand, bag))
    return [c for c, _ in chosen]


def _agreement(bag: frozenset[str], spread: Counter[str], n: int) -> float:
    """The mean, over the words of a sentence, of the share of the other sentences using it."""
    if n < 2 or not bag:
        return 0.0
    return sum(spread[w] - 1 for w in bag) / (len(bag) * (n - 1))
