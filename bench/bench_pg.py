"""The PostgreSQL event log against raw psycopg (same schema, same run) and ``eventsourcing``.

Figures: batched append (1,000 events per call, hash chain and validation on), single-event
appends (one transaction each), replay through ``read_all`` with decoding, ``verify``, and
cross-node visibility: the time from a commit on node A to a follower on node B (its own
connections, woken by NOTIFY) having read the event, p50 and p99.

Baselines, each on a fresh schema created by the log's own DDL (same triggers, indexes and head
row): raw psycopg COPY and raw ``executemany`` of precomputed rows (chained fake hashes, no
validation), raw 1-row INSERT transactions, a raw scan + ``json.loads``; and eventsourcing's
PostgresApplicationRecorder out of the box, fed the same payloads in the same batches.

Needs a server: ``TIMELINE_BENCH_PG`` (else ``TIMELINE_TEST_PG``) names it; skips without one.
"""

from __future__ import annotations

import json
import os
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit

from events import verify
from events.postgres import PostgresEventLog
from events.postgres_ddl import COLUMNS
from events.postgres_notify import HeadListener

from .log_workload import EVENT_TYPE, METADATA, RECORDED_AT, Batch, batches, bench_registry

DEFAULT_N = 200_000
SINGLES = 2_000
VISIBILITY_SAMPLES = 200
_META = json.dumps(METADATA, sort_keys=True, separators=(",", ":"))


def server_url() -> str | None:
    return os.environ.get("TIMELINE_BENCH_PG") or os.environ.get("TIMELINE_TEST_PG") or None


@contextmanager
def fresh_log(url: str, **kw: Any) -> Iterator[PostgresEventLog]:
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    log = PostgresEventLog(url, schema=schema, registry=bench_registry(), **kw)
    try:
        yield log
    finally:
        log.conn.execute(f"DROP SCHEMA {schema} CASCADE")
        log.close()


def _fake_hash(position: int) -> str:
    return f"{position:064x}"  # position 0 gives the genesis hash, so the head trigger agrees


def raw_rows(batch: Batch) -> list[tuple[Any, ...]]:
    return [
        (p, batch.stream_id, batch.first_version + i, event_id, EVENT_TYPE, 1, data_json, _META,
         RECORDED_AT, _fake_hash(p - 1), _fake_hash(p))
        for i, (event_id, data_json) in enumerate(zip(batch.event_ids, batch.data_json(),
                                                       strict=True))
        for p in (batch.first_position + i,)
    ]


def raw_copy(log: PostgresEventLog, rows: list[tuple[Any, ...]]) -> None:
    with log.conn.transaction(), log.conn.cursor().copy(
        f"COPY events ({COLUMNS}) FROM STDIN"
    ) as copy:
        for row in rows:
            copy.write_row(row)


def raw_executemany(log: PostgresEventLog, rows: list[tuple[Any, ...]]) -> None:
    marks = ",".join(["%s"] * 11)
    with log.conn.transaction():
        log.conn.cursor().executemany(f"INSERT INTO events ({COLUMNS}) VALUES ({marks})", rows)


def _new_events(batch: Batch) -> list[Any]:
    from events import NewEvent

    return [NewEvent(EVENT_TYPE, d, dict(METADATA), i)
            for i, d in zip(batch.event_ids, batch.data, strict=True)]


class Peer:
    """eventsourcing's PostgresApplicationRecorder on its own schema."""

    def __init__(self, url: str) -> None:
        from eventsourcing.postgres import PostgresApplicationRecorder, PostgresDatastore

        parts = urlsplit(url)
        self.schema = f"bench_peer_{uuid.uuid4().hex[:8]}"
        self.url = url
        with PostgresEventLog(url, schema=self.schema, writer_role=None) as log:
            log.conn.execute(f"CREATE SCHEMA IF NOT EXISTS {self.schema}")
        self.datastore = PostgresDatastore(
            parts.path.lstrip("/"), parts.hostname or "localhost", parts.port or 5432,
            parts.username or "", parts.password or "", schema=self.schema,
            originator_id_type="text",
        )
        self.recorder = PostgresApplicationRecorder(self.datastore)
        self.recorder.create_table()

    def insert(self, batch: Batch) -> None:
        from eventsourcing.persistence import StoredEvent as PeerEvent

        self.recorder.insert_events([
            PeerEvent(batch.stream_id, batch.first_version + i, EVENT_TYPE, text.encode())
            for i, text in enumerate(batch.data_json())
        ])

    def replay(self) -> int:
        count, start = 0, 1
        while notes := list(self.recorder.select_notifications(start, 1000)):
            for note in notes:
                json.loads(note.state)
            count += len(notes)
            start = notes[-1].id + 1
        return count

    def close(self) -> None:
        self.datastore.close()
        with PostgresEventLog(self.url, schema=self.schema, writer_role=None) as log:
            log.conn.execute(f"DROP SCHEMA {self.schema} CASCADE")


def _timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def batched(url: str, n: int) -> dict[str, float]:
    """Events per second: ours, raw COPY, raw executemany, the peer (interleaved per batch)."""
    spent = {"ours": 0.0, "copy": 0.0, "executemany": 0.0, "peer": 0.0}
    peer = Peer(url)
    with fresh_log(url) as ours, fresh_log(url) as copy_log, fresh_log(url) as many_log:
        for batch in batches(n):
            events, rows = _new_events(batch), raw_rows(batch)
            spent["ours"] += _timed(lambda b=batch, e=events: ours.append(b.stream_id, e))
            spent["copy"] += _timed(lambda r=rows: raw_copy(copy_log, r))
            spent["executemany"] += _timed(lambda r=rows: raw_executemany(many_log, r))
            spent["peer"] += _timed(lambda b=batch: peer.insert(b))
        assert ours.head().position == n
        replayed = replay(url, ours, n)
        replayed["peer"] = n / _timed(lambda: peer.replay())
        replayed["verify_s"] = _timed(lambda: verify(ours))  # type: ignore[arg-type]
    peer.close()
    return {**{k: n / v for k, v in spent.items()}, **{f"replay_{k}": v
                                                        for k, v in replayed.items()}}


def replay(url: str, log: PostgresEventLog, n: int) -> dict[str, float]:
    """Best of two warm runs each (the first read of a fresh table pays for the cold cache)."""

    def raw_scan() -> None:
        loads = json.loads
        with log.conn.cursor() as cur:
            cur.execute(f"SELECT {COLUMNS} FROM events ORDER BY position")
            while rows := cur.fetchmany(2000):
                for row in rows:
                    loads(row[6])
                    loads(row[7])

    ours = raw = float("inf")
    for _ in range(2):
        raw = min(raw, _timed(raw_scan))
        ours = min(ours, _timed(lambda: sum(1 for _ in log.read_all())))
    return {"ours": n / ours, "raw": n / raw}


def singles(url: str, count: int) -> dict[str, float]:
    with fresh_log(url) as ours, fresh_log(url) as raw:
        batch_list = list(batches(count, size=1))
        took = sum(_timed(lambda b=b: ours.append(b.stream_id, _new_events(b)))
                   for b in batch_list)
        raw_took = sum(_timed(lambda b=b: raw_executemany(raw, raw_rows(b))) for b in batch_list)
    return {"ours": count / took, "raw": count / raw_took}


def visibility(url: str, samples: int) -> tuple[float, float]:
    """Seconds from a commit on node A until node B's follower has read it: (p50, p99)."""
    with fresh_log(url) as node_a:
        node_b = PostgresEventLog(url, schema=node_a.schema, registry=bench_registry())
        listener = HeadListener(url, schema=node_a.schema)
        listener.listening.wait(10)
        committed: dict[int, float] = {}
        seen: dict[int, float] = {}
        done = threading.Event()

        def follower() -> None:
            position = 0
            while not done.is_set():
                listener.wait_beyond(position, 0.5)
                for event in node_b.read_all(position):
                    position = event.position
                    seen[position] = time.perf_counter()

        thread = threading.Thread(target=follower, daemon=True)
        thread.start()
        for b in batches(samples, size=1):
            stored = node_a.append(b.stream_id, _new_events(b))
            committed[stored[0].position] = time.perf_counter()
            time.sleep(0.005)
        deadline = time.monotonic() + 10
        while len(seen) < samples and time.monotonic() < deadline:
            time.sleep(0.01)
        done.set()
        listener.stop()
        thread.join(timeout=5)
        node_b.close()
    lags = sorted(max(0.0, seen[p] - committed[p]) for p in committed if p in seen)
    lags += [float("inf")] * (samples - len(lags))
    return lags[len(lags) // 2], lags[min(len(lags) - 1, int(len(lags) * 0.99))]


def run(n: int | None = None) -> None:
    url = server_url()
    if not url:
        print("skipped: no PostgreSQL (set TIMELINE_BENCH_PG or TIMELINE_TEST_PG to a URL)")
        return
    n = n or DEFAULT_N
    figures = batched(url, n)
    single = singles(url, min(SINGLES, n))
    p50, p99 = visibility(url, VISIBILITY_SAMPLES)
    rows = [
        ("batched append vs raw COPY", figures["ours"], figures["copy"], 0.40),
        ("batched append vs raw executemany", figures["ours"], figures["executemany"], 0.40),
        ("batched append vs eventsourcing", figures["ours"], figures["peer"], None),
        ("single appends vs raw 1-row tx", single["ours"], single["raw"], None),
        ("replay vs raw scan + json.loads", figures["replay_ours"], figures["replay_raw"], 0.50),
        ("replay vs eventsourcing", figures["replay_ours"], figures["replay_peer"], None),
    ]
    print(f"{'metric':36} {'ours ev/s':>11} {'baseline':>11} {'ratio':>6}  target")
    for name, ours, base, target in rows:
        met = target is not None and ours / base >= target
        mark = "" if target is None else f">= {target:.2f} {'ok' if met else 'MISSED'}"
        print(f"{name:36} {ours:11,.0f} {base:11,.0f} {ours / base:6.2f}  {mark}")
    print(f"verify, {n:,} events: {figures['replay_verify_s']:.1f} s")
    verdict = "ok" if p99 < 1.0 else "MISSED"
    print(f"cross-node visibility (commit on A -> read on B): p50 {p50 * 1000:.1f} ms, "
          f"p99 {p99 * 1000:.1f} ms (target p99 < 1 s: {verdict})")
