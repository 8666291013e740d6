"""The full names the archive already knows, so a new article's "Kast" can be the archive's
"José Antonio Kast" (one name per actor across the archive, not only within an article).

Names are looked up by word (``tl_actor_words``) and the names found for each word are kept,
per log: the articles of an ingest batch, projected once at the batch's end, each look up only
the words no article looked up before, so a word as common as the story's own ("H1N1") is read
once, not once an article. When the read model moves on (its projections at the same versions,
none behind where it was), the kept words take the names of the entries changed since
(``tl_entry_versions``, by position): an entry's actors are set when it is extracted and never
change, and no entry leaves the read model, so the names holding a word only grow, and a
word's names are found without reading again every entry that names it. Any other change (a
projection reset or behind) forgets every word, as does holding more than ``MAX_KEPT_WORDS``."""

from __future__ import annotations

import json
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
#: Words kept per log at most (past it, all are forgotten and looked up again as asked).
MAX_KEPT_WORDS = 100_000
_CAPITALISED = re.compile(r"(?<![\w@])[A-ZÁÉÍÓÚÑÜ][\w'’-]+")
_NAMES_OF_WORDS = (
    "SELECT DISTINCT w.word, json_extract(e.actors, '$[' || w.actor || ']')"
    " FROM tl_actor_words w JOIN tl_entries e ON e.entry_id = w.entry_id"
    " WHERE w.word IN ({marks})"
)
_READ_MODEL_STATE = (
    "SELECT name, position, version, updated_at FROM projection_checkpoints ORDER BY name"
)
#: The actors of every entry changed after a position (each list of actors once).
_ACTORS_CHANGED_SINCE = (
    "SELECT DISTINCT e.actors FROM tl_entry_versions v JOIN tl_entries e"
    " ON e.entry_id = v.entry_id WHERE v.position > ?"
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
        if state == self._state:
            return
        since = _moved_on_from(self._state, state)
        if since is None or len(self._by_word) > MAX_KEPT_WORDS:
            self._by_word.clear()
        elif self._by_word:
            self._add_changed_since(since)
        self._state = state

    def _add_changed_since(self, position: int) -> None:
        """Add to the kept words the names of the entries changed after ``position``."""
        by_word = self._by_word
        added: dict[str, set[str]] = {}
        for (actors,) in self._conn.execute(_ACTORS_CHANGED_SINCE, (position,)):
            for name in json.loads(actors):
                if not isinstance(name, str) or _word_count(name) < 2:
                    continue
                for word in _name_words(name):
                    if word in by_word:
                        added.setdefault(word, set()).add(name)
        for word, names in added.items():
            by_word[word] = by_word[word] | names

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


def _moved_on_from(old: tuple[Any, ...] | None, new: tuple[Any, ...]) -> int | None:
    """The position the read model moved on from (its projections' lowest then), when it only
    moved on: the same projections at the same versions, none behind; else None."""
    if not old or [(r[0], r[2]) for r in old] != [(r[0], r[2]) for r in new]:
        return None
    if any(n[1] < o[1] for o, n in zip(old, new, strict=True)):
        return None
    return min(int(r[1]) for r in old)


@lru_cache(maxsize=65_536)
def _name_words(name: str) -> frozenset[str]:
    """The words ``tl_actor_words`` holds for an actor's name (see fts.tokens)."""
    return frozenset(tokens(name))


@lru_cache(maxsize=65_536)
def _word_count(name: str) -> int:
    """How many words a name has, folded (repeats count: "Juan Juan" has two)."""
    return len(tokens(name))
