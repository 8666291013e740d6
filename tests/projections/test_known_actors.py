"""``known_actors``: the archive's full names (two words or more) holding a word of the text,
kept per word until the read model moves."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.projections.builders import stepping_clock
from tests.projections.strategies import ACTORS, DATES, Writer, ops
from timeline.archive import Archive
from timeline.projections.fts import tokens
from timeline.projections.known_actors import MAX_WORDS, KnownNames, known_actors

EXTRA = {"places": [], "salience": 0.5, "kind": "vote", "derivation": "explicit"}


def _file(archive: Archive, n: int, *actor_lists: list[str]) -> None:
    specs = [("Votación", DATES[0], EXTRA | {"actors": actors}) for actors in actor_lists]
    Writer(archive.log).apply(("article", n, specs))


def _scan(archive: Archive, words: list[str]) -> frozenset[str]:
    """The definition, by brute force: every known name of 2+ words holding a wanted word."""
    wanted = set(sorted(set(words))[:MAX_WORDS])
    rows = archive.log.conn.execute("SELECT actors FROM tl_entries")
    return frozenset(name for (actors,) in rows for name in json.loads(actors)
                     if len(tokens(name)) > 1 and wanted & set(tokens(name)))


def test_full_names_holding_a_word_are_known_each_time_they_are_asked() -> None:
    with Archive.open(":memory:", clock=stepping_clock()) as archive:
        _file(archive, 1, ["José Antonio Kast", "Kast"], ["Juan Juan"], ["Boric"])
        archive.catch_up()
        for _ in range(2):  # the second time from the names kept
            assert known_actors(archive, ["kast"]) == {"José Antonio Kast"}
            assert known_actors(archive, ["juan"]) == {"Juan Juan"}  # two words, one repeated
            assert known_actors(archive, ["boric", "antonio"]) == {"José Antonio Kast"}
            assert known_actors(archive, ["nadie"]) == frozenset()


def test_names_projected_after_a_lookup_are_found_by_the_next() -> None:
    with Archive.open(":memory:", clock=stepping_clock()) as archive:
        _file(archive, 1, ["José Antonio Kast"])
        archive.catch_up()
        assert known_actors(archive, ["kast", "jara"]) == {"José Antonio Kast"}
        _file(archive, 2, ["Jeannette Jara", "Michael Kast"])
        assert known_actors(archive, ["jara"]) == frozenset()  # not projected yet
        archive.catch_up()
        assert known_actors(archive, ["kast", "jara"]) == {
            "José Antonio Kast", "Michael Kast", "Jeannette Jara"}


def test_only_the_first_words_in_sorted_order_are_looked_up() -> None:
    with Archive.open(":memory:", clock=stepping_clock()) as archive:
        _file(archive, 1, ["Aa Bb"], ["Zz Yy"])
        archive.catch_up()
        filler = [f"m{i:04d}" for i in range(MAX_WORDS)]
        assert known_actors(archive, [*filler, "aa", "zz"]) == {"Aa Bb"}


def test_same_names_as_scanning_every_entry() -> None:
    lists = [["Ana María Pérez", "Pérez"], ["Luis Pérez Soto"], ["Ana Ruiz", "Soto"],
             ["O'Higgins Riquelme"], ["Jean-Luc Picard", "Ana"]]
    with Archive.open(":memory:", clock=stepping_clock()) as archive:
        _file(archive, 1, *lists)
        archive.catch_up()
        names = KnownNames(archive.log.conn)
        for words in (["perez"], ["ana", "soto"], ["higgins"], ["picard", "luc"], ["x"]):
            assert names.lookup(words) == _scan(archive, words)


def test_name_words_are_the_folded_words_of_capitalised_words() -> None:
    from timeline.projections.fts import tokens
    from timeline.projections.known_actors import name_words

    text = "Ayer José Álvarez-Ruiz habló con la OMS; el ministro Álvarez-Ruiz calló. @kast no."
    assert name_words(text) == sorted(set(tokens("Ayer José Álvarez-Ruiz OMS")))
    assert name_words(text) == name_words(text)  # and the same from the kept foldings


def test_words_kept_take_the_names_projected_since_without_being_read_again(
        monkeypatch: pytest.MonkeyPatch) -> None:
    with Archive.open(":memory:", clock=stepping_clock()) as archive:
        _file(archive, 1, ["José Antonio Kast"])
        archive.catch_up()
        names = KnownNames(archive.log.conn)
        assert names.lookup(["kast", "jara"]) == {"José Antonio Kast"}
        _file(archive, 2, ["Jeannette Jara", "Michael Kast"], ["Ana Kast Ruiz"])
        archive.catch_up()
        fetched: list[list[str]] = []
        monkeypatch.setattr(names, "_fetch", fetched.append)
        assert names.lookup(["kast", "jara"]) == {
            "José Antonio Kast", "Michael Kast", "Jeannette Jara", "Ana Kast Ruiz"}
        assert fetched == []  # both kept, brought forward by the entries changed since


def test_a_rebuilt_read_model_gives_the_same_names() -> None:
    with Archive.open(":memory:", clock=stepping_clock()) as archive:
        _file(archive, 1, ["José Antonio Kast"], ["Luis Pérez Soto"])
        archive.catch_up()
        names = KnownNames(archive.log.conn)
        assert names.lookup(["kast", "soto"]) == _scan(archive, ["kast", "soto"])
        archive.projector.rebuild()
        _file(archive, 2, ["Ana Soto Kast"])
        archive.catch_up()
        assert names.lookup(["kast", "soto"]) == _scan(archive, ["kast", "soto"])


@settings(max_examples=40, deadline=None)
@given(st.lists(ops, min_size=1, max_size=4))
def test_kept_names_are_those_of_a_scan_after_every_catch_up(rounds: list[list[Any]]) -> None:
    words = sorted({w for name in ACTORS for w in tokens(name)} | {"nadie"})
    with Archive.open(":memory:", clock=stepping_clock()) as archive:
        names, writer = KnownNames(archive.log.conn), Writer(archive.log)
        for operations in rounds:
            for operation in operations:
                writer.apply(operation)
            archive.catch_up()
            for some in (words[::2], words[1::2], words):
                assert names.lookup(some) == _scan(archive, some)
