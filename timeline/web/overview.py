"""The overview strip: how many events fall in each day, month, year or decade of the span.

Pure. A bar's height: a fuzzy date counts once, spread over the buckets it overlaps in
proportion to the days it covers ("November 2025" is wholly in one month; "the 1940s" is a
tenth in each year). A bar's label says the whole number of events touching it. Given a
``window`` (the range the reader chose), the strip covers only that window, so it is drawn at
a finer unit: decades -> years -> months -> days.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from timeline.dates import humanize_edtf

DAYS_UP_TO = 62  # a span up to this many days is drawn by day
MONTHS_UP_TO_YEARS = 6  # a span up to this many years is drawn by month
YEARS_UP_TO = 120  # ... up to this many years by year, beyond by decade
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)


@dataclass(frozen=True, slots=True)
class Bucket:
    start: date
    end: date  # inclusive
    label: str  # "November 2025", "2025", "1940s"
    date_from: str  # filter values (EDTF): "2025-11", "2025", "1940"
    date_to: str
    weight: float
    count: int = 0  # events touching the bucket (a whole number, for labels)


@dataclass(frozen=True, slots=True)
class Overview:
    grain: str  # month, year or decade
    buckets: tuple[Bucket, ...]

    @property
    def peak(self) -> float:
        return max((b.weight for b in self.buckets), default=0.0)


def _words(edtf: str, lang: str, fallback: str) -> str:
    try:
        return humanize_edtf(edtf, lang)
    except ValueError:  # outside the calendar the humanizer reads (the year 0's decade)
        return fallback


def _day(day: date, lang: str) -> Bucket:
    label = humanize_edtf(day.isoformat(), lang)
    return Bucket(day, day, label, day.isoformat(), day.isoformat(), 0.0)


def _month(year: int, month: int, lang: str) -> Bucket:
    end = date(year + month // 12, month % 12 + 1, 1).toordinal() - 1
    edtf = f"{year:04d}-{month:02d}"
    return Bucket(date(year, month, 1), date.fromordinal(end), humanize_edtf(edtf, lang),
                  edtf, edtf, 0.0)


def _year(year: int) -> Bucket:
    return Bucket(date(year, 1, 1), date(year, 12, 31), str(year), f"{year:04d}", f"{year:04d}",
                  0.0)


def _decade(first: int, lang: str) -> Bucket:
    return Bucket(date(first, 1, 1), date(first + 9, 12, 31),
                  _words(f"{first // 10:03d}X", lang, f"{first}s"), f"{first:04d}",
                  f"{first + 9:04d}", 0.0)


def empty_buckets(first: date, last: date, *, by_day: bool = False,
                  lang: str = "en") -> tuple[str, list[Bucket]]:
    """The buckets from ``first`` to ``last``, labelled in ``lang``; days only when ``by_day``
    (a chosen range)."""
    years = last.year - first.year + 1
    if by_day and last.toordinal() - first.toordinal() < DAYS_UP_TO:
        days = range(first.toordinal(), last.toordinal() + 1)
        return "day", [_day(date.fromordinal(d), lang) for d in days]
    if years <= MONTHS_UP_TO_YEARS:
        months = range(first.year * 12 + first.month - 1, last.year * 12 + last.month)
        return "month", [_month(m // 12, m % 12 + 1, lang) for m in months]
    if years <= YEARS_UP_TO:
        return "year", [_year(y) for y in range(first.year, last.year + 1)]
    return "decade", [_decade(d, lang) for d in range(first.year // 10 * 10, last.year + 1, 10)]


def _overlap(a_start: date, a_end: date, b_start: date, b_end: date) -> int:
    return max(0, min(a_end, b_end).toordinal() - max(a_start, b_start).toordinal() + 1)


def overview(spans: Iterable[tuple[date, date]],
             window: tuple[date | None, date | None] = (None, None), *,
             lang: str = "en") -> Overview:
    """Buckets covering every span (or only ``window``, either side open), each weighted by
    the share of events falling in it and counting the events touching it; labels in
    ``lang`` (English or Spanish)."""
    spans = [(s, e) if s <= e else (e, s) for s, e in spans]
    if not spans:
        return Overview("month", ())
    first = window[0] or min(s for s, _ in spans)
    last = window[1] or max(e for _, e in spans)
    if last < first:
        return Overview("month", ())
    grain, buckets = empty_buckets(first, last, by_day=window != (None, None), lang=lang)
    weights = [0.0] * len(buckets)
    counts = [0] * len(buckets)
    for start, end in spans:
        days = end.toordinal() - start.toordinal() + 1
        for i, bucket in enumerate(buckets):
            if bucket.start <= end and start <= bucket.end:
                weights[i] += _overlap(start, end, bucket.start, bucket.end) / days
                counts[i] += 1
    return Overview(grain, tuple(
        Bucket(b.start, b.end, b.label, b.date_from, b.date_to, round(w, 3), c)
        for b, w, c in zip(buckets, weights, counts, strict=True)
    ))
