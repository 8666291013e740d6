"""Sentence segmentation: boundaries, abbreviations, headlines and exact offsets."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.extract.sentences import split_sentences


def texts(source: str) -> list[str]:
    return [span.text for span in split_sentences(source)]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Llovió. Luego salió el sol.", ["Llovió.", "Luego salió el sol."]),
        ("It rained! Then the sun came out?", ["It rained!", "Then the sun came out?"]),
        ("El Sr. Pérez llegó. Se fue.", ["El Sr. Pérez llegó.", "Se fue."]),
        ("La Dra. Soto habló con el Dr. Ruiz.", ["La Dra. Soto habló con el Dr. Ruiz."]),
        ("Viajó a EE.UU. en marzo.", ["Viajó a EE.UU. en marzo."]),
        ("Hay casos, p. ej. Valdivia. Otro más.", ["Hay casos, p. ej. Valdivia.", "Otro más."]),
        ("Mr. Hale met Mrs. Ortiz. They agreed.", ["Mr. Hale met Mrs. Ortiz.", "They agreed."]),
        ("The U.S. Senate voted.", ["The U.S. Senate voted."]),
        ("Obtuvo el 23,94% de votos. Ganó.", ["Obtuvo el 23,94% de votos.", "Ganó."]),
        ("Rose 3.5 points. Fell later.", ["Rose 3.5 points.", "Fell later."]),
        ("Firmó J. Kast el acta.", ["Firmó J. Kast el acta."]),
        ("Lived at No. 5 Elm Street.", ["Lived at No. 5 Elm Street."]),
        ('Dijo: "Se acabó." Luego calló.', ['Dijo: "Se acabó."', "Luego calló."]),
        ("«Vamos bien.» El alcalde sonrió.", ["«Vamos bien.»", "El alcalde sonrió."]),
        ('Pidió "calma" El alcalde calló.', ['Pidió "calma"', "El alcalde calló."]),
        ('Pidió "calma" a todos.', ['Pidió "calma" a todos.']),
        ("¡Ganamos! — escribió (@ana) May 2, 2026", ["¡Ganamos! — escribió (@ana) May 2, 2026"]),
        (
            "¡Ganamos! — Ana (@ana) May 2, 2026 Quién es Ana Ana nació en Temuco.",
            ["¡Ganamos! — Ana (@ana) May 2, 2026", "Quién es Ana Ana nació en Temuco."],
        ),
        (
            "Listo — Bo (@bo) 3 de mayo de 2026 El puerto abrió.",
            ["Listo — Bo (@bo) 3 de mayo de 2026", "El puerto abrió."],
        ),
        ("Paro en el puerto\nSe pararon.", ["Paro en el puerto", "Se pararon."]),
        ("Cayó al mar. El barco volvió.", ["Cayó al mar.", "El barco volvió."]),
        ("Uno.\n\n\nDos.", ["Uno.", "Dos."]),
        ("una línea que\nsigue aquí.", ["una línea que\nsigue aquí."]),
        ("¿Quién ganó? Nadie sabe.", ["¿Quién ganó?", "Nadie sabe."]),
        ("Esperó... Nada pasó.", ["Esperó...", "Nada pasó."]),
        ("", []),
        ("   \n\n ", []),
    ],
)
def test_split_sentences(source: str, expected: list[str]) -> None:
    assert texts(source) == expected


def test_offsets_point_into_the_text() -> None:
    source = "  Título sin punto\n\nEl 14 de diciembre votará. Mr. Hale agreed.  "
    for span in split_sentences(source):
        assert source[span.start : span.end] == span.text


@given(st.text(alphabet=st.sampled_from(list("aB .!?\n\"«»EE.UU,1é—")), max_size=80))
def test_spans_are_ordered_disjoint_and_cover_every_visible_character(source: str) -> None:
    spans = split_sentences(source)
    covered = "".join(span.text for span in spans)
    assert [s.text for s in spans] == [source[s.start : s.end] for s in spans]
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))
    assert covered.replace(" ", "").replace("\n", "") == "".join(source.split())
