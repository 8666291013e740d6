"""Languages without a grammar of their own: dateparser's ``search_dates``, with offsets.

dateparser gives substrings, not offsets, and drops the precision of what it parsed; we find each
substring in order and re-read its period (day, month, year) to write a TIMEX3 value.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from dateparser.date import DateDataParser
from dateparser.search import search_dates

from timeline.model import Timex


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


def _period(text: str, lang: str, dct: date) -> str:
    data = DateDataParser(languages=[lang], settings=_settings(dct)).get_date_data(text)
    return data.period or "day"


def search_timexes(text: str, dct: date, lang: str) -> tuple[Timex, ...]:
    """Every date dateparser finds in ``text``, as Timexes with offsets into ``text``."""
    try:
        found = search_dates(text, languages=[lang], settings=_settings(dct))
    except (ValueError, OverflowError):
        return ()
    out: list[Timex] = []
    cursor = 0
    for substring, when in found or ():
        start = text.find(substring, cursor)
        if start < 0 or not substring.strip() or substring.strip().isdigit() and len(
            substring.strip()
        ) != 4:
            continue
        cursor = start + len(substring)
        kind, value = _value(when, _period(substring, lang, dct))
        has_year = str(when.year) in substring
        out.append(Timex(start, cursor, substring, kind, value,
                         derivation="explicit" if has_year else "relative"))
    return tuple(out)
