"""Spanish tagging: (text, dct) -> (text, type, value), spans exact, resolved by tense."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.extract import tag, tag_for_events, timex_to_edtf

DCT = date(2025, 11, 17)  # a Monday


def found(text: str, dct: date = DCT) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, dct, "es")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("El domingo ganó la elección.", ("El domingo", "DATE", "2025-11-16")),
        ("El domingo votarán los chilenos.", ("El domingo", "DATE", "2025-11-23")),
        ("El lunes renunció el ministro.", ("El lunes", "DATE", "2025-11-17")),
        ("El 14 de diciembre se enfrentará.", ("El 14 de diciembre", "DATE", "2025-12-14")),
        ("El 14 de diciembre se enfrentaron.", ("El 14 de diciembre", "DATE", "2024-12-14")),
        ("Nació el 3 de mayo de 1950.", ("el 3 de mayo de 1950", "DATE", "1950-05-03")),
        ("Ayer llovió en Santiago.", ("Ayer", "DATE", "2025-11-16")),
        ("Hoy se reúne el gabinete.", ("Hoy", "DATE", "2025-11-17")),
        ("La semana pasada subió el dólar.", ("La semana pasada", "DATE", "2025-W46")),
        ("El año pasado creció la economía.", ("El año pasado", "DATE", "2024")),
        ("Llegó hace tres días.", ("hace tres días", "DATE", "2025-11-14")),
        ("Se votará dentro de dos semanas.", ("dentro de dos semanas", "DATE", "2025-12-01")),
        ("Lo verá el próximo martes.", ("el próximo martes", "DATE", "2025-11-18")),
        ("Se firmó el pasado martes.", ("el pasado martes", "DATE", "2025-11-11")),
        ("Gobernó durante tres años.", ("tres años", "DURATION", "P3Y")),
        ("Cayó el cuarto trimestre de 2006.", ("el cuarto trimestre de 2006", "DATE", "2006-Q4")),
        ("La sede cambió en noviembre de 2008.", ("noviembre de 2008", "DATE", "2008-11")),
        ("Actualmente vive en Lima.", ("Actualmente", "DATE", "PRESENT_REF")),
        ("Se publica cada año.", ("cada año", "SET", "P1Y")),
        ("Abrió a las 16:08 UTC.", ("las 16:08 UTC", "TIME", "2025-11-17T16:08Z")),
        ("Llegó en el siglo XIX.", ("el siglo XIX", "DATE", "18")),
    ],
)
def test_spanish_expression(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Obtuvo el 23,94% de votos.",
        "La pantalla mide 3,5 pulgadas.",
        "Cuesta $2.014 por mes en cuotas.",
        "Votaron 2015 personas, el 19,82 por ciento.",
        "El candidato, de 59 años, habló.",
    ],
)
def test_numbers_that_are_not_dates(text: str) -> None:
    assert [v for _, _, v in found(text) if v[:1].isdigit() and not v.startswith("P")] == []


def test_decade_with_late_mod() -> None:
    (t,) = tag("Emigró a finales de los años 40 a Chile.", DCT, "es")
    assert (t.text, t.value, t.mod, timex_to_edtf(t.value, t.mod)) == (
        "finales de los años 40", "194", "END", "1947/1949")


def test_interval_for_events() -> None:
    text = "Entre 1978 y 1982 fue ministro."
    assert [t.value for t in tag(text, DCT, "es")] == ["1978", "1982"]
    (merged,) = tag_for_events(text, DCT, "es")
    assert (merged.text, merged.value, timex_to_edtf(merged.value)) == (
        "Entre 1978 y 1982", "1978/1982", "1978/1982")


def test_relative_and_explicit_derivations() -> None:
    timexes = tag("Votó el domingo y el 16 de noviembre de 2024.", DCT, "es")
    kinds = {t.text: t.derivation for t in timexes}
    assert kinds == {"el domingo": "relative", "el 16 de noviembre de 2024": "explicit"}


def test_weekday_with_its_date_is_one_expression() -> None:
    (t,) = tag("Habló el lunes 10 de noviembre.", DCT, "es")
    assert (t.text, t.value) == ("el lunes 10 de noviembre", "2025-11-10")


SEED = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "seed"


def test_seed_article_milei_kast() -> None:
    path = SEED / "milei-kast-2025-11-17.txt"
    if not path.exists():
        pytest.skip("shared seed article not available")
    text = path.read_text(encoding="utf-8")
    timexes = tag_for_events(text, DCT, "es")
    by_value = {(t.value, t.mod) for t in timexes}
    assert {("2025-11-16", None), ("2025-12-14", None), ("2025-11-17", None)} <= by_value
    assert ("194", "END") in by_value and ("1978/1982", None) in by_value
    english = [t for t in timexes if t.text == "November 17, 2025"]
    assert english and all(t.value == "2025-11-17" for t in english)
    pct = text.index("23,94%")
    assert not [t for t in timexes if t.start < pct + 6 and t.end > pct]
    assert all(t.value <= "2025-11-17" for t in timexes if "domingo" in t.text.lower())


WEEKDAYS_ES = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]


@settings(max_examples=80, deadline=None)
@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)),
       st.sampled_from(WEEKDAYS_ES), st.booleans())
def test_bare_weekday_never_crosses_publication(dct: date, day: str, past: bool) -> None:
    text = f"El {day} {'ganó' if past else 'votará'} el candidato."
    (t,) = tag(text, dct, "es")
    value = date.fromisoformat(t.value)
    assert value.weekday() == WEEKDAYS_ES.index(day)
    if past:
        assert dct - timedelta(days=7) < value <= dct
    else:
        assert dct < value <= dct + timedelta(days=7)
