"""Dates as people type them in the viewer's filters, read into EDTF. Pure.

"November 2025", "Nov 2025", "noviembre 2025", "noviembre de 2025" -> ``2025-11``;
"1940s", "the 1940s", "años 1940", "década de 1940" -> ``194X``; "16/11/2025", "16.11.2025",
"16 November 2025", "16 de noviembre de 2025", "November 16, 2025" -> ``2025-11-16``;
"11/2025" -> ``2025-11``. Anything else is passed through unchanged for the EDTF reader
(``2025-11-16``, ``2025-11``, ``2025``, ``194X``), which refuses what it cannot read.
Slashed dates are read day first (as in Europe and Latin America).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate((
    ("january", "jan", "enero", "ene"), ("february", "feb", "febrero"),
    ("march", "mar", "marzo"), ("april", "apr", "abril", "abr"), ("may", "mayo"),
    ("june", "jun", "junio"), ("july", "jul", "julio"), ("august", "aug", "agosto", "ago"),
    ("september", "sep", "sept", "septiembre", "setiembre"),
    ("october", "oct", "octubre"), ("november", "nov", "noviembre"),
    ("december", "dec", "diciembre", "dic"),
), start=1):
    for _name in _names:
        _MONTHS[_name] = _number

_MONTH = r"(?P<month>[a-z]+)\.?"
_YEAR = r"(?P<year>\d{4})"
_PATTERNS = (
    re.compile(rf"^{_MONTH},?\s+(?:de\s+|of\s+)?{_YEAR}$"),
    re.compile(rf"^(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:de\s+|of\s+)?{_MONTH},?\s+(?:de\s+)?{_YEAR}$"),
    re.compile(rf"^{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}$"),
    re.compile(rf"^(?P<day>\d{{1,2}})[/.-](?P<mnum>\d{{1,2}})[/.-]{_YEAR}$"),
    re.compile(rf"^(?P<mnum>\d{{1,2}})[/.-]{_YEAR}$"),
)
_DECADE = re.compile(
    r"^(?:the\s+|los\s+)?(?:(?:anos|decada\s+de(?:\s+los)?)\s+)?(?P<decade>\d{3})0'?s?$"
)


def _plain(text: str) -> str:
    """Lower case, accents off, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def to_edtf(text: str) -> str:
    """``text`` as an EDTF date when it is one of the shapes above, else ``text`` itself."""
    plain = _plain(text)
    decade = _DECADE.match(plain)
    if decade and (plain.endswith("s") or " " in plain):
        return f"{decade['decade']}X"
    for pattern in _PATTERNS:
        found = pattern.match(plain)
        if found:
            return _edtf(found.groupdict()) or text
    return text


def _edtf(parts: dict[str, str | None]) -> str | None:
    month = _MONTHS.get(parts["month"] or "") if parts.get("month") else None
    if parts.get("mnum"):
        month = int(parts["mnum"] or 0)
    if month is None or not 1 <= month <= 12:
        return None
    year = int(parts["year"] or 0)
    if not parts.get("day"):
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, int(parts["day"] or 0)).isoformat()
    except ValueError:
        return None
