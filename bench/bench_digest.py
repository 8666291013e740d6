"""The story digest at archive scale: a story of 5,000 articles (``BENCH_N`` articles), its key
dates cold (the first request after the log moved) and cached (the same log head), beside
baselines measured in the same run: the publication-count digest in raw SQL over the same
read model, and reading every entry of the story (what a digest that re-read entries or
articles would start with). Targets: < 1 s cold, < 10 ms cached.

The story is invented and built by appending events (no extraction): each article has 12 entries,
dated by publication, narrative, explicit references to 30 key days (more articles refer to the
first ones), a month and an announced future day.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

from events import NewEvent
from timeline.archive import Archive
from timeline.digest import service
from timeline.digest.service import story_digest
from timeline.projections.queries import EventQuery, iter_entries

DEFAULT_N = 5_000
STORY = "bench-digest"
START = date(2023, 1, 1)
SPAN_DAYS = 720
KEY_DAYS = [START + timedelta(days=int(SPAN_DAYS * (i + 0.5) / 30)) for i in range(30)]
WORDS = ("council", "bridge", "vote", "court", "strike", "minister", "budget", "flood",
         "election", "port", "talks", "ruling", "protest", "deal", "inquiry", "storm")


def _sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(12)).capitalize() + "."


def _entry(a: int, k: int, when: str, precision: str, derivation: str, salience: float,
           rng: random.Random) -> NewEvent:
    text = _sentence(rng)
    return NewEvent("EventExtracted", {
        "entry_id": f"a{a}-{k}", "article_id": f"art{a}", "revision": 1, "headline": text[:60],
        "sentence": text, "quote": text, "quote_start": 100 * k, "quote_end": 100 * k + len(text),
        "date": when, "precision": precision, "derivation": derivation, "actors": [],
        "places": [], "salience": salience, "kind": "action", "lang": "en",
        "extractor_version": "bench-1"})


def _article(a: int, rng: random.Random) -> list[NewEvent]:
    published = START + timedelta(days=rng.randrange(SPAN_DAYS))
    past = [d for d in KEY_DAYS if d <= published] or [published]
    weights = [1.0 / (1 + i) for i in range(len(past))]
    dated = [(published, "day", "publication", 0.5)] * 4
    dated += [(published - timedelta(days=1), "day", "narrative", 0.55)] * 2
    dated += [(d, "day", "explicit", 0.6 + rng.random() / 4)
              for d in rng.choices(past, weights, k=4)]
    dated += [(published + timedelta(days=10), "day", "explicit", 0.55)]
    events = [NewEvent("ArticleIngested", {
        "article_id": f"art{a}", "revision": 1, "content_hash": f"{a:064x}",
        "url": f"https://site{a % 7}.example/{a}", "title": f"Article {a}",
        "published": published.isoformat(), "lang": "en", "text": "Invented.",
        "source_format": "text", "extractor_version": "bench-1", "story": STORY})]
    events += [_entry(a, k, d.isoformat(), p, der, s, rng) for k, (d, p, der, s)
               in enumerate(dated)]
    events.append(_entry(a, 11, published.isoformat()[:7], "month", "explicit", 0.5, rng))
    return events


def build(archive: Archive, articles: int) -> int:
    rng = random.Random(7)
    archive.log.append(f"story-{STORY}", [NewEvent("StoryCreated",
                                                   {"slug": STORY, "title": "Bench"})])
    for a in range(articles):
        stored = archive.log.append(f"article-art{a}", _article(a, rng))
        adds = [NewEvent("EventAddedToStory", {"slug": STORY, "entry_id": e.data["entry_id"]})
                for e in stored[1:]]
        archive.log.append(f"story-{STORY}", adds)
    archive.catch_up()
    return archive.log.head().position


def _ms(func: Callable[[], Any], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        begun = time.perf_counter()
        func()
        times.append(time.perf_counter() - begun)
    return 1000 * statistics.median(times)


def _cold(path: Path) -> Callable[[], Any]:
    def once() -> Any:
        service._cache.clear()
        with Archive.open(path) as archive:
            return story_digest(archive, STORY)
    return once


def _publication_count(archive: Archive) -> list[tuple[str, int]]:
    return archive.log.conn.execute(
        "SELECT published, COUNT(DISTINCT article_id) AS n FROM tl_story_days WHERE slug = ?"
        " GROUP BY published ORDER BY n DESC LIMIT 40", (STORY,)).fetchall()


def run(n: int | None = None) -> None:
    articles = n or DEFAULT_N
    with TemporaryDirectory() as tmp:
        path = Path(tmp) / "digest.db"
        with Archive.open(path) as archive:
            begun = time.perf_counter()
            events = build(archive, articles)
            built = time.perf_counter() - begun
            cold = _ms(_cold(path), 5)
            story_digest(archive, STORY)
            cached = _ms(lambda: story_digest(archive, STORY), 200)
            days = len(story_digest(archive, STORY).dates)
            raw = _ms(lambda: _publication_count(archive), 5)
            every = _ms(lambda: sum(1 for _ in iter_entries(archive, EventQuery(
                story=STORY, limit=500, include_minor=True))), 1)
        print(f"a story of {articles:,} articles ({events:,} events, built and projected in"
              f" {built:.1f} s); digest of {days} days:")
        print(f"  digest, cold (first request after the log moved) {cold:9.1f} ms  (target < 1000)")
        print(f"  digest, cached for the same log head            {cached:9.3f} ms  (target < 10)")
        print(f"  baseline: publication-count digest, raw SQL     {raw:9.1f} ms")
        print(f"  baseline: reading every entry of the story      {every:9.1f} ms")
