"""The full names the archive already knows, so a new article's "Kast" can be the archive's
"José Antonio Kast" (one name per actor across the archive, not only within an article)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from timeline.projections.fts import tokens

if TYPE_CHECKING:
    from timeline.archive import Archive

#: At most this many distinct words are looked up, and this many entries read, per article.
MAX_WORDS = 200
MAX_ROWS = 2_000
_CAPITALISED = re.compile(r"(?<![\w@])[A-ZÁÉÍÓÚÑÜ][\w'’-]+")


def name_words(text: str) -> list[str]:
    """The capitalised words of a text, folded as the actor index folds them."""
    return sorted({w for m in _CAPITALISED.finditer(text) for w in tokens(m.group())})


def known_actors(archive: Archive, words: Iterable[str]) -> frozenset[str]:
    """Actor names of two words or more, in the current read model, that hold one of ``words``
    as a whole word (an index lookup on ``tl_actor_words``)."""
    wanted = sorted(set(words))[:MAX_WORDS]
    if not wanted:
        return frozenset()
    marks = ",".join("?" * len(wanted))
    rows = archive.log.conn.execute(
        f"SELECT DISTINCT e.actors FROM tl_entries e WHERE e.entry_id IN "  # noqa: S608
        f"(SELECT entry_id FROM tl_actor_words WHERE word IN ({marks})) LIMIT ?",
        [*wanted, MAX_ROWS],
    )
    found: set[str] = set()
    lookup = set(wanted)
    for (actors,) in rows:
        for actor, count, words_of in _names(actors):
            if count > 1 and not lookup.isdisjoint(words_of):
                found.add(actor)
    return frozenset(found)


@lru_cache(maxsize=16_384)
def _names(actors: str) -> tuple[tuple[str, int, frozenset[str]], ...]:
    """Each actor of an entry's ``actors`` column with how many words its name has and which
    (folded); the same lists recur across entries and articles, so each is decoded once."""
    return tuple(_name(actor) for actor in json.loads(actors))


def _name(actor: str) -> tuple[str, int, frozenset[str]]:
    words = tokens(actor)
    return actor, len(words), frozenset(words)
