"""How much a day, or a sentence, is about the story at all (pure).

A story's articles carry more than the story: a news site's page bundles other items, an
article mentions an unrelated concert, a sidebar dates its own news. Those days can gather
mentions, but their sentences share few words with the rest of the story. A sentence's
commonness is the mean, over its words, of the share of the story's other articles (those
behind the days considered) that use the word. A day's relevance is its sentences' mean
commonness divided by the median day's: a day at or above the median keeps its score (1.0); one
below it keeps that share of it. Relevance never raises a score: mentions decide what is key,
relevance only demotes what is off the story.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from statistics import median

from timeline.digest.model import Candidate
from timeline.digest.sentences import words


@dataclass(frozen=True, slots=True)
class StoryWords:
    """How many of the story's articles use each word."""

    spread: Counter[str]
    articles: int

    def commonness(self, bag: frozenset[str]) -> float:
        """The mean share of the *other* articles using each word of ``bag`` (a sentence of
        one of them), 0 when it cannot tell."""
        if self.articles < 2 or not bag:
            return 0.0
        return sum(max(0, self.spread[w] - 1) for w in bag) / ((self.articles - 1) * len(bag))


def story_words(candidates: Mapping[date, Sequence[Candidate]]) -> StoryWords:
    by_article: dict[str, set[str]] = defaultdict(set)
    for cands in candidates.values():
        for c in cands:
            by_article[c.article_id] |= words(c.text)
    return StoryWords(Counter(w for bag in by_article.values() for w in bag), len(by_article))


def day_relevance(
    candidates: Mapping[date, Sequence[Candidate]], story: StoryWords | None = None
) -> dict[date, float]:
    """{day: relevance in 0..1} for every day of ``candidates`` (1.0 when nothing can tell)."""
    story = story or story_words(candidates)
    if story.articles < 2:
        return dict.fromkeys(candidates, 1.0)
    raw = {day: _mean([story.commonness(bag) for bag in map(words, (c.text for c in cands))
                       if bag])
           for day, cands in candidates.items()}
    known = [v for v in raw.values() if v is not None]
    middle = median(known) if known else 0.0
    if middle <= 0:
        return dict.fromkeys(candidates, 1.0)
    return {day: 1.0 if v is None else round(min(1.0, v / middle), 4) for day, v in raw.items()}


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None
