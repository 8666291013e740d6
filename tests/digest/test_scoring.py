"""How a day is scored: each weight on mentions we write ourselves (pure, no archive)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from timeline.digest.model import Mention
from timeline.digest.scoring import mention_weight, score_days, timing

DAY = date(2024, 3, 3)


def mention(article: str, *, day: date = DAY, published: date | None = DAY,
            derivation: str = "explicit", salience: float | None = 0.5,
            end: date | None = None) -> Mention:
    return Mention(day, end or day, end is None, article, published, derivation, salience)


@pytest.mark.parametrize(("lag", "expected"), [(-3, "before"), (0, "same"), (2, "same"),
                                               (7, "after"), (400, "after")])
def test_timing_of_an_article_relative_to_the_day(lag: int, expected: str) -> None:
    assert timing(mention("a", published=DAY + timedelta(days=lag))) == expected


def test_a_written_date_counts_more_than_a_publication_date() -> None:
    assert mention_weight(mention("a")) > mention_weight(mention("a", derivation="publication"))


def test_a_salient_event_counts_more_than_a_statement() -> None:
    assert mention_weight(mention("a", salience=0.85)) > mention_weight(mention("a", salience=0.4))


def test_an_announcement_before_the_day_counts_less_than_a_report_after_it() -> None:
    early = mention("a", published=DAY - timedelta(days=5))
    assert mention_weight(early) < mention_weight(mention("a"))


def test_an_article_counts_once_per_day_by_its_best_entry() -> None:
    once = score_days([mention("a")])[DAY]
    thrice = score_days([mention("a", salience=0.1), mention("a"), mention("a")])[DAY]
    assert (thrice.articles, thrice.score) == (1, once.score)
    assert thrice.entries == 3


def test_more_articles_make_a_day_more_important() -> None:
    scores = score_days([mention("a"), mention("b"), mention("c", day=DAY + timedelta(1))])
    assert scores[DAY].score > scores[DAY + timedelta(1)].score


def test_articles_looking_back_at_a_day_raise_it_above_a_busier_news_cycle() -> None:
    later = DAY + timedelta(days=30)
    busy = [mention(f"n{i}", day=DAY + timedelta(1), published=DAY + timedelta(1))
            for i in range(3)]
    recalled = [mention(f"r{i}", published=later) for i in range(2)]
    scores = score_days(busy + recalled)
    assert scores[DAY].later == 2
    assert scores[DAY].score > scores[DAY + timedelta(1)].score


def test_agreement_between_publishers_beats_one_publisher_repeating_itself() -> None:
    other = DAY + timedelta(days=1)
    mentions = [mention("a"), mention("b"), mention("c", day=other, published=other),
                mention("d", day=other, published=other)]
    hosts = {"a": "one.example", "b": "one.example", "c": "one.example", "d": "two.example"}
    scores = score_days(mentions, hosts)
    assert scores[other].hosts == 2 and scores[other].score > scores[DAY].score


def test_a_month_is_never_a_key_day_but_supports_its_days() -> None:
    month = [mention(f"m{i}", day=date(2024, 3, 1), end=date(2024, 3, 31)) for i in range(5)]
    alone = score_days([mention("a"), mention("b", day=date(2024, 4, 3))])
    scores = score_days([mention("a"), mention("b", day=date(2024, 4, 3)), *month])
    assert set(scores) == {DAY, date(2024, 4, 3)}
    assert scores[DAY].score > alone[DAY].score
    assert scores[date(2024, 4, 3)].score == alone[date(2024, 4, 3)].score


def test_a_year_supports_nothing() -> None:
    year = mention("y", day=date(2024, 1, 1), end=date(2024, 12, 31))
    assert score_days([mention("a"), year])[DAY].period_support == 0.0


def test_a_day_written_without_its_year_months_away_is_no_look_back() -> None:
    months_later = DAY + timedelta(days=200)
    yearless = [mention(f"y{i}", published=months_later, derivation="relative")
                for i in range(3)]
    written = [mention(f"w{i}", day=DAY + timedelta(1), published=months_later)
               for i in range(3)]
    scores = score_days(yearless + written)
    assert scores[DAY].later == 0 and scores[DAY].articles == 3
    assert scores[DAY + timedelta(1)].later == 3
    assert scores[DAY + timedelta(1)].score > scores[DAY].score


def test_a_day_written_without_its_year_within_weeks_still_looks_back() -> None:
    weeks_later = DAY + timedelta(days=20)
    scores = score_days([mention("y", published=weeks_later, derivation="relative")])
    assert scores[DAY].later == 1


def test_an_article_dating_a_day_with_and_without_its_year_counts_as_looking_back() -> None:
    months_later = DAY + timedelta(days=200)
    both = [mention("a", published=months_later, derivation="relative"),
            mention("a", published=months_later)]
    for mentions in (both, both[::-1]):
        assert score_days(mentions)[DAY].later == 1
