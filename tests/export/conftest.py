"""Shared export fixtures: original Spanish and English entries covering every precision, a
retraction, a correction (revision 2), a superseded entry and hostile characters."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from timeline.export.meta import TimelineMeta
from timeline.model import HistoryItem, Source, TimelineEntry

NASTY = (
    'Dijo: "sí, pero; no\\ quizá" <script>alert(1)</script> & más\n'
    "END:VEVENT\r\nBEGIN:VEVENT\nSUMMARY:inyectado\n=1+1 🎉"
)
LONG_ES = (
    "La alcaldesa anunció que el puente peatonal sobre el río, cerrado desde la crecida, "
    "reabrirá con iluminación nueva, bancos y un mirador accesible 🌉✨🚲 según el acuerdo "
    "firmado ayer por el ayuntamiento, la diputación y los vecinos de ambas orillas 👏"
)


def _at(n: int) -> datetime:
    return datetime(2026, 1, 1, 9, 30, tzinfo=UTC) + timedelta(days=n, seconds=n)


def _source(n: int, quote: str, **kw: Any) -> Source:
    values: dict[str, Any] = {
        "article_id": f"art-{n}", "quote": quote, "quote_start": 10 * n,
        "quote_end": 10 * n + len(quote), "url": f"https://noticias.example.org/{n}",
        "title": f"Artículo {n}", "published": "2025-12-15",
    }
    return Source(**(values | kw))


def _entry(n: int, headline: str, edtf: str, precision: str, start: date, end: date,
           **kw: Any) -> TimelineEntry:
    quote = kw.pop("quote", f"{headline}, según fuentes.")
    values: dict[str, Any] = {
        "entry_id": f"ev-{n:04d}", "headline": headline, "text": quote, "date": edtf,
        "precision": precision, "start": start, "end": end, "derivation": "explicit",
        "lang": "es", "sources": (_source(n, quote),), "stories": ("vivienda",),
        "actors": ("Ayuntamiento",), "position": n, "last_position": n,
        "created_at": _at(n), "updated_at": _at(n),
    }
    return TimelineEntry(**(values | kw))


def build_entries() -> list[TimelineEntry]:
    d = date
    return [
        _entry(1, "El Congreso aprueba la ley de vivienda", "2025-12-14", "day",
               d(2025, 12, 14), d(2025, 12, 14), places=("Madrid", "España"), salience=0.9,
               kind="vote"),
        _entry(2, "Talks resume in Geneva", "2025-11", "month", d(2025, 11, 1),
               d(2025, 11, 30), lang="en", stories=("talks",), derivation="relative",
               places=("Geneva",), salience=0.35, kind="statement"),
        _entry(3, "Obras del metro en primavera", "2025-21", "season", d(2025, 3, 1),
               d(2025, 5, 31)),
        _entry(4, "Second-quarter results beat forecasts", "2024-34", "quarter",
               d(2024, 4, 1), d(2024, 6, 30), lang="en", stories=()),
        _entry(5, "The port was expanded", "2023", "year", d(2023, 1, 1), d(2023, 12, 31),
               lang="en"),
        _entry(6, "Llegan los primeros tranvías", "194X", "decade", d(1940, 1, 1),
               d(1949, 12, 31)),
        _entry(7, "The mill closed", "1947/1949", "interval", d(1947, 1, 1), d(1949, 12, 31),
               lang="en", stories=(), actors=("Mill & Co.",)),
        _entry(8, "The railway reached the valley", "19XX", "century", d(1900, 1, 1),
               d(1999, 12, 31), lang="en"),
        _entry(9, "The dam was built", "1978/1982", "interval", d(1978, 1, 1),
               d(1982, 12, 31), lang="en"),
        _entry(10, "Semana de huelga en el puerto", "2025-11-03/2025-11-07", "interval",
               d(2025, 11, 3), d(2025, 11, 7)),
        _entry(11, "Protesta frente al ayuntamiento", "2025-11-16~", "day",
               d(2025, 11, 16), d(2025, 11, 16), derivation="narrative"),
        _entry(12, "Cierre del mercado (desmentido)", "2025-10-02", "day", d(2025, 10, 2),
               d(2025, 10, 2), status="retracted", last_position=40, updated_at=_at(20)),
        _entry(13, "Se inaugura la biblioteca", "2025-09-20", "day", d(2025, 9, 20),
               d(2025, 9, 20), revision=2, last_position=41, updated_at=_at(21),
               history=(HistoryItem(13, _at(13), "EventExtracted", "extraída"),
                        HistoryItem(41, _at(21), "EventCorrected", "fecha corregida"))),
        _entry(14, "Duplicado de la ley de vivienda", "2025-12-14", "day", d(2025, 12, 14),
               d(2025, 12, 14), status="superseded"),
        _entry(15, '=HYPERLINK("https://malo.example","clic") ' + NASTY, "2025-08-01",
               "day", d(2025, 8, 1), d(2025, 8, 1), quote=NASTY,
               sources=(_source(15, NASTY, url="javascript:alert(1)", title="<b>x</b>"),),
               places=("Plaza; <b>Mayor</b>\r\nLOCATION:inyectada",), kind="action\nX-EVIL:1",
               derivation="publication"),
        _entry(16, LONG_ES, "2025-07-04", "day", d(2025, 7, 4), d(2025, 7, 4), quote=LONG_ES,
               sources=(_source(16, LONG_ES), _source(17, "Otra fuente", url=None))),
    ]


@pytest.fixture
def entries() -> list[TimelineEntry]:
    return build_entries()


@pytest.fixture(scope="session")
def meta() -> TimelineMeta:
    return TimelineMeta(
        title="Archivo — todas las historias", slug="all",
        description="Cronología; generada del registro, con «comillas» & ampersands.",
        url="https://timeline.example.org", generated_at=_at(21), last_position=41,
    )


@pytest.fixture(scope="session")
def make_entry() -> Callable[..., TimelineEntry]:
    """Factory for one day-precision entry with overrides (session scope: usable in @given)."""
    def make(**kw: Any) -> TimelineEntry:
        day = date(2025, 12, 14)
        args = {"headline": "Titular", "edtf": "2025-12-14", "precision": "day",
                "start": day, "end": day}
        args |= {key: kw.pop(key) for key in list(args) if key in kw}
        if "date" in kw:
            args["edtf"] = kw.pop("date")
        return _entry(99, **args, **kw)

    return make
