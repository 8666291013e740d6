"""Possible duplicates of one entry (the editor's entry page, issue 12).

Ours (``select_duplicates``): the shown entries of a compatible precision on overlapping dates,
read from a bounded range of start days, those sharing no headline word of 3+ letters dropped
before the trigram scoring. Baseline, in the same run: the plain query (every shown entry
starting before this one ends and ending after it starts), each scored in full. Both must find
the same duplicates. The archive: ``n`` entries with
headlines of four words drawn from a vocabulary of 3,000 (plus a few common words), dated over
ten years (one in ten only to a year), every tenth entry re-reported by a second article.
"""

from __future__ import annotations

import random
import statistics
import time
from datetime import date, timedelta
from pathlib import Path
from tempfile import TemporaryDirectory

from events import NewEvent
from timeline.archive import Archive
from timeline.projections.duplicates import select_duplicates, shown_entry
from timeline.projections.similarity import THRESHOLD, Candidate, score_pair

DEFAULT_N = 100_000
BATCH = 1_000
SAMPLES = 200
COMMON = ("the", "said", "city", "new")
SYLLABLES = ("ba", "ko", "ri", "tu", "mel", "san", "dor", "vi", "lan", "pe", "sto", "gu")


def vocabulary(rng: random.Random, size: int = 3_000) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def _entry(i: int, article: str, headline: str, day: int, year_only: bool) -> NewEvent:
    when = date(2015, 1, 1) + timedelta(days=day)
    edtf, precision = (str(when.year), "year") if year_only else (when.isoformat(), "day")
    return NewEvent("EventExtracted", {
        "entry_id": f"e{i}", "article_id": article, "revision": 1, "headline": headline,
        "sentence": headline + ".", "quote": headline, "quote_start": 0, "quote_end": 5,
        "date": edtf, "precision": precision, "derivation": "explicit", "actors": [],
        "lang": "en", "extractor_version": "bench-1"})


def _article(a: int) -> NewEvent:
    return NewEvent("ArticleIngested", {
        "article_id": f"b{a}", "revision": 1, "content_hash": f"{a:064x}",
        "url": f"https://bench.example.org/{a}", "title": f"Report {a}",
        "published": "2026-01-04", "lang": "en", "text": f"Report {a}.",
        "source_format": "text", "extractor_version": "bench-1"})


def build(archive: Archive, n: int, rng: random.Random) -> None:
    words = vocabulary(rng)
    made: list[tuple[str, int]] = []
    for a in range(max(1, n // BATCH)):
        batch = [_article(a)]
        for k in range(BATCH - 1):
            i = a * BATCH + k
            if k % 10 == 9 and made:  # a second report of an earlier event
                headline, day = made[rng.randrange(len(made))]
            else:
                picked = rng.sample(words, 3) + [rng.choice(COMMON)]
                headline, day = " ".join(picked).capitalize(), rng.randrange(3650)
                made.append((headline, day))
            batch.append(_entry(i, f"b{a}", headline, day, year_only=i % 10 == 3))
        archive.log.append(f"article-b{a}", batch)
    archive.catch_up()


NAIVE = ("SELECT entry_id, article_id, headline, date, start, \"end\", prank, position"
         " FROM tl_entries WHERE status = 'active' AND merged_into IS NULL AND start <= ?"
         " AND \"end\" >= ? AND entry_id != ?")


def baseline(archive: Archive, entry_id: str) -> list[tuple[str, float]]:
    """Every shown entry on overlapping dates, scored in full."""
    entry = shown_entry(archive.log.conn, entry_id)
    assert entry is not None
    rows = archive.log.conn.execute(NAIVE, (entry.end, entry.start, entry_id))
    others = (Candidate(*r) for r in rows)
    scored = ((other.entry_id, score_pair(entry, other)) for other in others)
    found = [(e, s) for e, s in scored if s is not None and s >= THRESHOLD]
    return sorted(found, key=lambda d: (-d[1], d[0]))[:5]


def _ms(func: object, ids: list[str]) -> tuple[float, list[object]]:
    times, results = [], []
    for entry_id in ids:
        started = time.perf_counter()
        results.append(func(entry_id))  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1e3, results


def run(n: int | None = None) -> None:
    n = DEFAULT_N if n is None else n
    rng = random.Random(12)
    with TemporaryDirectory() as tmp, Archive.open(Path(tmp) / "bench.db") as archive:
        build(archive, n, rng)
        total = archive.log.conn.execute("SELECT COUNT(*) FROM tl_entries").fetchone()[0]
        ids = [f"e{rng.randrange(total)}" for _ in range(SAMPLES)]
        ids = [i for i in ids if shown_entry(archive.log.conn, i) is not None]
        ours_ms, ours = _ms(lambda e: [(d.entry_id, d.score)
                                       for d in select_duplicates(archive.log.conn, e)], ids)
        base_ms, base = _ms(lambda e: baseline(archive, e), ids)
        same = "same duplicates" if ours == base else "DIFFERENT duplicates"
        found = sum(1 for r in ours if r)
        print(f"  {total:,} entries; {len(ids)} entry pages, {found} with duplicates; {same}")
        print(f"  possible duplicates of one entry (median) {ours_ms:8.2f} ms   baseline"
              f" {base_ms:.2f} ms plain overlap query, all scored"
              f"   ratio {base_ms / ours_ms:.1f}x")


if __name__ == "__main__":
    run(20_000)
