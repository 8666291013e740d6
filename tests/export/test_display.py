"""Display dates: the archive's humanizer where it reads the EDTF, else our fallback from the
entry's bounds; what a reader sees for each precision, in English and Spanish."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.dates import humanize_edtf
from timeline.export.display import display_date, fallback_display_date, side_grains

D = date
CASES = [  # (edtf, precision, start, end, lang, expected)
    ("2025-12-14", "day", D(2025, 12, 14), D(2025, 12, 14), "en", "14 December 2025"),
    ("2025-12-14", "day", D(2025, 12, 14), D(2025, 12, 14), "es", "14 de diciembre de 2025"),
    ("2025-11-16~", "day", D(2025, 11, 16), D(2025, 11, 16), "en", "c. 16 November 2025"),
    ("2025-11-16?", "day", D(2025, 11, 16), D(2025, 11, 16), "en", "16 November 2025 (?)"),
    ("2025-11", "month", D(2025, 11, 1), D(2025, 11, 30), "es", "noviembre de 2025"),
    ("2025-24", "season", D(2025, 12, 1), D(2026, 2, 28), "en", "winter 2025"),
    ("2025", "season", D(2025, 6, 1), D(2025, 8, 31), "es", "verano de 2025"),
    ("2024-35", "quarter", D(2024, 7, 1), D(2024, 9, 30), "es", "tercer trimestre de 2024"),
    ("2023", "year", D(2023, 1, 1), D(2023, 12, 31), "en", "2023"),
    ("194X", "decade", D(1940, 1, 1), D(1949, 12, 31), "en", "1940s"),
    ("194X", "decade", D(1947, 1, 1), D(1949, 12, 31), "en", "late 1940s"),
    ("194X", "decade", D(1940, 1, 1), D(1943, 12, 31), "es", "principios de los años cuarenta"),
    ("194X", "decade", D(1944, 1, 1), D(1946, 12, 31), "en", "mid-1940s"),
    ("19XX", "century", D(1900, 1, 1), D(1999, 12, 31), "es", "siglo XX"),
    ("20XX", "century", D(2000, 1, 1), D(2099, 12, 31), "en", "21st century"),
    ("1978/1982", "interval", D(1978, 1, 1), D(1982, 12, 31), "en", "1978–1982"),
    ("2025-03/2025-05", "interval", D(2025, 3, 1), D(2025, 5, 31), "en",
     "March 2025 – May 2025"),
    ("../2025-05-02", "interval", D(1, 1, 1), D(2025, 5, 2), "es", "hasta 2 de mayo de 2025"),
    ("2019/..", "interval", D(2019, 1, 1), D(9999, 12, 31), "en", "since 2019"),
    ("2025-12-14", "day", D(2025, 12, 14), D(2025, 12, 14), "fr", "14 December 2025"),
]


@pytest.mark.parametrize(("edtf", "precision", "start", "end", "lang", "expected"), CASES)
def test_fallback_display_date(make_entry, edtf, precision, start, end, lang, expected):
    entry = make_entry(date=edtf, precision=precision, start=start, end=end, lang=lang)
    assert fallback_display_date(entry) == expected


def test_display_date_is_the_archive_humanizer(entries):
    for entry in entries:
        assert display_date(entry) == humanize_edtf(entry.date, entry.lang)


@pytest.mark.parametrize(("edtf", "start", "end", "expected"), [
    ("../2025-05-02", D(1, 1, 1), D(2025, 5, 2), "hasta 2 de mayo de 2025"),
    ("2019/..", D(2019, 1, 1), D(9999, 12, 31), "desde 2019"),
])
def test_display_date_falls_back_for_open_intervals(make_entry, edtf, start, end, expected):
    entry = make_entry(date=edtf, precision="interval", start=start, end=end)
    assert display_date(entry) == expected


@pytest.mark.parametrize(("edtf", "precision", "grains"), [
    ("2025-12-14", "day", ("day", "day")), ("2025-11", "month", ("month", "month")),
    ("2025-21", "season", ("month", "month")), ("194X", "decade", ("year", "year")),
    ("1978/1982-06", "interval", ("year", "month")),
    ("2025-11-03/2025-11-07~", "interval", ("day", "day")),
])
def test_side_grains(make_entry, edtf, precision, grains):
    assert side_grains(make_entry(date=edtf, precision=precision)) == grains


@pytest.mark.parametrize("show", [display_date, fallback_display_date])
def test_explicit_language_overrides_the_entry(make_entry, show):
    assert show(make_entry(lang="es"), "en") == "14 December 2025"
