"""Rules shared by every language: ISO and numeric dates, clock times, bare years."""

from __future__ import annotations

import re
from datetime import date

from timeline.extract.grammar import Ctx, Hit, Rule, rule

#: Digits that belong to a larger number, a price or a percentage are never a year.
NOT_NUMBER_BEFORE = r"(?<![\w$€£¥.,/:])(?<!\d-)"
#: "2015 personas", "1999 people", "2000 millones": a count followed by what it counts.
COUNT_NOUNS = (
    r"people|persons|personas|votes|votos|voters|votantes|habitantes|residents|inhabitants|jobs"
    r"|empleos|workers|trabajadores|employees|empleados|soldiers|soldados|troops|tropas|dollars"
    r"|dólares|euros|pesos|pounds|libras|units|unidades|cases|casos|deaths|muertos|muertes"
    r"|students|estudiantes|alumnos|members|miembros|homes|hogares|viviendas|houses|casas|km"
    r"|kilómetros|kilometers|kilometres|metros|meters|metres|miles|millas|tons|toneladas"
    r"|hectáreas|hectares|acres|cars|autos|coches|vehículos|vehicles|copies|ejemplares"
    r"|delegates|delegados|refugees|refugiados|millones|million|millions|billion|billones|mil"
    r"|thousand|points|puntos|shares|acciones|barrels|barriles|children|niños|families|familias"
    r"|companies|empresas|victims|víctimas|patients|pacientes|signatures|firmas|items|horas"
    r"|hours|días|days|minutos|minutes|metros|pages|páginas|words|palabras"
)
NOT_NUMBER_AFTER = (
    r"(?![\w%€$]|[.,:/]\d|-\d|\s*%|\s*(?:por\s+ciento|percent|per\s+cent)\b)"
    rf"(?!\s+(?:{COUNT_NOUNS})\b)"
)
YEAR = r"(?:1[5-9]\d\d|20\d\d)"


#: Words that put a number in a series, not in time: "Bill 2045", "ruta 2000", "Windows 2000".
_NUMBER_LABELS = frozenset(
    "bill law ley article artículo articulo route ruta flight vuelo no nº n° número numero "
    "number room habitación page página pagina line línea linea model modelo code código "
    "decree decreto resolution resolución expediente case causa km kilómetro kilometro "
    "windows version versión release highway autopista boeing airbus iphone galaxy "
    "playstation xbox lote lot seat asiento gate puerta platform andén".split()
)
_PREV_WORD = re.compile(r"([^\W\d_]+|n[º°]|no\.)\s*$", re.IGNORECASE)


def labels_a_number(text: str, start: int) -> bool:
    """Is the number at ``start`` labelled as an item ("Bill 2045") rather than a year?"""
    m = _PREV_WORD.search(text, max(0, start - 20), start)
    return m is not None and m.group(1).lower().rstrip(".") in _NUMBER_LABELS


def valid_day(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def full_year(y: str) -> int:
    n = int(y)
    if len(y) == 2:
        return 2000 + n if n < 50 else 1900 + n
    return n


@rule("iso", rf"{NOT_NUMBER_BEFORE}(?P<y>{YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d:])")
def iso_date(m: re.Match[str], ctx: Ctx) -> Hit | None:
    d = valid_day(int(m["y"]), int(m["m"]), int(m["d"]))
    return Hit("DATE", d.isoformat(), derivation="explicit") if d else None


def numeric_rule(day_first: bool) -> Rule:
    """13/03/2009 (day first in most languages) or 3/13/2009 (month first in English)."""

    @rule(
        "numeric",
        rf"{NOT_NUMBER_BEFORE}(?P<a>\d{{1,2}})(?P<sep>[/.-])(?P<b>\d{{1,2}})(?P=sep)"
        rf"(?P<y>{YEAR}|\d\d){NOT_NUMBER_AFTER}",
    )
    def handler(m: re.Match[str], ctx: Ctx) -> Hit | None:
        a, b, y = int(m["a"]), int(m["b"]), full_year(m["y"])
        first = (a, b) if day_first else (b, a)
        d = valid_day(y, first[1], first[0]) or valid_day(y, first[0], first[1])
        return Hit("DATE", d.isoformat(), derivation="explicit") if d else None

    return handler


def clock(m: re.Match[str]) -> str | None:
    """"6:40 p.m." -> "18:40"; None for impossible times."""
    h, mi = int(m["h"]), int(m["mi"] or 0)
    ampm = (m["ampm"] or "").lower().replace(".", "").replace(" ", "")
    if ampm.startswith("p") and h < 12:
        h += 12
    if ampm.startswith("a") and h == 12:
        h = 0
    if h > 24 or mi > 59:
        return None
    return f"{h:02d}:{mi:02d}"


#: Time zones kept in a clock time's span ("9:30 a.m. EST"); only UTC/GMT write a ``Z``.
LOCAL_ZONES = (r"(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|PT|BST|CET|CEST|EET|EEST|WET|WEST|JST|IST"
               r"|AEST|AEDT|HKT|SGT|ART|CLT|COT|PET|BRT|VET)")
TIME_TAIL = (
    r"(?:\s*(?P<ampm>[ap]\.\s?m\.|[ap]m\b|[ap]\.m\b))?"
    r"(?:\s*(?:horas\b|(?:hrs?|hs|h)\b(?:\.(?!\s*(?:[A-ZÁÉÍÓÚ]|$)))?))?"
    rf"(?:\s*\(?(?:(?P<tz>UTC|GMT|Z\b)|(?-i:{LOCAL_ZONES})\b)(?:\s*[+-]\s*\d{{1,2}})?\)?)?"
)


@rule("clock", rf"(?<![\w.,:])(?P<h>[0-2]?\d)(?::(?P<mi>[0-5]\d)|(?P<mi2>[0-5]\d)"
      rf"(?=\s*(?:UTC|GMT))){TIME_TAIL}(?![\w%]|[.,]\d)")
def clock_time(m: re.Match[str], ctx: Ctx) -> Hit | None:
    value = f"{int(m['h']):02d}:{m['mi2']}" if m["mi2"] else clock(m)
    if value is None:
        return None
    return Hit("TIME", f"{ctx.dct.isoformat()}T{value}{'Z' if m['tz'] else ''}")


@rule("ampm", rf"(?<![\w.,:])(?P<h>1[0-2]|0?[1-9])(?P<mi>){TIME_TAIL}(?<=[m.A-Z])(?![\w%])")
def ampm_time(m: re.Match[str], ctx: Ctx) -> Hit | None:
    if not m["ampm"]:
        return None
    value = clock(m)
    return Hit("TIME", f"{ctx.dct.isoformat()}T{value}{'Z' if m['tz'] else ''}") if value else None


COMMON_RULES: tuple[Rule, ...] = (iso_date, clock_time, ampm_time)
