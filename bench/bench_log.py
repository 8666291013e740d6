"""The event log against raw sqlite3 (same schema, same run) and against ``eventsourcing``.

Figures: batched append (1,000 events per call, hash chain on, marshmallow validation on),
single-event appends (one transaction each), full replay through ``read_all`` with decoding and
its peak RSS (measured in a child process), and ``verify``. Every figure is printed beside a
baseline measured in this run, then a compact table; results also go to bench/results/log.json.

Baselines: raw sqlite3 on the log's own DDL (events.ddl.create_schema: same triggers and indexes,
same WAL + synchronous=FULL as the log) with precomputed rows and a fixed fake hash; and the peer,
eventsourcing's SQLiteApplicationRecorder out of the box, fed the same payload bytes in the same
batches at the full n (no scaling), replayed with select_notifications pages of 1,000 and
json.loads of each state. The batched writers are interleaved batch by batch so that all see the
same machine load. "no schema" is our log with the type unregistered: the cost of validation.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from dataclasses import asdict, dataclass
from pathlib import Path
from tempfile import TemporaryDirectory

from events import NewEvent, SqliteEventLog, verify

from .log_baselines import Peer, raw_connect, raw_insert, raw_rows, raw_scan
from .log_workload import BATCH, EVENT_TYPE, METADATA, Batch, batches, bench_registry

DEFAULT_N = 1_000_000
SINGLES = 20_000
RSS_LIMIT_MB = 150.0
ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).resolve().parent / "results" / "log.json"
_RSS_CHILD = """
import resource, sys
from bench.log_workload import bench_registry
from events import SqliteEventLog
log = SqliteEventLog(sys.argv[1], registry=bench_registry())
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
for line in open("/proc/self/status") if sys.platform == "linux" else ():
    if line.startswith("VmRSS:"):
        before = int(line.split()[1])  # the current RSS, not the import-time peak
count = sum(1 for _ in log.read_all())
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(count, (after - before) / 1024, after / 1024)
"""


@dataclass(frozen=True, slots=True)
class Figure:
    metric: str
    unit: str
    ours: float
    baseline: float | None
    baseline_name: str
    target: str
    met: bool | None

    @property
    def ratio(self) -> float | None:
        return self.ours / self.baseline if self.baseline else None


def _rate(count: int, seconds: float) -> float:
    return count / seconds if seconds > 0 else float("inf")


def _new_events(batch: Batch) -> list[NewEvent]:
    return [
        NewEvent(EVENT_TYPE, data, dict(METADATA), event_id)
        for event_id, data in zip(batch.event_ids, batch.data, strict=True)
    ]


def _timed_append(log: SqliteEventLog, batch: Batch) -> float:
    events = _new_events(batch)
    started = time.perf_counter()
    log.append(batch.stream_id, events)
    return time.perf_counter() - started


def _eta(spent: dict[str, float], done: int) -> str:
    return ", ".join(f"{k} {_rate(done, v):,.0f}/s" for k, v in spent.items())


def batched_appends(tmp: Path, n: int, log: SqliteEventLog, peer: Peer) -> dict[str, float]:
    """Interleave ours, raw and peer batch by batch, so all three see the same conditions.

    ``unvalidated`` is our log again with the type left unregistered (``strict_types=False``):
    everything but the marshmallow validation, to show what validation costs.
    """
    spent = {"ours": 0.0, "raw": 0.0, "peer": 0.0, "unvalidated": 0.0}
    with (
        closing(raw_connect(tmp / "raw.db")) as raw,
        SqliteEventLog(tmp / "unvalidated.db", strict_types=False) as unvalidated,
    ):
        every = max(1, n // BATCH // 10)
        for index, batch in enumerate(batches(n), start=1):
            spent["ours"] += _timed_append(log, batch)
            spent["unvalidated"] += _timed_append(unvalidated, batch)
            spent["raw"] += raw_insert(raw, raw_rows(batch))
            spent["peer"] += peer.insert(Peer.events(batch))
            if index % every == 0:
                done = batch.first_position + len(batch.data) - 1
                print(f"   appended {done:,}/{n:,}  ({_eta(spent, done)})", flush=True)
    for name in ("raw.db", "unvalidated.db"):
        (tmp / name).unlink()
    return {k: _rate(n, v) for k, v in spent.items()}


def single_appends(tmp: Path, count: int, *, durable: bool = True) -> tuple[float, float]:
    """``count`` one-event appends, one transaction each, both sides at synchronous=FULL
    (``durable``, the default) or NORMAL (``timeline ingest --fast``): (ours, raw) events/s."""
    ours = raw_spent = 0.0
    tag = "" if durable else "-fast"
    with (
        SqliteEventLog(tmp / f"single{tag}.db", registry=bench_registry(),
                       durable=durable) as log,
        closing(raw_connect(tmp / f"single-raw{tag}.db", durable=durable)) as raw,
    ):
        for batch in batches(count, size=1):
            ours += _timed_append(log, batch)
            raw_spent += raw_insert(raw, raw_rows(batch))
    return _rate(count, ours), _rate(count, raw_spent)


def replay(log: SqliteEventLog, path: Path, n: int) -> tuple[float, float, float]:
    """(ours events/s, raw-scan events/s, peak RSS delta MB of a child replaying everything)."""
    scanned, raw_seconds = raw_scan(path)
    started = time.perf_counter()
    count = sum(1 for _ in log.read_all())
    ours_seconds = time.perf_counter() - started
    assert count == scanned == n, (count, scanned, n)
    child = subprocess.run(
        [sys.executable, "-c", _RSS_CHILD, str(path)],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )
    replayed, rss_mb, peak_mb = child.stdout.split()
    assert int(replayed) == n
    print(f" replay child: peak RSS {float(peak_mb):.1f} MB in all, {float(rss_mb):.1f} MB"
          " above its RSS before replaying", flush=True)
    return _rate(n, ours_seconds), _rate(n, raw_seconds), float(rss_mb)


def timed_verify(log: SqliteEventLog, n: int) -> float:
    started = time.perf_counter()
    report = verify(log)
    seconds = time.perf_counter() - started
    assert report.ok and report.checked == n, report
    return seconds


def _figures(m: dict[str, float], n: int) -> list[Figure]:
    return [
        Figure("batched append", "ev/s", m["append"], m["append_raw"], "raw executemany",
               ">= 0.40", m["append"] >= 0.40 * m["append_raw"]),
        Figure("batched append, no schema", "ev/s", m["append_unvalidated"], m["append_raw"],
               "raw executemany", "(diagnostic)", None),
        Figure("single append (FULL)", "ev/s", m["single"], m["single_raw"],
               "raw 1-row txn, FULL", ">= 0.50", m["single"] >= 0.50 * m["single_raw"]),
        Figure("single append (--fast)", "ev/s", m["single_fast"], m["single_raw_fast"],
               "raw 1-row txn, NORMAL", ">= 0.50",
               m["single_fast"] >= 0.50 * m["single_raw_fast"]),
        Figure("replay read_all", "ev/s", m["replay"], m["replay_raw"], "raw scan+loads",
               ">= 0.50", m["replay"] >= 0.50 * m["replay_raw"]),
        Figure("replay peak RSS", "MB", m["rss_mb"], None, "-",
               f"< {RSS_LIMIT_MB:.0f} MB", m["rss_mb"] < RSS_LIMIT_MB),
        Figure(f"verify ({m['verify_s']:.1f} s)", "ev/s", _rate(n, m["verify_s"]), None, "-",
               "-", None),
        Figure("append vs eventsourcing", "ev/s", m["append"], m["append_peer"],
               "eventsourcing", "aim >= 2", m["append"] >= 2 * m["append_peer"]),
        Figure("replay vs eventsourcing", "ev/s", m["replay"], m["replay_peer"],
               "eventsourcing", "aim >= 2", m["replay"] >= 2 * m["replay_peer"]),
    ]


def _cells(f: Figure) -> list[str]:
    fmt = "{:,.1f}" if f.unit == "MB" else "{:,.0f}"
    return [
        f.metric, f"{fmt.format(f.ours)} {f.unit}",
        "-" if f.baseline is None else f"{fmt.format(f.baseline)} ({f.baseline_name})",
        "-" if f.ratio is None else f"{f.ratio:.2f}", f.target,
        {True: "yes", False: "NO", None: "-"}[f.met],
    ]


def table(figures: list[Figure]) -> str:
    rows = [["metric", "ours", "baseline", "ratio", "target", "met?"]]
    rows += [_cells(f) for f in figures]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = [" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(line.rstrip() for line in lines)


def measure(tmp: Path, n: int) -> dict[str, float]:
    m: dict[str, float] = {}
    path = tmp / "ours.db"
    peer = Peer(tmp / "peer.db")
    with SqliteEventLog(path, registry=bench_registry()) as log:
        rates = batched_appends(tmp, n, log, peer)
        m.update(append=rates["ours"], append_raw=rates["raw"], append_peer=rates["peer"],
                 append_unvalidated=rates["unvalidated"])
        print(f" batched append: ours {m['append']:,.0f}/s  raw {m['append_raw']:,.0f}/s"
              f"  eventsourcing {m['append_peer']:,.0f}/s  ours without marshmallow"
              f" {m['append_unvalidated']:,.0f}/s", flush=True)
        m["single"], m["single_raw"] = single_appends(tmp, min(SINGLES, n))
        m["single_fast"], m["single_raw_fast"] = single_appends(tmp, min(SINGLES, n),
                                                                durable=False)
        print(f" single append, synchronous=FULL: ours {m['single']:,.0f}/s"
              f"  raw {m['single_raw']:,.0f}/s; NORMAL (--fast): ours"
              f" {m['single_fast']:,.0f}/s  raw {m['single_raw_fast']:,.0f}/s", flush=True)
        m["replay"], m["replay_raw"], m["rss_mb"] = replay(log, path, n)
        count, seconds = peer.replay()
        assert count == n
        m["replay_peer"] = _rate(n, seconds)
        print(f" replay: ours {m['replay']:,.0f}/s  raw {m['replay_raw']:,.0f}/s  eventsourcing"
              f" {m['replay_peer']:,.0f}/s  (peak RSS delta {m['rss_mb']:.1f} MB)", flush=True)
        m["verify_s"] = timed_verify(log, n)
        print(f" verify: {m['verify_s']:.2f} s", flush=True)
    peer.close()
    return m


def run(n: int | None = None) -> None:
    n = n or DEFAULT_N
    print(f" n={n:,} events, ~300-byte payloads, {BATCH:,} per append, 1,000 streams;"
          f" singles={min(SINGLES, n):,}; sqlite {sqlite3.sqlite_version}", flush=True)
    with TemporaryDirectory(prefix="bench-log-") as tmp:
        m = measure(Path(tmp), n)
    figures = _figures(m, n)
    print(table(figures))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    payload = {"n": n, "singles": min(SINGLES, n), "measured": m,
               "figures": [asdict(f) | {"ratio": f.ratio} for f in figures]}
    RESULTS.write_text(json.dumps(payload, indent=2) + "\n")
    print(f" results: {RESULTS.relative_to(ROOT)}")
