"""Spanish date grammar: months, "el domingo", "la semana pasada", "los años 40" (days of the
month are in ``days_es``)."""

from __future__ import annotations

import re
from datetime import timedelta

from timeline.extract import lexicon_es as lx
from timeline.extract import resolve as rv
from timeline.extract.grammar import Ctx, Hit, Rule, alt, extend_left, norm, rule
from timeline.extract.rules_common import (
    NOT_NUMBER_AFTER,
    NOT_NUMBER_BEFORE,
    YEAR,
    labels_a_number,
    numeric_rule,
)

ART = r"(?:\b(?:el|del)\s+)?"
MON = rf"(?P<mon>{alt(lx.MONTHS)})(?:(?<=\b\w{{3}})\.|(?<=\b\w{{4}})\.)?"
DAY = r"(?P<d>[0-3]?\d)(?:º|°)?"
OF_YEAR = rf"\s+(?:de|del)\s+(?:año\s+)?(?P<y>{YEAR})"
WD = rf"(?P<wd>{alt(lx.WEEKDAYS)})"
UNITS_1_9 = r"(?:uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)"
NUM = rf"(?P<num>\d+(?:[.,]\d+)?|{alt(lx.NUMBERS)}(?:\s+y\s+{UNITS_1_9})?)"
UNIT = rf"(?P<unit>{alt(lx.UNITS)})"
SHIFT = rf"(?P<shift>{alt(lx.SHIFTS)})"
POD = rf"(?P<pod>{alt(lx.PARTS_OF_DAY)})"
_UNIT_WORDS = {"día": "D", "semana": "W", "fin de semana": "WE", "mes": "M", "año": "Y",
               "trimestre": "Q", "década": "DE", "siglo": "CE", "ejercicio": "Y"}
UNIT1 = rf"(?P<u>{alt(_UNIT_WORDS)})"
_ROMAN = {"xv": 15, "xvi": 16, "xvii": 17, "xviii": 18, "xix": 19, "xx": 20, "xxi": 21}


def _year_step(phrase: str) -> int:
    """"del año pasado" -> -1, "del próximo año" -> +1, "de este año" -> 0."""
    if "pasado" in phrase or "anterior" in phrase:
        return -1
    return 1 if ("próximo" in phrase or "viene" in phrase) else 0


def shift_word(word: str | None) -> int | None:
    return lx.SHIFTS.get(norm(word)) if word else None


#: "el mes de marzo", "el próximo mes de marzo": the month named with its article and "mes".
_SENTENCE_START = re.compile(r"(?:^|[.!?\n:\"“«(]\s*)$")
#: (looked for leftwards from the month, see ``extend_left``)
MONTH_PRE = re.compile(r"(?i)\b(?:el|del|al)\s+(?:(?P<pre>pasado|próximo)\s+mes\s+de|mes\s+de|"
                       r"(?P<pre2>pasado|próximo))\s+$")


def _month_pre(m: re.Match[str], ctx: Ctx) -> tuple[int | None, int | None]:
    """Where "el (pasado) mes de" before a month starts, and the shift it says."""
    left = extend_left(ctx.text, m.start(), MONTH_PRE)
    if left is None:
        return None, None
    return left.start(), shift_word(left["pre"] or left["pre2"])


@rule("es_my", rf"\b{MON}{OF_YEAR}\b")
def month_year(m: re.Match[str], ctx: Ctx) -> Hit | None:
    start, _ = _month_pre(m, ctx)
    return Hit("DATE", f"{m['y']}-{lx.MONTHS[m['mon'].lower()]:02d}", derivation="explicit",
               start=start)


@rule("es_month", rf"\b(?P<mon>{alt(lx.BARE_MONTHS)}|mayo)(?:\s+{SHIFT})?"
      r"(?P<rel>\s+del?\s+"
      r"(?:(?:este|el|próximo)\s+)?año(?:\s+(?:pasado|próximo|que\s+viene|anterior))?)?\b")
def bare_month(m: re.Match[str], ctx: Ctx) -> Hit | None:
    name = m["mon"].lower()
    if m["mon"][0].isupper() and not _SENTENCE_START.search(ctx.text, max(0, m.start() - 8),
                                                            m.start()):
        return None  # Spanish months are lowercase: "Plaza de Mayo" is a name
    start, pre_shift = _month_pre(m, ctx)
    if name == "mayo" and not m["shift"] and not m["rel"] and start is None:
        before = ctx.text[max(0, m.start() - 10):m.start()].lower()
        if not re.search(r"\b(?:en|de|desde|hasta|para|durante|mediados|finales)\s+$", before):
            return None
    month = lx.MONTHS[name]
    rel = norm(m["rel"] or "")
    if rel:
        return Hit("DATE", f"{ctx.dct.year + _year_step(rel)}-{month:02d}", start=start)
    shift = shift_word(m["shift"]) if m["shift"] else pre_shift
    direction = ctx.tense_at(m) if shift is None else shift
    return Hit("DATE", f"{rv.month_year(ctx.dct, month, direction)}-{month:02d}", start=start)


@rule("es_weekday", rf"{ART}\b(?:(?P<pre>pasado|próximo|este)\s+)?{WD}(?:\s+(?P<post>pasado|"
      rf"próximo|que\s+viene|anterior))?(?:\s+(?:por\s+la|en\s+la|a\s+la)\s+{POD}|\s+(?P<pod2>por\s+la\s+noche))?\b")
def weekday(m: re.Match[str], ctx: Ctx) -> Hit | None:
    wd = lx.WEEKDAYS[m["wd"].lower()]
    shift = shift_word(m["pre"] or m["post"])
    if shift is None:
        d = rv.weekday_date(ctx.dct, wd, ctx.tense_at(m))
    else:
        d = rv.shifted_weekday(ctx.dct, wd, shift)
    if m["pod"]:
        return Hit("TIME", f"{d.isoformat()}T{lx.PARTS_OF_DAY[m['pod'].lower()]}")
    return Hit("DATE", d.isoformat())


@rule("es_dayword", rf"\b(?P<pre>(?:el\s+día\s+de\s+)?)(?P<w>{alt(lx.DAY_WORDS)})(?:\s+(?:por\s+la|"
      rf"en\s+la|a\s+la)\s+{POD})?\b")
def day_word(m: re.Match[str], ctx: Ctx) -> Hit | None:
    word = norm(m["w"])
    d = ctx.dct + timedelta(days=lx.DAY_WORDS[word])
    pod = lx.PARTS_OF_DAY.get((m["pod"] or "").lower()) or ("NI" if word == "anoche" else None)
    if pod:
        return Hit("TIME", f"{d.isoformat()}T{pod}")
    return Hit("DATE", d.isoformat())


@rule("es_tomorrow", rf"\bmañana(?:\s+(?:por|en|a)\s+la\s+{POD})?\b")
def tomorrow(m: re.Match[str], ctx: Ctx) -> Hit | None:
    before = ctx.text[max(0, m.start() - 12):m.start()].lower()
    if re.search(r"\b(?:la|esta|una|cada|toda|misma|de|del|pasado)\s+$", before):
        return None
    d = ctx.dct + timedelta(days=1)
    if m["pod"]:
        return Hit("TIME", f"{d.isoformat()}T{lx.PARTS_OF_DAY[m['pod'].lower()]}")
    return Hit("DATE", d.isoformat())


@rule("es_this_pod", rf"\b(?:esta|la\s+pasada)\s+{POD}\b")
def this_part_of_day(m: re.Match[str], ctx: Ctx) -> Hit | None:
    days = -1 if "pasada" in m.group().lower() else 0
    d = ctx.dct + timedelta(days=days)
    return Hit("TIME", f"{d.isoformat()}T{lx.PARTS_OF_DAY[m['pod'].lower()]}")


@rule("es_unit_shift", rf"\b(?:(?:el|la|del)\s+)?"
      rf"(?:(?P<pre>{alt(lx.SHIFTS)})\s+)?{UNIT1}(?:\s+(?P<post>{alt(lx.SHIFTS)}))?\b")
def unit_shift(m: re.Match[str], ctx: Ctx) -> Hit | None:
    if bool(m["pre"]) == bool(m["post"]):
        return None
    shift = shift_word(m["pre"] or m["post"])
    unit = _UNIT_WORDS[norm(m["u"])]
    if shift is None or (unit == "D" and shift == 0):
        return None
    if unit == "D" and norm(m["pre"] or m["post"]) in ("siguiente", "anterior"):
        return None  # "el día siguiente": the day after the one told (anaphora), not after today
    if unit == "DE" and shift < 0:
        return Hit("DURATION", "P10Y")  # "la última década": the ten years up to now
    value = rv.shifted_value(ctx.dct, unit, shift)
    return Hit("DATE", value) if value else None


@rule("es_weekend", r"\b(?:el|del|al)\s+fin\s+de\s+semana\b(?!\s+(?:pasado|anterior|próximo|que))")
def weekend(m: re.Match[str], ctx: Ctx) -> Hit | None:
    return Hit("DATE", rv.weekend_value(ctx.dct, ctx.tense_at(m)))


@rule("es_noon", r"\b(?:el\s+|al\s+|a\s+)?(?P<w>mediodía|medianoche)\b")
def noon(m: re.Match[str], ctx: Ctx) -> Hit | None:
    clock = "00:00" if m["w"].lower() == "medianoche" else "12:00"
    return Hit("TIME", f"{ctx.dct.isoformat()}T{clock}")


@rule("es_quarter", rf"\b(?:(?:el|del)\s+)?(?P<o>{alt(lx.ORDINALS)})\s+trimestre(?:\s+(?:de|del)\s+"
      rf"(?:(?:año\s+)?(?P<y>{YEAR})|(?P<rel>este\s+año|año\s+pasado|año\s+anterior|año\s+próximo|"
      r"próximo\s+año|año)))?\b")
def quarter(m: re.Match[str], ctx: Ctx) -> Hit | None:
    q = lx.ORDINALS[m["o"].lower()]
    if m["y"]:
        return Hit("DATE", f"{m['y']}-Q{q}", derivation="explicit")
    rel = norm(m["rel"] or "")
    if rel and rel != "año":
        return Hit("DATE", f"{ctx.dct.year + _year_step(rel)}-Q{q}")
    return Hit("DATE", rv.quarter_value(ctx.dct, q, ctx.tense_at(m)))


@rule("es_year", rf"(?:\b(?:el|del)\s+(?:año\s+)?|\baño\s+)?{NOT_NUMBER_BEFORE}"
      rf"(?P<y>{YEAR}){NOT_NUMBER_AFTER}")
def year(m: re.Match[str], ctx: Ctx) -> Hit | None:
    if m.start("y") == m.start() and labels_a_number(ctx.text, m.start()):
        return None
    return Hit("DATE", m["y"], derivation="explicit")


@rule("es_decade", r"\b(?:(?:los|las)\s+)?(?:años|(?:la\s+)?década\s+del?(?:\s+los)?"
      r"(?:\s+años)?)\s+"
      r"['’]?(?:(?P<c>1[5-9]|20)?(?P<d>\d)0|(?P<w>veinte|treinta|cuarenta|cincuenta|sesenta|"
      r"setenta|ochenta|noventa))(?:['’]?s)?(?![\w%]|[.,]\d)")
def decade(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"los años 40", "la década de los noventa", "los 90s"."""
    digit = m["d"] or str(lx.DECADE_WORDS[m["w"].lower()])
    return Hit("DATE", f"{m['c'] or '19'}{digit}", derivation="explicit")


_DECADE_BEFORE = re.compile(r"(?i)\b(?:de|en|desde|durante)\s+$")


@rule("es_decade_bare", r"\blos\s+"
      r"(?:(?P<d>[2-9])0|(?P<w>veinte|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa))"
      r"\b(?!\s+(?:y\b|mil\b|millones|por\b|[a-záéíóúñ]+s\b)|%|[.,]\d)")
def decade_bare(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"a principios de los noventa", "en los 80": the decade, when no plural noun follows."""
    if not _DECADE_BEFORE.search(ctx.text, max(0, m.start() - 10), m.start()):
        return None
    digit = m["d"] or str(lx.DECADE_WORDS[m["w"].lower()])
    return Hit("DATE", f"19{digit}", derivation="explicit")


@rule("es_century", r"\b(?:el\s+)?siglo\s+(?P<n>[ivxIVX]{1,6}|\d{1,2})\b")
def century(m: re.Match[str], ctx: Ctx) -> Hit | None:
    raw = m["n"].lower()
    n = int(raw) if raw.isdigit() else _ROMAN.get(raw)
    return Hit("DATE", f"{n - 1:02d}", derivation="explicit") if n else None


@rule("es_season", rf"\b(?:(?:la|el|este|esta|del|al)\s+)?(?:(?P<pre>próxim[oa]|pasad[oa])\s+)?"
      rf"(?P<s>{alt(lx.SEASONS)})(?:\s+(?:de|del)\s+"
      rf"(?P<y>{YEAR})|\s+{SHIFT})?\b")
def season(m: re.Match[str], ctx: Ctx) -> Hit | None:
    code = lx.SEASONS[m["s"].lower()]
    if m["y"]:
        return Hit("DATE", f"{m['y']}-{code}", derivation="explicit")
    first = m.group().split()[0].lower()
    word = m["shift"] or m["pre"]
    shift = shift_word(word) if word else (0 if first in ("este", "esta") else None)
    if shift == 0:
        return Hit("DATE", f"{ctx.dct.year}-{code}")
    direction = shift if shift is not None else ctx.tense_at(m)
    return Hit("DATE", f"{rv.season_year(ctx.dct, code, direction)}-{code}")


@rule("es_half", rf"\b(?:(?:el|del)\s+)?(?P<o>primer|segundo)\s+semestre(?:\s+(?:de|del)\s+"
      rf"(?:(?:año\s+)?(?P<y>{YEAR})|(?P<rel>este\s+año|año\s+pasado|año\s+anterior|"
      r"próximo\s+año|año\s+próximo|año)))?\b")
def half(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"el primer semestre de 2024" -> 2024-H1; without a year, the latest begun (or next)."""
    h = 1 if m["o"].lower() == "primer" else 2
    if m["y"]:
        return Hit("DATE", f"{m['y']}-H{h}", derivation="explicit")
    rel = norm(m["rel"] or "")
    if rel and rel != "año":
        return Hit("DATE", f"{ctx.dct.year + _year_step(rel)}-H{h}")
    year = ctx.dct.year
    current = 1 if ctx.dct.month <= 6 else 2
    direction = ctx.tense_at(m) or -1
    if direction < 0 and h > current:
        year -= 1
    elif direction > 0 and h < current:
        year += 1
    return Hit("DATE", f"{year}-H{h}")


@rule("es_part_of_unit", r"\b(?P<p>finales|fines|principios|comienzos|inicios|mediados|fin)\s+"
      r"(?:de|del)\s+(?:(?P<this>este|esta)\s+|la\s+)?(?P<u>mes|semana)"
      r"(?!\s+(?:pasad|anterior|próxim|que|de\b|siguiente))\b")
def part_of_unit(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"a finales de mes", "a principios de semana": the current month or week, with @mod."""
    mod = {"mediados": "MID", "finales": "END", "fines": "END", "fin": "END"}.get(
        m["p"].lower(), "START")
    unit = "M" if m["u"].lower() == "mes" else "W"
    return Hit("DATE", rv.shifted_value(ctx.dct, unit, 0) or "", mod)


_SHORT_YEAR_BEFORE = re.compile(r"(?i)(?:^|\b(?:de|en|desde|hasta|para))\s*$")


@rule("es_short_year", r"\b(?P<art>el|del)\s+(?P<yy>[5-9]\d)"
      r"(?![\w%]|[.,:/]\d|\s*(?:%|por\s+ciento))")
def short_year(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"en el 98", "las ventas del 98": a year of the last century written with two digits."""
    if m["art"].lower() == "el" and not _SHORT_YEAR_BEFORE.search(ctx.text, max(0, m.start() - 8),
                                                                 m.start()):
        return None
    return Hit("DATE", f"19{m['yy']}", derivation="explicit")


@rule("es_part_of_year", r"\b(?P<p>finales|fines|principios|comienzos|inicios|"
      r"mediados)\s+(?:de|del)\s+(?:este\s+)?año(?!\s+(?:pasado|anterior|próximo|\d))\b")
def part_of_year(m: re.Match[str], ctx: Ctx) -> Hit | None:
    mod = {"mediados": "MID", "finales": "END", "fines": "END"}.get(m["p"].lower(), "START")
    return Hit("DATE", str(ctx.dct.year), mod)


@rule("es_part_of_day", r"\b(?:al|a|el)\s+(?:final|principio|comienzo|cierre|inicio)\s+"
      r"(?:del\s+día|de\s+la\s+(?:jornada|sesión))\b|\bfinales\s+del\s+día\b")
def part_of_day(m: re.Match[str], ctx: Ctx) -> Hit | None:
    return Hit("DATE", ctx.dct.isoformat())


RULES_ES: tuple[Rule, ...] = (
    weekend, noon,
    numeric_rule(day_first=True), month_year, bare_month, weekday,
    day_word, tomorrow, this_part_of_day, unit_shift, quarter, year, decade, decade_bare,
    century, season,
    short_year, half, part_of_unit, part_of_year, part_of_day,
)
