"""Fingerprints of what ``ingest_articles`` writes, to hold a change to the ingest path to "same
events, same read models": ``PYTHONPATH=. python -m bench.ingest_fingerprint [N]``.

Each corpus of ``bench_ingest`` (Timeline17 H1N1 when present, invented news) is ingested into
a fresh archive whose clock stands still, then its first half again (nothing new is written).
Printed per corpus: the events' SHA-256 over (position, stream, stream version, event id of the
articles' events, type, data, metadata, recorded at) in log order (the event ids of story
filings are random, so left out), and the read models' over every ``tl_*``, checkpoint and
meta table's rows, sorted.
"""

from __future__ import annotations

import hashlib
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from tempfile import TemporaryDirectory

from bench.bench_ingest import corpora
from timeline.archive import Archive
from timeline.ingest import ingest_articles
from timeline.model import Article

_STILL = datetime(2026, 1, 1, tzinfo=UTC)
_TABLES = (
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    " AND name NOT LIKE '%fts%' AND name NOT IN ('events', 'chain_checkpoints') ORDER BY name"
)


def events_digest(archive: Archive) -> str:
    digest = hashlib.sha256()
    for e in archive.log.read_all():
        event_id = e.event_id if e.stream_id.startswith("article-") else ""
        digest.update(json.dumps([e.position, e.stream_id, e.stream_version, event_id, e.type,
                                  e.data, e.metadata, e.recorded_at], sort_keys=True).encode())
    return digest.hexdigest()


def read_models_digest(archive: Archive) -> str:
    conn = archive.log.conn
    digest = hashlib.sha256()
    for (table,) in conn.execute(_TABLES).fetchall():
        rows = sorted(repr(tuple(r)) for r in conn.execute(f"SELECT * FROM [{table}]"))
        digest.update(f"{table}:{len(rows)}:".encode() + "\n".join(rows).encode())
    return digest.hexdigest()


def fingerprint(articles: list[Article]) -> tuple[int, str, str]:
    with TemporaryDirectory() as tmp, Archive.open(Path(tmp) / "x.db",
                                                   clock=lambda: _STILL) as archive:
        ingest_articles(archive, articles)
        ingest_articles(archive, articles[: len(articles) // 2])
        return archive.log.head().position, events_digest(archive), read_models_digest(archive)


def main(n: int | None = None) -> None:
    for name, articles in corpora(n):
        count, events, models = fingerprint(articles)
        print(f"{name}: {count} events, events {events[:16]}, read models {models[:16]}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else None)
