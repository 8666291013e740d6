"""TIMEX3 values to EDTF strings: the one placeable date string each timeline entry needs.

Choices (the timeline needs one placeable string per entry):

* decade ``194`` -> ``194X``; century ``19`` -> ``19XX``; quarter ``2006-Q4`` -> level-2 season
  ``2006-36``; half ``2024-H1`` -> semester ``2024-40``; fiscal year ``FY2024`` -> ``2024``;
  season ``2025-WI`` -> ``2025-24``; week ``2013-W11`` -> the day interval
  ``2013-03-11/2013-03-17``; a TIME keeps its day; ``2011-06-XX`` -> ``2011-06``.
* @mod START/MID/END becomes the first, middle or last third of the unit as an interval:
  "a finales de los años 40" (``194`` END) -> ``1947/1949``; "late 2009" -> ``2009-09/2009-12``;
  APPROX appends ``~``. :func:`humanize_edtf` reads those thirds back as "late 1940s".
* DURATION, SET and the vague ``*_REF`` values are not placeable: ``None``.
* Never an invalid date: a result the archive would refuse (``2009-22~``, a day that does not
  exist) loses its qualifier, else widens to its year, else is dropped (``None``).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache

from timeline.dates.edtf import is_valid_edtf

__all__ = ["timex_to_edtf"]

SEASON_CODES = {"SP": 21, "SU": 22, "FA": 23, "WI": 24}
_THIRDS = {"START": 0, "MID": 1, "END": 2}
_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
_WEEK = re.compile(r"^(\d{4})-W(\d\d)(-WE)?$")


def _thirds(first: int, last: int, mod: str) -> tuple[int, int]:
    """The START/MID/END third of ``first..last`` (inclusive), e.g. 1940..1949 END -> 1947..1949."""
    size = last - first + 1
    cut1, cut2 = first + round(size * 0.4) - 1, first + round(size * 0.7) - 1
    return [(first, cut1), (cut1 + 1, cut2), (cut2 + 1, last)][_THIRDS[mod]]


def _with_mod(base: str, mod: str | None) -> str:
    if mod in _THIRDS:
        if re.fullmatch(r"\d{3}", base):
            a, b = _thirds(int(base) * 10, int(base) * 10 + 9, mod)
            return f"{a}/{b}"
        if re.fullmatch(r"\d{2}", base):
            a, b = _thirds(int(base) * 100, int(base) * 100 + 99, mod)
            return f"{a}/{b}"
        if re.fullmatch(r"\d{4}", base):
            a, b = _thirds(1, 12, mod)
            return f"{base}-{a:02d}/{base}-{b:02d}"
        if re.fullmatch(r"\d{4}-\d\d", base):
            y, m = int(base[:4]), int(base[5:])
            a, b = _thirds(1, calendar.monthrange(y, m)[1], mod)
            return f"{base}-{a:02d}/{base}-{b:02d}"
    edtf = _plain(base)
    if edtf is not None and mod == "APPROX" and "/" not in edtf:
        return edtf + "~"
    return edtf if edtf is not None else base


def _week(m: re.Match[str]) -> str:
    monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
    first, last = (monday + timedelta(days=5), monday + timedelta(days=6)) if m[3] else (
        monday, monday + timedelta(days=6))
    return f"{first.isoformat()}/{last.isoformat()}"


def _plain(value: str) -> str | None:
    """A TIMEX3 DATE/TIME value without @mod, as EDTF (``None`` if not placeable)."""
    if m := _DAY.match(value):
        return m.group()
    if re.fullmatch(r"\d{4}-\d\d(-XX)?", value):
        return value[:7]
    if re.fullmatch(r"\d{4}(-XX(-XX)?)?", value):
        return value[:4]
    if re.fullmatch(r"\d{3}", value):
        return value + "X"
    if re.fullmatch(r"\d{2}", value):
        return value + "XX"
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
        return f"{m[1]}-{32 + int(m[2])}"
    if m := re.fullmatch(r"(\d{4})-H([12])", value):
        return f"{m[1]}-{39 + int(m[2])}"
    if m := re.fullmatch(r"FY(\d{4})", value):
        return m[1]  # a fiscal year: placed at its calendar year
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
        return f"{m[1]}-{SEASON_CODES[m[2]]}"
    if m := _WEEK.match(value):
        return _week(m)
    if "/" in value and all(_plain(side) for side in value.split("/")):
        return "/".join(str(_plain(side)) for side in value.split("/"))
    return None


@lru_cache(maxsize=4096)
def timex_to_edtf(value: str, mod: str | None = None) -> str | None:
    """EDTF for a TIMEX3 value (and @mod); ``None`` for durations, sets and vague references."""
    if not value or value.startswith("P") or value.endswith("_REF") or value.startswith("X"):
        return None
    try:
        if _plain(value) is None:
            return None
        edtf = _with_mod(value, mod)
    except (ValueError, OverflowError):  # a week or day the calendar does not have
        return None
    return _valid_or_wider(edtf)


def _valid_or_wider(edtf: str) -> str | None:
    """``edtf`` if the archive accepts it, else without its qualifier, else its year, else None."""
    for candidate in (edtf, edtf.rstrip("~?%"), edtf[:4]):
        if is_valid_edtf(candidate):
            return candidate
    return None


