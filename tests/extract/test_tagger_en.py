"""English tagging, other languages through dateparser, and the tagger's contract."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.errors import InvalidInput
from timeline.extract import tag, tag_for_events
from timeline.extract.langdetect import detect_language

DCT = date(2025, 11, 17)  # a Monday


def found(text: str, dct: date = DCT, lang: str | None = "en") -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, dct, lang)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He resigned on Sunday.", ("Sunday", "DATE", "2025-11-16")),
        ("The vote will be held on Sunday.", ("Sunday", "DATE", "2025-11-23")),
        ("Talks resume next Tuesday.", ("next Tuesday", "DATE", "2025-11-18")),
        ("Shares fell last Tuesday.", ("last Tuesday", "DATE", "2025-11-11")),
        ("It was signed on November 17, 2025.", ("November 17, 2025", "DATE", "2025-11-17")),
        ("The runoff will take place on December 14.", ("December 14", "DATE", "2025-12-14")),
        ("Sales rose last week.", ("last week", "DATE", "2025-W46")),
        ("Prices fell yesterday.", ("yesterday", "DATE", "2025-11-16")),
        ("The firm was founded three years ago.", ("three years ago", "DATE", "2022")),
        ("He served for two and a half years.", ("two and a half years", "DURATION", "P2.5Y")),
        ("Profits doubled in the fourth quarter of 2006.",
         ("the fourth quarter of 2006", "DATE", "2006-Q4")),
        ("Growth slowed in late 2009.", ("late 2009", "DATE", "2009")),
        ("Music of the 1970s.", ("the 1970s", "DATE", "197")),
        ("It is currently closed.", ("currently", "DATE", "PRESENT_REF")),
        ("The report is published weekly.", ("weekly", "SET", "P1W")),
        ("Trading halted at 16:08 UTC.", ("16:08 UTC", "TIME", "2025-11-17T16:08Z")),
        ("The market opened this morning.", ("this morning", "TIME", "2025-11-17TMO")),
        ("Snow fell in the winter of 2010.", ("the winter of 2010", "DATE", "2010-WI")),
    ],
)
def test_english_expression(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in found(text)


@pytest.mark.parametrize(
    "text",
    ["Turnout was 23.94%.", "A 3.5-inch screen.", "It costs $2,014.", "Some 1999 people came.",
     "They sold 2000 million shares."],
)
def test_numbers_that_are_not_dates(text: str) -> None:
    assert [v for _, _, v in found(text) if v[:2] in ("19", "20")] == []


def test_mods_set_from_the_words_before() -> None:
    mods = {t.text: t.mod for t in tag("In early 2009 and around 2010 and mid-2011.", DCT, "en")}
    assert mods == {"early 2009": "START", "around 2010": "APPROX", "mid-2011": "MID"}


def test_range_merged_for_events() -> None:
    (t,) = tag_for_events("Between 2014 and 2016 it grew.", DCT, "en")
    assert (t.text, t.type, t.value) == ("Between 2014 and 2016", "DATE", "2014/2016")


@pytest.mark.parametrize("lang", ["xx", "", "english", "zz-ZZ"])
def test_unknown_language_is_invalid_input(lang: str) -> None:
    with pytest.raises(InvalidInput) as info:
        tag("hello", DCT, lang)
    assert info.value.field == "lang"


@pytest.mark.parametrize("lang", ["es-AR", "ES", "es_CL"])
def test_regional_codes_use_the_language_grammar(lang: str) -> None:
    assert [t.value for t in tag("Votó el domingo.", DCT, lang)] == ["2025-11-16"]


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [("Il est arrivé le 14 décembre 2024.", "fr", "2024-12-14"),
     ("Er kam am 3. März 2020 an.", "de", "2020-03-03")],
)
def test_other_languages_through_dateparser(text: str, lang: str, value: str) -> None:
    assert value in [t.value for t in tag(text, DCT, lang)]


def test_language_detected_when_none() -> None:
    expected = ("el domingo", "DATE", "2025-11-16")
    assert expected in found("Ganó el domingo en la capital.", lang=None)


@pytest.mark.parametrize(
    ("text", "lang"),
    [("A reunião será em 14 de dezembro. Ele chegou ontem.", "pt"),
     ("La réunion aura lieu le 14 décembre, il est arrivé hier.", "fr"),
     ("Das Treffen findet am 14. Dezember statt, er kam gestern.", "de"),
     ("La reunión será el 14 de diciembre y él llegó ayer.", "es"),
     ("The meeting will be on December 14 and he arrived yesterday.", "en")],
)
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_datetime_dct_accepted() -> None:
    assert found("today", datetime(2025, 11, 17, 23, 5)) == [("today", "DATE", "2025-11-17")]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.%/-:abcdeluntmoyJFMS")), max_size=60),
       st.sampled_from(["en", "es"]))
def test_spans_sorted_disjoint_and_exact(text: str, lang: str) -> None:
    timexes = tag(text, DCT, lang)
    assert all(t.text == text[t.start:t.end] and t.start < t.end for t in timexes)
    assert all(a.end <= b.start for a, b in zip(timexes, timexes[1:], strict=False))


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [("Protests took place over the weekend.", "en", "2025-W46-WE"),
     ("Fans will gather over the weekend.", "en", "2025-W47-WE"),
     ("Llegará el fin de semana.", "es", "2025-W47-WE"),
     ("They met at noon.", "en", "2025-11-17T12:00"),
     ("Earlier this year sales fell.", "en", "2025"),
     ("This past Sunday he won.", "en", "2025-11-16")],
)
def test_weekends_noon_and_shifts(text: str, lang: str, value: str) -> None:
    assert [t.value for t in tag(text, DCT, lang)] == [value]
