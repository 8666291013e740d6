"""Calendar arithmetic that turns relative expressions into TIMEX3 values, given the DCT.

``direction`` is the sentence tense as an int: -1 past, +1 future, 0 present, ``None`` unknown.
"""

from __future__ import annotations

from datetime import date, timedelta

SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def day_value(d: date) -> str:
    return d.isoformat()


def week_value(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def add_months(d: date, months: int) -> date:
    total = d.year * 12 + d.month - 1 + months
    return date(total // 12, total % 12 + 1, 1)


def weekday_date(dct: date, weekday: int, direction: int | None) -> date:
    """A bare weekday: in the past (or unknown) the latest on or before the DCT, else the next."""
    if direction is not None and direction > 0:
        ahead = (weekday - dct.weekday()) % 7 or 7
        return dct + timedelta(days=ahead)
    return dct - timedelta(days=(dct.weekday() - weekday) % 7)


def shifted_weekday(dct: date, weekday: int, shift: int) -> date:
    """"last Tuesday" (shift -1) is strictly before the DCT, "next Tuesday" strictly after."""
    if shift < 0:
        return dct - timedelta(days=(dct.weekday() - weekday) % 7 or 7)
    if shift > 0:
        return dct + timedelta(days=(weekday - dct.weekday()) % 7 or 7)
    return dct + timedelta(days=weekday - dct.weekday())


#: A tense-consistent reading further than this from the DCT loses to the nearest reading (a
#: year: tense always wins for days; bare months use a shorter reach, see month_year).
MAX_TENSE_REACH_DAYS = 366


def weekend_value(dct: date, direction: int | None) -> str:
    """"the weekend": the coming one in future sentences, else the latest one begun."""
    if direction and direction > 0:
        step = 0 if dct.weekday() < 6 else 1
    else:
        step = -1 if dct.weekday() < 5 else 0
    return week_value(dct + timedelta(weeks=step)) + "-WE"


def _choose(
    candidates: list[date], dct: date, direction: int | None, reach: int = MAX_TENSE_REACH_DAYS
) -> date:
    """The candidate nearest the DCT that agrees with the tense (nearest overall otherwise)."""
    near = [c for c in candidates if abs((c - dct).days) <= reach]
    if direction is not None and direction < 0:
        past = [c for c in near if c <= dct]
        if past:
            return max(past)
    if direction is not None and direction > 0:
        future = [c for c in near if c >= dct]
        if future:
            return min(future)
    return min(candidates, key=lambda c: abs((c - dct).days))


def month_day_date(dct: date, month: int, day: int, direction: int | None) -> date | None:
    """"14 de diciembre" without a year: the year making it nearest and consistent with tense."""
    candidates = []
    for year in (dct.year - 1, dct.year, dct.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    return _choose(candidates, dct, direction) if candidates else None


def day_of_month_date(dct: date, day: int, direction: int | None) -> date | None:
    """"el día 5" with no month: that day in the month before, of or after the DCT, the nearest
    one agreeing with the tense (a shift, "el pasado día 5", is a tense that must hold)."""
    candidates = []
    for step in (-1, 0, 1):
        first = add_months(dct, step)
        try:
            candidates.append(date(first.year, first.month, day))
        except ValueError:
            continue
    return _choose(candidates, dct, direction, reach=45) if candidates else None


def weekday_day_date(dct: date, weekday: int, day: int) -> date | None:
    """"el martes 5": the day numbered ``day`` falling on ``weekday``, nearest the DCT within
    two months either way (None when no month around the DCT fits)."""
    fits = []
    for step in (-2, -1, 0, 1, 2):
        first = add_months(dct, step)
        try:
            d = date(first.year, first.month, day)
        except ValueError:
            continue
        if d.weekday() == weekday:
            fits.append(d)
    return min(fits, key=lambda d: abs((d - dct).days)) if fits else None


def month_year(dct: date, month: int, direction: int | None) -> int:
    """The year of a bare month name, compared at month granularity; without a tense news looks
    back. A tense reaches eleven months at most (a month name rarely means one further away)."""
    here = date(dct.year, dct.month, 1)
    candidates = [date(y, month, 1) for y in (dct.year - 1, dct.year, dct.year + 1)]
    return _choose(candidates, here, -1 if direction is None else direction, reach=335).year


def season_year(dct: date, season: str, direction: int | None) -> int:
    start = SEASON_START_MONTH[season]
    candidates = [date(y, start, 1) for y in (dct.year - 1, dct.year, dct.year + 1)]
    return _choose(candidates, date(dct.year, dct.month, 1), direction).year


def quarter_value(dct: date, quarter: int, direction: int | None) -> str:
    """A bare "fourth quarter": the latest one begun (or next one in future sentences)."""
    here = date(dct.year, 3 * quarter_of(dct) - 2, 1)
    starts = [date(y, 3 * quarter - 2, 1) for y in (dct.year - 1, dct.year, dct.year + 1)]
    chosen = _choose(starts, here, -1 if direction is None else direction, reach=200)
    return f"{chosen.year}-Q{quarter}"


def shifted_value(dct: date, unit: str, n: int) -> str | None:
    """The calendar unit ``n`` steps from the one holding the DCT, at that unit's precision."""
    if unit == "D":
        return day_value(dct + timedelta(days=n))
    if unit == "W":
        return week_value(dct + timedelta(weeks=n))
    if unit == "WE":
        return week_value(dct + timedelta(weeks=n)) + "-WE"
    if unit == "M":
        return add_months(dct, n).strftime("%Y-%m")
    if unit == "Y":
        return f"{dct.year + n:04d}"
    if unit == "H":
        h = dct.year * 2 + (dct.month - 1) // 6 + n
        return f"{h // 2}-H{h % 2 + 1}"
    if unit == "Q":
        q = dct.year * 4 + quarter_of(dct) - 1 + n
        return f"{q // 4}-Q{q % 4 + 1}"
    if unit == "DE":
        return f"{dct.year // 10 + n:03d}"
    if unit == "CE":
        return f"{dct.year // 100 + n:02d}"
    return None


def ago_value(dct: date, unit: str, n: int) -> str | None:
    """"hace tres días" / "in two weeks": the point ``n`` units from the DCT (negative = ago)."""
    if unit in ("D", "W"):
        return day_value(dct + timedelta(days=n * (7 if unit == "W" else 1)))
    if unit == "M":
        return add_months(dct, n).strftime("%Y-%m")
    if unit == "Q":
        return add_months(dct, 3 * n).strftime("%Y-%m")
    if unit.startswith("T"):
        return day_value(dct)  # "hace unas horas": still the day of publication
    if unit in ("Y", "DE", "CE"):
        years = n * {"Y": 1, "DE": 10, "CE": 100}[unit]
        return f"{dct.year + years:04d}"
    return None


def duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration: P3Y, P2W, PT30M, PXY (unknown count); decades and centuries in years."""
    clock = unit.startswith("T")
    letter = unit[1:] if clock else unit
    if unit in ("DE", "CE"):
        letter = "Y"
        if n is not None:
            n = n * (10 if unit == "DE" else 100)
    if n is None:
        count = "X"
    else:
        count = str(int(n)) if float(n).is_integer() else str(n)
    return f"P{'T' if clock else ''}{count}{letter}"
