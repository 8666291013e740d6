"""Never an invalid event: whatever the text and publication date, every event the extractor
emits is accepted by the log (schema) and by the projections (a placeable EDTF date)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from itertools import count
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.archive import Archive
from timeline.extract.article import article_from_text
from timeline.ingest import ingest_article

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
#: Our own phrases, chosen for dates that are easy to get wrong.
PHRASES = [
    "around summer", "a finales de los años 40", "entre 1978 y 1982", "the week of March 3",
    "next decade", "el próximo verano", "in the 19th century", "yesterday", "tomorrow",
    "el 30 de febrero", "on February 29", "in week 53", "late 2009", "hace seis años",
    "el domingo", "the fourth quarter", "this winter", "a mediados de siglo", "in 10000 BC",
    "Q4 2009", "en la década de 1990", "every Monday", "desde 2009", "by 2030",
]
VERBS = {
    "en": ["The council approved the plan", "Ana Soto said it closed", "The storm hit the coast"],
    "es": ["Kast ganó la elección", "Se votará la reforma", "La empresa cerró la planta"],
}


def clock() -> Iterator[datetime]:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    return (start + timedelta(seconds=n) for n in count())


@pytest.fixture
def archive() -> Iterator[Archive]:
    ticks = clock()
    with Archive.open(":memory:", clock=lambda: next(ticks)) as archive:
        yield archive


published = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))


def sentences(lang: str) -> st.SearchStrategy[str]:
    return st.builds(lambda v, p: f"{v} {p}.", st.sampled_from(VERBS[lang]),
                     st.sampled_from(PHRASES))


texts = st.sampled_from(["en", "es"]).flatmap(
    lambda lang: st.tuples(st.just(lang), st.lists(sentences(lang), min_size=1, max_size=6)))


@settings(max_examples=60, deadline=None)
@given(texts, published)
def test_generated_texts_at_any_publication_date_ingest_cleanly(
    generated: tuple[str, list[str]], day: date
) -> None:
    lang, parts = generated
    text = " ".join(parts)
    ticks = clock()
    with Archive.open(":memory:", clock=lambda: next(ticks)) as archive:
        article = article_from_text(text, published=day.isoformat(), lang=lang)
        assert len(ingest_article(archive, article).entry_ids) >= 1


def real_texts() -> list[tuple[str, str, str]]:
    """(text, published, lang) of the shared real news: the dev sets, when present."""
    found: list[tuple[str, str, str]] = []
    for name in ("timex/meantime-en.jsonl", "timex/meantime-es.jsonl",
                 "anchoring/semeval-trial-docs.jsonl"):
        path = SHARED / name
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                doc = json.loads(line)
                found.append((doc["text"], doc["dct"][:10], doc["lang"]))
    for name in ("tls/h1n1.jsonl", "tls/mj.jsonl"):
        path = SHARED / name
        if path.exists():
            lines = path.read_text(encoding="utf-8").splitlines()[::6]
            for line in lines:
                doc = json.loads(line)
                found.append((doc["text"], doc["published"], doc["lang"]))
    return found


@pytest.mark.slow
def test_real_news_ingests_cleanly(archive: Archive) -> None:
    texts = real_texts()
    if not texts:
        pytest.skip("../shared/data is absent")
    for text, day, lang in texts:
        ingest_article(archive, article_from_text(text, published=day, lang=lang))
    assert archive.log.head().position > len(texts)
