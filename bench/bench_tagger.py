"""Tagger speed: documents/s and ms per 1,000 characters, beside dateparser's search_dates.

Articles are synthetic, written here from our own sentence templates (no third-party text), about
2,500 characters each, half Spanish and half English. ``BENCH_N`` (or ``n``) sets how many.
Times are this process's CPU seconds (per core, however busy the machine is).
"""

from __future__ import annotations

import os
import random
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta

from dateparser.search import search_dates

from timeline.extract.tagger import tag

_ES = [
    "El ministro de Obras anunció el {wd_es} que la autopista del norte abrirá el {d} de {m_es}.",
    "La inflación subió un {pct}% en {m_es} de {y}, según el instituto de estadística.",
    "Hace {n_es} días la junta aprobó un presupuesto de {money} millones de pesos.",
    "Los vecinos marcharán dentro de dos semanas para pedir agua potable.",
    "Entre {y0} y {y1} la empresa duplicó su producción de cobre.",
    "A finales de los años {dec} la ciudad tenía apenas {count} habitantes.",
    "El tribunal resolverá el caso el próximo {wd_es}, a las {hh}:30 horas.",
    "Ayer el banco central mantuvo la tasa en {pct} por ciento por tercer mes.",
    "La pantalla del nuevo teléfono mide {small} pulgadas y cuesta {money} dólares.",
    "Durante {n_es} años el club no ganó un campeonato nacional.",
]
_EN = [
    "The transport minister said on {wd_en} that the northern highway will open on {m_en} {d}.",
    "Inflation rose {pct}% in {m_en} {y}, the statistics office reported.",
    "Three days ago the board approved a budget of ${money} million.",
    "Residents plan to march in two weeks to demand clean water.",
    "Between {y0} and {y1} the company doubled its copper output.",
    "In the late {dec}s the town had barely {count} residents.",
    "The court will rule next {wd_en} at {hh}:30 a.m., officials said.",
    "Yesterday the central bank held rates at {pct} percent for a third month.",
    "The new phone has a {small}-inch screen and costs ${money}.",
    "For {n_en} years the club failed to win a national title.",
]
_FILL = {
    "wd_es": ["lunes", "martes", "miércoles", "jueves", "viernes", "domingo"],
    "wd_en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Sunday"],
    "m_es": ["enero", "marzo", "junio", "septiembre", "diciembre"],
    "m_en": ["January", "March", "June", "September", "December"],
    "n_es": ["dos", "tres", "cinco", "diez"], "n_en": ["two", "three", "five", "ten"],
    "dec": ["40", "60", "80"],
}


def _sentence(rng: random.Random, template: str) -> str:
    values = {k: rng.choice(v) for k, v in _FILL.items()}
    values.update(d=rng.randint(1, 28), y=rng.randint(1990, 2025), y0=rng.randint(1950, 1979),
                  y1=rng.randint(1980, 2020), pct=f"{rng.randint(1, 40)},{rng.randint(0, 99)}",
                  money=rng.randint(2, 900), count=rng.randint(200, 9000), hh=rng.randint(1, 11),
                  small=f"{rng.randint(3, 9)}.{rng.randint(1, 9)}")
    return template.format(**values)


def articles(n: int, seed: int = 7) -> list[tuple[str, date, str]]:
    """``n`` synthetic (text, dct, lang) articles of about 2,500 characters."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        lang = "es" if i % 2 == 0 else "en"
        templates = _ES if lang == "es" else _EN
        parts: list[str] = []
        while sum(len(p) + 1 for p in parts) < 2500:
            parts.append(_sentence(rng, rng.choice(templates)))
        dct = date(2020, 1, 1) + timedelta(days=rng.randint(0, 2000))
        out.append((" ".join(parts), dct, lang))
    return out


def _dateparser(text: str, dct: date, lang: str) -> object:
    base = {"RELATIVE_BASE": datetime(dct.year, dct.month, dct.day)}
    return search_dates(text, languages=[lang], settings=base)


def _measure(func: Callable[[str, date, str], object], docs: list[tuple[str, date, str]]) -> float:
    start = time.process_time()
    for text, dct, lang in docs:
        func(text, dct, lang)
    return time.process_time() - start


def run(n: int | None = None) -> None:
    """Print documents/s and ms per 1,000 characters, ours beside dateparser alone."""
    n = n or int(os.environ.get("BENCH_N", "200"))
    docs = articles(n)
    chars = sum(len(t) for t, _, _ in docs)
    tag(*docs[0])  # warm the compiled grammar and dateparser's language data
    _dateparser(*docs[0])
    print(f"tagger: {n} synthetic articles, {chars / n:,.0f} chars each (es/en)")
    baseline_docs = docs[: max(1, min(n // 4, 100))]  # dateparser is slow: a sample
    for name, func, docs_run in (("ours (tag)", tag, docs),
                                 ("dateparser.search_dates", _dateparser, baseline_docs)):
        seconds = _measure(func, docs_run)
        size = sum(len(t) for t, _, _ in docs_run)
        print(f"  {name:24} {len(docs_run) / seconds:8.1f} docs/s  "
              f"{1000 * seconds / (size / 1000):7.2f} ms/1k chars")


if __name__ == "__main__":
    run()
