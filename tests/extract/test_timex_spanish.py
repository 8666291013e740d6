"""Spanish tagging, our own sentences: (text) -> (expression, type, value) at DCT 2025-11-17, a
Monday. Days of the month, vague references, durations, sets, parts of units, datelines, quotes."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extract import tag, tag_for_events

DCT = date(2025, 11, 17)


def found(text: str) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, DCT, "es")]


DAYS = [
    ("El acuerdo se firmó el día 5.", ("el día 5", "DATE", "2025-11-05")),
    ("El plazo vencerá el día 5.", ("el día 5", "DATE", "2025-12-05")),
    ("La reunión se celebrará el día 30.", ("el día 30", "DATE", "2025-11-30")),
    ("El pasado día 3 se aprobó la reforma.", ("El pasado día 3", "DATE", "2025-11-03")),
    ("El congreso se reunirá el primero de diciembre.",
     ("el primero de diciembre", "DATE", "2025-12-01")),
    ("Nació el cinco de abril de 1950.", ("el cinco de abril de 1950", "DATE", "1950-04-05")),
    ("La cumbre será el 7 de noviembre próximo.",
     ("el 7 de noviembre próximo", "DATE", "2026-11-07")),
    ("El tratado se firmó el 5 de marzo pasado.", ("el 5 de marzo pasado", "DATE", "2025-03-05")),
    ("El tratado se firmó el pasado 5 de marzo.", ("el pasado 5 de marzo", "DATE", "2025-03-05")),
    ("Las elecciones serán el próximo 14 de diciembre.",
     ("el próximo 14 de diciembre", "DATE", "2025-12-14")),
    ("Entre el 10 y el 12 de diciembre se votará.", ("el 10", "DATE", "2025-12-10")),
    ("La feria se celebró del 3 al 5 de marzo.", ("del 3", "DATE", "2025-03-03")),
    ("El martes 11 se firmó el acuerdo.", ("El martes 11", "DATE", "2025-11-11")),
    ("El jueves 20 se votará el presupuesto.", ("El jueves 20", "DATE", "2025-11-20")),
]


@pytest.mark.parametrize(("text", "expected"), DAYS)
def test_days_of_the_month(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in found(text)


REFERENCES = [
    ("El actual presidente viajó a Lima.", ("actual", "DATE", "PRESENT_REF")),
    ("La situación actual preocupa al gobierno.", ("actual", "DATE", "PRESENT_REF")),
    ("El próximo gobierno deberá negociar.", ("próximo", "DATE", "FUTURE_REF")),
    ("El entonces ministro renunció.", ("entonces", "DATE", "PAST_REF")),
    ("En 2009 salió de la quiebra y desde entonces ha crecido.", ("entonces", "DATE", "2009")),
    ("El club abrirá en marzo; para entonces habrá nuevas normas.",
     ("entonces", "DATE", "2026-03")),
    ("En aquel entonces no había internet.", ("aquel entonces", "DATE", "PAST_REF")),
    ("En los últimos años creció el turismo.", ("los últimos años", "DATE", "PAST_REF")),
    ("Recientemente se aprobó la ley.", ("Recientemente", "DATE", "PAST_REF")),
    ("Hasta el momento no hay detenidos.", ("el momento", "DATE", "PRESENT_REF")),
]


@pytest.mark.parametrize(("text", "expected"), REFERENCES)
def test_vague_references(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in found(text)


@pytest.mark.parametrize("text", [
    "Entonces, el gobierno decidió subir impuestos.",
    "Es el modelo más reciente de la marca.",
    "El diario británico publicó la noticia.",
    "El Diario de Cádiz informó.",
    "Se hundió a 3 mar adentro.",
])
def test_not_temporal(text: str) -> None:
    assert found(text) == []


DURATIONS = [
    ("Trabajó 30 años en la empresa.", ("30 años", "DURATION", "P30Y")),
    ("Los mayores de más de 65 años votaron.", ("más de 65 años", "DURATION", "P65Y")),
    ("Firmó por las próximas cinco temporadas.",
     ("las próximas cinco temporadas", "DURATION", "P5Y")),
    ("Gobernó durante más de una década.", ("más de una década", "DURATION", "P10Y")),
    ("Los 30 años de historia del club se celebran hoy.", ("Los 30 años", "DURATION", "P30Y")),
    ("Estuvo solo un año en el cargo.", ("un año", "DURATION", "P1Y")),
    ("Los próximos días serán decisivos.", ("Los próximos días", "DURATION", "PXD")),
    ("En los últimos meses subió el precio.", ("los últimos meses", "DURATION", "PXM")),
    ("La empresa declaró un beneficio anual de 300 millones.", ("anual", "DURATION", "P1Y")),
    ("Hace seis años ganó el título.", ("Hace seis años", "DATE", "2019")),
    ("Hace dos temporadas descendió.", ("Hace dos temporadas", "DATE", "2023")),
    ("Cayó un 5% en un mismo día.", ("un mismo día", "DURATION", "P1D")),
    ("Se vendió en una sola semana.", ("una sola semana", "DURATION", "P1W")),
]


@pytest.mark.parametrize(("text", "expected"), DURATIONS)
def test_durations_and_ago(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in found(text)


SETS = [
    ("El uso diario de la red creció.", ("diario", "SET", "P1D")),
    ("Dos veces al año se reúnen.", ("Dos veces al año", "SET", "P1Y")),
    ("Una vez por semana visita a su madre.", ("Una vez por semana", "SET", "P1W")),
    ("La revista se publica anualmente.", ("anualmente", "SET", "P1Y")),
    ("Cada temporada ficha jugadores.", ("Cada temporada", "SET", "P1Y")),
    ("La conferencia anual empezó ayer.", ("anual", "SET", "P1Y")),
    ("Cada verano viajan miles.", ("Cada verano", "SET", "XXXX-SU")),
    ("Los lunes cierra el museo.", ("Los lunes", "SET", "XXXX-WXX-1")),
    ("El museo cierra los domingos.", ("los domingos", "SET", "XXXX-WXX-7")),
    ("La revista sale cada quince días.", ("cada quince días", "SET", "P15D")),
]


@pytest.mark.parametrize(("text", "expected"), SETS)
def test_sets(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in found(text)


PARTS_AND_TIMES = [
    ("Mañana por la mañana se vota.", ("Mañana por la mañana", "TIME", "2025-11-18TMO")),
    ("Durante el primer semestre creció.", ("el primer semestre", "DATE", "2025-H1")),
    ("El primer semestre de 2024 fue malo.", ("El primer semestre de 2024", "DATE", "2024-H1")),
    ("A finales de mes se cobra.", ("finales de mes", "DATE", "2025-11")),
    ("A principios de la semana llovió.", ("principios de la semana", "DATE", "2025-W47")),
    ("Este invierno será frío.", ("Este invierno", "DATE", "2025-WI")),
    ("El verano de 2024 fue el más caluroso.", ("El verano de 2024", "DATE", "2024-SU")),
    ("A las 15:00 GMT comenzará la sesión.", ("las 15:00 GMT", "TIME", "2025-11-17T15:00Z")),
    ("La bolsa abre a las 9:30 horas CET.", ("9:30 horas CET", "TIME", "2025-11-17T09:30")),
    ("Llegó a las 8.15 hora local.", ("las 8.15 hora local", "TIME", "2025-11-17T08:15")),
    ("Llegó a las 2 de la noche.", ("las 2 de la noche", "TIME", "2025-11-17T02:00")),
    ("Llegó a las 12 de la noche.", ("las 12 de la noche", "TIME", "2025-11-17T00:00")),
    ("Llegó a las 9 de la noche.", ("las 9 de la noche", "TIME", "2025-11-17T21:00")),
    ("La mañana del miércoles llovió.", ("La mañana del miércoles", "TIME", "2025-11-12TMO")),
    ("La noche del pasado viernes hubo disturbios.",
     ("La noche del pasado viernes", "TIME", "2025-11-14TNI")),
]


@pytest.mark.parametrize(("text", "expected"), PARTS_AND_TIMES)
def test_parts_of_units_seasons_and_clock_times(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in found(text)


NEWS_FORMS = [
    ("Madrid, 17 nov (EFE).- El gobierno anunció ayer su plan.", ("17 nov", "DATE", "2025-11-17")),
    ("BUENOS AIRES, 16 nov. 2025 (AFP) - Llovió.", ("16 nov. 2025", "DATE", "2025-11-16")),
    ("MADRID, 16 de noviembre de 2025 - El gobierno anunció un plan.",
     ("16 de noviembre de 2025", "DATE", "2025-11-16")),
    ("Kast gana el 14 de diciembre\nEl candidato venció.", ("el 14 de diciembre", "DATE",
                                                           "2025-12-14")),
    ('"Lo haremos el lunes", dijo el ministro.', ("el lunes", "DATE", "2025-11-24")),
    ("El viernes se reunirá el consejo.", ("El viernes", "DATE", "2025-11-21")),
    ("El viernes se reunió el consejo.", ("El viernes", "DATE", "2025-11-14")),
]


MONTHS_YEARS_AND_HOURS = [
    ("El contrato se firmará el próximo mes de marzo.",
     ("el próximo mes de marzo", "DATE", "2026-03")),
    ("El contrato se firmó el pasado mes de marzo.", ("el pasado mes de marzo", "DATE", "2025-03")),
    ("Se inauguró en el mes de marzo.", ("el mes de marzo", "DATE", "2025-03")),
    ("Se inaugurará en marzo próximo.", ("marzo próximo", "DATE", "2026-03")),
    ("La empresa ganó 300 millones en el pasado ejercicio.",
     ("el pasado ejercicio", "DATE", "2024")),
    ("La empresa prevé ganar más en el presente ejercicio.",
     ("el presente ejercicio", "DATE", "2025")),
    ("En el 98 se casó.", ("el 98", "DATE", "1998")),
    ("Las ventas del 98 crecieron.", ("del 98", "DATE", "1998")),
    ("A principios de los noventa emigró.", ("principios de los noventa", "DATE", "199")),
    ("En los 80 la ciudad creció.", ("los 80", "DATE", "198")),
    ("El OS, previsto para el próximo verano, llegará.", ("el próximo verano", "DATE", "2026-SU")),
    ("La reunión empezó a las diez de la mañana.",
     ("las diez de la mañana", "TIME", "2025-11-17T10:00")),
    ("Empezará a las nueve y media de la noche.",
     ("las nueve y media de la noche", "TIME", "2025-11-17T21:30")),
    ("La reunión empezó a las 10.30 horas.", ("las 10.30 horas", "TIME", "2025-11-17T10:30")),
    ("El banco se reúne cada seis semanas.", ("cada seis semanas", "SET", "P6W")),
    ("Publicó una pérdida trimestral de 5 millones.", ("trimestral", "DURATION", "P3M")),
    ("El contrato se firmó el pasado octubre.", ("el pasado octubre", "DATE", "2025-10")),
    ("En los dos últimos años creció.", ("los dos últimos años", "DURATION", "P2Y")),
    ("A partir de ahora todo cambia.", ("ahora", "DATE", "PRESENT_REF")),
    ("La ley llegará pronto.", ("pronto", "DATE", "FUTURE_REF")),
    ("El 3 de marzo llegó a Lima. Al día siguiente se reunió con el presidente.",
     ("Al día siguiente", "DATE", "2025-03-04")),
    ("El 3 de marzo habló. El día anterior había llegado.",
     ("El día anterior", "DATE", "2025-03-02")),
]


@pytest.mark.parametrize(("text", "expected"), MONTHS_YEARS_AND_HOURS)
def test_months_years_decades_and_hours(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in found(text)


@pytest.mark.parametrize("text", [
    "Los noventa diputados votaron.",
    "El 98 por ciento votó.",
    "Se ofreció un avance del próximo sistema operativo.",
    "Ahora que llegó, todo cambia.",
    "De pronto, se fue la luz.",
    "Tan pronto como llegue, firmará.",
    "Bajó un 4% en el momento del cierre.",
])
def test_numbers_and_products_are_not_times(text: str) -> None:
    assert [v for _, _, v in found(text) if not v.startswith("P")] == []


def test_since_then_looks_back_to_a_past_date() -> None:
    text = "El plazo vence en 2027. La firma quebró en 2009 y desde entonces creció."
    assert ("entonces", "DATE", "2009") in found(text)


@pytest.mark.parametrize(("text", "expected"), NEWS_FORMS)
def test_datelines_headlines_and_reported_speech(text: str,
                                                 expected: tuple[str, str, str]) -> None:
    assert expected in found(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Las ventas crecieron en Navidad.", ("Navidad", "DATE", "2024-12-25")),
    ("La tienda abrirá en Nochebuena.", ("Nochebuena", "DATE", "2025-12-24")),
    ("Murió el Día de Año Nuevo de 2009.", ("el Día de Año Nuevo de 2009", "DATE", "2009-01-01")),
])
def test_fixed_holidays(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in found(text)


@pytest.mark.parametrize(("text", "merged"), [
    ("La feria se celebró del 3 al 5 de marzo.", ("del 3 al 5 de marzo", "2025-03-03/2025-03-05")),
    ("Entre el 10 y el 12 de diciembre se votará.",
     ("Entre el 10 y el 12 de diciembre", "2025-12-10/2025-12-12")),
    ("Gobernó de 1978 a 1982.", ("de 1978 a 1982", "1978/1982")),
])
def test_ranges_become_one_interval_for_events(text: str, merged: tuple[str, str]) -> None:
    assert merged in [(t.text, t.value) for t in tag_for_events(text, DCT, "es")]
