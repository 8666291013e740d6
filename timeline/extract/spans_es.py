"""Spanish spans, recurrences and vague references: "hace tres días", "durante dos años",
"cada lunes", "actualmente"."""

from __future__ import annotations

import re

from timeline.extract import lexicon_es as lx
from timeline.extract import resolve as rv
from timeline.extract.grammar import Ctx, Hit, Rule, alt, norm, parse_count, rule
from timeline.extract.rules_es import NUM, UNIT, WD

_AGE_BEFORE = re.compile(r"(?i)(?:,\s*de|\(\s*(?:de\s+)?|\ba\s+los|\bedad\s+de|\btiene|\btenía"
                         r"|\bcumplió|\bcumple|\bcumplir)\s*$")


def _is_age(m: re.Match[str], text: str) -> bool:
    """"Kast, de 59 años," or "(59 años)": someone's age, not a span of time."""
    if m["age"]:
        return True
    start = m.start("num") if m["art"] else m.start()
    return m["unit"].lower() == "años" and bool(
        _AGE_BEFORE.search(text, max(0, start - 12), start)
    )


#: Quantifiers kept in a duration's span, with the TIMEX3 @mod they imply.
_QUANT: dict[str, str | None] = {
    "más de": "MORE_THAN", "menos de": "LESS_THAN", "casi": "APPROX", "cerca de": "APPROX",
    "alrededor de": "APPROX", "unos": "APPROX", "unas": "APPROX", "aproximadamente": "APPROX",
    "al menos": "EQUAL_OR_MORE", "hasta": "EQUAL_OR_LESS",
}


_DIR = r"(?:últim|próxim|primer)[oa]s"


@rule("es_span", rf"\b(?:(?:los|las)\s+)?{_DIR}\s+{NUM}\s+{UNIT}\b")
def span_duration(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"los últimos tres años": a span up to (or from) now."""
    n = parse_count(m["num"], lx.NUMBERS)
    return Hit("DURATION", rv.duration_value(n, lx.UNITS[norm(m["unit"])]))


@rule("es_span_after", rf"\b(?:los|las)\s+{NUM}\s+{_DIR}\s+{UNIT}\b")
def span_duration_after(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"los dos últimos años": the same span, the count first."""
    n = parse_count(m["num"], lx.NUMBERS)
    return Hit("DURATION", rv.duration_value(n, lx.UNITS[norm(m["unit"])]))


@rule("es_ago", rf"\b(?P<dir>hace|dentro\s+de|en)\s+(?:(?:unos|unas|apenas|casi|más\s+de)\s+)?"
      rf"{NUM}\s+{UNIT}\b")
def ago(m: re.Match[str], ctx: Ctx) -> Hit | None:
    n = parse_count(m["num"], lx.NUMBERS)
    sign = -1 if m["dir"].lower() == "hace" else 1
    if m["dir"].lower() == "en" and (ctx.tense_at(m) or 0) <= 0:
        return None
    if n is None or not n.is_integer() or n == 0:
        return None
    value = rv.ago_value(ctx.dct, lx.UNITS[norm(m["unit"])], sign * int(n))
    return Hit("DATE", value) if value else None


@rule("es_ago_vague", rf"\bhace\s+(?:{alt(lx.VAGUE_NUMBERS)})\s+(?P<unit>{alt(lx.UNITS)})\b")
def ago_vague(m: re.Match[str], ctx: Ctx) -> Hit | None:
    if lx.UNITS[norm(m["unit"])].startswith("T"):
        return Hit("DATE", ctx.dct.isoformat())  # "hace unas horas": the same day
    return Hit("DATE", "PAST_REF")


@rule("es_duration", rf"(?<![\w$€£.,])(?:(?P<q>{alt(_QUANT)})\s+)?(?P<art>(?:los|las)\s+)?"
      rf"{NUM}\s+{UNIT}"
      r"(?:\s+(?:consecutiv[oa]s|seguid[oa]s|complet[oa]s|enter[oa]s))?(?:\s+y\s+medi[oa])?(?P<age>\s+de\s+edad)?\b")
def duration(m: re.Match[str], ctx: Ctx) -> Hit | None:
    n = parse_count(m["num"], lx.NUMBERS)
    if n is None or n == 0 or _is_age(m, ctx.text):
        return None
    if norm(m.group()) == "un día":
        return None  # "un día" is far more often "one day (someday)" than a span of time
    if re.search(r"medi[oa]$", m.group().lower()):
        n += 0.5
    mod = _QUANT.get(norm(m["q"] or ""))
    return Hit("DURATION", rv.duration_value(n, lx.UNITS[norm(m["unit"])]), mod, "explicit")


@rule("es_vague_duration", rf"\b(?:(?P<q>{alt(lx.VAGUE_NUMBERS)})\s+)?"
      r"(?P<unit>años|décadas|meses|semanas|días|horas|minutos|siglos)\b")
def vague_duration(m: re.Match[str], ctx: Ctx) -> Hit | None:
    before = ctx.text[max(0, m.start() - 6):m.start()]
    if re.search(r"(?:\d|los|las)\s*$", before) and not m["q"]:
        return None
    return Hit("DURATION", rv.duration_value(None, lx.UNITS[m["unit"].lower()]))


@rule("es_vague_span", rf"\b(?:(?:los|las)\s+)?(?:últim|próxim|primer)[oa]s\s+"
      rf"(?:(?:{alt(lx.VAGUE_NUMBERS)})\s+)?(?P<unit>años|meses|semanas|días|horas|décadas|minutos"
      r"|siglos|temporadas|jornadas)\b")
def vague_span(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"los próximos días", "las últimas semanas": a span of unknown length (PXD, PXW)."""
    if norm(m.group()) in lx.REFS:
        return None  # "los últimos años": the recent past (PAST_REF)
    return Hit("DURATION", rv.duration_value(None, lx.UNITS[m["unit"].lower()]))


_NOT_TIME_BEFORE = re.compile(r"(?i)\b(?:de|tan)\s+$")


@rule("es_ref", rf"\b(?<!\bmás\s)(?<!\bmenos\s)(?P<w>{alt(lx.REFS)}|recientes?)\b(?!\s+que\b)")
def reference(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"actualmente", "el futuro", "reciente" (not "más reciente": the latest of a series; not
    "ahora que", "de pronto", "tan pronto": conjunctions and manner)."""
    if norm(m["w"]) == "pronto" and _NOT_TIME_BEFORE.search(ctx.text, max(0, m.start() - 5),
                                                              m.start()):
        return None
    return Hit("DATE", lx.REFS.get(norm(m["w"]), "PAST_REF"))


@rule("es_so_far", r"\b(?:hasta|por|desde)\s+(?P<t>el\s+momento)\b(?!\s+(?:de|del|en|que)\b)")
def so_far(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"hasta el momento", "por el momento": now (the preposition stays out of the span);
    "en el momento del cierre" is another time, not tagged."""
    return Hit("DATE", "PRESENT_REF")


@rule("es_next_ref", rf"\b(?:el|la|los|las|su|sus|un|una|del|al)\s+(?P<t>próxim[oa]s?)\s+"
      rf"(?={alt(lx.EVENT_NOUNS)}\b)", needs="próxim")
def next_reference(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"las próximas elecciones": the adjective places a happening in the future (FUTURE_REF);
    "el próximo sistema operativo" is left alone (a product, not a time)."""
    return Hit("DATE", "FUTURE_REF")


@rule("es_yearly_amount", rf"\b(?:{alt(lx.YEARLY_AMOUNTS)})\s+(?P<t>anual(?:es)?|trimestral(?:es)?)"
      r"\b", needs=r"\b(?:anual|trimestral)")
def yearly_amount(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"beneficio anual", "pérdida trimestral": an amount over a year (a quarter), a DURATION."""
    return Hit("DURATION", "P1Y" if m["t"].lower().startswith("anual") else "P3M")


_NEWSPAPER_BEFORE = re.compile(r"(?i)\b(?:el|un|del|al|su|este|ese|otro|dicho|nuestro)\s+$")


@rule("es_daily", r"\b(?P<w>diari[oa]s?)\b", 0)
def daily(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"uso diario", "dos horas diarias": every day; "el diario" is a newspaper."""
    if m.group() == "diario" and _NEWSPAPER_BEFORE.search(ctx.text, max(0, m.start() - 10),
                                                          m.start()):
        return None
    return Hit("SET", "P1D")


@rule("es_times_per", rf"\b(?:{NUM}\s+veces|una\s+vez)\s+(?:al|por|a\s+la|cada)\s+"
      r"(?P<u>año|mes|semana|día)\b", needs=r"\bve(?:z|ces)\b")
def times_per(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"dos veces al año": a SET of the unit (its frequency is the count)."""
    unit = {"año": "Y", "mes": "M", "semana": "W", "día": "D"}[m["u"].lower()]
    return Hit("SET", f"P1{unit}")


@rule("es_single_unit", r"\bun[oa]?\s+(?:mism[oa]|sol[oa]|únic[oa])\s+"
      r"(?P<unit>día|semana|mes|año|hora)\b")
def single_unit(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"en un mismo día", "en una sola semana": one unit of time (P1D, P1W)."""
    return Hit("DURATION", rv.duration_value(1, lx.UNITS[m["unit"].lower()]))


@rule("es_every_n", rf"\bcada\s+{NUM}\s+{UNIT}\b")
def every_n_units(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"cada seis semanas": a SET whose period is the span."""
    n = parse_count(m["num"], lx.NUMBERS)
    if n is None:
        return None
    return Hit("SET", rv.duration_value(n, lx.UNITS[norm(m["unit"])]))


@rule("es_set", rf"\b(?P<w>{alt(lx.SETS)})\b")
def recurrence(m: re.Match[str], ctx: Ctx) -> Hit | None:
    return Hit("SET", lx.SETS[norm(m["w"])])


@rule("es_every_weekday", rf"\b(?:cada|todos\s+los)\s+{WD}\b")
def every_weekday(m: re.Match[str], ctx: Ctx) -> Hit | None:
    return Hit("SET", f"XXXX-WXX-{lx.WEEKDAYS[m['wd'].lower()] + 1}")


@rule("es_weekdays", r"\blos\s+(?P<wd>lunes|martes|miércoles|jueves|viernes|sábados|domingos)\b"
      r"(?!\s+(?:\d|pasad|próxim|anterior|siguiente))")
def weekdays(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"los lunes", "los domingos": every such day (a SET); "el lunes" is one day."""
    word = m["wd"].lower()
    day = lx.WEEKDAYS[word.removesuffix("s") if word.endswith("os") else word]
    return Hit("SET", f"XXXX-WXX-{day + 1}")


@rule("es_every_season", rf"\b(?:cada|todos\s+los|todas\s+las)\s+(?P<s>{alt(lx.SEASONS)})\b")
def every_season(m: re.Match[str], ctx: Ctx) -> Hit | None:
    return Hit("SET", f"XXXX-{lx.SEASONS[m['s'].lower()]}")


@rule("es_half_hour", r"\b(?:media\s+hora|una\s+hora\s+y\s+media)\b")
def half_hour(m: re.Match[str], ctx: Ctx) -> Hit | None:
    return Hit("DURATION", "PT30M" if m.group().lower().startswith("media") else "PT90M")


SPAN_RULES_ES: tuple[Rule, ...] = (
    span_duration, span_duration_after, ago, ago_vague, duration, vague_span, vague_duration,
    yearly_amount, daily, times_per, reference, so_far, next_reference, every_n_units,
    single_unit, recurrence,
    every_weekday, weekdays, every_season, half_hour,
)
