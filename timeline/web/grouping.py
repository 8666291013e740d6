"""The viewer's list: entries in order, grouped by year and then month. Pure."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from timeline.model import TimelineEntry
from timeline.web.overview import MONTH_NAMES

#: Precisions that place an entry within one month.
MONTHLY = ("day", "month")


@dataclass(frozen=True, slots=True)
class MonthGroup:
    label: str  # "November" or "" for entries known only to the year or coarser
    entries: tuple[TimelineEntry, ...]


@dataclass(frozen=True, slots=True)
class YearGroup:
    year: int
    months: tuple[MonthGroup, ...]

    @property
    def count(self) -> int:
        return sum(len(m.entries) for m in self.months)


def month_label(entry: TimelineEntry) -> str:
    same_month = (entry.start.year, entry.start.month) == (entry.end.year, entry.end.month)
    if entry.precision in MONTHLY or (entry.precision == "interval" and same_month):
        return MONTH_NAMES[entry.start.month - 1]
    return ""


def group_entries(entries: Iterable[TimelineEntry]) -> tuple[YearGroup, ...]:
    """Consecutive entries sharing a year, then a month label, in the order given."""
    years: list[tuple[int, list[tuple[str, list[TimelineEntry]]]]] = []
    for entry in entries:
        year, label = entry.start.year, month_label(entry)
        if not years or years[-1][0] != year:
            years.append((year, []))
        months = years[-1][1]
        if not months or months[-1][0] != label:
            months.append((label, []))
        months[-1][1].append(entry)
    return tuple(
        YearGroup(year, tuple(MonthGroup(label, tuple(items)) for label, items in months))
        for year, months in years
    )
