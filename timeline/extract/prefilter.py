"""Where a rule can start: a cheap scan that finds the only positions worth trying a rule at.

A rule's regex usually opens with word boundaries and long alternations ("January|February|...",
"this|next|last ..."); Python's engine tries all of it at every character. Yet each match must
begin with one of a few two-character prefixes ("ja", "fe", "th", "1", "2", ...), or, when they
are few, three-character ones ("thi", "thu": never "the" or "that"). This module reads those
prefixes off the compiled pattern (``re``'s own parse tree) and looks up the positions where
words begin with them (:class:`StartIndex`); the rule is then tried there only (``finditer``).
Prefixes and positions are compared with every ASCII whitespace character read as a space, so
"a\\s+hundred" has the prefix "a h" whatever space the text has there.

The scan runs over :func:`normalized` text: lower-cased, with every character whose case
folding is not plain (anything beyond ASCII and the Latin-1 letters of Spanish and its
neighbours, "ſ", the Kelvin sign, ...) replaced by a wildcard that every prefix accepts. The
prefixes are a superset of what the rule can match, so :func:`finditer` yields exactly the
matches ``pattern.finditer`` would: same spans, same groups, in the same order. A pattern whose
start cannot be bounded this way (it may match the empty string, or open with ``\\w``, ``.``
or a negated class) gets no prefilter and is scanned as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from timeline.extract.prefixes import (
    ASCII_SPACES,
    WILD,
    WORD_CHAR,
    Start,
    case_sensitive,
    normalized,
    start_plan,
)

__all__ = [
    "WILD", "StartIndex", "case_sensitive", "finditer", "normalized", "occurs", "start_plan",
]

#: Trying a pattern at a position costs about as much as scanning this many characters.
SCAN_RATIO = 8
_ASCII_SPACE = re.compile(f"[{re.escape(ASCII_SPACES)}]")  # read as " " in the keys
_WORD_RUN = re.compile(WORD_CHAR.pattern + "+")


class StartIndex:
    """One text's positions by their first characters: where words start, by their first one,
    two or three (normalized) characters, and, built when first asked, where each character
    occurs."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.norm = normalized(text)
        self.keys = _ASCII_SPACE.sub(" ", self.norm)
        self._firsts: dict[str, list[int]] | None = None  # built from the pairs when asked
        self._pairs: dict[str, list[int]] = {}
        self._thirds: dict[str, dict[str, list[int]]] = {}
        keys, pairs = self.keys, self._pairs
        for at in [run.start() for run in _WORD_RUN.finditer(keys)]:
            pair = keys[at:at + 2]
            spots = pairs.get(pair)
            if spots is None:
                pairs[pair] = [at]
            else:
                spots.append(at)
        self._pair_keys = frozenset(pairs)
        self._chars: dict[str, list[int]] = {}
        wild = self.occurrences(WILD)
        self.plain = not wild  # every character plain: case_sensitive patterns apply
        self._wild = sorted({at - back for at in wild for back in (0, 1, 2) if at >= back})

    def occurrences(self, char: str) -> list[int]:
        found = self._chars.get(char)
        if found is None:
            found = [m.start() for m in re.finditer(re.escape(char), self.keys)]
            self._chars[char] = found
        return found

    def _by_first(self) -> dict[str, list[int]]:
        """Where words start, by their first character (each list in no particular order)."""
        if self._firsts is None:
            self._firsts = {}
            for pair, spots in self._pairs.items():
                self._firsts.setdefault(pair[0], []).extend(spots)
        return self._firsts

    def _by_third(self, pair: str) -> dict[str, list[int]]:
        """The words starting with ``pair``, by their third character."""
        found = self._thirds.get(pair)
        if found is None:
            found = {}
            keys = self.keys
            for at in self._pairs.get(pair, ()):
                found.setdefault(keys[at + 2 : at + 3], []).append(at)
            self._thirds[pair] = found
        return found

    def candidates(self, plan: tuple[Start, ...]) -> list[int] | None:
        """Every position where a match of the plan's pattern may start, in order; None when
        they are so many that scanning the whole text is cheaper. The plan's word starts are
        looked up only among the text's own (a set intersection: :class:`_Lookups`)."""
        return self._candidates(_lookups(plan))

    def _candidates(self, look: _Lookups) -> list[int] | None:
        found: list[int] = list(self._wild)
        pairs, keys = self._pairs, self.keys
        for pair in look.pairs & self._pair_keys:
            found += pairs[pair]
        for pair in look.third_pairs & self._pair_keys:
            by_third = self._by_third(pair)
            for third in look.thirds_of[pair]:
                found += by_third.get(third, ())
        firsts = self._by_first() if look.firsts else {}
        for first in look.firsts:
            found += firsts.get(first, ())
        for start, tails in look.scans:
            spots = self.occurrences(start)
            found += spots if tails is None else [
                at for at in spots if keys.startswith(tails, at + 1)]
        if len(found) * SCAN_RATIO > len(keys):
            return None
        return sorted(set(found))


@dataclass(frozen=True, slots=True)
class _Lookups:
    """A plan's starts by how a text's :class:`StartIndex` finds them: word starts by their
    first two characters (any third, or one of ``thirds_of[pair]``) or by their first one, and
    characters found anywhere (``scans``: with what may follow them, or None for anything)."""

    pairs: frozenset[str]
    thirds_of: dict[str, tuple[str, ...]]
    third_pairs: frozenset[str]
    firsts: tuple[str, ...]
    scans: tuple[tuple[str, tuple[str, ...] | None], ...]


def _lookups_of(plan: tuple[Start, ...]) -> _Lookups:
    pairs = frozenset(s for s, tails, guarded in plan if guarded and len(s) == 2 and tails is None)
    thirds_of = {s: tails for s, tails, guarded in plan
                 if guarded and len(s) == 2 and tails is not None}
    firsts = tuple(s for s, _, guarded in plan if guarded and len(s) != 2)
    scans = tuple((s, tails) for s, tails, guarded in plan if not guarded)
    return _Lookups(pairs, thirds_of, frozenset(thirds_of), firsts, scans)


#: What is worked out once per pattern (and per plan), kept by the object's identity: hashing a
#: compiled pattern hashes its whole program, microseconds for a grammar's long alternations,
#: and the rules are tried tens of thousands of times. Each entry holds its key object, so an id
#: is never reused while kept; at most ``_MAX_KEPT`` are (then all are forgotten).
_MAX_KEPT = 4_096
_BY_PLAN: dict[int, tuple[tuple[Start, ...], _Lookups]] = {}
_BY_PATTERN: dict[int, tuple[re.Pattern[str], _Lookups | None, re.Pattern[str] | None]] = {}


def _lookups(plan: tuple[Start, ...]) -> _Lookups:
    kept = _BY_PLAN.get(id(plan))
    if kept is None or kept[0] is not plan:
        if len(_BY_PLAN) >= _MAX_KEPT:
            _BY_PLAN.clear()
        kept = _BY_PLAN[id(plan)] = (plan, _lookups_of(plan))
    return kept[1]


def _prepared(pattern: re.Pattern[str]) -> tuple[_Lookups | None, re.Pattern[str] | None]:
    """The pattern's start lookups (None: not prefiltered) and its case-sensitive twin."""
    kept = _BY_PATTERN.get(id(pattern))
    if kept is None or kept[0] is not pattern:
        plan = start_plan(pattern)
        if len(_BY_PATTERN) >= _MAX_KEPT:
            _BY_PATTERN.clear()
        kept = _BY_PATTERN[id(pattern)] = (
            pattern, None if plan is None else _lookups(plan), case_sensitive(pattern))
    return kept[1], kept[2]


def finditer(pattern: re.Pattern[str], index: StartIndex) -> Iterator[re.Match[str]]:
    """``pattern.finditer(index.text)``, trying the pattern only where it may start, and
    case-sensitively on the normalized text when that is the same (:func:`case_sensitive`;
    a match found so is matched again on the text, for its groups as written)."""
    look, sensitive = _prepared(pattern)
    starts = None if look is None else index._candidates(look)
    fast = sensitive if index.plain else None
    text, norm = index.text, index.norm
    if starts is None:
        if fast is None:
            yield from pattern.finditer(text)
        else:
            yield from _matched(pattern, text, (m.start() for m in fast.finditer(norm)))
        return
    resume = 0
    for at in starts:
        if at < resume:
            continue
        m = pattern.match(text, at) if fast is None or fast.match(norm, at) else None
        if m is not None:
            yield m
            resume = m.end()


def occurs(pattern: re.Pattern[str], index: StartIndex) -> bool:
    """Whether ``pattern.search(index.text)`` finds anything, searched case-sensitively on the
    normalized text when that is the same (:func:`case_sensitive`: a case-folding scan for
    literals is several times slower than a case-sensitive one)."""
    fast = _prepared(pattern)[1] if index.plain else None
    if fast is None:
        return pattern.search(index.text) is not None
    return fast.search(index.norm) is not None


def _matched(pattern: re.Pattern[str], text: str,
             starts: Iterator[int]) -> Iterator[re.Match[str]]:
    for at in starts:
        m = pattern.match(text, at)
        if m is not None:
            yield m
