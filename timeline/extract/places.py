"""Whether a name is a place: countries and regions in the CLDR (via babel) in English and
Spanish, the cities that name time zones, a few regions and place-forming words."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from zoneinfo import available_timezones

from babel import Locale

#: Regions and blocs not in the CLDR's territory names.
_REGIONS = frozenset(
    "américa latina|latin america|medio oriente|oriente medio|middle east|occidente|the west|"
    "cono sur|southeast asia|sudeste asiático|balcanes|balkans|caribe|caribbean|patagonia|"
    "siberia|scandinavia|escandinavia|gaza|cisjordania|west bank|kosovo|crimea|donbas|"
    "silicon valley|wall street|washington|moscow|moscú|beijing|pekín|londres|nueva york|"
    "new york|los angeles|los ángeles|san francisco|california|texas|florida|ohio|"
    "scotland|escocia|wales|gales|england|inglaterra|cataluña|catalonia|andalucía|"
    "país vasco|basque country|buenos aires|córdoba|rosario|mendoza|valparaíso|"
    "santiago|lima|bogotá|quito|caracas|montevideo|asunción|la paz|brasilia|"
    "río de janeiro|rio de janeiro|são paulo|sao paulo|ciudad de méxico|mexico city|uk|u.k.|us|"
    "u.s.|usa|u.s.a.|uae|drc|ee.uu.|eeuu|ee. uu.".split("|")
)
#: Words that make the name they open ("Puerto Almendral") or close ("Elm Street") a place.
_PLACE_HEADS = frozenset(
    "ciudad provincia estado región isla islas río valle bahía calle avenida plaza aeropuerto "
    "puente monte montaña lago parque distrito municipio comuna barrio puerto villa port fort "
    "mount lake cerro".split()
)
_PLACE_TAILS = frozenset(
    "city county province state region island islands river valley bay street avenue square "
    "airport bridge mountain mountains lake park district falls heights".split()
)
#: Words that make a name an organisation whatever else it holds ("Partido Liberal del Valle").
_ORGANISATION_WORDS = frozenset(
    "partido party cámara chamber consejo council ministerio ministry banco bank universidad "
    "university club tribunal court comité committee asociación association sindicato union "
    "empresa company compañía grupo group fundación foundation capitanía municipalidad "
    "gobierno government policía police inc corp corps ltd agency agencia commission comisión "
    "institute instituto office oficina school escuela hospital".split()
)


_CONTINENTS = frozenset({"Africa", "America", "Asia", "Atlantic", "Australia", "Europe", "Indian",
                         "Pacific"})
#: Time-zone names that are words or surnames far more often than places.
_NOT_CITIES = frozenset({"Easter", "Johnston", "Wake", "Midway", "Norfolk", "Chatham",
                         "Macquarie", "Lord_Howe", "Noronha", "Bermuda", "Stanley", "Guam"})


_SHORT = frozenset({"uk", "us"})
#: CLDR territory codes whose names are not places a story happens in ("World", "Unknown").
_NOT_PLACES = frozenset({"001", "ZZ", "EZ", "UN", "QO"})


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


@lru_cache(maxsize=1)
def _gazetteer() -> frozenset[str]:
    names: set[str] = {_fold(r) for r in _REGIONS}
    for code in ("en", "es"):
        names |= {_fold(n) for code_, n in Locale(code).territories.items()
                  if code_ not in _NOT_PLACES}
    for zone in available_timezones():
        parts = zone.split("/")
        if len(parts) == 2 and parts[0] in _CONTINENTS and parts[1] not in _NOT_CITIES:
            names.add(_fold(parts[1].replace("_", " ")))
    return frozenset(n for n in names if len(n) > 2 or n in _SHORT)


@lru_cache(maxsize=8192)
def is_place(name: str) -> bool:
    """Whether ``name`` names a country, region, city or other place."""
    folded = _fold(name)
    words = folded.split()
    if any(w.strip(".,") in _ORGANISATION_WORDS for w in words):
        return False
    if folded in _gazetteer():
        return True
    return len(words) > 1 and (words[0] in _PLACE_HEADS or words[-1] in _PLACE_TAILS)
