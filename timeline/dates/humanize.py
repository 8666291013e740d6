"""EDTF strings in words, for timelines: "late 1940s", "finales de los años cuarenta",
"14 de diciembre de 2025", "1978–1982"."""

from __future__ import annotations

import re

_MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"],
}
_SEASONS = {
    "en": {21: "spring", 22: "summer", 23: "autumn", 24: "winter"},
    "es": {21: "primavera", 22: "verano", 23: "otoño", 24: "invierno"},
}
_QUARTERS = {"en": ["Q1", "Q2", "Q3", "Q4"],
             "es": ["primer trimestre", "segundo trimestre", "tercer trimestre",
                    "cuarto trimestre"]}
_THIRD_WORDS = {"en": ("early", "mid", "late"), "es": ("principios de", "mediados de",
                                                     "finales de")}
_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
          "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI", "XXII"]


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


#: The decades Spanish names in words ("los años cuarenta").
_ES_DECADES = {20: "veinte", 30: "treinta", 40: "cuarenta", 50: "cincuenta", 60: "sesenta",
               70: "setenta", 80: "ochenta", 90: "noventa"}


_DAY_FIRST = re.compile(r"\d+ de ")


def decade_words(start: int, lang: str) -> str:
    """A decade as people say it: "1940s"; "los años cuarenta", "la década de 2010"."""
    if lang == "es":
        if 1900 <= start < 2000 and start % 100 in _ES_DECADES:
            return f"los años {_ES_DECADES[start % 100]}"
        return f"la década de {start}"
    return f"{start}s"


def _decade(d: str, lang: str) -> str:
    return decade_words(int(d) * 10, lang)


def _single(edtf: str, lang: str) -> str:
    months = _MONTHS[lang]
    if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", edtf):
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
        return f"{d} de {months[mo - 1]} de {y}" if lang == "es" else f"{d} {months[mo - 1]} {y}"
    if m := re.fullmatch(r"(\d{4})-(\d\d)", edtf):
        y, code = int(m[1]), int(m[2])
        if code <= 12:
            return f"{months[code - 1]} de {y}" if lang == "es" else f"{months[code - 1]} {y}"
        if code in _SEASONS[lang]:
            name = _SEASONS[lang][code]
            return f"{name} de {y}" if lang == "es" else f"{name} {y}"
        if 33 <= code <= 36:
            q = _QUARTERS[lang][code - 33]
            return f"{q} de {y}" if lang == "es" else f"{q} {y}"
    if re.fullmatch(r"\d{4}", edtf):
        return edtf
    if re.fullmatch(r"\d{3}X", edtf):
        return _decade(edtf[:3], lang)
    if re.fullmatch(r"\d{2}XX", edtf):
        n = int(edtf[:2]) + 1
        return f"siglo {_ROMAN[n - 1]}" if lang == "es" else f"{_ordinal(n)} century"
    return edtf


def _third(a: str, b: str, lang: str) -> str | None:
    """"1947/1949" -> "late 1940s"; "2009-09/2009-12" -> "late 2009" (see edtf._thirds)."""
    words = _THIRD_WORDS[lang]
    if re.fullmatch(r"\d{4}", a) and re.fullmatch(r"\d{4}", b) and a[:3] == b[:3]:
        spans = {("0", "3"): 0, ("4", "6"): 1, ("7", "9"): 2}
        if (k := spans.get((a[3], b[3]))) is not None:
            return f"{words[k]} {_decade(a[:3], lang)}"
    if (m := re.fullmatch(r"(\d{4})-(\d\d)", a)) and re.fullmatch(rf"{m[1]}-\d\d", b):
        spans = {("01", "04"): 0, ("05", "08"): 1, ("09", "12"): 2}
        if (k := spans.get((m[2], b[5:]))) is not None:
            return f"{words[k]} {m[1]}"
    return None


def _interval(a: str, b: str, lang: str) -> str:
    if third := _third(a, b, lang):
        return third
    da, db = re.fullmatch(r"(\d{4}-\d\d)-(\d\d)", a), re.fullmatch(r"(\d{4}-\d\d)-(\d\d)", b)
    if da and db and da[1] == db[1]:
        rest = _single(b, lang).split(" ", 1)[1]
        return f"{int(da[2])}–{int(db[2])} {rest}"
    return f"{_single(a, lang)}–{_single(b, lang)}"


def humanize_edtf(edtf: str, lang: str = "en") -> str:
    """Words for an EDTF date in English or Spanish (other languages get English)."""
    from timeline.dates.edtf import edtf_bounds  # validates

    edtf_bounds(edtf)
    lang = lang if lang in _MONTHS else "en"
    approx = edtf.endswith(("~", "%"))
    core = edtf.rstrip("~?%")
    if "/" in core:
        first, last = core.split("/", 1)
        text = _interval(first, last, lang)
    else:
        text = _single(core, lang)
    if approx and lang == "es":  # "alrededor del 16 de noviembre", "alrededor de 2025"
        text = ("alrededor del " if _DAY_FIRST.match(text) else "alrededor de ") + text
    elif approx:
        text = f"around {text}"
    return text
