"""English spans, recurrences and vague references: "three days ago", "for two years",
"every Monday", "currently"."""

from __future__ import annotations

import re

from timeline.extract import lexicon_en as lx
from timeline.extract import resolve as rv
from timeline.extract.grammar import Ctx, Hit, Rule, alt, norm, parse_count, rule
from timeline.extract.rules_en import ADJ, NUM, UNIT, WD

#: Quantifiers kept in a duration's span, with the TIMEX3 @mod they imply.
_QUANT: dict[str, str | None] = {
    "over": "MORE_THAN", "more than": "MORE_THAN", "at least": "EQUAL_OR_MORE",
    "less than": "LESS_THAN", "under": "LESS_THAN", "up to": "EQUAL_OR_LESS",
    "nearly": "APPROX", "almost": "APPROX", "about": "APPROX", "around": "APPROX",
    "roughly": "APPROX", "at most": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
}


@rule("en_span", rf"\b(?:the\s+)?(?P<dir>last|past|next|coming|previous|first)\s+{NUM}\s+{UNIT}\b")
def span_duration(m: re.Match[str], ctx: Ctx) -> Hit | None:
    n = parse_count(m["num"], lx.NUMBERS)
    return Hit("DURATION", rv.duration_value(n, lx.UNITS[norm(m["unit"])]))


@rule("en_ago", rf"\b{NUM}\s+{UNIT}\s+(?P<dir>ago|from\s+now|hence)\b")
def ago(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"three days ago", "a year from now"."""
    n = parse_count(m["num"], lx.NUMBERS)
    if n is None or not n.is_integer():
        return None
    sign = -1 if m["dir"].lower() == "ago" else 1
    value = rv.ago_value(ctx.dct, lx.UNITS[norm(m["unit"])], sign * int(n))
    return Hit("DATE", value) if value else None


@rule("en_in_n", rf"\b(?:in|within)\s+{NUM}\s+{UNIT}(?!\s+(?:ago|of|earlier))\b")
def in_n_units(m: re.Match[str], ctx: Ctx) -> Hit | None:
    n = parse_count(m["num"], lx.NUMBERS)
    if n is None or not n.is_integer() or (ctx.tense_at(m) or 0) <= 0:
        return None
    value = rv.ago_value(ctx.dct, lx.UNITS[norm(m["unit"])], int(n))
    return Hit("DATE", value) if value else None


@rule("en_duration", rf"(?<![\w$€£.,])(?:(?P<q>{alt(_QUANT)})\s+)?{NUM}"
      rf"(?P<half>\s+and\s+a\s+half)?(?:\s+|-)(?:{ADJ}\s+)?{UNIT}"
      r"(?P<h2>\s+and\s+a\s+half)?(?:-long)?(?P<old>[\s-]old)?\b")
def duration(m: re.Match[str], ctx: Ctx) -> Hit | None:
    n = parse_count(m["num"], lx.NUMBERS)
    if n is None or m["old"] or (m["num"].lower() in ("a", "an") and m["unit"].startswith("sec")):
        return None
    if m["half"] or m["h2"]:
        n += 0.5
    mod = _QUANT.get(norm(m["q"] or ""))
    return Hit("DURATION", rv.duration_value(n, lx.UNITS[norm(m["unit"])]), mod, "explicit")


@rule("en_vague_duration", rf"\b(?:(?P<q>{alt(lx.VAGUE_NUMBERS)})\s+)?"
      r"(?P<unit>years|decades|months|weeks|days|hours|minutes|centuries)(?:-long)?\b")
def vague_duration(m: re.Match[str], ctx: Ctx) -> Hit | None:
    before = ctx.text[max(0, m.start() - 6):m.start()]
    if re.search(r"\d\s*$", before):
        return None
    return Hit("DURATION", rv.duration_value(None, lx.UNITS[m["unit"].lower()]))


@rule("en_vague_span", r"\b(?:the\s+)?(?P<dir>last|past|next|coming|previous|first|following|"
      r"recent)\s+"
      r"(?:(?:few|several|many|couple\s+of)\s+)?(?P<unit>years|months|weeks|days|hours|decades|"
      r"minutes|centuries|seasons)\b")
def vague_span(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"the coming weeks", "the past few years", "recent weeks": a span of unknown length (PXW);
    "recent years" stays the recent past (PAST_REF)."""
    if norm(m.group()) in lx.REFS:
        return None
    return Hit("DURATION", rv.duration_value(None, lx.UNITS[m["unit"].lower()]))


@rule("en_times_per", rf"\b(?:(?P<n>once|twice|thrice)|{NUM}\s+times)\s+(?:a|an|per|each|every)\s+"
      r"(?P<u>year|month|week|day|hour)\b",
      needs=r"(?:once|twice|thrice|times)\s+(?:a|an|per|each|every)\s+(?:year|month|week|day|hour)\b")
def times_per(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"twice a year": a SET of the unit (its frequency is the count)."""
    unit = lx.UNITS[m["u"].lower()]
    return Hit("SET", f"P{'T' if unit.startswith('T') else ''}1{unit[-1]}")


@rule("en_every_n", rf"\b(?:every|each)\s+{NUM}\s+{UNIT}\b")
def every_n_units(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"every six weeks": a SET whose period is the span."""
    n = parse_count(m["num"], lx.NUMBERS)
    return Hit("SET", rv.duration_value(n, lx.UNITS[norm(m["unit"])]))


@rule("en_single_unit", r"\b(?:(?:a|one)\s+single\s+|single-)(?P<unit>day|week|month|year|hour)\b")
def single_unit(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"in a single day", "the biggest single-day fall": one unit of time (P1D)."""
    return Hit("DURATION", rv.duration_value(1, lx.UNITS[m["unit"].lower()]))


@rule("en_year_end", r"\b(?P<w>year[- ]end|year's\s+end)\b")
def year_end(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"by year-end": the end of the current year."""
    return Hit("DATE", str(ctx.dct.year), "END")


@rule("en_yearly_amount", rf"\b(?P<t>annual|quarterly)\s+(?:{alt(lx.YEARLY_AMOUNTS)})\b",
      needs="annual|quarterly")
def yearly_amount(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"annual profit", "quarterly loss": an amount over one year (quarter), a DURATION."""
    return Hit("DURATION", "P1Y" if m["t"].lower() == "annual" else "P3M")


@rule("en_every_season", r"\b(?:every|each)\s+(?P<s>spring|summer|autumn|fall|winter)\b")
def every_season(m: re.Match[str], ctx: Ctx) -> Hit | None:
    return Hit("SET", f"XXXX-{lx.SEASONS[m['s'].lower()]}")


@rule("en_half_hour", r"\b(?:half\s+an\s+hour|a\s+half[\s-]hour)\b")
def half_hour(m: re.Match[str], ctx: Ctx) -> Hit | None:
    return Hit("DURATION", "PT30M", derivation="explicit")


#: "the past" is the time before now only where no noun follows ("the past president" is not).
_NOUN_AFTER_PAST = re.compile(r"\s+(?!(?:and|or|but|when|where|as|to|in|on|at|for|with|is|was|"
                              r"has|had|have|were|are|that|which|will|would|few|several)\b)[a-z]")


@rule("en_ref", rf"\b(?<!\bmost\s)(?<!\bmore\s)(?P<w>{alt(lx.REFS)}|recent)\b"
      r"(?!\s+accounts?\b|\s+affairs\b|-)")
def reference(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"currently", "the future", "recent" (not "most recent": the latest of a series)."""
    word = norm(m["w"])
    if word == "the past" and _NOUN_AFTER_PAST.match(ctx.text, m.end()):
        return None
    return Hit("DATE", lx.REFS.get(word, "PAST_REF"))


@rule("en_set", rf"\b(?P<w>{alt(lx.SETS)})\b")
def recurrence(m: re.Match[str], ctx: Ctx) -> Hit | None:
    return Hit("SET", lx.SETS[norm(m["w"])])


@rule("en_per_unit", r"(?:(?<=\d)|(?<=%)|(?<=percent))\s+(?P<t>(?:a|per|an)\s+"
      r"(?P<u>year|month|week|day|hour))\b",
      needs=r"(?:\d|%|percent)\s+(?:a|per|an)\s+(?:year|month|week|day|hour)\b")
def per_unit(m: re.Match[str], ctx: Ctx) -> Hit | None:
    unit = lx.UNITS[m["u"].lower()]
    return Hit("SET", f"P{'T' if unit.startswith('T') else ''}1{unit[-1]}")


@rule("en_every_weekday", rf"\b(?:every|each)\s+{WD}\b", re.IGNORECASE)
def every_weekday(m: re.Match[str], ctx: Ctx) -> Hit | None:
    return Hit("SET", f"XXXX-WXX-{lx.WEEKDAYS[m['wd'].lower()] + 1}")


SPAN_RULES_EN: tuple[Rule, ...] = (
    span_duration, ago, in_n_units, every_n_units, duration, vague_span, vague_duration, times_per,
    year_end, single_unit,
    yearly_amount, every_season, half_hour,
    reference, recurrence, per_unit, every_weekday,
)
