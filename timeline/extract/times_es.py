"""Spanish clock times and parts of named days: "las 10.30 horas", "las 8.15 hora local", "las
diez de la mañana", "las 9 de la noche" (21:00; "las 2 de la noche" is 02:00), "la mañana del
miércoles"."""

from __future__ import annotations

import re

from timeline.extract import lexicon_es as lx
from timeline.extract import resolve as rv
from timeline.extract.grammar import Ctx, Hit, Rule, alt, rule
from timeline.extract.rules_es import POD, WD, shift_word


def hour_of(h: int, pod: str | None) -> int:
    """The 24-hour clock of "las 9 de la noche" (21), "las 2 de la noche" (2), "las 12 de la
    noche" (0), "las 5 de la tarde" (17)."""
    pod = (pod or "").lower()
    if pod == "noche" and h == 12:
        return 0
    if (pod == "tarde" and h < 12) or (pod == "noche" and 6 <= h < 12):
        return h + 12
    return h


@rule("es_clock", r"\blas\s+(?P<h>[0-2]?\d)(?:[:.](?P<mi>[0-5]\d))?(?:\s*(?:horas?\b"
      r"(?:\s+local(?:es)?\b)?|(?:hs|h)\b(?:\.(?!\s*(?:[A-ZÁÉÍÓÚ]|$)))?))?"
      r"(?:\s+(?:de\s+la\s+)?(?P<pod>mañana|tarde|noche|madrugada))?(?:\s*\(?(?P<tz>UTC|GMT)"
      r"(?:\s*[+-]\s*\d{1,2})?\)?)?(?![\w%]|[.,]\d)")
def clock(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"las 10.30 horas", "las 8.15 hora local", "las 9 de la noche", "las 16:08 UTC"."""
    h, mi = hour_of(int(m["h"]), m["pod"]), int(m["mi"] or 0)
    if h > 24 or (not m["mi"] and not m["pod"] and not m["tz"] and "hora" not in m.group()):
        return None
    return Hit("TIME", f"{ctx.dct.isoformat()}T{h:02d}:{mi:02d}{'Z' if m['tz'] else ''}")


_HOURS = {w: i + 1 for i, w in enumerate(
    "una dos tres cuatro cinco seis siete ocho nueve diez once doce".split())}


@rule("es_clock_words", rf"\bla(?:s)?\s+(?P<h>{alt(_HOURS)})(?:\s+y\s+(?P<mi>media|cuarto))?"
      r"(?:\s+en\s+punto)?\s+(?:de\s+la\s+)?(?P<pod>mañana|tarde|noche|madrugada)\b")
def clock_words(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"las diez de la mañana", "las nueve y media de la noche"."""
    h = hour_of(_HOURS[m["h"].lower()], m["pod"])
    mi = {"media": 30, "cuarto": 15}.get((m["mi"] or "").lower(), 0)
    return Hit("TIME", f"{ctx.dct.isoformat()}T{h:02d}:{mi:02d}")


@rule("es_pod_of_weekday", rf"\b(?:la|el)\s+{POD}\s+del\s+(?:(?P<pre>pasado|próximo)\s+)?{WD}"
      r"(?:\s+(?P<post>pasado|próximo|que\s+viene))?\b")
def part_of_weekday(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"la mañana del miércoles", "la noche del pasado viernes": a part of that day (TIME)."""
    wd = lx.WEEKDAYS[m["wd"].lower()]
    shift = shift_word(m["pre"] or m["post"])
    d = (rv.weekday_date(ctx.dct, wd, ctx.tense_at(m)) if shift is None
         else rv.shifted_weekday(ctx.dct, wd, shift))
    return Hit("TIME", f"{d.isoformat()}T{lx.PARTS_OF_DAY[m['pod'].lower()]}")


TIME_RULES_ES: tuple[Rule, ...] = (clock, clock_words, part_of_weekday)
