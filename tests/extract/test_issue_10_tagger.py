"""Issue 10, item 9: tagger cases a deliberate break of the code let through the suite.

A number with decimals or a percent is no year ("2015,75 puntos", "2019 %"); a past-tense date on
the publication day or the day before is that same year, not the year before."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extract import tag

DCT = date(2025, 11, 17)


def values(text: str, lang: str, dct: date = DCT) -> list[str]:
    return [t.value for t in tag(text, dct, lang)]


@pytest.mark.parametrize(("text", "lang"), [
    ("El índice cerró en 2015,75 puntos.", "es"),
    ("El Ibex subió hasta los 2015,75 puntos.", "es"),
    ("La inflación llegó al 2019 % en el país.", "es"),
    ("La deuda creció un 2019% en el periodo.", "es"),
    ("The index closed at 2015.75 points.", "en"),
    ("Prices rose by 2019 % over the period.", "en"),
])
def test_a_number_or_percent_is_no_year(text: str, lang: str) -> None:
    found = values(text, lang)
    assert not any(v.startswith(("2015", "2019")) for v in found), found


@pytest.mark.parametrize(("text", "lang", "dct", "expected"), [
    ("El 16 de noviembre votaron los chilenos.", "es", date(2025, 11, 17), "2025-11-16"),
    ("El 17 de noviembre votaron los chilenos.", "es", date(2025, 11, 17), "2025-11-17"),
    ("On 16 November the Chileans voted.", "en", date(2025, 11, 17), "2025-11-16"),
    ("On November 17 the Chileans voted.", "en", date(2025, 11, 17), "2025-11-17"),
    ("El 31 de diciembre votaron.", "es", date(2026, 1, 1), "2025-12-31"),
])
def test_a_past_date_on_or_just_before_publication_is_that_year(
        text: str, lang: str, dct: date, expected: str) -> None:
    assert expected in values(text, lang, dct)
