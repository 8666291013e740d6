"""What an EDTF string means on a calendar: its bounds (earliest and latest day) and precision.

Bounds are the strict ones (``2025-11-16~`` is that day); winter (``-24``) runs December to
February. Day, month, year, decade and century shapes are computed directly; anything else goes
through the ``edtf`` package's parser.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache

from edtf import parse_edtf
from edtf.parser.edtf_exceptions import EDTFParseException

from timeline.errors import InvalidInput

__all__ = ["edtf_bounds", "edtf_precision", "is_valid_edtf"]

_SIMPLE = re.compile(r"^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(\d\d))?)?[~?%]?$")
_DECADE = re.compile(r"^(\d{3})X[~?%]?$")
_CENTURY = re.compile(r"^(\d{2})XX[~?%]?$")


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
    """Earliest and latest day (inclusive) an EDTF string can mean: ``194X`` -> 1940..1949.

    Dates the calendar cannot hold (before year 1 or after 9999, ``Y99999999999``) are refused."""
    try:
        return _bounds(edtf)
    except InvalidInput:
        raise
    except (OverflowError, ValueError) as e:
        raise InvalidInput(
            f"EDTF date outside the supported range (years 1 to 9999): {edtf[:40]!r}",
            field="date") from e


def _bounds(edtf: str) -> tuple[date, date]:
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


def is_valid_edtf(edtf: str) -> bool:
    """Whether ``edtf`` is a date the archive accepts (it has bounds and a precision)."""
    try:
        edtf_precision(edtf)
    except (InvalidInput, OverflowError, ValueError):
        return False
    return True
