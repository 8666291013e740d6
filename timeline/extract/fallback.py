"""Languages without a grammar of their own: dateparser's ``search_dates``, with offsets.

dateparser gives substrings, not offsets, and drops the precision of what it parsed; we find each
substring in order and re-read its period (day, month, year) to write a TIMEX3 value. Spans are
trimmed to TimeML's: a leading preposition ("en", "em", "am", "im") and trailing function words
("lundi une" -> "lundi") stay out; a lone word of three letters or fewer ("Die", read as
"Dienstag") is dropped. A day and month without a year takes the year nearest the publication
date, as our own grammars do without a tense.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from dateparser.date import DateDataParser
from dateparser.search import search_dates

from timeline.extract.resolve import month_day_date
from timeline.model import Timex

#: Prepositions (and preposition + article contractions) before a date, in the fallback's
#: languages: TimeML leaves them out of the expression.
_LEADING = frozenset(
    "en à au aux dans depuis dès vers pour em no na nos nas ao desde até para am im um an in "
    "ab seit bis vom zum zur bei nach in op om per da dal nel al".split()
)
#: Function words dateparser lets trail after a date: "lundi une", "ontem um", "demain à".
_TRAILING = frozenset(
    "un une le la les et à a de du des o os um uma e em no na de do da der die das den dem ein "
    "eine und zu il lo gli ed di del della het een en dans in".split()
)
#: "le 3 février prochain": a modifier after the date belongs to it.
_POST = re.compile(r"(?i)\s+(?:prochaine?|derni[eè]re?|pass[ée]e?|próxim[oa]|passad[oa]|"
                   r"prossim[oa]|scors[oa])\b")


def _settings(dct: date) -> dict[str, object]:
    base = datetime(dct.year, dct.month, dct.day, 12)
    return {"RELATIVE_BASE": base, "RETURN_TIME_AS_PERIOD": True}


@lru_cache(maxsize=32)
def _parser(lang: str) -> DateDataParser:
    return DateDataParser(languages=[lang], settings={"RETURN_TIME_AS_PERIOD": True})


def _value(found: datetime, period: str) -> tuple[str, str]:
    if period == "year":
        return "DATE", f"{found.year:04d}"
    if period == "month":
        return "DATE", found.strftime("%Y-%m")
    if period == "time":
        return "TIME", found.strftime("%Y-%m-%dT%H:%M")
    if period == "week":
        iso = found.isocalendar()
        return "DATE", f"{iso.year}-W{iso.week:02d}"
    return "DATE", found.date().isoformat()


def _parse(text: str, lang: str, dct: date) -> tuple[datetime | None, str]:
    data = DateDataParser(languages=[lang], settings=_settings(dct)).get_date_data(text)
    return data.date_obj, data.period or "day"


#: "il y a trois jours": dateparser starts at "a"; the expression starts at "il y".
_IL_Y = re.compile(r"(?i)\bil\s+y\s+$")


def _trim(substring: str) -> tuple[int, int]:
    """Offsets of the TimeML span inside one dateparser substring."""
    words = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", substring)]
    while len(words) > 1 and words[0][2].lower() in _LEADING:
        words.pop(0)
    while len(words) > 1 and words[-1][2].lower() in _TRAILING:
        words.pop()
    return (words[0][0], words[-1][1]) if words else (0, 0)


def _kept(span: str) -> bool:
    """A lone digit string that is no year, or a lone short word, is not a date."""
    if span.isdigit():
        return len(span) == 4
    return " " in span or len(span) > 3 or any(c.isdigit() for c in span)


def _nearest_year(when: datetime, span: str, dct: date) -> datetime:
    """A day and month written without a year: the year nearest the publication date."""
    days = [int(d) for d in re.findall(r"(?<!\d)\d{1,2}(?!\d)", span)]
    if str(when.year) in span or when.day not in days:
        return when  # a year written out, or a relative expression ("il y a 10 mois")
    day = month_day_date(dct, when.month, when.day, None)
    return when if day is None else when.replace(year=day.year)


def search_timexes(text: str, dct: date, lang: str) -> tuple[Timex, ...]:
    """Every date dateparser finds in ``text``, as Timexes with offsets into ``text``."""
    try:
        found = search_dates(text, languages=[lang], settings=_settings(dct))
    except (ValueError, OverflowError):
        return ()
    out: list[Timex] = []
    cursor = 0
    for substring, when in found or ():
        found_at = text.find(substring, cursor)
        if found_at < 0:
            continue
        cursor = found_at + len(substring)
        a, b = _trim(substring)
        span = substring[a:b]
        if not _kept(span):
            continue
        start = found_at + a
        if span.lower().startswith("a ") and (m := _IL_Y.search(text, max(0, start - 8), start)):
            span, start = text[m.start():start + len(span)], m.start()
        if post := _POST.match(text, start + len(span)):
            span = text[start:post.end()]
        parsed, period = _parse(span, lang, dct)
        when = parsed or when
        if period == "day":
            when = _nearest_year(when, span, dct)
        kind, value = _value(when, period)
        has_year = str(when.year) in span
        out.append(Timex(start, start + len(span), span, kind, value,
                         derivation="explicit" if has_year else "relative"))
    return tuple(out)
