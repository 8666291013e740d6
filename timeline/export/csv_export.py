"""CSV in the column layout of TimelineJS's Google Sheets template, then our own columns.

- Rows are the same slides as the TimelineJS JSON export (active entries only), with the same
  dates, display dates and groups, but in plain text (no HTML: the CSV is read in spreadsheets
  and newsroom tools, not rendered). After the template's columns come ``ID``, ``Actors`` and
  ``Places`` (``; ``-separated), ``Source`` (each credited by site and title), ``Source URL``
  (the first http(s) one) and ``Link`` (the entry's page, ``<url>/events/<id>``).
- Formula injection: a text cell starting with ``=``, ``+``, ``-``, ``@``, TAB or CR would be
  evaluated by a spreadsheet, so it gets a leading apostrophe (the spreadsheet's "this is
  text" marker). A cell that itself starts with an apostrophe gets one too, so the guard is
  reversible (``unguard_cell``). Numeric date columns are written as plain integers.
- Written with the ``csv`` module, CRLF row ends (RFC 4180), starting with a UTF-8 byte-order
  mark so Excel reads the accents right (``bom=False`` leaves it out).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from timeline.export.display import display_date
from timeline.export.links import entry_link, first_url, source_name
from timeline.export.meta import TimelineMeta
from timeline.export.pieces import Frame, PieceFormat
from timeline.export.timelinejs import slide_dates, slide_group
from timeline.model import TimelineEntry

COLUMNS: tuple[str, ...] = (
    "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
    "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
    "Media Thumbnail", "Type", "Group", "Background",
    "ID", "Actors", "Places", "Source", "Source URL", "Link",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")


def to_csv(entries: Iterable[TimelineEntry], meta: TimelineMeta, *, bom: bool = True) -> str:
    """The spreadsheet rows for ``entries``; ``meta.url`` is the base of each entry's link
    (the template has no title row)."""
    text = CSV.render(entries, meta).decode()
    return text if bom else text.removeprefix("\ufeff")


def _line(cells: Iterable[object]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(cells)
    return buffer.getvalue().encode()


def csv_frame(_meta: TimelineMeta, _count: int = 0, _lang: str | None = None) -> Frame:
    """The byte-order mark and the header row; no trailer."""
    return Frame("\ufeff".encode() + _line(COLUMNS), b"")


def csv_piece(entry: TimelineEntry, base_url: str, _lang: str | None = None) -> bytes:
    return _line(row(entry, base_url))


#: The CSV as a frame and one row per active entry.
CSV = PieceFormat("csv", shows_all=False, frame=csv_frame, piece=csv_piece)


def row(entry: TimelineEntry, base_url: str = "") -> list[str]:
    """One spreadsheet row, in ``COLUMNS`` order, every text cell plain and guarded."""
    start, maybe_end = slide_dates(entry)
    end = maybe_end or {}
    shown = entry.precision != "day" or entry.date != entry.start.isoformat()
    text = {
        "Display Date": display_date(entry) if shown else "",
        "Headline": entry.headline, "Text": entry.quote or entry.text,
        "Group": slide_group(entry), "ID": entry.entry_id, "Actors": "; ".join(entry.actors),
        "Places": "; ".join(entry.places),
        "Source": "; ".join(source_name(s) for s in entry.sources),
        "Source URL": first_url(entry) or "", "Link": entry_link(entry, base_url),
    }
    cells: dict[str, object] = {
        "Year": start["year"], "Month": start.get("month", ""), "Day": start.get("day", ""),
        "End Year": end.get("year", ""), "End Month": end.get("month", ""),
        "End Day": end.get("day", ""),
        **{column: guard_cell(value) for column, value in text.items()},
    }
    return [str(cells.get(column, "")) for column in COLUMNS]


def guard_cell(text: str) -> str:
    """``text`` made safe from spreadsheet formula evaluation."""
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def unguard_cell(text: str) -> str:
    """The inverse of ``guard_cell``."""
    return text[1:] if text.startswith("'") else text
