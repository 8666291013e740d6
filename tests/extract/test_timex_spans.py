"""Spans as TimeML draws them (TIMEX3 extent), one table per convention, both languages.

* determiners and articles are in ("the third quarter", "el año pasado"), and so are the
  contractions "del" / "al" that carry the article ("del 3 al 5 de marzo");
* the "de" / "of" inside an expression is in ("5 de marzo de 2009", "the spring of 1950");
* a preposition before it is out ("in 2009", "en 2009", "a las 15:00", "desde el lunes");
* modifiers are in, before or after: "early", "late", "finales de", "mediados de", "around",
  "más de", "more than", "pasado", "próximo", "que viene", "ago", "hace";
* focus words are out: "only", "just", "solo";
* a clock time keeps its zone; a weekday joined to its date is one expression.
"""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extract import tag

DCT = date(2025, 11, 17)


def spans(text: str, lang: str) -> list[str]:
    return [t.text for t in tag(text, DCT, lang)]


ARTICLES_IN = [
    ("en", "Profits fell in the third quarter.", "the third quarter"),
    ("en", "The firm was founded in the 1990s.", "the 1990s"),
    ("en", "He was born in the spring of 1950.", "the spring of 1950"),
    ("en", "In the coming weeks the board will decide.", "the coming weeks"),
    ("es", "El año pasado creció la economía.", "El año pasado"),
    ("es", "Subió durante la semana pasada.", "la semana pasada"),
    ("es", "Los próximos días serán decisivos.", "Los próximos días"),
    ("es", "La década de los noventa fue dura.", "La década de los noventa"),
    ("es", "Los 30 años de historia del club se celebran.", "Los 30 años"),
    ("es", "La feria se celebró del 3 al 5 de marzo.", "del 3"),
    ("es", "La feria se celebró del 3 al 5 de marzo.", "al 5 de marzo"),
]

OF_INSIDE = [
    ("es", "Nació el 5 de marzo de 2009.", "el 5 de marzo de 2009"),
    ("es", "Se fue a finales de 2009.", "finales de 2009"),
    ("es", "Se vendió a finales del 2006.", "finales del 2006"),
    ("es", "El primer semestre de 2024 fue malo.", "El primer semestre de 2024"),
    ("en", "He left in the spring of 1950.", "the spring of 1950"),
    ("en", "Sales rose in the first half of the year.", "the first half of the year"),
]

PREPOSITIONS_OUT = [
    ("en", "The law passed in 2009.", "2009"),
    ("en", "The senate voted on Friday.", "Friday"),
    ("en", "The summit opened at 15:00 GMT.", "15:00 GMT"),
    ("es", "La ley se aprobó en 2009.", "2009"),
    ("es", "A las 15:00 GMT comenzará la sesión.", "las 15:00 GMT"),
    ("es", "Desde el lunes no hay clases.", "el lunes"),
    ("es", "Se fue a finales de 2009.", "finales de 2009"),
]

MODIFIERS_IN = [
    ("en", "Prices fell in late 2008.", "late 2008"),
    ("en", "The plant will open early next year.", "early next year"),
    ("en", "Around 1900 the town was founded.", "Around 1900"),
    ("en", "The strike lasted more than 65 days.", "more than 65 days"),
    ("en", "Six years ago the company was founded.", "Six years ago"),
    ("es", "A mediados del próximo año se inaugurará.", "mediados del próximo año"),
    ("es", "Los mayores de más de 65 años votaron.", "más de 65 años"),
    ("es", "La cumbre será el 7 de noviembre próximo.", "el 7 de noviembre próximo"),
    ("es", "El tratado se firmó el pasado 5 de marzo.", "el pasado 5 de marzo"),
    ("es", "La semana que viene se vota.", "La semana que viene"),
    ("es", "Hace seis años ganó el título.", "Hace seis años"),
]

FOCUS_WORDS_OUT = [
    ("en", "He stayed just two weeks.", "two weeks"),
    ("en", "He stayed only three days.", "three days"),
    ("es", "Estuvo solo un año en el cargo.", "un año"),
    ("es", "Duró apenas dos semanas.", "dos semanas"),
]

JOINED = [
    ("es", "Habló el lunes 10 de noviembre.", "el lunes 10 de noviembre"),
    ("en", "He spoke on Monday, November 10.", "Monday, November 10"),
    ("en", "Trading resumes at 9:30 a.m. EST.", "9:30 a.m. EST"),
    ("es", "Mañana por la mañana se vota.", "Mañana por la mañana"),
]


@pytest.mark.parametrize(("lang", "text", "span"), ARTICLES_IN)
def test_articles_and_contractions_are_in(lang: str, text: str, span: str) -> None:
    assert span in spans(text, lang)


@pytest.mark.parametrize(("lang", "text", "span"), OF_INSIDE)
def test_de_and_of_inside_are_in(lang: str, text: str, span: str) -> None:
    assert span in spans(text, lang)


@pytest.mark.parametrize(("lang", "text", "span"), PREPOSITIONS_OUT)
def test_prepositions_before_are_out(lang: str, text: str, span: str) -> None:
    assert span in spans(text, lang)


@pytest.mark.parametrize(("lang", "text", "span"), MODIFIERS_IN)
def test_modifiers_are_in(lang: str, text: str, span: str) -> None:
    assert span in spans(text, lang)


@pytest.mark.parametrize(("lang", "text", "span"), FOCUS_WORDS_OUT)
def test_focus_words_are_out(lang: str, text: str, span: str) -> None:
    assert span in spans(text, lang)


@pytest.mark.parametrize(("lang", "text", "span"), JOINED)
def test_zones_and_joined_days_are_one_expression(lang: str, text: str, span: str) -> None:
    assert span in spans(text, lang)
