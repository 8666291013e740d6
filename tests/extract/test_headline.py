"""Headlines: the clause around the date, without the date, with a subject, clipped."""

from __future__ import annotations

import pytest

from timeline.extract.headline import MAX_HEADLINE_CHARS, make_headline


def headline(sentence: str, timex: str | None, lang: str) -> str:
    if timex is None:
        return make_headline(sentence, None, lang)
    start = sentence.index(timex)
    return make_headline(sentence, (start, start + len(timex)), lang)


@pytest.mark.parametrize(
    ("sentence", "timex", "lang", "expected"),
    [
        ("El alcalde Tomás Rivas inauguró el muelle el 3 de marzo.", "3 de marzo", "es",
         "El alcalde Tomás Rivas inauguró el muelle"),
        ("El 14 de diciembre se votará la reforma.", "14 de diciembre", "es",
         "Se votará la reforma"),
        ("Apoyó a Ana Soto, candidata del Partido Verde que el domingo pasó a segunda vuelta.",
         "el domingo", "es", "Ana Soto pasó a segunda vuelta"),
        ("Ana Soto habló con el gremio, y el lunes firmará el acuerdo.", "el lunes", "es",
         "Ana Soto firmará el acuerdo"),
        ("¡El lunes vuelve el tren!", "El lunes", "es", "Vuelve el tren"),
        ("Entre 1978 y 1982 fue ministro de Obras.", "Entre 1978 y 1982", "es",
         "Fue ministro de Obras"),
        ("On Monday, Mayor Dana Whitfield signed the budget.", "On Monday", "en",
         "Mayor Dana Whitfield signed the budget"),
        ("The strike ended on May 4 and workers returned.", "May 4", "en", "The strike ended"),
        ("Haddad, who walked out last Friday, returned.", "last Friday", "en",
         "Haddad walked out"),
        ("Nice quote! https://x.co/a — Ana (@ana_soto) May 2, 2026", "May 2, 2026", "en",
         "@ana_soto: Nice quote"),
        ("Rivas anunció el paro, tras la reunión con el gremio.", None, "es",
         "Rivas anunció el paro"),
    ],
)
def test_make_headline(sentence: str, timex: str | None, lang: str, expected: str) -> None:
    assert headline(sentence, timex, lang) == expected


def test_long_clauses_are_clipped_at_a_word_boundary_without_dangling_words() -> None:
    sentence = "El consejo aprobó " + "una larga lista de obras para el puerto y " * 6 + "en 2026."
    result = headline(sentence, "2026", "es")
    assert len(result) <= MAX_HEADLINE_CHARS
    assert sentence.startswith(result)
    assert result.split()[-1] not in {"y", "el", "de", "para", "en"}


def test_headline_starts_with_a_capital_and_ends_without_punctuation() -> None:
    result = headline("y el martes, los estibadores volvieron al trabajo.", "el martes", "es")
    assert result == "Los estibadores volvieron al trabajo"


@pytest.mark.parametrize(
    ("sentence", "timex", "expected"),
    [
        ("Riverside's barrier is late, engineers said on Wednesday, less than a month after work "
         "began on June 15.", "June 15", "Less than a month after work began"),
        ("Rivas dijo que el acta se firmará el 3 de junio y que en ella se votará el plan de 2019.",
         "2019", "En ella se votará el plan"),
        ("Modernizarán las grúas del terminal, que operan desde 2009.", "2009",
         "Las grúas del terminal operan"),
    ],
)
def test_a_subject_is_lent_only_to_clauses_opening_with_a_verb(
    sentence: str, timex: str, expected: str
) -> None:
    assert headline(sentence, timex, "en" if "Riverside" in sentence else "es") == expected
