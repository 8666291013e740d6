"""Spanish days of the month, as TimeML draws them: the article, "día" and a "pasado" /
"próximo" before or after belong to the expression.

"el 14 de diciembre", "el primero de diciembre", "el pasado 5 de marzo", "el 7 de noviembre
próximo", "el día 5" (a day of the current month, or the one before or after as the tense says),
"el martes 5" (the Tuesday the 5th nearest the publication date) and the first day of "del 3 al
5 de marzo" (which takes the month written after the second).
"""

from __future__ import annotations

import re

from timeline.extract import lexicon_es as lx
from timeline.extract import resolve as rv
from timeline.extract.grammar import Ctx, Hit, Rule, alt, extend_left, norm, rule
from timeline.extract.rules_common import YEAR, valid_day
from timeline.extract.rules_es import MON, WD

DAYN = rf"(?P<d>[0-3]?\d(?:º|°)?|{alt(lx.DAY_NUMBERS)})"
_ART = r"(?:\b(?:el|del|al)\s+)"
#: What may stand before a day, found by looking left from it (cheaper than trying it at every
#: position of the text): "el", "del", "al", "pasado", "próximo", "día".
_BEFORE = re.compile(r"(?i)(?:\b(?:el|del|al)\s+)?(?:\b(?P<pre>pasado|próximo)\s+)?(?:\bdía\s+)?$")
_ART_BEFORE = re.compile(r"(?i)\b(?:el|del|al)\s+$")
_POST = r"(?:\s+(?P<post>pasado|próximo))?"
_OF_YEAR = rf"(?:\s+(?:de|del)\s+(?:año\s+)?(?P<y>{YEAR}))?"
_SHIFT = {"pasado": -1, "próximo": 1}


def day_number(word: str) -> int:
    """"5", "05", "5º", "cinco", "primero" -> 5, 5, 5, 5, 1."""
    digits = word.rstrip("º°")
    return int(digits) if digits.isdigit() else lx.DAY_NUMBERS[norm(word)]


def _direction(m: re.Match[str], ctx: Ctx, pre: str | None = None) -> int | None:
    groups = m.groupdict()
    shift = pre or groups.get("pre") or groups.get("post")
    return _SHIFT[shift.lower()] if shift else ctx.tense_at(m)


@rule("es_day_month", rf"\b{DAYN}\s+de\s+{MON}{_OF_YEAR}{_POST}(?!\w)")
def day_month(m: re.Match[str], ctx: Ctx) -> Hit | None:
    month, day = lx.MONTHS[m["mon"].lower()], day_number(m["d"])
    left = extend_left(ctx.text, m.start(), _BEFORE)
    start = left.start() if left else None
    if m["y"]:
        d = valid_day(int(m["y"]), month, day)
        return Hit("DATE", d.isoformat(), derivation="explicit", start=start) if d else None
    if m["mon"][0].isupper() and m["mon"].lower() == "mayo" and not m["d"][0].isdigit():
        return None  # "Dos de Mayo": a street, a square
    found = rv.month_day_date(ctx.dct, month, day, _direction(m, ctx, left and left["pre"]))
    return Hit("DATE", found.isoformat(), start=start) if found else None


@rule("es_day_alone", rf"{_ART}(?:(?P<pre>pasado|próximo)\s+)?día\s+{DAYN}(?!\w|\s+de\s+\w)"
      rf"{_POST}")
def day_alone(m: re.Match[str], ctx: Ctx) -> Hit | None:
    found = rv.day_of_month_date(ctx.dct, day_number(m["d"]), _direction(m, ctx))
    return Hit("DATE", found.isoformat()) if found else None


@rule("es_range_first_day", rf"\b(?P<t>{_ART}?(?:día\s+)?(?P<d>[0-3]?\d))(?=\s*(?:y|al|a|o|-)\s*"
      rf"(?:el\s+)?(?:día\s+)?[0-3]?\d\s+de\s+{MON}{_OF_YEAR})",
      needs=r"\d\s*(?:y|al|a|o|-)\s*(?:el\s+)?(?:día\s+)?\d{1,2}\s+de\s")
def range_first_day(m: re.Match[str], ctx: Ctx) -> Hit | None:
    month, day = lx.MONTHS[m["mon"].lower()], day_number(m["d"])
    if m["y"]:
        d = valid_day(int(m["y"]), month, day)
        return Hit("DATE", d.isoformat(), derivation="explicit") if d else None
    found = rv.month_day_date(ctx.dct, month, day, ctx.tense_at(m))
    return Hit("DATE", found.isoformat()) if found else None


@rule("es_weekday_day", rf"\b{WD}\s+(?:día\s+)?(?P<d>[0-3]?\d)(?![\w%:.,/]|\s*(?:de\s+\w|"
      r"horas|hs?\b|años|meses|días|por\s+ciento))")
def weekday_day(m: re.Match[str], ctx: Ctx) -> Hit | None:
    found = rv.weekday_day_date(ctx.dct, lx.WEEKDAYS[m["wd"].lower()], int(m["d"]))
    left = extend_left(ctx.text, m.start(), _ART_BEFORE)
    return Hit("DATE", found.isoformat(), start=left and left.start()) if found else None


_ABBR = r"(?P<mon>ene|feb|mar|abr|may|jun|jul|ago|sept?|oct|nov|dic)"


@rule("es_dateline_day", rf"\b(?P<d>[0-3]?\d)\s+{_ABBR}(?:\.|\b)(?:\s+(?P<y>{YEAR}))?"
      r"(?=\s*[(\-–—.,:]|\s*$|\s+\d)")
def dateline_day(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"Madrid, 17 nov (EFE).-": a dateline's day and abbreviated month (the year nearest)."""
    month, day = lx.MONTHS[m["mon"].lower()], int(m["d"])
    if m["y"]:
        d = valid_day(int(m["y"]), month, day)
        return Hit("DATE", d.isoformat(), derivation="explicit") if d else None
    found = rv.month_day_date(ctx.dct, month, day, None)
    return Hit("DATE", found.isoformat()) if found else None


DAY_RULES_ES: tuple[Rule, ...] = (
    day_month, day_alone, range_first_day, weekday_day, dateline_day,
)
