"""The rule engine: compiled regexes whose handlers turn a match into a TIMEX3 value.

A language is a tuple of :class:`Rule`. Every rule finds its matches in the whole text (tried
only where its pattern can start: ``prefilter``); the longest non-overlapping hits win
(earlier rules break ties), so specific rules simply match more text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from timeline.extract.prefilter import StartIndex, finditer, occurs
from timeline.extract.tense import TenseIndex
from timeline.model import Derivation


@dataclass(frozen=True, slots=True)
class Ctx:
    """What a handler may look at: the text, its creation date and its tenses."""

    text: str
    dct: date
    tense: TenseIndex

    def tense_at(self, m: re.Match[str]) -> int | None:
        return self.tense.at(m.start(), m.end())


@dataclass(frozen=True, slots=True)
class Hit:
    """A normalised expression before it becomes a Timex (span from the match; ``start``, when
    set, moves its start left over words the pattern did not need to match: "el pasado")."""

    type: str
    value: str
    mod: str | None = None
    derivation: Derivation = "relative"
    start: int | None = None


Handler = Callable[[re.Match[str], Ctx], Hit | None]


@dataclass(frozen=True, slots=True)
class Rule:
    """A pattern and its handler; ``needs`` is a cheap pattern that must occur somewhere in the
    text for the rule to run at all ("vez|veces" for "dos veces al año")."""

    name: str
    pattern: re.Pattern[str]
    handler: Handler
    needs: re.Pattern[str] | None = None


@dataclass(frozen=True, slots=True)
class Found:
    start: int
    end: int
    hit: Hit
    priority: int


def alt(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first, spaces matching any whitespace."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def rule(
    name: str, pattern: str, flags: int = re.IGNORECASE, needs: str | None = None
) -> Callable[[Handler], Rule]:
    """Decorator: compile ``pattern`` (and ``needs``) once and pair it with the handler."""

    def wrap(handler: Handler) -> Rule:
        gate = re.compile(needs, re.IGNORECASE) if needs else None
        return Rule(name, re.compile(pattern, flags), handler, gate)

    return wrap


def norm(word: str) -> str:
    return " ".join(word.lower().split())


def parse_count(text: str | None, numbers: Mapping[str, int]) -> float | None:
    """"3", "2.5", "tres", "twenty-five", "treinta y cinco" -> number; unknown -> None."""
    if not text:
        return None
    s = norm(text).replace(",", ".")
    try:
        return float(s)
    except ValueError:
        pass
    if s in numbers:
        return float(numbers[s])
    parts = re.split(r"[\s-]+(?:y\s+)?", s)
    if len(parts) == 2 and all(p in numbers for p in parts):
        return float(numbers[parts[0]] + numbers[parts[1]])
    return None


def extend_left(text: str, start: int, before: re.Pattern[str]) -> re.Match[str] | None:
    """``before`` (anchored with ``$``) matched just before ``start``: words a rule keeps in its
    span without making the engine try them at every position ("el pasado" before "5 de
    marzo")."""
    m = before.search(text, max(0, start - 40), start)
    return m if m and m.group() else None


def collect(text: str, rules: tuple[Rule, ...], ctx: Ctx,
            index: StartIndex | None = None) -> list[Found]:
    """Run every rule; keep the longest non-overlapping hits, in text order. ``index`` is the
    text's StartIndex, when the caller has one already."""
    found: list[Found] = []
    index = index if index is not None else StartIndex(text)
    for priority, r in enumerate(rules):
        if r.needs is not None and not occurs(r.needs, index):
            continue
        for m in finditer(r.pattern, index):
            try:
                hit = r.handler(m, ctx)
            except (ValueError, OverflowError):  # beyond the calendar: year 0, year 10000
                continue
            if hit is not None:
                span = m.span("t") if "t" in r.pattern.groupindex and m.group("t") else m.span()
                start = span[0] if hit.start is None else min(hit.start, span[0])
                found.append(Found(start, span[1], hit, priority))
    found.sort(key=lambda f: (-(f.end - f.start), f.priority, f.start))
    return _non_overlapping(found)


def _non_overlapping(ranked: list[Found]) -> list[Found]:
    """The hits in rank order that overlap no better-ranked hit kept, in text order. Only
    kept hits starting less than the longest hit's length before a new one can overlap it."""
    longest = max((f.end - f.start for f in ranked), default=0)
    starts: list[int] = []
    taken: list[Found] = []
    for f in ranked:
        near = taken[bisect_right(starts, f.start - longest):bisect_left(starts, f.end)]
        if all(f.end <= t.start or f.start >= t.end for t in near):
            i = bisect_right(starts, f.start)
            starts.insert(i, f.start)
            taken.insert(i, f)
    return taken


def apply_mods(text: str, found: list[Found], mod_re: re.Pattern[str]) -> list[Found]:
    """Extend a date leftwards over "a finales de" / "late" and record TIMEX3 @mod."""
    out: list[Found] = []
    prev_end = 0
    for f in found:
        m = mod_re.search(text, max(prev_end, f.start - 40), f.start)
        if m and f.hit.type in ("DATE", "DURATION") and not f.hit.value.endswith("_REF"):
            hit = Hit(f.hit.type, f.hit.value, m.lastgroup, f.hit.derivation)
            f = Found(m.start(), f.end, hit, f.priority)
        out.append(f)
        prev_end = f.end
    return out


def mod_pattern(mods: Mapping[str, str]) -> re.Pattern[str]:
    """``mods`` phrase -> TIMEX3 mod, as one regex anchored just before a date."""
    groups: dict[str, list[str]] = {}
    for phrase, mod in mods.items():
        groups.setdefault(mod, []).append(phrase)
    body = "|".join(f"(?P<{mod}>{alt(words)})" for mod, words in groups.items())
    return re.compile(rf"(?i)(?<!\w)(?:{body})(?:\s+|-)$")
