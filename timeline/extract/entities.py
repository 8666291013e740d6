"""Names in the article, as actors (people, organisations) or places, one name per entity.

Within an article a surname or given name stands for the fuller person-like name (at most
three words, or with a particle) that ends or begins with it ("Kast" -> "José Antonio Kast",
"Steve" -> "Steve Jobs"); when several could (Michael Kast, José Antonio Kast) the one named
most often wins, then the first named. A name the article never spells out in full takes the
full name the archive knows (``Document.known_actors``), when exactly one fits. An @handle that
spells a name ("@joseantoniokast") is that name. Names are then split into places (see
``timeline.extract.places``) and actors.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from functools import lru_cache

from timeline.extract.actors import CONNECTORS, TITLES, find_names, title_before
from timeline.extract.document import Document, Mention
from timeline.extract.places import is_place
from timeline.extract.verbs import finite_tense

_MAX_NAME_WORDS = 3
_CLITICS = frozenset({"se", "le", "les", "lo", "la", "me", "nos"})
_OF = frozenset({"de", "del", "of"})
_LOCATIVE = frozenset({"en", "in", "at", "desde", "hacia", "from", "near"})
_WORD = re.compile(r"[\w'’-]+")
_APPOSITION = re.compile(r",\s+(?:(?:el|la|the|a|an)\s+)?(\w+)(?:\s+(\w+))?")


def find_entities(doc: Document) -> Document:
    """The mention layer: every name with its kind and canonical name."""
    raw: list[tuple[int, int, str]] = []
    for sentence in doc.sentences:
        text = doc.text[sentence.start : sentence.end]
        for a, b, name in find_names(text, doc.lang):
            if len(name) > 1 and not _quoted(doc, sentence.start + a):
                raw.extend(_place_first(sentence.start + a, sentence.start + b, name))
    raw = _without_capitalised_words(doc, raw)
    located = _located(doc, raw)
    canonical = canonical_names([name for _, _, name in raw if name not in located],
                                known=doc.known_actors)
    mentions = []
    for start, end, name in raw:
        full = canonical.get(name, name)
        place = name in located or full in located or is_place(full) or is_place(name)
        mentions.append(Mention(start, end, "place" if place else "actor", full))
    return doc.with_layer(mentions=tuple(mentions))


def _place_first(start: int, end: int, name: str) -> list[tuple[int, int, str]]:
    """"UK Chris Hunt" (a run across a missing full stop): the place, then the name."""
    first, _, rest = name.partition(" ")
    if len(rest.split()) >= 2 and is_place(first) and not is_place(name):
        return [(start, start + len(first), first), (end - len(rest), end, rest)]
    return [(start, end, name)]


def _without_capitalised_words(
    doc: Document, raw: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """Drop a single word that opens a sentence and is never capitalised inside one
    ("Passenger trains returned"), unless a verb follows it ("Kast votó") or the archive knows
    it as part of a name."""
    starts = {s.start for s in doc.sentences}
    named = {w for start, _, name in raw if start not in starts or " " in name
             for w in _words(name)}.union(*map(_words, doc.known_actors))
    kept = []
    for found in raw:
        start, end, name = found
        if " " in name or start not in starts or name.casefold() in named:
            kept.append(found)
        elif _verb_follows(doc, end) and not (doc.lang == "en" and name.endswith("s")):
            kept.append(found)  # "Kast votó", but not "Crews repaired"
    return kept


def _verb_follows(doc: Document, end: int) -> bool:
    i = bisect_right(doc.tokens, end, key=lambda t: t.start)
    words = [t.text for t in doc.tokens[i : i + 2]]
    if not words:
        return False
    return words[0].lower() in _CLITICS or finite_tense(words, 0, doc.lang, False) is not None


def _located(doc: Document, raw: list[tuple[int, int, str]]) -> set[str]:
    """Names the article mostly uses as a location ("en Villa Serrana", "in Lower Mill")."""
    seen: Counter[str] = Counter()
    located: Counter[str] = Counter()
    for start, _, name in raw:
        seen[name] += 1
        before = doc.text[max(0, start - 12) : start].lower().split()
        located[name] += bool(before) and before[-1] in _LOCATIVE
    return {name for name, n in located.items() if n and 2 * n >= seen[name]}


def _quoted(doc: Document, offset: int) -> bool:
    """Names inside quotation marks are someone's words, not the article's naming."""
    token = doc.token_at(offset)
    return token is not None and token.quoted


def canonical_names(names: list[str], known: tuple[str, ...] = ()) -> dict[str, str]:
    """For each name, the fullest name in ``names`` that it stands for; else the one name in
    ``known`` (names from beyond the article) it stands for; else itself."""
    counts = Counter(names)
    order = {name: i for i, name in reversed(list(enumerate(names)))}
    distinct = sorted(counts, key=lambda n: (-counts[n], order[n]))
    words = {name: _words(name) for name in distinct}
    folded = {name: _squash(name) for name in distinct}
    by_word: dict[str, list[str]] = {}
    for name in distinct:
        for word in set(words[name]):
            by_word.setdefault(word, []).append(name)
    result: dict[str, str] = {}
    for name in distinct:
        fuller = [other for other in _candidates(name, words[name], by_word, distinct)
                  if other != name
                  and _stands_for(name, words[name], folded[name], words[other], folded[other])]
        result[name] = max(fuller, key=lambda o: (counts[o], -order[o]), default=name)
    return _with_known(result, words, folded, known)


def _with_known(
    result: dict[str, str], words: dict[str, tuple[str, ...]], folded: dict[str, str],
    known: tuple[str, ...],
) -> dict[str, str]:
    """Names still standing for themselves take the one known name they stand for. Known
    names are indexed by first word, last word and squashed spelling, the only ways a name can
    stand for another, so each name is compared with a few known names, not all of them."""
    if not known:
        return result
    index = _KnownIndex(known)
    for name, full in result.items():
        if full != name:
            continue
        matches = [k for k in index.candidates(name, words[name], folded[name]) if k != name
                   and _stands_for(name, words[name], folded[name], index.words[k],
                                   index.squashed(k))]
        if len(matches) == 1:
            result[name] = matches[0]
    return result


class _KnownIndex:
    """Known names by the words a shorter name or an @handle could match them on."""

    def __init__(self, known: tuple[str, ...]) -> None:
        self.order = {k: i for i, k in enumerate(known)}
        self.words = {k: _words(k) for k in known}
        self._squashed: dict[str, str] = {}
        self._by_squash: dict[str, list[str]] | None = None
        self.by_first: dict[str, list[str]] = {}
        self.by_last: dict[str, list[str]] = {}
        for k, theirs in self.words.items():
            if theirs:
                self.by_first.setdefault(theirs[0], []).append(k)
                self.by_last.setdefault(theirs[-1], []).append(k)

    def squashed(self, k: str) -> str:
        if k not in self._squashed:
            self._squashed[k] = _squash(k)
        return self._squashed[k]

    def candidates(self, name: str, mine: tuple[str, ...], squashed: str) -> list[str]:
        """Known names ``name`` may stand for, in their known order."""
        if name.startswith("@"):
            if self._by_squash is None:
                self._by_squash = {}
                for k in self.words:
                    self._by_squash.setdefault(self.squashed(k), []).append(k)
            return self._by_squash.get(squashed[1:], [])
        if not mine:
            return []
        found = set(self.by_last.get(mine[-1], ()))
        if len(mine) == 1:
            found.update(self.by_first.get(mine[0], ()))
        return sorted(found, key=self.order.__getitem__)


def _candidates(
    name: str, mine: tuple[str, ...], by_word: dict[str, list[str]], distinct: list[str]
) -> list[str]:
    """Names sharing a word with ``name`` (every name, for an @handle)."""
    if name.startswith("@") or not mine:
        return distinct
    return by_word.get(mine[-1], []) + (by_word.get(mine[0], []) if len(mine) == 1 else [])


def _stands_for(
    name: str, mine: tuple[str, ...], squashed: str, theirs: tuple[str, ...], their_squash: str
) -> bool:
    if name.startswith("@"):
        return squashed[1:] == their_squash and len(theirs) > 1
    if len(mine) >= len(theirs) or not mine or not _person_like(theirs):
        return False
    if theirs[-len(mine) :] == mine:  # a surname, unless it is "... de Puerto Almendral"
        return theirs[-len(mine) - 1] not in _OF
    return len(mine) == 1 and theirs[0] == mine[0]


def _person_like(words: tuple[str, ...]) -> bool:
    """A name short enough to be a person's, or one with a particle ("Ursula von der Leyen")."""
    return len(words) <= _MAX_NAME_WORDS or any(w in CONNECTORS for w in words)


@lru_cache(maxsize=8192)
def _words(name: str) -> tuple[str, ...]:
    return tuple(w.casefold() for w in _WORD.findall(name))


def _squash(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if c.isalnum() or c == "@")


def roles(doc: Document) -> dict[str, str]:
    """Titles the article gives an actor, before the name ("el presidente Javier Milei") or in
    apposition after it ("José Antonio Kast, candidato a ..."): title -> canonical name."""
    found: dict[str, str] = {}
    for mention in doc.mentions:
        if mention.kind != "actor":
            continue
        before = doc.text[max(0, mention.start - 60) : mention.start]
        title = title_before(before, len(before))
        after = _APPOSITION.match(doc.text, mention.end)
        following = [w.lower() for w in after.groups() if w] if after else []
        for word in (title, *following):
            if word is not None and word in TITLES:
                found.setdefault(word, mention.name)
    return found
