"""A day's relevance to its story, on sentences we write (pure, no archive)."""

from __future__ import annotations

from datetime import date, timedelta

from timeline.digest.model import Candidate
from timeline.digest.relevance import day_relevance

DAY = date(2024, 3, 3)


def said(text: str, article: str) -> Candidate:
    return Candidate(f"e-{article}-{len(text)}", text, article, None, 0, len(text), DAY,
                     "explicit", 0.5)


STORY = [
    "The river bridge collapsed in Villaverde, killing two drivers.",
    "Engineers inspected the collapsed river bridge in Villaverde.",
    "The council voted to rebuild the river bridge in Villaverde.",
    "The new river bridge in Villaverde reopened to drivers.",
]


def test_a_day_off_the_story_is_demoted_and_the_story_days_keep_their_score() -> None:
    days = {DAY + timedelta(i): [said(text, f"a{i}")] for i, text in enumerate(STORY)}
    off = DAY + timedelta(30)
    days[off] = [said("A singer recorded an acoustic concert at the town hall.", "z")]
    relevance = day_relevance(days)
    assert relevance[off] < 0.5
    assert all(relevance[d] > 0.9 for d in days if d != off)


def test_relevance_never_raises_a_score_and_needs_two_articles_to_tell() -> None:
    one = {DAY: [said(STORY[0], "a"), said("Something else entirely happened.", "a")]}
    assert day_relevance(one) == {DAY: 1.0}
    days = {DAY + timedelta(i): [said(text, f"a{i}")] for i, text in enumerate(STORY)}
    assert all(0.0 <= v <= 1.0 for v in day_relevance(days).values())


def test_a_day_without_sentences_is_left_alone() -> None:
    days = {DAY: [said(STORY[0], "a")], DAY + timedelta(1): [said(STORY[1], "b")],
            DAY + timedelta(2): []}
    assert day_relevance(days)[DAY + timedelta(2)] == 1.0
