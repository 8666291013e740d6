"""TIMEX3 -> EDTF, EDTF bounds, precision and words."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.errors import InvalidInput
from timeline.extract import edtf_bounds, edtf_precision, humanize_edtf, timex_to_edtf
from timeline.model import PRECISIONS


@pytest.mark.parametrize(
    ("value", "mod", "expected"),
    [
        ("2025-12-14", None, "2025-12-14"),
        ("2025-11", None, "2025-11"),
        ("2025", None, "2025"),
        ("194", None, "194X"),
        ("19", None, "19XX"),
        ("194", "END", "1947/1949"),
        ("194", "START", "1940/1943"),
        ("2009", "END", "2009-09/2009-12"),
        ("1978/1982", None, "1978/1982"),
        ("2006-Q4", None, "2006-36"),
        ("2013-W11", None, "2013-03-11/2013-03-17"),
        ("2025-WI", None, "2025-24"),
        ("2025-11-16T10:00", None, "2025-11-16"),
        ("2010-07-16TMO", None, "2010-07-16"),
        ("2025-11-16", "APPROX", "2025-11-16~"),
        ("2011-06-XX", None, "2011-06"),
        ("P3Y", None, None),
        ("PRESENT_REF", None, None),
        ("FUTURE_REF", None, None),
        ("XXXX-WI", None, None),
        ("XXXX-WXX-1", None, None),
    ],
)
def test_timex_to_edtf(value: str, mod: str | None, expected: str | None) -> None:
    assert timex_to_edtf(value, mod) == expected


@pytest.mark.parametrize(
    ("edtf", "start", "end", "precision"),
    [
        ("2025-12-14", date(2025, 12, 14), date(2025, 12, 14), "day"),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "month"),
        ("2025", date(2025, 1, 1), date(2025, 12, 31), "year"),
        ("194X", date(1940, 1, 1), date(1949, 12, 31), "decade"),
        ("19XX", date(1900, 1, 1), date(1999, 12, 31), "century"),
        ("1978/1982", date(1978, 1, 1), date(1982, 12, 31), "interval"),
        ("2006-36", date(2006, 10, 1), date(2006, 12, 31), "quarter"),
        ("2025-24", date(2025, 12, 1), date(2026, 2, 28), "season"),
        ("2025-21", date(2025, 3, 1), date(2025, 5, 31), "season"),
        ("2025-11-16~", date(2025, 11, 16), date(2025, 11, 16), "day"),
    ],
)
def test_bounds_and_precision(edtf: str, start: date, end: date, precision: str) -> None:
    assert edtf_bounds(edtf) == (start, end)
    assert edtf_precision(edtf) == precision and precision in PRECISIONS


@pytest.mark.parametrize(
    ("edtf", "en", "es"),
    [
        ("1947/1949", "late 1940s", "finales de los años cuarenta"),
        ("1978/1982", "1978–1982", "1978–1982"),
        ("2025-12-14", "14 December 2025", "14 de diciembre de 2025"),
        ("2025-11", "November 2025", "noviembre de 2025"),
        ("194X", "1940s", "los años cuarenta"),
        ("2006-36", "Q4 2006", "cuarto trimestre de 2006"),
        ("19XX", "20th century", "siglo XX"),
        ("2025-11-16~", "around 16 November 2025", "alrededor del 16 de noviembre de 2025"),
    ],
)
def test_humanize(edtf: str, en: str, es: str) -> None:
    assert (humanize_edtf(edtf), humanize_edtf(edtf, "es")) == (en, es)


@pytest.mark.parametrize("bad", ["", "2025-13", "2025-02-30", "yesterday", "1982/1978"])
def test_invalid_edtf_names_the_date_field(bad: str) -> None:
    with pytest.raises(InvalidInput) as info:
        edtf_bounds(bad)
    assert info.value.field == "date"


days = st.dates(min_value=date(1000, 1, 1), max_value=date(2999, 12, 31))


@given(days)
def test_day_round_trip(day: date) -> None:
    edtf = timex_to_edtf(day.isoformat())
    assert edtf is not None and edtf_bounds(edtf) == (day, day)


@given(days, st.integers(min_value=0, max_value=4000),
       st.sampled_from(["day", "month", "year", "decade"]),
       st.sampled_from([None, "START", "MID", "END", "APPROX"]))
def test_bounds_are_ordered(day: date, span: int, shape: str, mod: str | None) -> None:
    later = min(day + timedelta(days=span), date(2999, 12, 31))
    value = {"day": day.isoformat(), "month": day.isoformat()[:7], "year": str(day.year),
             "decade": str(day.year)[:3]}[shape]
    for edtf in (timex_to_edtf(value, mod), f"{day.year}/{later.year}"):
        assert edtf is not None
        start, end = edtf_bounds(edtf)
        assert start <= end
