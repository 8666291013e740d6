"""Who did what: subjects resolved to names, headlines of subject + predicate + object, actors
kept apart from places, one name per person across the article."""

from __future__ import annotations

import pytest

from timeline.extract.article import article_from_text
from timeline.extract.entities import canonical_names
from timeline.extract.events import ExtractedEvent, extract_events


def events(text: str, lang: str, published: str = "2026-03-10") -> tuple[ExtractedEvent, ...]:
    return extract_events(article_from_text(text, published=published, lang=lang))


def headline_of(text: str, lang: str, word: str) -> str:
    return next(e.headline for e in events(text, lang) if word in e.quote)


@pytest.mark.parametrize(
    ("text", "lang", "word", "headline"),
    [
        # a stated subject, titles dropped from the name
        ("Transport Minister Ruth Abara opened the line on Monday.", "en", "opened",
         "Ruth Abara opened the line"),
        # a pronoun is the last person who was a subject
        ("Mayor Dana Whitfield signed the order. She thanked the crews.", "en", "thanked",
         "Dana Whitfield thanked the crews"),
        # an elided Spanish subject is the topic, the clitic stays with its verb
        ("Inés Bravo ganó la elección. Se reunirá con el concejo.", "es", "reunirá",
         "Inés Bravo se reunirá con el concejo"),
        # a description is the person the article gave that title to
        ("El presidente Javier Milei viajó a Chile. El mandatario se reunió con Kast.", "es",
         "reunió", "Javier Milei se reunió con Kast"),
        # a relative clause is about its antecedent, not a name inside a phrase
        ("Lo respaldó Ana Soto, candidata del Partido Verde, quien obtuvo el 20%.", "es",
         "obtuvo", "Ana Soto obtuvo el 20%"),
        # inverted reporting: the name after the verb
        ('"We are ready," said coach Tom Reyes.', "en", "said", "Tom Reyes said: We are ready"),
        # an apposition is the subject
        ("La presidenta del sindicato, Marta Quiroga, aceptó el acuerdo.", "es", "aceptó",
         "Marta Quiroga aceptó el acuerdo"),
        # the date expression leaves the headline
        ("The council approved the budget on March 3.", "en", "approved",
         "The council approved the budget"),
    ],
)
def test_headlines_say_who_did_what(text: str, lang: str, word: str, headline: str) -> None:
    assert headline_of(text, lang, word) == headline


def test_a_headline_never_stops_at_a_bare_reporting_verb() -> None:
    text = "Luis Soto reveló que lo llamaron del ministerio."
    assert headline_of(text, "es", "reveló") == "Luis Soto reveló que lo llamaron del ministerio"


@pytest.mark.parametrize(
    ("text", "lang", "actors", "places"),
    [
        ("Javier Milei backed José Antonio Kast in Chile.", "en",
         ("Javier Milei", "José Antonio Kast"), ("Chile",)),
        ("Los vecinos de Villa Serrana votaron en Villa Serrana.", "es", (), ("Villa Serrana",)),
        ("The Partido Liberal del Valle won in Lima.", "en", ("Partido Liberal del Valle",),
         ("Lima",)),
        ("Crews repaired the Elm Street bridge.", "en", (), ("Elm Street",)),
    ],
)
def test_actors_are_people_and_organisations_and_places_are_kept_apart(
    text: str, lang: str, actors: tuple[str, ...], places: tuple[str, ...]
) -> None:
    (event,) = events(text, lang)
    assert (event.actors, event.places) == (actors, places)


def test_one_name_per_person_across_the_article() -> None:
    text = ("José Antonio Kast ganó la primera vuelta. Kast se comunicó con Milei. "
            "@joseantoniokast agradeció el apoyo.")
    assert {a for e in events(text, "es") for a in e.actors} == {"José Antonio Kast", "Milei"}


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["Michael Kast", "José Antonio Kast", "José Antonio Kast", "Kast"],
         {"Kast": "José Antonio Kast"}),
        (["Steve Jobs", "Steve", "Jobs"], {"Steve": "Steve Jobs", "Jobs": "Steve Jobs"}),
        (["Cámara de Comercio de Puerto Almendral", "Puerto Almendral"],
         {"Puerto Almendral": "Puerto Almendral"}),
        (["Steve Jobs Apple Computer", "Steve Jobs"], {"Steve Jobs": "Steve Jobs"}),
    ],
)
def test_canonical_names(names: list[str], expected: dict[str, str]) -> None:
    canonical = canonical_names(names)
    assert {name: canonical[name] for name in expected} == expected


def test_a_capitalised_word_that_only_opens_sentences_is_not_an_actor() -> None:
    (event,) = events("Passenger trains returned to the line.", "en")
    assert event.actors == ()


def test_a_surname_takes_the_one_full_name_known_beyond_the_article() -> None:
    art = article_from_text("Kast votó en Santiago.", published="2025-12-14", lang="es")
    (event,) = extract_events(art, known_actors=("José Antonio Kast", "Jeannette Jara"))
    assert event.actors == ("José Antonio Kast",)
    (ambiguous,) = extract_events(art, known_actors=("José Antonio Kast", "Michael Kast"))
    assert ambiguous.actors == ("Kast",)


def test_a_relative_which_is_about_the_noun_phrase_before_it() -> None:
    text = "EU ministers will meet about the outbreak, which has killed 150 people in Mexico."
    assert headline_of(text, "en", "killed") == "The outbreak has killed 150 people in Mexico"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Steve Jobs, cofundador y CEO de Apple Computer, ofreció el discurso.", "Steve Jobs"),
        ("The show includes stars from the US and UK Chris Hunt said.", "Chris Hunt"),
    ],
)
def test_names_are_cut_from_titles_and_places_they_run_into(text: str, name: str) -> None:
    lang = "es" if "ofreció" in text else "en"
    assert name in {a for e in events(text, lang) for a in e.actors}


@pytest.mark.parametrize(
    ("text", "word", "headline"),
    [
        ("Since its launch the store has sold three billion songs.", "sold",
         "The store has sold three billion songs"),
        ('"We love them," said Apple Inc. CEO Steve Jobs.', "said",
         "Steve Jobs said: We love them"),
    ],
)
def test_english_subjects_after_an_opening_phrase_or_after_the_verb(
    text: str, word: str, headline: str
) -> None:
    assert headline_of(text, "en", word) == headline


def test_a_name_that_modifies_a_noun_is_not_the_subject() -> None:
    text = "The Northgate line opened in 1887 and was nearly closed in the 1960s."
    headlines = [e.headline for e in events(text, "en")]
    assert headlines == ["The Northgate line opened", "The Northgate line was nearly closed"]


def test_a_predicate_after_a_relative_clause_belongs_to_the_words_before_it() -> None:
    text = "Mexico's crowded capital, where most of the deaths happened, hunkered down in fear."
    assert headline_of(text, "en", "hunkered") == (
        "Mexico's crowded capital hunkered down in fear")
    assert headline_of(text, "en", "happened") == "Most of the deaths happened"


def test_a_long_predicate_stops_at_a_comma_or_an_added_noun_phrase() -> None:
    text = "El presidente Javier Milei lanzó un fuerte respaldo a José Antonio Kast, candidato."
    assert headline_of(text, "es", "lanzó") == (
        "Javier Milei lanzó un fuerte respaldo a José Antonio Kast")
