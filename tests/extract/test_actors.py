"""Actors: capitalised runs, connectors, handles, and what is not a name."""

from __future__ import annotations

import pytest

from timeline.extract.actors import find_actors


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("Ana Rivas visitó el puerto.", "es", ("Ana Rivas",)),
        ("El alcalde habló con Pedro de la Fuente.", "es", ("Pedro de la Fuente",)),
        ("Votó por el Partido Verde del Sur.", "es", ("Partido Verde del Sur",)),
        ("Ursula von der Leyen met Ludwig van Dijk.", "en",
         ("Ursula von der Leyen", "Ludwig van Dijk")),
        ("Visitó EE.UU. ayer.", "es", ("EE.UU.",)),
        ("Felicitaciones @ana_rivas por el triunfo.", "es", ("@ana_rivas",)),
        ("El lunes 3 de marzo llegó Rivas.", "es", ("Rivas",)),
        ("On Monday, December 1, the Harbor Board met.", "en", ("Harbor Board",)),
        ("Tras la reunión, Soto y Rivas firmaron.", "es", ("Soto", "Rivas")),
        ("Ana Rivas ganó; Rivas celebró.", "es", ("Ana Rivas",)),
        ("Mayor Dana Whitfield spoke.", "en", ("Dana Whitfield",)),
        ("Whitfield's plan passed the U.S. Senate.", "en", ("Whitfield", "U.S. Senate")),
        ("Lo dijo en https://t.co/AbC123 Rivas.", "es", ("Rivas",)),
        ("The council met. Then it rained.", "en", ()),
        ("Engineers told Mayor Dana Whitfield.", "en", ("Dana Whitfield",)),
        ("Jones told the press.", "en", ("Jones",)),
        ("nadie habló del tema.", "es", ()),
        ("La ciudad de Valdivia, según la CUT, paró.", "es", ("Valdivia", "CUT")),
    ],
)
def test_find_actors(sentence: str, lang: str, expected: tuple[str, ...]) -> None:
    assert find_actors(sentence, lang) == expected


def test_repeated_word_splits_a_headline_glued_to_a_sentence() -> None:
    assert find_actors("Quién es Ana Rivas Rivas es hija de Tomás Rivas.", "es") == (
        "Ana Rivas", "Tomás Rivas",
    )


def test_actors_appear_verbatim_in_the_sentence() -> None:
    sentence = "El ministro de Obras, Luis Peña, y la CUT firmaron con Puerto Valdivia S.A."
    assert all(name in sentence for name in find_actors(sentence, "es"))
