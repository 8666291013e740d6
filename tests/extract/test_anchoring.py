"""Each event's date: the date expression that governs its clause, not one it merely refers to;
else the narrative time; else the publication date (our own sentences, English and Spanish)."""

from __future__ import annotations

import pytest

from timeline.extract.article import article_from_text
from timeline.extract.events import ExtractedEvent, extract_events


def events(text: str, published: str, lang: str) -> tuple[ExtractedEvent, ...]:
    return extract_events(article_from_text(text, published=published, lang=lang))


def dated(text: str, published: str, lang: str, word: str) -> tuple[str, str]:
    """(date, derivation) of the event whose quote holds ``word``."""
    found = [e for e in events(text, published, lang) if word in e.quote]
    assert found, f"no event quotes {word!r}"
    return found[0].date, found[0].derivation


@pytest.mark.parametrize(
    ("text", "published", "lang", "word", "expected"),
    [
        # the date expression in the clause governs it
        ("The council approved the budget on March 3.", "2026-03-10", "en", "approved",
         ("2026-03-03", "relative")),  # the year is inferred
        ("El 14 de diciembre se votará la reforma.", "2025-11-17", "es", "votará",
         ("2025-12-14", "relative")),
        # several happenings in one sentence, each with its own date
        ("The mayor signed the order on Monday and the crews started work on Thursday.",
         "2026-03-13", "en", "started", ("2026-03-12", "relative")),
        ("La empresa cerró la planta en 2019 y reabrió otra en 2022.", "2026-01-05", "es",
         "reabrió", ("2022", "explicit")),
        # reported speech: the statement on its day, the reported happening on its own
        ("Ms Lane said on Monday that the plant closed in 2019.", "2026-03-11", "en",
         "said", ("2026-03-09", "relative")),
        ("Ms Lane said on Monday that the plant closed in 2019.", "2026-03-11", "en",
         "closed", ("2019", "explicit")),
        # no date at all: the publication date, said so
        ("The union accepted the offer.", "2026-03-10", "en", "accepted",
         ("2026-03-10", "publication")),
        ("El sindicato rechazó la propuesta.", "2026-03-10", "es", "rechazó",
         ("2026-03-10", "publication")),
    ],
)
def test_the_governing_date_dates_the_clause(
    text: str, published: str, lang: str, word: str, expected: tuple[str, str]
) -> None:
    assert dated(text, published, lang, word) == expected


@pytest.mark.parametrize(
    ("text", "published", "lang", "word"),
    [
        ("The firm promised to cut 3,000 jobs by 2030.", "2026-02-01", "en", "promised"),
        ("Sales fell 12% compared with 2024.", "2026-02-01", "en", "fell"),
        ("Exports rose 4% from a year earlier.", "2026-02-01", "en", "rose"),
        ("El ministro aseguró que de cara al 14 de diciembre todo está listo.", "2025-11-17",
         "es", "aseguró"),
        ("La obra se extenderá hasta 2031, informó el municipio.", "2026-02-01", "es",
         "informó"),
        ('The mayor praised the film "Summer of 1969" at the opening.', "2026-02-01", "en",
         "praised"),
    ],
)
def test_deadlines_comparisons_and_quoted_dates_do_not_date_the_clause(
    text: str, published: str, lang: str, word: str
) -> None:
    assert dated(text, published, lang, word) == (published, "publication")


def test_narrative_time_carries_past_events_within_a_paragraph() -> None:
    text = ("The storm hit the coast on Saturday. It flooded two villages. Rescuers evacuated "
            "300 people.\n\nThe council meets next week.")
    assert dated(text, "2026-02-10", "en", "flooded") == ("2026-02-07", "narrative")
    assert dated(text, "2026-02-10", "en", "evacuated") == ("2026-02-07", "narrative")


def test_narrative_time_stops_at_a_new_paragraph() -> None:
    text = "El temporal golpeó la costa el sábado.\n\nLos vecinos limpiaron las calles."
    assert dated(text, "2026-02-10", "es", "limpiaron") == ("2026-02-10", "publication")


def test_a_future_date_sets_no_narrative_time() -> None:
    text = "The vote will take place on June 3. The committee approved the rules."
    assert dated(text, "2026-05-01", "en", "approved") == ("2026-05-01", "publication")


def test_a_result_without_a_date_takes_the_day_the_article_is_about() -> None:
    text = ("La candidata obtuvo el 41% de los votos.\n\nEl domingo la elección terminó sin "
            "incidentes.")
    assert dated(text, "2026-05-11", "es", "obtuvo") == ("2026-05-10", "narrative")


def test_an_embedded_post_is_dated_by_its_signature_and_sets_no_narrative_time() -> None:
    text = ("Great result for our team! — Ana Ruiz (@anaruiz) March 2, 2026 The coach "
            "thanked the fans.")
    found = {e.headline: e for e in events(text, "2026-03-03", "en")}
    post = next(e for h, e in found.items() if h.startswith("@anaruiz"))
    assert (post.date, post.derivation) == ("2026-03-02", "explicit")
    assert dated(text, "2026-03-03", "en", "thanked") == ("2026-03-03", "publication")


def test_a_weekday_in_the_past_tense_is_before_publication() -> None:
    assert dated("Kast ganó el domingo.", "2025-11-17", "es", "ganó")[0] == "2025-11-16"
    assert dated("Kast votará el domingo.", "2025-11-17", "es", "votará")[0] == "2025-11-23"


def test_fuzzy_dates_keep_their_precision() -> None:
    text = "Su padre emigró a Chile a finales de los años 40. Entre 1978 y 1982 fue ministro."
    dates = {e.date for e in events(text, "2025-11-17", "es")}
    assert "1978/1982" in dates
    assert any(d.startswith("194") for d in dates)


def test_the_present_perfect_is_news_of_the_day_not_the_narrative_time() -> None:
    text = "The storm hit the coast on Saturday. The governor has declared an emergency."
    assert dated(text, "2026-02-10", "en", "declared") == ("2026-02-10", "publication")
    assert dated(text, "2026-02-10", "en", "hit") == ("2026-02-07", "relative")


def test_a_past_clause_after_a_colon_continues_the_dated_one_before_it() -> None:
    text = "Entre 1978 y 1982 fue ministro: primero dirigió Planificación y luego pasó a Trabajo."
    assert dated(text, "2025-11-17", "es", "dirigió") == ("1978/1982", "narrative")
    assert dated(text, "2025-11-17", "es", "pasó") == ("1978/1982", "narrative")


def test_wire_datelines_are_not_part_of_the_first_sentence() -> None:
    text = "MEXICO CITY (Reuters) - A new strain of flu has killed 68 people, officials said."
    (event,) = events(text, "2009-04-25", "en")
    assert event.headline.startswith("A new strain of flu has killed 68 people")
    assert event.quote.startswith("A new strain")
