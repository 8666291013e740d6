"""The web service under gunicorn: requests/s and p99 latency for a 1,000-entry story's iCal
feed and for ``/api/events``, beside a static file served by the same app in the same run (the
baseline), and the feed's ``304 Not Modified`` path.

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

DEFAULT_N = 1_000  # entries in the story
PER_ARTICLE = 20
REQUESTS = 400
CONCURRENCY = 8
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


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-c", "from timeline.cli import main; main()", "--db", str(db),
               "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", str(WORKERS)]
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


def load(name: str, port: int, path: str, headers: dict[str, str] | None = None) -> Result:
    per_worker = REQUESTS // CONCURRENCY
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


def report(results: list[Result], baseline: Result) -> None:
    print(f"{'endpoint':<34}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'vs static':>11}  statuses")
    for r in results:
        ratio = r.rps / baseline.rps if baseline.rps else 0.0
        print(f"{r.name:<34}{r.rps:>9.0f}{r.p50_ms:>9.1f}{r.p99_ms:>9.1f}{ratio:>10.2f}x  "
              f"{','.join(map(str, r.statuses))}")


def run(n: int | None = None) -> None:
    entries = n or DEFAULT_N
    with TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        started = time.perf_counter()
        build_archive(db, entries)
        print(f"archive: {entries:,} entries in story {STORY!r} built in "
              f"{time.perf_counter() - started:.1f}s; gunicorn, {WORKERS} workers x 8 threads, "
              f"{CONCURRENCY} clients, {REQUESTS} requests per endpoint")
        port = free_port()
        server = start_server(db, port)
        try:
            feed = f"/feeds/{STORY}.ics"
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            cold = time.perf_counter()
            conn.request("GET", feed)
            first = conn.getresponse()
            etag, size = first.getheader("ETag") or "", len(first.read())
            cold_ms = (time.perf_counter() - cold) * 1000
            print(f"first (uncached) render of {feed}: {cold_ms:.0f} ms,"
                  f" {size:,} bytes; later requests in the same process reuse it until the log"
                  " moves")
            conn.close()
            static = load("/static/timeline.css (baseline)", port, "/static/timeline.css")
            results = [
                static,
                load(f"{feed} ({entries:,} entries)", port, feed),
                load(f"{feed} 304 (If-None-Match)", port, feed, {"If-None-Match": etag}),
                load("/api/events?story=…&limit=50", port, f"/api/events?story={STORY}&limit=50"),
                load("/healthz", port, "/healthz"),
            ]
        finally:
            server.terminate()
            server.wait(timeout=15)
    report(results, static)


if __name__ == "__main__":
    run(int(sys.argv[1]) if len(sys.argv) > 1 else None)
