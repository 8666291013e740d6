"""English tagging, our own sentences: (text) -> (expression, type, value) at DCT 2025-11-17, a
Monday. Durations, "ago", sets, vague references, halves and fiscal years, zones, datelines."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extract import tag, tag_for_events, timex_to_edtf

DCT = date(2025, 11, 17)


def found(text: str) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, DCT, "en")]


DURATIONS = [
    ("He served eight years in the Senate.", ("eight years", "DURATION", "P8Y")),
    ("The plan will take a decade.", ("a decade", "DURATION", "P10Y")),
    ("The strike lasted more than 65 days.", ("more than 65 days", "DURATION", "P65D")),
    ("In the coming weeks the board will decide.", ("the coming weeks", "DURATION", "PXW")),
    ("In the past few years prices doubled.", ("the past few years", "DURATION", "PXY")),
    ("He signed for the next five seasons.", ("the next five seasons", "DURATION", "P5Y")),
    ("He stayed just two weeks.", ("two weeks", "DURATION", "P2W")),
    ("The company posted an annual profit of $2 billion.", ("annual", "DURATION", "P1Y")),
    ("It was the biggest single-day fall.", ("single-day", "DURATION", "P1D")),
    ("It sold out in a single day.", ("a single day", "DURATION", "P1D")),
    ("Six years ago the company was founded.", ("Six years ago", "DATE", "2019")),
    ("The law was passed two decades ago.", ("two decades ago", "DATE", "2005")),
]


@pytest.mark.parametrize(("text", "expected"), DURATIONS)
def test_durations_and_ago(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in found(text)


SETS = [
    ("The magazine is published annually.", ("annually", "SET", "P1Y")),
    ("Each season the club signs new players.", ("Each season", "SET", "P1Y")),
    ("Twice a year the council meets.", ("Twice a year", "SET", "P1Y")),
    ("Three times a week she trains.", ("Three times a week", "SET", "P1W")),
    ("The annual meeting starts today.", ("annual", "SET", "P1Y")),
    ("The store opens daily at 9 a.m.", ("daily", "SET", "P1D")),
    ("The market is closed on Sundays.", ("Sundays", "SET", "XXXX-WXX-7")),
    ("The paper comes out every other week.", ("every other week", "SET", "P2W")),
    ("The central bank meets every six weeks.", ("every six weeks", "SET", "P6W")),
]


@pytest.mark.parametrize(("text", "expected"), SETS)
def test_sets(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in found(text)


REFERENCES = [
    ("Recently, the board approved the merger.", ("Recently", "DATE", "PAST_REF")),
    ("In the past, the bank lent freely.", ("the past", "DATE", "PAST_REF")),
    ("The current chairman resigned.", ("current", "DATE", "PRESENT_REF")),
    ("The then minister denied it.", ("then", "DATE", "PAST_REF")),
    ("The firm went bankrupt in 2009 and has grown since then.", ("then", "DATE", "2009")),
]


@pytest.mark.parametrize(("text", "expected"), REFERENCES)
def test_vague_references(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in found(text)


@pytest.mark.parametrize("text", [
    "The past president spoke.",
    "It is the most recent model.",
    "He holds a current account.",
    "The 65-year-old was arrested.",
    "Then the board voted.",
])
def test_not_temporal(text: str) -> None:
    assert found(text) == []


PARTS_AND_TIMES = [
    ("Sales grew in fiscal 2024.", ("fiscal 2024", "DATE", "FY2024")),
    ("Sales rose in the first half of the year.", ("the first half of the year", "DATE",
                                                   "2025-H1")),
    ("The report is due by the end of the month.", ("the end of the month", "DATE", "2025-11")),
    ("He was born in the spring of 1950.", ("the spring of 1950", "DATE", "1950-SP")),
    ("The firm was founded in the early 1990s.", ("the early 1990s", "DATE", "199")),
    ("Around 1900 the town was founded.", ("Around 1900", "DATE", "1900")),
    ("Last summer was the hottest on record.", ("Last summer", "DATE", "2025-SU")),
    ("Trading resumes at 9:30 a.m. EST.", ("9:30 a.m. EST", "TIME", "2025-11-17T09:30")),
    ("The summit opened at 15:00 GMT.", ("15:00 GMT", "TIME", "2025-11-17T15:00Z")),
    ("The vote closes at 8 p.m. ET.", ("8 p.m. ET", "TIME", "2025-11-17T20:00")),
]


@pytest.mark.parametrize(("text", "expected"), PARTS_AND_TIMES)
def test_parts_fuzzy_and_clock_times(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in found(text)


NEWS_FORMS = [
    ("WASHINGTON, Nov. 16 (Reuters) - The senate voted.", ("Nov. 16", "DATE", "2025-11-16")),
    ("LONDON, Nov 17 (Reuters) - Shares fell.", ("Nov 17", "DATE", "2025-11-17")),
    ("Apple unveils new iPhone on Tuesday\nThe phone sold out.", ("Tuesday", "DATE",
                                                                 "2025-11-11")),
    ('"We will vote on Monday," the minister said.', ("Monday", "DATE", "2025-11-24")),
    ("The senate will vote on Friday.", ("Friday", "DATE", "2025-11-21")),
    ("The senate voted on Friday.", ("Friday", "DATE", "2025-11-14")),
]


MORE_NEWS_EXPRESSIONS = [
    ("The firm said the deal would close by year-end.", ("year-end", "DATE", "2025")),
    ("It was the third consecutive quarterly loss.", ("quarterly", "DURATION", "P3M")),
    ("The central bank meets every six weeks.", ("every six weeks", "SET", "P6W")),
    ("Dealers will be told after October of next year.",
     ("October of next year", "DATE", "2026-10")),
    ("The company wants to cut 700 jobs by early June.", ("early June", "DATE", "2026-06")),
    ("The sale should be completed in October.", ("October", "DATE", "2026-10")),
    ("Trading was busy in mid-October.", ("mid-October", "DATE", "2025-10")),
    ("Prices peaked in the mid-'90s.", ("the mid-'90s", "DATE", "199")),
    ("In recent weeks the talks stalled.", ("recent weeks", "DURATION", "PXW")),
    ("In recent years prices rose.", ("recent years", "DATE", "PAST_REF")),
    ("He arrived on March 3. The next day he met the president.",
     ("The next day", "DATE", "2025-03-04")),
    ("The minister resigned the following day.", ("the following day", "DATE", "2025-11-18")),
]


@pytest.mark.parametrize(("text", "expected"), MORE_NEWS_EXPRESSIONS)
def test_comparisons_year_end_and_intentions(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in found(text)


def test_two_weeks_earlier_is_a_duration_not_a_date() -> None:
    assert found("Two weeks earlier he had resigned.") == [("Two weeks", "DURATION", "P2W")]


@pytest.mark.parametrize(("text", "expected"), NEWS_FORMS)
def test_datelines_headlines_and_reported_speech(text: str,
                                                 expected: tuple[str, str, str]) -> None:
    assert expected in found(text)


@pytest.mark.parametrize(("value", "edtf"), [("2024-H1", "2024-40"), ("2024-H2", "2024-41"),
                                             ("FY2024", "2024")])
def test_halves_and_fiscal_years_are_placeable(value: str, edtf: str) -> None:
    assert timex_to_edtf(value) == edtf


@pytest.mark.parametrize(("text", "expected"), [
    ("Sales rose over Christmas.", ("Christmas", "DATE", "2024-12-25")),
    ("The shop will open on Christmas Eve.", ("Christmas Eve", "DATE", "2025-12-24")),
    ("He died on New Year's Day 2009.", ("New Year's Day 2009", "DATE", "2009-01-01")),
])
def test_fixed_holidays(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in found(text)


@pytest.mark.parametrize(("text", "merged"), [
    ("The fair ran from March 3 to March 5.", ("from March 3 to March 5", "2025-03-03/2025-03-05")),
    ("He ruled from 2009 to 2011.", ("from 2009 to 2011", "2009/2011")),
])
def test_ranges_become_one_interval_for_events(text: str, merged: tuple[str, str]) -> None:
    assert merged in [(t.text, t.value) for t in tag_for_events(text, DCT, "en")]
