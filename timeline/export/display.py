"""Human display of an entry's date ("late 1940s", "1978–1982", "14 December 2025").

``display_date`` uses the archive's own humanizer (``timeline.dates.humanize_edtf``) so
exports say what the web viewer says. Where that cannot read the EDTF string (open intervals
such as ``2019/..``), a small fallback here reads the string only for its shape (which parts
are given, ``~``/``?``/``%`` qualifiers, season and quarter codes) and takes the bounds from
``entry.start`` / ``entry.end``. English and Spanish; other languages are shown in English.
``side_grains`` tells calendar-style exports how finely each end of the date is known.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from timeline.dates import humanize_edtf
from timeline.dates.humanize import decade_words
from timeline.errors import InvalidInput
from timeline.model import TimelineEntry

Grain = Literal["day", "month", "year"]

_MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"),
}
_SEASONS = {
    "en": {21: "spring", 22: "summer", 23: "autumn", 24: "winter"},
    "es": {21: "primavera", 22: "verano", 23: "otoño", 24: "invierno"},
}
_QUARTERS = {
    "en": ("first quarter", "second quarter", "third quarter", "fourth quarter"),
    "es": ("primer trimestre", "segundo trimestre", "tercer trimestre", "cuarto trimestre"),
}
_DECADE_PART = {
    "en": {"early": "early {}", "mid": "mid-{}", "late": "late {}", "": "{}"},
    "es": {"early": "principios de {}", "mid": "mediados de {}", "late": "finales de {}",
           "": "{}"},
}
_OPEN = {"en": ("since {}", "until {}"), "es": ("desde {}", "hasta {}")}
_ROMAN = (("M", 1000), ("CM", 900), ("D", 500), ("CD", 400), ("C", 100), ("XC", 90),
          ("L", 50), ("XL", 40), ("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1))


def display_date(entry: TimelineEntry, lang: str | None = None) -> str:
    """The entry's date as a reader would say it, in ``lang`` (default: the entry's)."""
    lang = _lang(lang or entry.lang)
    try:
        return humanize_edtf(entry.date, lang)
    except InvalidInput:
        return fallback_display_date(entry, lang)


def fallback_display_date(entry: TimelineEntry, lang: str | None = None) -> str:
    """``display_date`` from the entry's bounds, for EDTF the humanizer does not read."""
    lang = _lang(lang or entry.lang)
    core, approx, uncertain = _qualifiers(entry.date)
    text = _by_precision(entry, core, lang)
    if approx:
        text = f"c. {text}"
    if uncertain:
        text = f"{text} (?)"
    return text


def say_day(day: date, lang: str = "en") -> str:
    """A calendar day as a reader says it: "16 November 2025", "16 de noviembre de 2025"."""
    return _format(day, "day", _lang(lang))


def side_grains(entry: TimelineEntry) -> tuple[Grain, Grain]:
    """How finely the start and the end of the entry are known, for calendar-style exports."""
    if entry.precision == "interval":
        sides = _qualifiers(entry.date)[0].split("/")
        if len(sides) == 2:
            return _grain_of(sides[0]), _grain_of(sides[1])
        return "day", "day"
    grain: Grain = {"day": "day", "month": "month", "season": "month",
                    "quarter": "month"}.get(entry.precision, "year")  # type: ignore[assignment]
    return grain, grain


def _lang(lang: str) -> str:
    base = lang.split("-")[0].lower()
    return base if base in _MONTHS else "en"


def _qualifiers(edtf: str) -> tuple[str, bool, bool]:
    approx = "~" in edtf or "%" in edtf
    uncertain = "?" in edtf or "%" in edtf
    core = edtf.replace("~", "").replace("?", "").replace("%", "")
    return core, approx, uncertain


def _grain_of(side: str) -> Grain:
    parts = side.lstrip("-").split("-")
    if len(parts) >= 3:
        return "day"
    return "month" if len(parts) == 2 else "year"


def _by_precision(entry: TimelineEntry, core: str, lang: str) -> str:
    precision = entry.precision
    if precision == "interval":
        return _interval(entry, core, lang)
    if precision == "season":
        return _season(entry.start, core, lang)
    if precision == "quarter":
        return _quarter(entry.start, core, lang)
    if precision == "decade":
        return _decade(entry.start.year, entry.end.year, lang)
    if precision == "century":
        return _century(entry.start.year, lang)
    return _format(entry.start, _grain_for(precision), lang)


def _grain_for(precision: str) -> Grain:
    if precision in ("day", "month"):
        return precision  # type: ignore[return-value]
    return "year"


def _format(day: date, grain: Grain, lang: str) -> str:
    month = _MONTHS[lang][day.month - 1]
    if grain == "year":
        return str(day.year)
    if grain == "month":
        return f"{month} de {day.year}" if lang == "es" else f"{month} {day.year}"
    if lang == "es":
        return f"{day.day} de {month} de {day.year}"
    return f"{day.day} {month} {day.year}"


def _code(core: str) -> int | None:
    parts = core.split("-")
    if len(parts) == 2 and parts[1].isdigit() and int(parts[1]) > 12:
        return int(parts[1])
    return None


def _season(start: date, core: str, lang: str) -> str:
    code = _code(core)
    if code is None or code not in _SEASONS[lang]:
        code = 21 + (start.month - 3) % 12 // 3  # Mar-May spring ... Dec-Feb winter
    name = _SEASONS[lang][code]
    return f"{name} de {start.year}" if lang == "es" else f"{name} {start.year}"


def _quarter(start: date, core: str, lang: str) -> str:
    code = _code(core)
    index = code - 33 if code is not None and 33 <= code <= 36 else (start.month - 1) // 3
    return f"{_QUARTERS[lang][index]} {'de' if lang == 'es' else 'of'} {start.year}"


def _decade(first: int, last: int, lang: str) -> str:
    base = first - first % 10
    if last > base + 9 or (first == base and last == base + 9):
        part = ""
    elif last <= base + 3:
        part = "early"
    elif first >= base + 7:
        part = "late"
    elif first >= base + 3 and last <= base + 6:
        part = "mid"
    else:
        part = ""
    return _DECADE_PART[lang][part].format(decade_words(base, lang))


def _century(year: int, lang: str) -> str:
    number = year // 100 + 1  # colloquial: 19XX (1900-1999) is the 20th century
    if lang == "es":
        return f"siglo {_roman(number)}"
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    if 10 <= number % 100 <= 20:
        suffix = "th"
    return f"{number}{suffix} century"


def _roman(number: int) -> str:
    out = []
    for letters, value in _ROMAN:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out) or str(number)


def _interval(entry: TimelineEntry, core: str, lang: str) -> str:
    sides = core.split("/")
    if len(sides) != 2:
        return _format(entry.start, "day", lang)
    first, last = (side.strip() for side in sides)
    start_grain, end_grain = side_grains(entry)
    if first in ("", ".."):
        return _OPEN[lang][1].format(_format(entry.end, end_grain, lang))
    if last in ("", ".."):
        return _OPEN[lang][0].format(_format(entry.start, start_grain, lang))
    left = _format(entry.start, start_grain, lang)
    right = _format(entry.end, end_grain, lang)
    return f"{left}–{right}" if " " not in left + right else f"{left} – {right}"
