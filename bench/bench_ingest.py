"""Ingest at archive scale: articles/s end to end (tag, extract, append, project, file in the
story), batched, beside one article at a time, extraction alone and date tagging alone, in the
same run.

The articles are Timeline17's 402 H1N1 articles (``../shared/data/tls/h1n1.jsonl``, ~5,500
characters and ~100 events each) when present, else ``n`` invented ~2,500-character articles
(``bench.news_bank``). ``BENCH_N`` (or ``n``) caps how many (default: all 402, or 200 invented).
One process and thread: the figures are per core; each is also given per CPU second of this
process, the fair figure on a machine shared with other work. Target: >= 50 articles/s.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

import timeline.ingest as ingest_module
from timeline.archive import Archive
from timeline.extract import extract_events, tag
from timeline.ingest import ingest_article, ingest_articles
from timeline.model import Article

TARGET_PER_S = 50.0
SHARED = Path(os.environ.get("TIMELINE_SHARED", Path(__file__).resolve().parents[2] / "shared"))


def corpora(n: int | None) -> list[tuple[str, list[Article]]]:
    """(name, articles on one story) for each corpus: Timeline17's H1N1 when present, and
    invented news of the length the extraction target assumes."""
    from bench.news_bank import articles as bank
    from timeline.extract.article import article_from_text

    found = []
    h1n1 = SHARED / "data" / "tls" / "h1n1.jsonl"
    if h1n1.is_file():
        from bench.eval_tls import load_articles

        found.append(("Timeline17 H1N1", load_articles(h1n1)[0][:n]))
    else:
        print(f"Timeline17 H1N1 skipped: no {h1n1} (set TIMELINE_SHARED to the shared data)")
    invented = [article_from_text(text, published=published, lang=lang)
                for text, published, lang in bank(n or 200)]
    found.append(("invented news", invented))
    return [(name, [replace(a, story="bench-ingest") for a in articles])
            for name, articles in found]


@dataclass(frozen=True, slots=True)
class Spent:
    """Wall-clock seconds, and this process's CPU seconds (the fair figure per core on a
    machine shared with other work)."""

    wall: float
    cpu: float

    def __sub__(self, other: Spent) -> Spent:
        return Spent(self.wall - other.wall, self.cpu - other.cpu)


def clock() -> Spent:
    return Spent(time.perf_counter(), time.process_time())


def timed(func: Callable[[Archive], object], projecting: list[float] | None = None) -> Spent:
    """What ``func`` took on a fresh archive; with ``projecting``, the CPU seconds its
    projector's runs took are added to it (the projection's share of the rest)."""
    with TemporaryDirectory() as tmp, Archive.open(Path(tmp) / "ingest.db") as archive:
        if projecting is not None:
            _time_projection(archive, projecting)
        begun = clock()
        func(archive)
        return clock() - begun


@contextmanager
def timing_extraction(extracting: list[float]) -> Iterator[None]:
    """The CPU seconds of every extraction ingest runs meanwhile (with the archive's known
    names, as ingest runs it) go to ``extracting``."""
    real = ingest_module.extract_events

    def timed_extract(*args: Any, **options: Any) -> Any:
        begun = time.process_time()
        try:
            return real(*args, **options)
        finally:
            extracting.append(time.process_time() - begun)

    ingest_module.extract_events = timed_extract
    try:
        yield
    finally:
        ingest_module.extract_events = real


def _time_projection(archive: Archive, projecting: list[float]) -> None:
    run = archive.projector.run

    def timed_run(**options: Any) -> int:
        begun = time.process_time()
        try:
            return run(**options)
        finally:
            projecting.append(time.process_time() - begun)

    archive.projector.run = timed_run  # type: ignore[method-assign]


def spent(func: Callable[[Article], object], articles: Sequence[Article]) -> Spent:
    begun = clock()
    for a in articles:
        func(a)
    return clock() - begun


def _one_by_one(articles: Sequence[Article]) -> Callable[[Archive], object]:
    return lambda archive: [ingest_article(archive, a) for a in articles]


def run(n: int | None = None) -> None:
    for name, articles in corpora(n):
        run_one(name, articles)


def _rate(count: int, took: Spent) -> str:
    return f"{count / took.wall:7.1f} articles/s ({count / took.cpu:5.1f} per CPU second)"


def run_one(name: str, articles: Sequence[Article]) -> None:
    chars = sum(len(a.text) for a in articles) / max(1, len(articles))
    extract_events(articles[0])  # warm the grammars, their prefilters and caches
    tagging = spent(lambda a: tag(a.text, a.published, a.lang), articles)
    alone = spent(extract_events, articles)
    projecting: list[float] = []
    extracting: list[float] = []
    with timing_extraction(extracting):
        batched = timed(lambda archive: ingest_articles(archive, articles), projecting)
    single = timed(_one_by_one(articles))
    count = len(articles)
    print(f"{count} articles of {name} (~{chars:,.0f} characters), one process, one thread:")
    print(f"  ingest, batched (ingest_articles)    {_rate(count, batched)}  ours")
    print(f"  ingest, one article at a time        {_rate(count, single)}  baseline:"
          f" batched is x{single.wall / batched.wall:.2f}")
    print(f"  extraction alone (extract_events)    {_rate(count, alone)}")
    print(f"  date tagging alone (tag)             {_rate(count, tagging)}")
    verdict = "meets" if count / batched.cpu >= TARGET_PER_S else "below"
    print(f"  target >= {TARGET_PER_S:.0f} articles/s per core end to end: {verdict} (CPU);"
          f" extraction {1000 * alone.cpu / count:.1f} ms an article, everything else"
          f" {1000 * (batched.cpu - alone.cpu) / count:.1f} ms (CPU)")
    rest = batched.cpu - sum(extracting) - sum(projecting)
    print(f"  within the batched run: extraction (with the archive's known names)"
          f" {1000 * sum(extracting) / count:.1f} ms an article, projection (Projector.run)"
          f" {1000 * sum(projecting) / count:.1f} ms, the rest (reads, known names, events,"
          f" appends, story filing) {1000 * rest / count:.1f} ms (CPU)")
