"""CSV in the column layout of TimelineJS's Google Sheets template.

- Rows are the same slides as the TimelineJS JSON export (active entries only), with the same
  dates, display dates, groups and HTML-escaped text: TimelineJS renders these cells as HTML.
- Formula injection: a text cell starting with ``=``, ``+``, ``-``, ``@``, TAB or CR would be
  evaluated by a spreadsheet, so it gets a leading apostrophe (the spreadsheet's "this is
  text" marker). A cell that itself starts with an apostrophe gets one too, so the guard is
  reversible (``unguard_cell``). Numeric date columns are written as plain integers.
- Written with the ``csv`` module, CRLF row ends (RFC 4180). No BOM by default (Google Sheets
  and TimelineJS tooling want none); ``bom=True`` prepends U+FEFF so Excel reads UTF-8.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from timeline.export.meta import TimelineMeta
from timeline.export.timelinejs import slide
from timeline.model import TimelineEntry

COLUMNS: tuple[str, ...] = (
    "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
    "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
    "Media Thumbnail", "Type", "Group", "Background",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")


def to_csv(entries: Iterable[TimelineEntry], meta: TimelineMeta, *, bom: bool = False) -> str:
    """The TimelineJS spreadsheet rows for ``entries`` (``meta`` is accepted for symmetry with
    the other exporters; the template has no title row)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for entry in entries:
        if entry.status == "active":
            writer.writerow(row(entry))
    return ("\ufeff" if bom else "") + buffer.getvalue()


def row(entry: TimelineEntry) -> list[str]:
    """One spreadsheet row, in ``COLUMNS`` order."""
    event = slide(entry)
    start, end = event["start_date"], event.get("end_date") or {}
    cells = {
        "Year": start["year"], "Month": start.get("month", ""), "Day": start.get("day", ""),
        "End Year": end.get("year", ""), "End Month": end.get("month", ""),
        "End Day": end.get("day", ""),
        "Display Date": guard_cell(event.get("display_date", "")),
        "Headline": guard_cell(event["text"]["headline"]),
        "Text": guard_cell(event["text"]["text"]),
        "Group": guard_cell(event.get("group", "")),
    }
    return [str(cells.get(column, "")) for column in COLUMNS]


def guard_cell(text: str) -> str:
    """``text`` made safe from spreadsheet formula evaluation."""
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def unguard_cell(text: str) -> str:
    """The inverse of ``guard_cell``."""
    return text[1:] if text.startswith("'") else text
