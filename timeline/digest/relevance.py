"""How much a day is about the story at all (pure).

A story's articles carry more than the story: a news site's page bundles other items, an
article mentions an unrelated concert, a sidebar dates its own news. Those days can gather
mentions, but their sentences share few words with the rest of the story. A day's relevance is
the mean, over its sentences, of how common their words are among the story's other articles
(the share of the other articles, among those behind the days considered, using each word),
divided by the median day's. A day at or above the median keeps its score (1.0); one below it
keeps that share of it. It never raises a score: mentions decide what is key, relevance only
demotes what is off the story.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from datetime import date
from statistics import median

from timeline.digest.model import Candidate
from timeline.digest.sentences import words


def day_relevance(candidates: Mapping[date, Sequence[Candidate]]) -> dict[date, float]:
    """{day: relevance in 0..1} for every day of ``candidates`` (1.0 when nothing can tell)."""
    by_article: dict[str, set[str]] = defaultdict(set)
    for cands in candidates.values():
        for c in cands:
            by_article[c.article_id] |= words(c.text)
    if len(by_article) < 2:
        return dict.fromkeys(candidates, 1.0)
    spread = Counter(w for bag in by_article.values() for w in bag)
    raw = {day: _commonness(cands, spread, len(by_article))
           for day, cands in candidates.items()}
    known = [v for v in raw.values() if v is not None]
    middle = median(known) if known else 0.0
    if middle <= 0:
        return dict.fromkeys(candidates, 1.0)
    return {day: 1.0 if v is None else round(min(1.0, v / middle), 4) for day, v in raw.items()}


def _commonness(cands: Sequence[Candidate], spread: Counter[str], n: int) -> float | None:
    shares = []
    for c in cands:
        bag = words(c.text)
        if bag:
            shares.append(sum(spread[w] - 1 for w in bag) / ((n - 1) * len(bag)))
    return sum(shares) / len(shares) if shares else None
