"""Clauses: a sentence is cut where a new predicate starts, and only there."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extract.document import Document
from timeline.extract.pipeline import run


def clauses(text: str, lang: str) -> list[tuple[str, str]]:
    doc = run(Document(text=text, lang=lang, published=date(2026, 3, 10)), until="find_clauses")
    return [(c.role, text[c.start : c.end]) for c in doc.clauses]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The mayor signed the order and the crews started work.", "en",
         [("main", "The mayor signed the order"), ("coordinate", "and the crews started work.")]),
        ("Kast, quien obtuvo el 24%, se enfrentará con Jara.", "es",
         [("main", "Kast,"), ("relative", "quien obtuvo el 24%,"),
          ("coordinate", "se enfrentará con Jara.")]),
        ("Lane said that the plant closed.", "en",
         [("main", "Lane said"), ("complement", "that the plant closed.")]),
        ("Apple Corps filed suit again, prompting a new hearing in 1989.", "en",
         [("main", "Apple Corps filed suit again,"),
          ("participle", "prompting a new hearing in 1989.")]),
        ("The bridge closed in May, when the river rose.", "en",
         [("main", "The bridge closed in May,"), ("subordinate", "when the river rose.")]),
        ('"We won," said the coach.', "en",
         [("quote", '"We won,"'), ("main", "said the coach.")]),
    ],
)
def test_a_sentence_is_cut_before_each_new_predicate(
    text: str, lang: str, expected: list[tuple[str, str]]
) -> None:
    assert clauses(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ana and Luis signed the deal that day.", "en"),
        ("El acuerdo fue firmado por Kast y Jeannette Jara.", "es"),
        ("Sales rose, according to figures from the agency.", "en"),
        ("Más que nunca, el equipo ganó.", "es"),
    ],
)
def test_words_without_a_verb_of_their_own_make_no_clause(text: str, lang: str) -> None:
    assert len(clauses(text, lang)) == 1


def test_other_languages_keep_whole_sentences() -> None:
    text = "Le conseil a voté la loi le 3 mars. Les syndicats ont protesté."
    assert [role for role, _ in clauses(text, "fr")] == ["main", "main"]


def test_clause_records_verb_tense_and_kind() -> None:
    doc = run(Document(text="The senator resigned. She will run again.", lang="en",
                       published=date(2026, 3, 10)), until="find_clauses")
    first, second = doc.clauses
    assert (first.tense, first.kind, doc.tokens[first.verb or 0].text) == (
        "past", "decision", "resigned")
    assert (second.tense, second.kind) == ("future", "action")


@pytest.mark.parametrize(
    ("text", "lang", "roles"),
    [
        ("Councillor Omar Haddad, who voted against it, said he would appeal.", "en",
         ["main", "relative", "coordinate"]),
        ("The switch, he said, would happen next year.", "en", ["main", "coordinate"]),
        ("Apple confirmó que Papermaster, de 49 años, había dejado la compañía.", "es",
         ["main", "complement"]),
    ],
)
def test_a_verb_after_a_comma_takes_up_the_sentence_only_after_a_clause(
    text: str, lang: str, roles: list[str]
) -> None:
    assert [role for role, _ in clauses(text, lang)] == roles


def test_a_short_present_verb_and_a_conjunction_before_an_elided_subject() -> None:
    assert clauses("La Bolsa cae un 9%, y luego se recupera.", "es") == [
        ("main", "La Bolsa cae un 9%,"), ("coordinate", "y luego se recupera.")]
