"""A day's sentences and which days are picked (pure, on sentences we write ourselves)."""

from __future__ import annotations

from datetime import date

from timeline.digest.model import Candidate
from timeline.digest.select import pick_days
from timeline.digest.sentences import choose_sentences, words

DAY = date(2024, 3, 3)


def cand(entry: str, text: str, salience: float = 0.6) -> Candidate:
    return Candidate(entry, text, f"art-{entry}", None, 0, len(text), DAY, "explicit", salience)


def test_the_sentence_most_articles_agree_with_comes_first() -> None:
    found = choose_sentences([
        cand("a", "The mayor opened the new river bridge in Villaverde."),
        cand("b", "Crowds watched as the mayor opened the river bridge."),
        cand("c", "The river bridge opened by the mayor cost four million."),
        cand("d", "A local bakery sold out of bread before noon today."),
    ], DAY, 1)
    assert [c.entry_id for c in found] == ["a"]


def test_a_near_duplicate_of_a_chosen_sentence_is_skipped() -> None:
    same = "The mayor opened the new river bridge in Villaverde on Sunday."
    found = choose_sentences([
        cand("a", same), cand("b", same + " Hundreds came."),
        cand("c", "The council will vote on the budget in the new river hall next week."),
    ], DAY, 2)
    assert [c.entry_id for c in found][1] == "c"


def test_fewer_sentences_than_asked_when_the_day_has_fewer() -> None:
    assert len(choose_sentences([cand("a", "The mayor opened the new bridge.")], DAY, 3)) == 1


def test_two_days_that_say_the_same_thing_are_not_both_key() -> None:
    first, echo, other = date(2024, 3, 3), date(2024, 3, 4), date(2024, 5, 1)
    bags = {first: words("mayor opened river bridge Villaverde"),
            echo: words("mayor opened river bridge Villaverde"),
            other: words("council approved budget school")}
    picked = pick_days({first: 10.0, echo: 9.0, other: 5.0}, bags, 2)
    assert [d for d, _ in picked] == [first, other]


def test_picked_days_are_chronological_and_ties_break_on_the_earlier_day() -> None:
    a, b, c = date(2024, 1, 1), date(2024, 2, 1), date(2024, 3, 1)
    picked = pick_days({c: 1.0, a: 1.0, b: 3.0}, {}, 2)
    assert [d for d, _ in picked] == [a, b]


def _at(entry: str, text: str, offset: int, published: date) -> Candidate:
    return Candidate(entry, text, f"art-{entry}", None, offset, offset + len(text), published,
                     "explicit", 0.6)


def test_the_opening_of_the_days_own_report_says_what_happened() -> None:
    buried = _at("a", "Ferry crews walked out over pay.", 2400, DAY)
    opening = _at("b", "Tugboat crews walked out over pay.", 0, DAY)
    assert [c.entry_id for c in choose_sentences([buried, opening], DAY, 1)] == ["b"]


def test_the_opening_of_an_article_written_months_later_earns_nothing() -> None:
    later = date(2024, 9, 1)
    buried = _at("a", "Ferry crews walked out over pay.", 2400, DAY)
    recalled = _at("b", "Tugboat crews walked out over pay.", 0, later)
    assert [c.entry_id for c in choose_sentences([buried, recalled], DAY, 1)] == ["a"]
