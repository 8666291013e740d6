"""``tag(text, dct, lang)``: every temporal expression in a text, normalised as TIMEX3.

Spanish and English run our own compiled grammar (``rules_*`` for calendar points, ``spans_*``
for durations, sets and vague references) with a tense
heuristic per sentence; other languages supported by dateparser go through ``fallback``. English
dates inside a Spanish text ("November 17, 2025" in a quoted tweet, "the offer of March 2" in a
quote) are found by running the English rules for dates with spelled-out months over Spanish
texts too.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from dateparser.languages.loader import default_loader

from timeline.errors import InvalidInput
from timeline.extract import intervals
from timeline.extract.anaphora import (
    add_day_references,
    add_then_references,
    anchor_times,
    fuse_weekday_dates,
)
from timeline.extract.days_es import DAY_RULES_ES
from timeline.extract.fallback import search_timexes
from timeline.extract.grammar import Ctx, Found, Rule, apply_mods, collect, mod_pattern
from timeline.extract.holidays import HOLIDAY_RULES_EN, HOLIDAY_RULES_ES
from timeline.extract.langdetect import detect_language
from timeline.extract.prefilter import StartIndex
from timeline.extract.rules_common import COMMON_RULES
from timeline.extract.rules_en import RULES_EN
from timeline.extract.rules_en import day_month_year as en_dmy
from timeline.extract.rules_en import month_day_full as en_md_full
from timeline.extract.rules_en import month_day_year as en_mdy
from timeline.extract.rules_es import RULES_ES
from timeline.extract.spans_en import SPAN_RULES_EN
from timeline.extract.spans_es import SPAN_RULES_ES
from timeline.extract.tense import index_tense
from timeline.extract.times_es import TIME_RULES_ES
from timeline.model import Timex

from . import lexicon_en, lexicon_es

_GRAMMARS: dict[str, tuple[Rule, ...]] = {
    "en": COMMON_RULES + RULES_EN + SPAN_RULES_EN + HOLIDAY_RULES_EN,
    "es": COMMON_RULES + DAY_RULES_ES + RULES_ES + TIME_RULES_ES + SPAN_RULES_ES
    + HOLIDAY_RULES_ES + (en_mdy, en_dmy, en_md_full),
}
_MODS = {"en": mod_pattern(lexicon_en.MODS), "es": mod_pattern(lexicon_es.MODS)}


@lru_cache(maxsize=1)
def supported_languages() -> frozenset[str]:
    """Every language code dateparser knows, plus our own grammars."""
    return frozenset(default_loader.get_locale_map().keys()) | frozenset(_GRAMMARS)


def _as_date(dct: date | datetime) -> date:
    return dct.date() if isinstance(dct, datetime) else dct


def _check_lang(lang: str | None, text: str) -> str:
    if lang is None:
        return detect_language(text)
    code = lang.strip().replace("_", "-")
    primary = code.split("-")[0].lower()
    if primary in _GRAMMARS:
        return primary  # "es-AR", "en_GB": our grammar covers the regional variants
    for candidate in (code, primary):
        if candidate in supported_languages():
            return candidate
    raise InvalidInput(f"unsupported language code {lang!r}", field="lang")


def _to_timex(text: str, f: Found) -> Timex:
    return Timex(f.start, f.end, text[f.start:f.end], f.hit.type, f.hit.value, f.hit.mod,
                 f.hit.derivation)


def tag(text: str, dct: date | datetime, lang: str | None = None) -> tuple[Timex, ...]:
    """Temporal expressions in ``text`` sorted by start, non-overlapping, resolved against
    ``dct`` (the publication date). ``lang=None`` detects the language cheaply."""
    return _tagged(text, dct, _check_lang(lang, text))[0]


def _tagged(text: str, dct: date | datetime,
            code: str) -> tuple[tuple[Timex, ...], StartIndex | None]:
    """:func:`tag`'s expressions, and the text's StartIndex when a grammar of ours made one."""
    day = _as_date(dct)
    rules = _GRAMMARS.get(code)
    if rules is None:
        return search_timexes(text, day, code), None
    index = StartIndex(text)
    ctx = Ctx(text=text, dct=day, tense=index_tense(text, code, index.norm))
    found = apply_mods(text, collect(text, rules, ctx, index), _MODS[code])
    timexes = [_to_timex(text, f) for f in found]
    try:
        timexes = anchor_times(text, fuse_weekday_dates(text, timexes), ctx.tense, day)
        timexes = add_day_references(text, timexes, code, day, index)
        return tuple(add_then_references(text, timexes, code, day, index)), index
    except (ValueError, OverflowError):  # a reference past the calendar's ends
        return tuple(timexes), index


def tag_for_events(text: str, dct: date | datetime, lang: str | None = None) -> tuple[Timex, ...]:
    """Like :func:`tag`, but "entre 1978 y 1982" / "from 2009 to 2011" become one DATE whose
    value is the interval ``1978/1982`` (not a TIMEX3 value: EDTF, as the timeline needs)."""
    code = _check_lang(lang, text)
    timexes, index = _tagged(text, dct, code)
    return intervals.merge_ranges(text, timexes, code, index)
