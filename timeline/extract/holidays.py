"""Holidays on a fixed day of the year, in both languages: "Navidad", "Christmas Eve", "el Día
de Año Nuevo", "Halloween" (DATE, the year the tense points to, nearest the publication date).

Movable feasts (Easter, Thanksgiving) and national days are left out: their day depends on a
calendar or a country the text may not name.
"""

from __future__ import annotations

import re

from timeline.extract import resolve as rv
from timeline.extract.grammar import Ctx, Hit, Rule, alt, rule
from timeline.extract.rules_common import YEAR

#: holiday name -> (month, day)
HOLIDAYS_EN: dict[str, tuple[int, int]] = {
    "Christmas Eve": (12, 24), "Christmas Day": (12, 25), "Christmas": (12, 25),
    "New Year's Eve": (12, 31), "New Year's Day": (1, 1), "Halloween": (10, 31),
    "Valentine's Day": (2, 14), "Boxing Day": (12, 26), "May Day": (5, 1),
}
HOLIDAYS_ES: dict[str, tuple[int, int]] = {
    "Nochebuena": (12, 24), "Navidad": (12, 25), "Navidades": (12, 25),
    "Nochevieja": (12, 31), "Año Nuevo": (1, 1), "Día de Año Nuevo": (1, 1),
    "Día de Reyes": (1, 6), "San Valentín": (2, 14), "Día de San Valentín": (2, 14),
    "Día del Trabajo": (5, 1), "Día de Todos los Santos": (11, 1),
}


def _holiday_rule(name: str, names: dict[str, tuple[int, int]], article: str,
                  of_year: str) -> Rule:
    @rule(name, rf"{article}\b(?P<h>{alt(names)})(?:{of_year}(?P<y>{YEAR}))?(?!\w)", 0)
    def holiday(m: re.Match[str], ctx: Ctx) -> Hit | None:
        month, day = names[" ".join(m["h"].split())]
        if m["y"]:
            return Hit("DATE", f"{m['y']}-{month:02d}-{day:02d}", derivation="explicit")
        found = rv.month_day_date(ctx.dct, month, day, ctx.tense_at(m))
        return Hit("DATE", found.isoformat()) if found else None

    return holiday


HOLIDAY_RULES_EN = (_holiday_rule("en_holiday", HOLIDAYS_EN, r"(?:\b(?i:the)\s+)?",
                                  r",?\s+"),)
HOLIDAY_RULES_ES = (_holiday_rule("es_holiday", HOLIDAYS_ES, r"(?:\b(?i:el|la|las)\s+)?",
                                  r"\s+(?:de|del)\s+"),)
