"""The actor filter finds a person by any name he goes by: every word of the filter is a whole
word of one actor's name, ignoring case and accents, live and "as of" alike."""

from __future__ import annotations

import pytest

from tests.projections.builders import append_article
from timeline.archive import Archive
from timeline.errors import InvalidInput
from timeline.projections.filters import actor_words, names_actor
from timeline.projections.queries import EventQuery, find_entries

ENTRIES = [
    ("Kast gana", "2025-12-14", "day", {"actors": ["José Antonio Kast"]}),
    ("Kastner compra", "2025-12-15", "day", {"actors": ["Kastner Group"]}),
    ("Bachelet y Kast", "2025-12-16", "day",
     {"actors": ["Michelle Bachelet", "José Antonio Kast"]}),
    ("Acuerdo", "2025-12-17", "day", {"actors": ["Ana Ruiz", "Kast-Rist Ltda."]}),
]


@pytest.fixture
def named(archive: Archive) -> Archive:
    append_article(archive.log, "a1", 1, ENTRIES)
    archive.catch_up()
    return archive


@pytest.mark.parametrize(("actor", "expected"), [
    ("Kast", ["Kast gana", "Bachelet y Kast", "Acuerdo"]),
    ("KAST", ["Kast gana", "Bachelet y Kast", "Acuerdo"]),
    ("José Antonio Kast", ["Kast gana", "Bachelet y Kast"]),
    ("jose antonio kast", ["Kast gana", "Bachelet y Kast"]),
    ("Antonio", ["Kast gana", "Bachelet y Kast"]),
    ("Kast José", ["Kast gana", "Bachelet y Kast"]),
    ("Kastner", ["Kastner compra"]),
    ("Kas", []),
    ("Bachelet Kast", []),  # two people, not one name
    ("Ruiz", ["Acuerdo"]),
])
def test_an_actor_is_found_by_any_whole_word_of_the_name(named: Archive, actor: str,
                                                          expected: list[str]) -> None:
    for as_of in (None, named.log.head().recorded_at):
        page = find_entries(named, EventQuery(actor=actor, as_of=as_of))
        assert [e.headline for e in page.entries] == expected


@pytest.mark.parametrize(("actor", "words"), [
    ("José Antonio Kast", ("antonio", "jose", "kast")), ("  Kast  kast ", ("kast",)),
    ("", None), (None, None),
])
def test_actor_words_are_folded_and_deduplicated(actor: str | None,
                                                 words: tuple[str, ...] | None) -> None:
    assert actor_words(actor) == words


@pytest.mark.parametrize("actor", ["!!", "—", "&"])
def test_an_actor_filter_without_a_word_is_refused(named: Archive, actor: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        find_entries(named, EventQuery(actor=actor))
    assert caught.value.field == "actor"


def test_the_actor_filter_looks_words_up_in_their_index(named: Archive) -> None:
    from timeline.projections.queries import resolve
    from timeline.projections.sqlquery import matching_sql

    sql, params, _ = matching_sql("e.entry_id", resolve(EventQuery(actor="José Kast")))
    plan = " ".join(row[3] for row in named.log.conn.execute("EXPLAIN QUERY PLAN " + sql, params))
    assert "SEARCH tl_actor_words USING PRIMARY KEY (word=?)" in plan


def test_the_python_rule_needs_all_words_in_one_name() -> None:
    actors = ("Michelle Bachelet", "José Antonio Kast")
    assert names_actor(actors, ("kast",)) and names_actor(actors, ("jose", "kast"))
    assert not names_actor(actors, ("bachelet", "kast"))
