"""Pure merge scoring: compatible dates, different articles, similar headlines."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.projections.test_entries import extracted
from timeline.projections.similarity import headline_similarity, score_pair, suggest


@pytest.mark.parametrize(("a", "b", "low", "high"), [
    ("El Congreso aprueba la ley", "El congreso aprobó la ley", 0.45, 0.9),
    ("Huelga en el metro", "Huelga en el Metro", 0.99, 1.0),
    ("Huelga en el metro", "Se inaugura la biblioteca", 0.0, 0.15),
    ("Alcaldía firma", "Alcaldia firma", 0.99, 1.0),
])
def test_headline_similarity(a: str, b: str, low: float, high: float) -> None:
    assert low <= headline_similarity(a, b) <= high


@pytest.mark.parametrize(("date_b", "prec_b", "article_b", "scored"), [
    ("2025-12", "month", "a2", True),
    ("2025-12-14", "day", "a2", True),
    ("2025-12-14", "day", "a1", False),
    ("2025-11", "month", "a2", False),
    ("20XX", "century", "a2", False),
])
def test_only_overlapping_dates_at_close_precision_from_other_articles_score(
    date_b: str, prec_b: str, article_b: str, scored: bool
) -> None:
    a = extracted("Huelga del metro", "2025-12-14", "day", position=2)
    b = extracted("Huelga del metro", date_b, prec_b, position=3, article_id=article_b)
    assert (score_pair(a, b) is not None) == scored


def test_suggest_ranks_best_first_and_respects_the_limit() -> None:
    a = extracted("Huelga del metro", "2025-12-14", "day", position=2)
    b = extracted("Huelga del metro hoy", "2025-12-14", "day", position=3, article_id="a2")
    c = extracted("Huelga del metro", "2025-12", "month", position=4, article_id="a3")
    far = replace(c, entry_id="far", start="2030-01-01", end="2030-01-31")
    found = suggest(sorted([a, b, c, far], key=lambda r: r.sort_key), limit=2)
    assert [s.entry_ids for s in found] == [(a.entry_id, c.entry_id), (a.entry_id, b.entry_id)]
    assert found[0].score >= found[1].score


HEADS = ("Huelga del metro", "Huelga en el metro", "Metro en huelga hoy", "Puerto reabre",
         "El puerto reabre muelle")
DATES = (("2025-12-14", "day"), ("2025-12", "month"), ("2025", "year"), ("2025-12-15", "day"))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(HEADS), st.sampled_from(DATES), st.integers(0, 2)),
                max_size=12))
def test_the_sweep_finds_what_comparing_every_pair_finds(specs: list) -> None:
    rows = [extracted(h, d, p, position=i + 2, article_id=f"a{art}")
            for i, (h, (d, p), art) in enumerate(specs)]
    brute = {tuple(sorted((a.entry_id, b.entry_id))) for i, a in enumerate(rows)
             for b in rows[i + 1:] if (score_pair(a, b) or 0) >= 0.5}
    swept = suggest(sorted(rows, key=lambda r: r.sort_key), limit=500)
    assert {tuple(sorted(s.entry_ids)) for s in swept} == brute
