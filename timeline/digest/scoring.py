"""How important a day is to a story, from the mentions the archive keeps (pure).

Each article counts once per day: by its best entry dated to that day, weighted by

- how the date was found (``DERIVATION_WEIGHT``): a date written or worked out in the clause is
  the article saying "this happened that day"; a date carried over from the sentence before is
  a little less sure; an entry dated only by its article's publication day is what the article
  is about that day, but says least;
- the entry's salience (``0.5 + salience``, 1.0 when not scored): a death or a result counts
  more than a statement;
- when the article was written (``TIMING_WEIGHT``): on the day or after it (reporting it), or
  before it (announcing something scheduled, which may not happen as planned).

Articles written a week or more after the day that still date something to it are looking
back: a day the story keeps returning to is key. Their number multiplies the score,
``1 + LOOKBACK * log2(1 + n)``.

A date written without its year ("8 October", "on Tuesday": derivation ``relative``) is worked
out from the article's publication day. Near that day the year is almost surely right; more than
``YEARLESS_REACH`` days away from it, the year is a guess (a concert "on 8 October" announced in
July is next October, not last). Such a mention still counts as a mention of its day, but never
as a look-back: a story returning to a day months later writes the day's year.

Agreement between sources multiplies the sum: ``1 + AGREEMENT * log2(publishers)`` rewards a
day several publishers date independently. Month-, week- or season-precise mentions never make
a key day, but support the days of their period that have day-precise evidence with a tenth of
their weight (``PERIOD_WEIGHT``: a month says little about which of its days), spread over the
period's length. Every weight means the same for any story.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from urllib.parse import urlsplit

from timeline.digest.model import DayScore, Mention

DERIVATION_WEIGHT = {"explicit": 1.0, "relative": 1.0, "narrative": 0.8, "publication": 0.5}
TIMING_WEIGHT = {"before": 0.5, "same": 1.0, "after": 1.0}
#: An article written this many days or more after a day looks back at it: past the week's news
#: cycle, a day is recalled because it mattered (any value from 5 to 30 days gives the same
#: digests on the Timeline17 dev set; 2 days loses some of them).
LOOKBACK_DAYS = 7
AGREEMENT = 0.25
#: How much articles looking back at a day multiply its score: ``1 + LOOKBACK * log2(1 + n)``.
LOOKBACK = 1.0
PERIOD_WEIGHT = 0.1
#: A day written without its year is trusted within this many days of its article (two months).
YEARLESS_REACH = 60
#: Coarser mentions support their period only when it is at most this long (a season).
MAX_PERIOD_DAYS = 92


def salience_factor(salience: float | None) -> float:
    return 1.0 if salience is None else 0.5 + max(0.0, min(1.0, salience))


def timing(mention: Mention) -> str:
    if mention.published is None:
        return "same"
    lag = (mention.published - mention.start).days
    return "before" if lag < 0 else "after" if lag >= LOOKBACK_DAYS else "same"


def uncertain_year(mention: Mention) -> bool:
    """A day written without its year, far enough from its article that the year is a guess
    (unless the article writes that day with its year elsewhere)."""
    return (mention.derivation == "relative" and not mention.year_written
            and mention.published is not None
            and abs((mention.published - mention.start).days) > YEARLESS_REACH)


def looks_back(mention: Mention) -> bool:
    return timing(mention) == "after" and not uncertain_year(mention)


def mention_weight(mention: Mention) -> float:
    return (DERIVATION_WEIGHT.get(mention.derivation, 0.5) * salience_factor(mention.salience)
            * TIMING_WEIGHT[timing(mention)])


def weight_sql() -> str:
    """``mention_weight`` as an SQL expression over ``tl_story_days`` columns, so the read
    model can keep each article's best mention of a day without sending every row."""
    derivation = " ".join(f"WHEN '{k}' THEN {v}" for k, v in DERIVATION_WEIGHT.items())
    lag = "(julianday(published) - julianday(start))"
    timing_ = (f"CASE WHEN published IS NULL THEN {TIMING_WEIGHT['same']}"
               f" WHEN {lag} < 0 THEN {TIMING_WEIGHT['before']}"
               f" WHEN {lag} >= {LOOKBACK_DAYS} THEN {TIMING_WEIGHT['after']}"
               f" ELSE {TIMING_WEIGHT['same']} END")
    salience = "COALESCE(0.5 + MAX(0.0, MIN(1.0, salience)), 1.0)"
    return f"(CASE derivation {derivation} ELSE 0.5 END) * {salience} * ({timing_})"


def host(url: str | None, article_id: str) -> str:
    """The publisher of an article: its URL's host, else the article itself."""
    name = urlsplit(url).hostname if url else None
    return name.removeprefix("www.") if name else article_id


def score_days(
    mentions: Iterable[Mention], hosts: dict[str, str] | None = None
) -> dict[date, DayScore]:
    """Every day with day-precise evidence, scored (see the module's docstring)."""
    hosts = hosts or {}
    best: dict[date, dict[str, Mention]] = defaultdict(dict)
    entries: dict[date, int] = defaultdict(int)
    coarse: list[Mention] = []
    for m in mentions:
        if not m.is_day:
            coarse.append(m)
            continue
        entries[m.start] += m.entries
        held = best[m.start].get(m.article_id)
        keep = m if held is None or mention_weight(m) > mention_weight(held) else held
        other = held if keep is m else m
        if other is not None and (other.derivation == "explicit" or other.year_written):
            keep = replace(keep, year_written=True)
        best[m.start][m.article_id] = keep
    support = period_support(coarse, set(best))
    return {day: _day_score(day, by_article, entries[day], support.get(day, 0.0), hosts)
            for day, by_article in best.items()}


def _day_score(day: date, by_article: dict[str, Mention], entries: int, support: float,
               hosts: dict[str, str]) -> DayScore:
    publishers = {hosts.get(a, a) for a in by_article}
    base = sum(mention_weight(m) for m in by_article.values()) + support
    later = sum(looks_back(m) for m in by_article.values())
    earlier = sum(timing(m) == "before" for m in by_article.values())
    score = (base * (1 + AGREEMENT * math.log2(len(publishers)))
             * (1 + LOOKBACK * math.log2(1 + later)))
    return DayScore(
        day=day, score=round(score, 4), articles=len(by_article),
        later=later, earlier=earlier, hosts=len(publishers),
        entries=entries, period_support=round(support, 4),
    )


def period_support(coarse: Iterable[Mention], days: set[date]) -> dict[date, float]:
    """What month/week/season mentions add to the days of their period that have evidence."""
    support: dict[date, float] = defaultdict(float)
    ordered = sorted(days)
    for m in coarse:
        length = (m.end - m.start).days + 1
        if length > MAX_PERIOD_DAYS:
            continue
        share = PERIOD_WEIGHT * mention_weight(m) / length
        for day in _within(ordered, m.start, m.end):
            support[day] += share
    return support


def _within(ordered: list[date], start: date, end: date) -> list[date]:
    from bisect import bisect_left, bisect_right

    return ordered[bisect_left(ordered, start):bisect_right(ordered, end)]
