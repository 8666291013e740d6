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

from timeline.extract.prefixes import (
    ASCII_SPACES,
    WILD,
    WORD_CHAR,
    Start,
    case_sensitive,
    normalized,
    start_plan,
)

__all__ = ["WILD", "StartIndex", "case_sensitive", "finditer", "normalized", "start_plan"]

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
        self._firsts: dict[str, list[int]] = {}
        self._pairs: dict[str, list[int]] = {}
        self._thirds: dict[str, dict[str, list[int]]] = {}
        keys = self.keys
        for run in _WORD_RUN.finditer(keys):
            at = run.start()
            self._firsts.setdefault(keys[at], []).append(at)
            self._pairs.setdefault(keys[at:at + 2], []).append(at)
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
        they are so many that scanning the whole text is cheaper."""
        found: list[int] = list(self._wild)
        keys = self.keys
        for start, tails, guarded in plan:
            if not guarded:
                spots = self.occurrences(start)
                found += spots if tails is None else [
                    at for at in spots if keys.startswith(tails, at + 1)]
            elif len(start) == 2:
                if tails is None:
                    found += self._pairs.get(start, ())
                else:
                    by_third = self._by_third(start)
                    for third in tails:
                        found += by_third.get(third, ())
            else:
                found += self._firsts.get(start, ())
        if len(found) * SCAN_RATIO > len(keys):
            return None
        return sorted(set(found))


def finditer(pattern: re.Pattern[str], index: StartIndex) -> Iterator[re.Match[str]]:
    """``pattern.finditer(index.text)``, trying the pattern only where it may start, and
    case-sensitively on the normalized text when that is the same (:func:`case_sensitive`;
    a match found so is matched again on the text, for its groups as written)."""
    plan = start_plan(pattern)
    starts = None if plan is None else index.candidates(plan)
    fast = case_sensitive(pattern) if index.plain else None
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


def _matched(pattern: re.Pattern[str], text: str,
             starts: Iterator[int]) -> Iterator[re.Match[str]]:
    for at in starts:
        m = pattern.match(text, at)
        if m is not None:
            yield m
