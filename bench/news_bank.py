"""Invented news sentences (Spanish and English) composed into synthetic articles for benchmarks.

Every sentence here was written for this project: the people, places and events are fictional.
Placeholders vary dates and numbers so that no two articles are alike.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

ES = (
    "La alcaldesa Lucía Ferrando inauguró el {wd_es} el nuevo puente sobre el río Tajuelo.",
    "El consejo regional aprobó el {d} de {m_es} un presupuesto de {money} millones de euros.",
    "Según el portavoz Andrés Quiroga, las obras del hospital comenzarán en {m_es} de {y}.",
    "Los trabajadores del puerto de Valdemora anunciaron una huelga de {n_es} días.",
    "El ministro de Hacienda, Ramiro Esteban, dijo ayer que la inflación bajó al {pct}%.",
    "La cooperativa fue fundada en {y0} por un grupo de productores de aceite.",
    "Entre {y0} y {y1} la fábrica de cerámica empleó a más de {count} personas.",
    "El tribunal de Castroviejo dictará sentencia el próximo {wd_es}.",
    "A finales de los años {dec} la familia Iturbe emigró a Montevideo.",
    "La diputada Elena Marzal presentó una moción para ampliar la red de autobuses.",
    "Hace {n_es} semanas el ayuntamiento cerró la biblioteca municipal por reformas.",
    "El festival de cine de Arenales se celebrará del {d} al {d2} de {m_es}.",
    "La empresa Hidronorte obtuvo un contrato para construir {count} viviendas.",
    "Los vecinos de Piedralta protestaron frente a la sede del gobierno local.",
    "El equipo de baloncesto ganó su tercer título consecutivo el {d} de {m_es} de {y}.",
    "La presidenta del comité, Marta Albéniz, renunció tras {n_es} años en el cargo.",
    "Dentro de dos semanas se votará la reforma del estatuto de la universidad.",
    "El índice de la bolsa cayó un {pct}% durante la sesión del {wd_es}.",
    "La sequía de {y} redujo la cosecha de trigo a la mitad, recordó el agricultor Tomás Bielsa.",
    "El nuevo tren unirá Valdemora y Arenales en {n_es} horas a partir de {y1}.",
)
EN = (
    "Mayor Helen Okafor opened the new library in Eastbridge on {wd_en}.",
    "The county board approved a budget of ${money} million on {m_en} {d}, {y}.",
    "Construction of the northern bypass will begin in {m_en} {y}, spokesman Tom Reyes said.",
    "Dock workers in Port Alder announced a {n_en}-day strike.",
    "Finance minister Daniel Moss said yesterday that inflation fell to {pct}%.",
    "The cooperative was founded in {y0} by a group of apple growers.",
    "Between {y0} and {y1} the pottery works employed more than {count} people.",
    "The district court in Millbrook will rule next {wd_en}.",
    "In the late {dec}s the Varga family emigrated to Toronto.",
    "Councillor Priya Nandi introduced a motion to extend the bus network.",
    "{n_en_cap} weeks ago the town hall closed the public pool for repairs.",
    "The Harbourside film festival runs from {m_en} {d} to {m_en} {d2}.",
    "Northwind Energy won a contract to build {count} homes.",
    "Residents of Stonefield protested outside the council offices.",
    "The basketball team won its third straight title on {m_en} {d}, {y}.",
    "Committee chair Laura Finch resigned after {n_en} years in the post.",
    "In two weeks the university senate will vote on the new charter.",
    "The stock index dropped {pct}% in {wd_en}'s session.",
    "The drought of {y} halved the wheat harvest, farmer Owen Pryce recalled.",
    "The new rail line will link Eastbridge and Millbrook in {n_en} hours from {y1}.",
)
_FILL = {
    "wd_es": ("lunes", "martes", "miércoles", "jueves", "viernes", "domingo"),
    "wd_en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Sunday"),
    "m_es": ("enero", "marzo", "mayo", "julio", "septiembre", "noviembre"),
    "m_en": ("January", "March", "May", "July", "September", "November"),
    "n_es": ("dos", "tres", "cinco", "diez"),
    "n_en": ("two", "three", "five", "ten"),
    "dec": ("40", "60", "70", "80"),
}


def sentence(rng: random.Random, template: str) -> str:
    """``template`` with its placeholders filled at random."""
    values: dict[str, object] = {key: rng.choice(options) for key, options in _FILL.items()}
    day = rng.randint(1, 20)
    values.update(
        d=day, d2=day + rng.randint(1, 8), y=rng.randint(1995, 2025), y0=rng.randint(1930, 1979),
        y1=rng.randint(1980, 2030), pct=f"{rng.randint(1, 30)},{rng.randint(0, 9)}",
        money=rng.randint(2, 900), count=rng.randint(20, 5000),
        n_en_cap=str(values["n_en"]).capitalize(),
    )
    return template.format(**values)


def article_text(rng: random.Random, lang: str, chars: int = 2500) -> str:
    """About ``chars`` characters of invented news in ``lang`` ("es" or "en")."""
    bank = ES if lang == "es" else EN
    parts: list[str] = []
    while sum(len(p) + 1 for p in parts) < chars:
        parts.append(sentence(rng, rng.choice(bank)))
    return " ".join(parts)


def articles(n: int, seed: int = 11) -> list[tuple[str, date, str]]:
    """``n`` invented (text, published, lang) articles of ~2,500 chars, es and en alternating."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        lang = "es" if i % 2 == 0 else "en"
        published = date(2021, 1, 1) + timedelta(days=rng.randint(0, 1800))
        out.append((article_text(rng, lang), published, lang))
    return out
