"""Spanish words the date grammar is built from: months, weekdays, numbers, units, modifiers."""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "enero": 1, "ene": 1, "febrero": 2, "feb": 2, "marzo": 3, "mar": 3, "abril": 4, "abr": 4,
    "mayo": 5, "may": 5, "junio": 6, "jun": 6, "julio": 7, "jul": 7, "agosto": 8, "ago": 8,
    "septiembre": 9, "setiembre": 9, "sept": 9, "sep": 9, "set": 9, "octubre": 10, "oct": 10,
    "noviembre": 11, "nov": 11, "diciembre": 12, "dic": 12,
}

#: Month names safe to tag alone (abbreviations and "mayo" only with a day or year).
BARE_MONTHS: frozenset[str] = frozenset(
    {"enero", "febrero", "marzo", "abril", "junio", "julio", "agosto", "septiembre",
     "setiembre", "octubre", "noviembre", "diciembre"}
)

WEEKDAYS: dict[str, int] = {
    "lunes": 0, "martes": 1, "miércoles": 2, "miercoles": 2, "jueves": 3, "viernes": 4,
    "sábado": 5, "sabado": 5, "domingo": 6,
}

NUMBERS: dict[str, int] = {
    "un": 1, "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
    "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13,
    "catorce": 14, "quince": 15, "dieciséis": 16, "dieciseis": 16, "diecisiete": 17,
    "dieciocho": 18, "diecinueve": 19, "veinte": 20, "treinta": 30, "cuarenta": 40,
    "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90, "cien": 100,
    "media": 0, "medio": 0,
}

_UNITS_WORDS = ("uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce "
                "quince dieciséis diecisiete dieciocho diecinueve veinte veintiuno veintidós "
                "veintitrés veinticuatro veinticinco veintiséis veintisiete veintiocho "
                "veintinueve treinta").split()
#: Days of the month in words: "el primero de diciembre", "el cinco de abril".
DAY_NUMBERS: dict[str, int] = {
    "primero": 1, "1º": 1, **{w: i + 1 for i, w in enumerate(_UNITS_WORDS)},
    "treinta y uno": 31, "dieciseis": 16, "veintidos": 22, "veintitres": 23, "veintiseis": 26,
}

VAGUE_NUMBERS: frozenset[str] = frozenset(
    {"varios", "varias", "unos", "unas", "algunos", "algunas", "muchos", "muchas", "pocos",
     "pocas", "unos pocos", "unas pocas", "unos cuantos", "unas cuantas"}
)

DECADE_WORDS: dict[str, int] = {
    "veinte": 2, "treinta": 3, "cuarenta": 4, "cincuenta": 5, "sesenta": 6, "setenta": 7,
    "ochenta": 8, "noventa": 9,
}

UNITS: dict[str, str] = {
    "día": "D", "días": "D", "dia": "D", "dias": "D", "jornada": "D", "jornadas": "D",
    "jornadas bursátiles": "D", "semana": "W", "semanas": "W", "mes": "M", "meses": "M",
    "año": "Y", "años": "Y", "década": "DE", "décadas": "DE", "siglo": "CE", "siglos": "CE",
    "trimestre": "Q", "trimestres": "Q", "hora": "TH", "horas": "TH", "minuto": "TM",
    "minutos": "TM", "segundo": "TS", "segundos": "TS", "temporada": "Y", "temporadas": "Y",
}

ORDINALS: dict[str, int] = {
    "primer": 1, "primero": 1, "segundo": 2, "tercer": 3, "tercero": 3, "cuarto": 4,
    "último": 4, "ultimo": 4,
}

SEASONS: dict[str, str] = {
    "primavera": "SP", "verano": "SU", "otoño": "FA", "invierno": "WI",
}

PARTS_OF_DAY: dict[str, str] = {
    "mañana": "MO", "tarde": "AF", "noche": "NI", "madrugada": "MO", "mediodía": "MI",
}

REFS: dict[str, str] = {
    "ahora": "PRESENT_REF", "actualmente": "PRESENT_REF", "actual": "PRESENT_REF",
    "actuales": "PRESENT_REF", "en la actualidad": "PRESENT_REF",
    "hoy en día": "PRESENT_REF", "hoy día": "PRESENT_REF", "en este momento": "PRESENT_REF",
     "recientemente": "PAST_REF", "el pasado": "PAST_REF",
    "del pasado": "PAST_REF", "más recientemente": "PAST_REF", "previamente": "PAST_REF",
    "anteriormente": "PAST_REF", "los últimos años": "PAST_REF",
    "últimamente": "PAST_REF", "pronto": "FUTURE_REF", "muy pronto": "FUTURE_REF",
    "el futuro": "FUTURE_REF", "corto plazo": "FUTURE_REF", "largo plazo": "FUTURE_REF",
    "mediano plazo": "FUTURE_REF", "medio plazo": "FUTURE_REF", "próximamente": "FUTURE_REF",
}

SETS: dict[str, str] = {
    "diariamente": "P1D", "a diario": "P1D", "semanal": "P1W", "semanalmente": "P1W",
    "mensual": "P1M", "mensualmente": "P1M", "anual": "P1Y", "anuales": "P1Y", "anualmente": "P1Y",
    "al año": "P1Y", "cada año": "P1Y", "cada mes": "P1M", "cada semana": "P1W",
    "cada día": "P1D", "todos los días": "P1D", "todos los años": "P1Y", "por año": "P1Y",
    "cada temporada": "P1Y", "todas las semanas": "P1W", "todos los meses": "P1M",
    "cada noche": "P1D", "todas las noches": "P1D", "cada mañana": "P1D",
    "trimestral": "P3M", "trimestrales": "P3M", "semestral": "P6M", "semestrales": "P6M",
    "mensuales": "P1M", "semanales": "P1W",
}

#: Happenings that "próximo" places in time: "la próxima reunión" is FUTURE_REF.
EVENT_NOUNS = (
    "elecciones", "elección", "comicios", "reunión", "reuniones", "cumbre", "partido",
    "partidos", "encuentro", "temporada", "legislatura", "gobierno", "mandato", "congreso",
    "campaña", "sesión", "jornada", "curso", "votación", "debate", "ronda", "fase", "etapa",
    "vuelta", "edición", "juegos", "mundial", "asamblea", "pleno", "visita", "viaje", "gira",
    "torneo", "campeonato", "cita", "conferencia", "foro", "referéndum", "sorteo", "juicio",
    "audiencia", "negociación", "negociaciones", "presidente", "presidencia", "consulta",
    "convocatoria", "reforma", "ley", "lanzamiento", "estreno", "apertura", "entrega",
)

#: Nouns measured over a year: "beneficio anual" is a DURATION (P1Y), "conferencia anual" a SET.
YEARLY_AMOUNTS = (
    "beneficio", "beneficios", "pérdida", "pérdidas", "ganancia", "ganancias", "ingreso",
    "ingresos", "venta", "ventas", "facturación", "crecimiento", "inflación", "déficit",
    "superávit", "producción", "tasa", "presupuesto", "resultado", "resultados", "salario",
    "sueldo", "renta", "caída", "subida", "aumento", "alza", "baja", "descenso", "variación",
)

#: Spans start at the modifier itself: "[a] finales de 2009" (TimeML leaves the "a" out). The
#: bare words only ever precede a date that starts with its own "del": "finales del 2006".
MODS: dict[str, str] = {
    "finales de": "END", "fines de": "END", "finales del": "END", "fines del": "END",
    "al final de": "END", "al final del": "END", "principios de": "START",
    "principios del": "START", "comienzos de": "START", "comienzos del": "START",
    "inicios de": "START", "inicios del": "START", "al comienzo de": "START",
    "el comienzo de": "START", "al principio de": "START", "mediados de": "MID",
    "mediados del": "MID", "finales": "END", "fines": "END", "principios": "START",
    "comienzos": "START", "inicios": "START", "mediados": "MID", "alrededor de": "APPROX",
    "hacia": "APPROX", "cerca de": "APPROX",
    "aproximadamente": "APPROX",
}

SHIFTS: dict[str, int] = {
    "pasado": -1, "pasada": -1, "anterior": -1, "último": -1, "última": -1, "ultimo": -1,
    "ultima": -1, "este": 0, "esta": 0, "actual": 0, "próximo": 1, "próxima": 1,
    "proximo": 1, "proxima": 1, "que viene": 1, "siguiente": 1, "entrante": 1, "presente": 0,
}

DAY_WORDS: dict[str, int] = {
    "hoy": 0, "ayer": -1, "anteayer": -2, "antier": -2, "antes de ayer": -2,
    "anoche": -1, "pasado mañana": 2,
}
