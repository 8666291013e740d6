"""Which days make the digest: the best scores, but not two days that say the same thing (pure).

Greedy, best first: a day whose summary words overlap a day already picked loses that share of
its score (``score × (1 − overlap)``), and is picked only if it still beats the rest. The
result is chronological. Ties break on the earlier day, so the same archive always gives the
same digest.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from timeline.digest.sentences import overlap


def pick_days(
    scores: Mapping[date, float], bags: Mapping[date, frozenset[str]], n: int
) -> list[tuple[date, float]]:
    """Up to ``n`` days as (day, highest overlap with a day picked before it)."""
    redundancy = dict.fromkeys(scores, 0.0)
    picked: list[tuple[date, float]] = []
    while redundancy and len(picked) < n:
        day = min(redundancy, key=lambda d: (-scores[d] * (1.0 - redundancy[d]), d))
        picked.append((day, redundancy.pop(day)))
        bag = bags.get(day, frozenset())
        for other in redundancy:
            redundancy[other] = max(redundancy[other], overlap(bags.get(other, frozenset()), bag))
    return sorted(picked)
