"""Feeds under load and after a correction, each beside its baseline in the same run.

1. Under gunicorn (``timeline serve``'s configuration, ``bench.web_app``: 2 gevent workers,
   requests on 8 threads each), 8 clients: a 1,000-entry story's warm iCal feed beside a
   static file of the same bytes served by the same server and app (Flask's static view), and
   the feed's ``304`` beside a bare ``304`` route; then ``/api/events`` and ``/healthz``.
2. In process: a correction on a 10,000-entry story (ten times the size above), then its four
   feeds (ics, json, timelinejs, csv) assembled again, beside the first (full) render of the
   same four feeds with nothing kept.

The archive is built by appending ``ArticleIngested``/``EventExtracted`` events directly (no
extraction) plus a story holding every entry, then caught up. The load generator is a thread
pool of keep-alive ``http.client`` connections with a fixed request count and a time cap.
"""

from __future__ import annotations

import hashlib
import http.client
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from tempfile import TemporaryDirectory

from events import NewEvent
from timeline.archive import Archive
from timeline.editorial import correct_event
from timeline.feed_assembly import FEEDS
from timeline.feed_pieces import MEMORY
from timeline.publish import FORMATS, publish

DEFAULT_N = 1_000  # entries in the story
CONCURRENCY = 8
PER_ARTICLE = 20
REQUESTS = 800
WARM_UP = 4 * CONCURRENCY * 2  # two workers x eight threads, four times over
ROUNDS = 3  # baseline and ours alternated, the median round of each reported
TIME_CAP = 20.0
WORKERS = 2
ROOT = Path(__file__).resolve().parents[1]
STORY = "bench-story"


@dataclass(frozen=True, slots=True)
class Result:
    name: str
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    statuses: tuple[int, ...]

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def _article(n: int, count: int) -> list[NewEvent]:
    text = f"Bench article {n}. " + " ".join(f"Event {n}-{i} happened." for i in range(count))
    digest = hashlib.sha256(text.encode()).hexdigest()
    ingested = NewEvent("ArticleIngested", {
        "article_id": f"bench-{n}", "revision": 1, "content_hash": digest,
        "url": f"https://bench.example.org/{n}", "title": f"Bench article {n}",
        "published": "2025-06-01", "lang": "en", "text": text, "source_format": "text",
        "story": None, "extractor_version": "bench", "supersedes": None,
    })
    return [ingested] + [_extracted(n, i) for i in range(count)]


def _extracted(n: int, i: int) -> NewEvent:
    day = date(2020, 1, 1) + timedelta(days=(n * PER_ARTICLE + i) * 3 % 2000)
    quote = f"Event {n}-{i} happened."
    return NewEvent("EventExtracted", {
        "entry_id": f"bench-{n}-{i}", "article_id": f"bench-{n}", "revision": 1,
        "headline": f"Event {n}-{i} happened", "sentence": quote, "quote": quote,
        "quote_start": 0, "quote_end": len(quote), "date": day.isoformat(), "precision": "day",
        "derivation": "explicit", "timex_text": day.isoformat(), "timex_value": day.isoformat(),
        "actors": [f"Actor {i % 7}"], "lang": "en", "extractor_version": "bench",
    })


def build_archive(path: Path, n: int) -> None:
    with Archive.open(path) as archive:
        log = archive.log
        ids = []
        for a in range(0, n, PER_ARTICLE):
            batch = _article(a // PER_ARTICLE, min(PER_ARTICLE, n - a))
            log.append(f"article-bench-{a // PER_ARTICLE}", batch)
            ids += [e.data["entry_id"] for e in batch[1:]]
        story = [NewEvent("StoryCreated", {"slug": STORY, "title": "Bench story"})]
        story += [NewEvent("EventAddedToStory", {"slug": STORY, "entry_id": e}) for e in ids]
        log.append(f"story-{STORY}", story)
        archive.catch_up()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path, port: int, static_folder: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "bench.web_app", str(db), str(port), str(static_folder)]
    server = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if _get(http.client.HTTPConnection("127.0.0.1", port, timeout=2), "/healthz")[0]:
                return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("the server did not start")


def _get(conn: http.client.HTTPConnection, path: str,
         headers: dict[str, str] | None = None) -> tuple[int, float]:
    started = time.perf_counter()
    conn.request("GET", path, headers=headers or {})
    response = conn.getresponse()
    response.read()
    return response.status, time.perf_counter() - started


def load(name: str, port: int, path: str, headers: dict[str, str] | None = None,
         requests: int = REQUESTS) -> Result:
    """``requests`` GETs of ``path`` from ``CONCURRENCY`` clients, after a warm-up burst (every
    worker thread has then served the path once: the cold first request is measured apart)."""
    if requests == REQUESTS:
        load("warm-up", port, path, headers, requests=WARM_UP)
    per_worker = requests // CONCURRENCY
    deadline = time.monotonic() + TIME_CAP

    def worker(_: int) -> list[tuple[int, float]]:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        out = []
        for _i in range(per_worker):
            if time.monotonic() > deadline:
                break
            out.append(_get(conn, path, headers))
        conn.close()
        return out

    started = time.perf_counter()
    with ThreadPoolExecutor(CONCURRENCY) as pool:
        samples = [s for batch in pool.map(worker, range(CONCURRENCY)) for s in batch]
    elapsed = time.perf_counter() - started
    times = sorted(t for _, t in samples)
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    return Result(name, len(samples), elapsed, statistics.median(times) * 1000, p99 * 1000,
                  tuple(sorted({s for s, _ in samples})))


def report(rows: list[tuple[Result, Result | None]]) -> None:
    print(f"{'endpoint':<44}{'req/s':>8}{'p50 ms':>8}{'p99 ms':>8}{'vs baseline':>13}  statuses")
    for r, baseline in rows:
        ratio = f"{r.rps / baseline.rps:>12.2f}x" if baseline and baseline.rps else " " * 13
        print(f"{r.name:<44}{r.rps:>8.0f}{r.p50_ms:>8.1f}{r.p99_ms:>8.1f}{ratio}  "
              f"{','.join(map(str, r.statuses))}")


Run = tuple[str, str, dict[str, str]]  # name, path, headers


def paired(baseline: Run, ours: Run, port: int, rounds: int = ROUNDS) -> tuple[Result, Result]:
    """Baseline and ours, alternated ``rounds`` times (the machine is shared: load comes and
    goes); each the round with its median throughput."""
    runs: tuple[list[Result], list[Result]] = ([], [])
    for _ in range(rounds):
        for kept, (name, path, headers) in zip(runs, (baseline, ours), strict=True):
            kept.append(load(name, port, path, headers))
    return tuple(sorted(r, key=lambda x: x.rps)[len(r) // 2] for r in runs)  # type: ignore[return-value]


def _first(port: int, path: str) -> tuple[bytes, str, float]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    started = time.perf_counter()
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return body, response.getheader("ETag") or "", (time.perf_counter() - started) * 1000


def serve_feeds(tmp: Path, entries: int) -> None:
    db, static = tmp / "bench.db", tmp / "static"
    started = time.perf_counter()
    build_archive(db, entries)
    print(f"archive: {entries:,} entries in story {STORY!r} built in "
          f"{time.perf_counter() - started:.1f}s; gunicorn, {WORKERS} gevent workers with"
          f" 8 request threads each, "
          f"{CONCURRENCY} clients, {REQUESTS} requests per endpoint (feeds and their"
          f" baselines: {ROUNDS} alternated rounds, the median one shown)")
    port = free_port()
    static.mkdir()
    server = start_server(db, port, static)
    try:
        feed = f"/feeds/{STORY}.ics"
        body, etag, cold_ms = _first(port, feed)
        (static / "feed-copy.ics").write_bytes(body)  # the baseline: the same bytes, static
        print(f"first (cold) request of {feed}: {cold_ms:.0f} ms, {len(body):,} bytes")
        static_file, warm = paired(
            (f"static file, same {len(body):,} bytes (baseline)", "/static/feed-copy.ics", {}),
            (f"{feed} ({entries:,} entries, warm)", feed, {}), port)
        bare, fresh = paired(
            ("bare 304 route (baseline)", "/bench/bare-304", {}),
            (f"{feed} 304 (If-None-Match)", feed, {"If-None-Match": etag}), port)
        rows = [
            (static_file, None),
            (warm, static_file),
            (bare, None),
            (fresh, bare),
            (load("/api/events?story=…&limit=50", port, f"/api/events?story={STORY}&limit=50"),
             static_file),
            (load("/healthz", port, "/healthz"), static_file),
        ]
    finally:
        server.terminate()
        server.wait(timeout=15)
    report(rows)


def _publish_all(archive: Archive) -> dict[str, float]:
    """Each feed of the story, assembled; milliseconds per format."""
    taken = {}
    for name in FORMATS:
        started = time.perf_counter()
        publish(archive, name, story=STORY, base_url="http://127.0.0.1:8000")
        taken[name] = (time.perf_counter() - started) * 1000
    return taken


def correction(tmp: Path, entries: int, rounds: int = 5) -> None:
    db = tmp / "correction.db"
    started = time.perf_counter()
    build_archive(db, entries)
    print(f"\narchive: {entries:,} entries in story {STORY!r} built in "
          f"{time.perf_counter() - started:.1f}s (in process, no server)")
    FEEDS.clear()
    MEMORY.clear()
    with Archive.open(db) as archive:
        full = _publish_all(archive)
        runs, writes = [], []
        for k in range(rounds):
            started = time.perf_counter()
            correct_event(archive, f"bench-{k * 7}-{k}", headline=f"Corrected {k}",
                          date=f"2021-0{k + 1}-15", reason="bench", actor="bench")
            archive.catch_up()
            writes.append((time.perf_counter() - started) * 1000)
            runs.append(_publish_all(archive))
    totals = sorted(sum(r.values()) for r in runs)
    full_total = sum(full.values())
    print(f"full render of the 4 feeds, nothing kept (baseline): {full_total:,.0f} ms "
          f"({', '.join(f'{k} {v:,.0f}' for k, v in full.items())})")
    print(f"after a correction (date and headline; the append and catch-up took "
          f"{statistics.median(writes):.0f} ms), re-rendering it and its 4 feeds, {rounds} "
          f"corrections: median {statistics.median(totals):.1f} ms, max {totals[-1]:.1f} ms "
          f"(target < 50 ms; {full_total / statistics.median(totals):,.0f}x faster than the "
          f"full render; median per feed "
          f"{', '.join(f'{k} {statistics.median(r[k] for r in runs):.1f}' for k in FORMATS)})")


def run(n: int | None = None) -> None:
    entries = n or DEFAULT_N
    with TemporaryDirectory() as tmp:
        serve_feeds(Path(tmp), entries)
        correction(Path(tmp), entries * 10)


if __name__ == "__main__":
    run(int(sys.argv[1]) if len(sys.argv) > 1 else None)
