"""English date grammar: explicit dates, weekdays, relative units, durations, decades."""

from __future__ import annotations

import re

from timeline.extract import lexicon_en as lx
from timeline.extract import resolve as rv
from timeline.extract.grammar import Ctx, Hit, Rule, alt, norm, rule
from timeline.extract.rules_common import (
    NOT_NUMBER_AFTER,
    NOT_NUMBER_BEFORE,
    YEAR,
    labels_a_number,
    numeric_rule,
    valid_day,
)

CAP_MON = r"(?P<mon>January|February|March|April|May|June|July|August|September|October|" \
    r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)" \
    r"(?:(?<=\b\w{3})\.|(?<=\b\w{4})\.)?"
DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?"
UNITS_1_9 = r"(?:one|two|three|four|five|six|seven|eight|nine)"
NUM = rf"(?P<num>\d+(?:\.\d+)?|{alt(lx.NUMBERS)}(?:-{UNITS_1_9})?)"
UNIT = rf"(?P<unit>{alt(lx.UNITS)})"
SHIFT = rf"(?P<shift>{alt(lx.SHIFTS)})"
ADJ = r"(?:straight|consecutive|successive|full|long|more|additional|trading|whole|short)"
POD = rf"(?P<pod>{alt(lx.PARTS_OF_DAY)})"


def _year(m: re.Match[str]) -> int:
    return int(m["y"])


@rule("en_mdy", rf"\b{CAP_MON}\s+{DAY}(?:,\s*|\s+)(?P<y>{YEAR})\b", 0)
def month_day_year(m: re.Match[str], ctx: Ctx) -> Hit | None:
    d = valid_day(_year(m), lx.MONTHS[m["mon"].lower()], int(m["d"]))
    return Hit("DATE", d.isoformat(), derivation="explicit") if d else None


@rule("en_dmy", rf"\b{DAY}\s+(?:of\s+)?{CAP_MON},?\s+(?P<y>{YEAR})\b", 0)
def day_month_year(m: re.Match[str], ctx: Ctx) -> Hit | None:
    return month_day_year.handler(m, ctx)


@rule("en_md", rf"\b{CAP_MON}\s+{DAY}(?![\d:,.]\d|\w)", 0)
def month_day(m: re.Match[str], ctx: Ctx) -> Hit | None:
    d = rv.month_day_date(ctx.dct, lx.MONTHS[m["mon"].lower()], int(m["d"]), ctx.tense_at(m))
    return Hit("DATE", d.isoformat()) if d else None


FULL_MON = (r"(?P<mon>January|February|March|April|May|June|July|August|September|October|"
            r"November|December)")


@rule("en_md_full", rf"\b{FULL_MON}\s+{DAY}(?![\d:,.]\d|\w)", 0)
def month_day_full(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"March 2" with the month spelled out: safe to look for in other languages' texts."""
    return month_day.handler(m, ctx)


@rule("en_dm", rf"\b{DAY}\s+(?:of\s+)?{CAP_MON}\b", 0)
def day_month(m: re.Match[str], ctx: Ctx) -> Hit | None:
    return month_day.handler(m, ctx)


@rule("en_my", rf"\b{CAP_MON},?\s+(?:of\s+)?(?P<y>{YEAR})\b", 0)
def month_year(m: re.Match[str], ctx: Ctx) -> Hit | None:
    return Hit("DATE", f"{m['y']}-{lx.MONTHS[m['mon'].lower()]:02d}", derivation="explicit")


@rule("en_month", rf"(?:\b(?i:{SHIFT})\s+)?\b{CAP_MON}(?!\s*\d)\b"
      r"(?:,?\s+(?i:of\s+)?(?P<rel>(?i:next|last|this))\s+year\b)?", 0)
def bare_month(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"June", "last March", "October of next year" (a month of the year named after it)."""
    name = m["mon"].lower()
    if m["rel"]:
        step = {"next": 1, "last": -1}.get(m["rel"].lower(), 0)
        return Hit("DATE", f"{ctx.dct.year + step}-{lx.MONTHS[name]:02d}")
    if name in ("may", "mar") and not m["shift"]:
        before = ctx.text[max(0, m.start() - 12):m.start()].lower()
        if not re.search(r"\b(?:in|since|until|by|of|early|late|mid|from|through)\s+$", before):
            return None
    if len(name) <= 4 and name != "june" and name != "july" and not m["shift"]:
        if name not in ("may", "mar"):
            return None
    month = lx.MONTHS[name]
    shift = lx.SHIFTS.get(norm(m["shift"] or ""), None)
    if shift is None:
        year = rv.month_year(ctx.dct, month, ctx.tense_at(m))
    elif shift == 0:
        year = ctx.dct.year
    else:
        year = rv.month_year(ctx.dct, month, shift)
    return Hit("DATE", f"{year}-{month:02d}")


_NAMED_DAY = re.compile(r"\b(?:Black|Cyber|Super|Good|Ash|Holy|Blue|Bloody)\s+$")


@rule("en_weekday", rf"\b(?:(?i:{SHIFT})\s+)?{WD}(?:\s+(?i:{POD}))?\b", 0)
def weekday(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"Monday", "last Tuesday", "Friday night"; "on Sundays" recurs (a SET)."""
    if _NAMED_DAY.search(ctx.text, max(0, m.start() - 10), m.start()):
        return None  # a named day, not the nearest weekday
    wd = lx.WEEKDAYS[m["wd"].lower()]
    plural = ctx.text[m.end("wd"):m.end("wd") + 1] == "s"
    if plural and not m["shift"] and not m["pod"]:
        return Hit("SET", f"XXXX-WXX-{wd + 1}")
    shift = lx.SHIFTS.get(norm(m["shift"] or ""))
    if shift is None:
        d = rv.weekday_date(ctx.dct, wd, ctx.tense_at(m))
    else:
        d = rv.shifted_weekday(ctx.dct, wd, shift)
    if m["pod"]:
        return Hit("TIME", f"{d.isoformat()}T{lx.PARTS_OF_DAY[m['pod'].lower()]}")
    return Hit("DATE", d.isoformat())


@rule("en_dayword", rf"\b(?:(?P<rel>earlier|later)\s+)?(?P<w>today|yesterday|tomorrow|tonight)"
      rf"(?:\s+{POD})?\b")
def day_word(m: re.Match[str], ctx: Ctx) -> Hit | None:
    d = ctx.dct + rv.timedelta(days=lx.DAY_WORDS[m["w"].lower()])
    pod = lx.PARTS_OF_DAY.get((m["pod"] or "").lower()) or ("NI" if m["w"].lower() == "tonight"
                                                           else None)
    if pod:
        return Hit("TIME", f"{d.isoformat()}T{pod}")
    return Hit("DATE", d.isoformat())


@rule("en_this_pod", rf"\b(?P<s>this|last)\s+{POD}\b")
def this_part_of_day(m: re.Match[str], ctx: Ctx) -> Hit | None:
    days = -1 if m["s"].lower() == "last" else 0
    d = ctx.dct + rv.timedelta(days=days)
    return Hit("TIME", f"{d.isoformat()}T{lx.PARTS_OF_DAY[m['pod'].lower()]}")


@rule("en_shift_unit", rf"\b(?:(?:earlier|later)\s+)?(?:the\s+)?{SHIFT}\s+"
      r"(?P<u>week|weekend|month|year|quarter|decade|century)\b")
def shifted_unit(m: re.Match[str], ctx: Ctx) -> Hit | None:
    unit = {"week": "W", "weekend": "WE", "month": "M", "year": "Y", "quarter": "Q",
            "decade": "DE", "century": "CE"}[m["u"].lower()]
    shift = lx.SHIFTS[norm(m["shift"])]
    if unit == "DE" and shift < 0:
        return Hit("DURATION", "P10Y")  # "the past decade": the ten years up to now
    value = rv.shifted_value(ctx.dct, unit, shift)
    return Hit("DATE", value) if value else None


@rule("en_the_weekend", r"\bthe\s+weekend\b")
def the_weekend(m: re.Match[str], ctx: Ctx) -> Hit | None:
    direction = ctx.tense_at(m)
    return Hit("DATE", rv.weekend_value(ctx.dct, direction))


@rule("en_noon", r"\b(?:(?:at|by|before|after|around)\s+)?(?P<w>noon|midday|midnight)\b")
def noon(m: re.Match[str], ctx: Ctx) -> Hit | None:
    clock = "00:00" if m["w"].lower() == "midnight" else "12:00"
    return Hit("TIME", f"{ctx.dct.isoformat()}T{clock}")


@rule("en_quarter", rf"\b(?:the\s+)?(?P<o>{alt(lx.ORDINALS)})[\s-]quarter(?:\s+of\s+"
      rf"(?:(?P<y>{YEAR})|(?:the\s+)?{SHIFT}\s+year|the\s+year))?\b")
def quarter(m: re.Match[str], ctx: Ctx) -> Hit | None:
    q = lx.ORDINALS[m["o"].lower()]
    if m["y"]:
        return Hit("DATE", f"{m['y']}-Q{q}", derivation="explicit")
    if m["shift"]:
        return Hit("DATE", f"{ctx.dct.year + lx.SHIFTS[norm(m['shift'])]}-Q{q}")
    return Hit("DATE", rv.quarter_value(ctx.dct, q, ctx.tense_at(m)))


@rule("en_year", rf"(?:\b(?:the\s+)?(?:year|(?P<fy>fiscal(?:\s+year)?|FY))\s*)?{NOT_NUMBER_BEFORE}"
      rf"(?P<y>{YEAR}){NOT_NUMBER_AFTER}(?P<fy2>\s+fiscal\s+year)?")
def year(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"2009", "the year 2009", "fiscal 2009" / "the 2009 fiscal year" (FY2009)."""
    if m.start("y") == m.start() and labels_a_number(ctx.text, m.start()):
        return None
    if m["fy"] or m["fy2"]:
        return Hit("DATE", f"FY{m['y']}", derivation="explicit")
    if m.start("y") > m.start() and not ctx.text[m.start("y") - 1].isspace():
        return None  # "year2009": no space
    return Hit("DATE", m["y"], derivation="explicit")


@rule("en_short_year", r"(?<![\w'’])['’](?P<yy>\d\d)(?![\w'’%])")
def short_year(m: re.Match[str], ctx: Ctx) -> Hit | None:
    yy = int(m["yy"])
    y = 2000 + yy if 2000 + yy <= ctx.dct.year + 5 else 1900 + yy
    return Hit("DATE", str(y), derivation="explicit")


@rule("en_decade", r"(?:\b(?:the\s+)?(?P<c>1[5-9]|20)|(?<![\w'’])['’]|\b)(?P<d>\d)0['’]?s\b")
def decade(m: re.Match[str], ctx: Ctx) -> Hit | None:
    return Hit("DATE", f"{m['c'] or '19'}{m['d']}", derivation="explicit")


@rule("en_decade_word", r"\bthe\s+(?P<w>twenties|thirties|forties|fifties|sixties|seventies|"
      r"eighties|nineties)\b")
def decade_word(m: re.Match[str], ctx: Ctx) -> Hit | None:
    digit = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
             "nineties"].index(m["w"].lower()) + 2
    return Hit("DATE", f"19{digit}", derivation="explicit")


@rule("en_century", r"\b(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]century\b")
def century(m: re.Match[str], ctx: Ctx) -> Hit | None:
    return Hit("DATE", f"{int(m['n']) - 1:02d}", derivation="explicit")


@rule("en_season", rf"\b(?:the\s+)?(?:{SHIFT}\s+)?(?P<s>spring|summer|autumn|fall|winter)"
      rf"(?:\s+(?:of\s+)?(?P<y>{YEAR}))?\b")
def season(m: re.Match[str], ctx: Ctx) -> Hit | None:
    code = lx.SEASONS[m["s"].lower()]
    if m["y"]:
        return Hit("DATE", f"{m['y']}-{code}", derivation="explicit")
    if m["shift"]:
        return Hit("DATE", f"{rv.season_year(ctx.dct, code, lx.SHIFTS[norm(m['shift'])])}-{code}")
    if m["s"].lower() == "fall":
        return None  # the verb, far more often than the season
    return Hit("DATE", f"{rv.season_year(ctx.dct, code, ctx.tense_at(m))}-{code}")


@rule("en_part_of_year", r"\b(?:the\s+)?(?P<p>beginning|start|end|middle|close)\s+of\s+"
      r"(?:the|this)\s+(?P<u>year|month|week)\b")
def part_of_year(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"the end of the year / month / week": the current one, with @mod."""
    mod = {"beginning": "START", "start": "START", "middle": "MID"}.get(m["p"].lower(), "END")
    unit = {"year": "Y", "month": "M", "week": "W"}[m["u"].lower()]
    return Hit("DATE", rv.shifted_value(ctx.dct, unit, 0) or "", mod)


@rule("en_half", rf"\b(?:the\s+)?(?P<o>first|second|1st|2nd)\s+half(?:\s+of\s+(?:(?P<y>{YEAR})|"
      rf"(?:the\s+)?{SHIFT}\s+year|the\s+year))?\b")
def half(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"the first half of 2024" -> 2024-H1; alone, the latest begun (or the next, in future)."""
    h = 1 if m["o"].lower() in ("first", "1st") else 2
    if m["y"]:
        return Hit("DATE", f"{m['y']}-H{h}", derivation="explicit")
    if m["shift"]:
        return Hit("DATE", f"{ctx.dct.year + lx.SHIFTS[norm(m['shift'])]}-H{h}")
    if "half of" not in norm(m.group()):
        return None  # "the first half" of a match, a speech, a century
    current = 1 if ctx.dct.month <= 6 else 2
    direction = ctx.tense_at(m) or -1
    year = ctx.dct.year - (direction < 0 and h > current) + (direction > 0 and h < current)
    return Hit("DATE", f"{year}-H{h}")


@rule("en_part_of_day", r"\b(?:the\s+(?:start|end|close|beginning)\s+of\s+(?:the\s+)?"
      r"(?:trading\s+)?day|late\s+in\s+the\s+day|early\s+in\s+the\s+day)\b")
def part_of_day(m: re.Match[str], ctx: Ctx) -> Hit | None:
    return Hit("DATE", ctx.dct.isoformat())


RULES_EN: tuple[Rule, ...] = (
    noon,
    month_day_year, day_month_year, numeric_rule(day_first=False), month_day, day_month,
    month_year, bare_month, weekday, day_word, this_part_of_day, shifted_unit, the_weekend,
    quarter, half, year, short_year, decade, decade_word, century, season, part_of_year,
    part_of_day,
)
