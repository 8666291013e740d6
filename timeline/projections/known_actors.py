"""The full names the archive already knows, so a new article's "Kast" can be the archive's
"José Antonio Kast" (one name per actor across the archive, not only within an article).

Names are looked up by word (``tl_actor_words``) and the names found for each word are kept,
per log, for as long as the read model stays where it was (its projection checkpoints
unchanged): the articles of an ingest batch, projected once at the batch's end, each look up
only the words no article of the batch looked up before, so a word as common as the story's
own ("H1N1") is read once a batch, not once an article."""

from __future__ import annotations

import re
import sqlite3
import weakref
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from timeline.projections.fts import tokens

if TYPE_CHECKING:
    from timeline.archive import Archive

#: At most this many distinct words (the first, in sorted order) are looked up per article.
MAX_WORDS = 200
#: Words per lookup query (SQLite's bound-parameter limit is far above it).
_CHUNK = 500
_CAPITALISED = re.compile(r"(?<![\w@])[A-ZÁÉÍÓÚÑÜ][\w'’-]+")
_NAMES_OF_WORDS = (
    "SELECT DISTINCT w.word, json_extract(e.actors, '$[' || w.actor || ']')"
    " FROM tl_actor_words w JOIN tl_entries e ON e.entry_id = w.entry_id"
    " WHERE w.word IN ({marks})"
)
_READ_MODEL_STATE = (
    "SELECT name, position, version, updated_at FROM projection_checkpoints ORDER BY name"
)


def name_words(text: str) -> list[str]:
    """The capitalised words of a text, folded as the actor index folds them."""
    return sorted({w for word in set(_CAPITALISED.findall(text)) for w in _folded(word)})


@lru_cache(maxsize=65_536)
def _folded(word: str) -> tuple[str, ...]:
    """``tokens`` of one capitalised word (names recur across articles, so kept)."""
    return tuple(tokens(word))


class KnownNames:
    """Known full names (two words or more) by folded word, for one read-model connection;
    forgotten whenever the read model's projection checkpoints move."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._state: tuple[Any, ...] | None = None
        self._by_word: dict[str, frozenset[str]] = {}

    def lookup(self, words: Iterable[str]) -> frozenset[str]:
        """Names holding one of the first ``MAX_WORDS`` of ``words`` (sorted) as a word."""
        wanted = sorted(set(words))[:MAX_WORDS]
        if not wanted:
            return frozenset()
        self._forget_if_moved()
        missing = [w for w in wanted if w not in self._by_word]
        for start in range(0, len(missing), _CHUNK):
            self._fetch(missing[start:start + _CHUNK])
        by_word = self._by_word
        return frozenset().union(*(by_word[w] for w in wanted))

    def _forget_if_moved(self) -> None:
        state = tuple(tuple(row) for row in self._conn.execute(_READ_MODEL_STATE))
        if state != self._state:
            self._by_word.clear()
            self._state = state

    def _fetch(self, words: list[str]) -> None:
        found: dict[str, set[str]] = {w: set() for w in words}
        sql = _NAMES_OF_WORDS.format(marks=",".join("?" * len(words)))
        for word, name in self._conn.execute(sql, words):
            if isinstance(name, str) and _word_count(name) > 1:
                found[word].add(name)
        self._by_word.update((w, frozenset(names)) for w, names in found.items())


#: One KnownNames per open log (its read-model connection), dropped with the log.
_PER_LOG: weakref.WeakKeyDictionary[Any, KnownNames] = weakref.WeakKeyDictionary()


def known_actors(archive: Archive, words: Iterable[str]) -> frozenset[str]:
    """Actor names of two words or more, in the current read model, that hold one of ``words``
    as a whole word (an index lookup on ``tl_actor_words``, kept until the read model moves)."""
    names = _PER_LOG.get(archive.log)
    if names is None:
        names = _PER_LOG[archive.log] = KnownNames(archive.log.conn)
    return names.lookup(words)


@lru_cache(maxsize=65_536)
def _word_count(name: str) -> int:
    """How many words a name has, folded (repeats count: "Juan Juan" has two)."""
    return len(tokens(name))
