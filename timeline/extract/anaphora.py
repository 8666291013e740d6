"""Expressions whose day comes from the text around them, not from the DCT alone.

* "the same day", "ese día", "la jornada": the latest explicit day mentioned before (else DCT);
* "desde entonces", "hasta entonces", "since then": the latest date mentioned before (else
  PAST_REF); "el entonces ministro", "the then minister": PAST_REF;
* clock times ("18:00 UTC") take the day named in the same sentence, and a day joined to its
  time ("hoy a las 12:00 UTC", "16:00 UTC today") becomes one TIME expression.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta

from timeline.extract.prefilter import StartIndex
from timeline.extract.prefilter import finditer as prefiltered
from timeline.extract.tense import TenseIndex
from timeline.model import Timex

_DAY_REF = {
    "en": re.compile(r"\b(?:(?:that|the)\s+(?:same\s+)?day|that\s+same\s+day)\b"
                     r"(?!\s+(?:of|after|before|when|that|in|to|which|is|and\s+age)\b|-)", re.I),
    "es": re.compile(r"\b(?:(?:ese|el|aquel|un)\s+(?:mismo\s+)?día|(?:esa|la|aquella)\s+"
                     r"(?:misma\s+)?jornada)\b(?!\s+(?:de|del|que|siguiente|anterior|después|"
                     r"antes|a\s+día|laboral|hábil)\b)", re.I),
}
#: "the next day", "al día siguiente": a day after (before) the latest day told.
_DAY_STEP = {
    "en": re.compile(r"(?i)\b(?:the\s+)?(?P<next>following|next)\s+day\b(?!-)|"
                     r"\bthe\s+(?P<prev>previous|preceding)\s+day\b"),
    "es": re.compile(r"(?i)\b(?:el|al|del)\s+día\s+(?:(?P<next>siguiente)|(?P<prev>anterior))\b"),
}
_THEN = {
    "en": re.compile(r"(?i)\bthe\s+(?P<adj>then)(?=\s+[a-z])|\b(?:since|until|till|by|back)\s+"
                     r"(?P<t>then)\b(?!\s*,?\s*(?:the|it|he|she|they|we|I)\b)"),
    "es": re.compile(r"(?i)\b(?:el|la|los|las)\s+(?P<adj>entonces)(?=\s+[a-záéíóúñ])|"
                     r"\b(?:desde|hasta|para|por|de)\s+(?P<t>entonces)\b|"
                     r"\b(?P<t2>aquel\s+entonces)\b"),
}
_JOIN = re.compile(r"^\s*(?:at|on|a|a\s+partir\s+de|desde|de|del|el)?\s*$", re.I)
_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")


def _is_day(t: Timex) -> bool:
    return t.type == "DATE" and bool(_DAY.match(t.value))


def add_day_references(text: str, timexes: list[Timex], lang: str, dct: date,
                       index: StartIndex | None = None) -> list[Timex]:
    """Tag "the same day" / "la jornada" with the latest day mentioned before it (or the DCT),
    and "the next day" / "el día anterior" with the day after (before) it. ``index``, the
    text's StartIndex if the caller has one, finds the same expressions faster."""
    pattern = _DAY_REF.get(lang)
    if pattern is None:
        return timexes
    out = list(timexes)
    steps = [(m, 1 if m["next"] else -1) for m in _matches(_DAY_STEP[lang], text, index)]
    for m, step in sorted([*((m, 0) for m in _matches(pattern, text, index)), *steps],
                          key=lambda pair: pair[0].start()):
        if m.group().lower().startswith("un "):
            continue
        if any(t.start < m.end() and t.end > m.start() for t in out):
            continue
        days = [t for t in out if t.end <= m.start() and _is_day(t)]
        day = date.fromisoformat(days[-1].value[:10]) if days else dct
        value = (day + timedelta(days=step)).isoformat()
        out.append(Timex(m.start(), m.end(), m.group(), "DATE", value, derivation="relative"))
    return sorted(out, key=lambda t: t.start)


_SINCE = re.compile(r"(?i)(?:desde|since)\s+$")


def _matches(pattern: re.Pattern[str], text: str,
             index: StartIndex | None) -> Iterator[re.Match[str]]:
    return pattern.finditer(text) if index is None else prefiltered(pattern, index)


def add_then_references(text: str, timexes: list[Timex], lang: str, dct: date,
                        index: StartIndex | None = None) -> list[Timex]:
    """Tag "entonces" / "then" with the latest date mentioned before it (PAST_REF without one,
    and always for the adjective: "el entonces ministro"); "desde entonces" / "since then"
    looks back, so only a date up to the publication date counts. One pass over both lists."""
    pattern = _THEN.get(lang)
    if pattern is None:
        return timexes
    added: list[Timex] = []
    i, latest, latest_past = 0, None, None
    for m in _matches(pattern, text, index):
        group = m.lastgroup or "t"
        start, end = m.span(group)
        while i < len(timexes) and timexes[i].start < end:
            t = timexes[i]
            if t.end > start:
                break  # "then" inside a tagged expression
            if t.type == "DATE" and t.value[:1].isdigit():
                latest = t.value
                if t.value[:10] <= dct.isoformat()[:len(t.value[:10])]:
                    latest_past = t.value
            i += 1
        if i < len(timexes) and timexes[i].start < end:
            continue
        chosen = latest_past if _SINCE.search(text, max(0, start - 8), start) else latest
        value = chosen if chosen and group != "adj" else "PAST_REF"
        added.append(Timex(start, end, text[start:end], "DATE", value, derivation="relative"))
    return sorted([*timexes, *added], key=lambda t: t.start) if added else timexes


def anchor_times(text: str, timexes: list[Timex], tense: TenseIndex, dct: date) -> list[Timex]:
    """Give clock times the day of their sentence; fuse "today at 16:00" into one TIME."""
    out: list[Timex] = []
    for t in timexes:
        prev = out[-1] if out else None
        if t.type == "TIME" and t.value.startswith(dct.isoformat() + "T") and prev is not None:
            if _is_day(prev) and _is_word(prev) and _JOIN.match(text[prev.end:t.start]):
                out[-1] = _fuse(text, prev, t, prev.value)
                continue
            if _is_day(prev) and tense.same_sentence(prev.start, t.start):
                t = replace(t, value=prev.value + t.value[10:])
        elif _is_day(t) and prev is not None and prev.type == "TIME" and _JOIN.match(
            text[prev.end:t.start]
        ) and prev.value.startswith(dct.isoformat() + "T"):
            out[-1] = _fuse(text, prev, t, t.value)
            continue
        out.append(t)
    return out


def fuse_weekday_dates(text: str, timexes: list[Timex]) -> list[Timex]:
    """"el lunes 10 de noviembre", "Monday, November 10": one DATE, the explicit day's value."""
    out: list[Timex] = []
    for t in timexes:
        prev = out[-1] if out else None
        if (prev is not None and _is_day(prev) and _is_day(t) and _is_word(prev)
                and not _is_word(t) and re.fullmatch(r",? ?", text[prev.end:t.start])):
            out[-1] = Timex(prev.start, t.end, text[prev.start:t.end], "DATE", t.value,
                            t.mod, t.derivation)
            continue
        out.append(t)
    return out


def _is_word(t: Timex) -> bool:
    """"hoy", "Monday": a day named without digits joins its clock time; "1 de junio" does not."""
    return not any(c.isdigit() for c in t.text)


def _fuse(text: str, a: Timex, b: Timex, day: str) -> Timex:
    clock = a if a.type == "TIME" else b
    return Timex(a.start, b.end, text[a.start:b.end], "TIME", day + clock.value[10:],
                 derivation="relative")
