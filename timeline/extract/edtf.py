"""TIMEX3 values to EDTF strings, and what an EDTF string means on a calendar.

Choices (the timeline needs one placeable string per entry):

* decade ``194`` -> ``194X``; century ``19`` -> ``19XX``; quarter ``2006-Q4`` -> level-2 season
  ``2006-36``; season ``2025-WI`` -> ``2025-24``; week ``2013-W11`` -> the day interval
  ``2013-03-11/2013-03-17``; a TIME keeps its day; ``2011-06-XX`` -> ``2011-06``.
* @mod START/MID/END becomes the first, middle or last third of the unit as an interval:
  "a finales de los años 40" (``194`` END) -> ``1947/1949``; "late 2009" -> ``2009-09/2009-12``;
  APPROX appends ``~``. :func:`humanize_edtf` reads those thirds back as "late 1940s".
* DURATION, SET and the vague ``*_REF`` values are not placeable: ``None``.
* Bounds are the strict ones (``2025-11-16~`` is that day); winter runs December to February.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache

from edtf import parse_edtf
from edtf.parser.edtf_exceptions import EDTFParseException

from timeline.errors import InvalidInput
from timeline.extract.humanize import humanize_edtf

__all__ = ["timex_to_edtf", "edtf_bounds", "edtf_precision", "humanize_edtf"]

SEASON_CODES = {"SP": 21, "SU": 22, "FA": 23, "WI": 24}
_THIRDS = {"START": 0, "MID": 1, "END": 2}
_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
_WEEK = re.compile(r"^(\d{4})-W(\d\d)(-WE)?$")
#: The shapes nearly every entry has (day, month, year, decade, century, each optionally
#: qualified): their bounds are computed directly; anything else goes through the full parser.
_SIMPLE = re.compile(r"^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(\d\d))?)?[~?%]?$")
_DECADE = re.compile(r"^(\d{3})X[~?%]?$")
_CENTURY = re.compile(r"^(\d{2})XX[~?%]?$")


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
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
        return f"{m[1]}-{SEASON_CODES[m[2]]}"
    if m := _WEEK.match(value):
        return _week(m)
    if "/" in value and all(_plain(side) for side in value.split("/")):
        return "/".join(str(_plain(side)) for side in value.split("/"))
    return None


def timex_to_edtf(value: str, mod: str | None = None) -> str | None:
    """EDTF for a TIMEX3 value (and @mod); ``None`` for durations, sets and vague references."""
    if not value or value.startswith("P") or value.endswith("_REF") or value.startswith("X"):
        return None
    if _plain(value) is None:
        return None
    return _with_mod(value, mod)


def _check(edtf: str) -> object:
    try:
        return parse_edtf(edtf)
    except (EDTFParseException, TypeError, ValueError) as e:
        raise InvalidInput(f"not a valid EDTF date: {edtf!r}", field="date") from e


def _winter(edtf: str) -> tuple[date, date] | None:
    m = re.fullmatch(r"(\d{4})-24[~?%]?", edtf)
    if not m:
        return None
    year = int(m[1])
    return date(year, 12, 1), date(year + 1, 3, 1) - timedelta(days=1)


def _simple_bounds(edtf: str) -> tuple[date, date] | None:
    """Bounds of a day, month, year, decade or century without the full parser (None: other)."""
    if m := _DECADE.match(edtf):
        return date(int(m[1]) * 10, 1, 1), date(int(m[1]) * 10 + 9, 12, 31)
    if m := _CENTURY.match(edtf):
        return date(int(m[1]) * 100, 1, 1), date(int(m[1]) * 100 + 99, 12, 31)
    m = _SIMPLE.match(edtf)
    if m is None or int(m[1]) == 0:
        return None
    year = int(m[1])
    if m[2] is None:
        return date(year, 1, 1), date(year, 12, 31)
    month = int(m[2])
    if m[3] is None:
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    try:
        day = date(year, month, int(m[3]))
    except ValueError as e:
        raise InvalidInput(f"not a valid EDTF date: {edtf!r}", field="date") from e
    return day, day


@lru_cache(maxsize=65_536)
def edtf_bounds(edtf: str) -> tuple[date, date]:
    """Earliest and latest day (inclusive) an EDTF string can mean: ``194X`` -> 1940..1949."""
    if not isinstance(edtf, str) or not edtf:
        raise InvalidInput(f"not a valid EDTF date: {edtf!r}", field="date")
    sides = [_simple_bounds(side) for side in edtf.split("/")]
    if None not in sides and len(sides) <= 2:
        lo, hi = sides[0], sides[-1]
        if hi[1] < lo[0]:  # type: ignore[index]
            raise InvalidInput(f"interval ends before it starts: {edtf!r}", field="date")
        return lo[0], hi[1]  # type: ignore[index]
    parsed = _check(edtf)
    if "/" in edtf:
        lo, hi = (edtf_bounds(side) for side in edtf.split("/", 1))
        if hi[1] < lo[0]:
            raise InvalidInput(f"interval ends before it starts: {edtf!r}", field="date")
        return lo[0], hi[1]
    if winter := _winter(edtf):
        return winter
    lower, upper = parsed.lower_strict(), parsed.upper_strict()  # type: ignore[attr-defined]
    return date(*lower[:3]), date(*upper[:3])


@lru_cache(maxsize=65_536)
def edtf_precision(edtf: str) -> str:
    """One of ``timeline.model.PRECISIONS`` for an EDTF string."""
    edtf_bounds(edtf)  # validates
    core = edtf.rstrip("~?%")
    if "/" in core:
        return "interval"
    for precision, pattern in (
        ("day", r"\d{4}-\d\d-\d\d"), ("month", r"\d{4}-(0[1-9]|1[0-2])"),
        ("season", r"\d{4}-2[1-4]"), ("quarter", r"\d{4}-3[3-6]"), ("year", r"\d{4}"),
        ("decade", r"\d{3}X"), ("century", r"\d{2}XX"),
    ):
        if re.fullmatch(pattern, core):
            return precision
    start, end = edtf_bounds(edtf)
    days = (end - start).days
    return "day" if days < 1 else "month" if days < 32 else "year" if days < 367 else "interval"
