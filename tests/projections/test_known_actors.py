"""``known_actors``: the archive's full names (two words or more) holding a word of the text."""

from __future__ import annotations

from tests.projections.builders import stepping_clock
from tests.projections.strategies import DATES, Writer
from timeline.archive import Archive
from timeline.projections.known_actors import known_actors

EXTRA = {"places": [], "salience": 0.5, "kind": "vote", "derivation": "explicit"}


def test_full_names_holding_a_word_are_known_each_time_they_are_asked() -> None:
    with Archive.open(":memory:", clock=stepping_clock()) as archive:
        specs = [("Votación", DATES[0], EXTRA | {"actors": actors})
                 for actors in (["José Antonio Kast", "Kast"], ["Juan Juan"], ["Boric"])]
        Writer(archive.log).apply(("article", 1, specs))
        archive.catch_up()
        for _ in range(2):  # the second time from the decoded names kept
            assert known_actors(archive, ["kast"]) == {"José Antonio Kast"}
            assert known_actors(archive, ["juan"]) == {"Juan Juan"}  # two words, one repeated
            assert known_actors(archive, ["boric", "antonio"]) == {"José Antonio Kast"}
            assert known_actors(archive, ["nadie"]) == frozenset()
