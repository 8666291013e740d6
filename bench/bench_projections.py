"""Projections: incremental catch-up, full rebuild, a story query and its exports.

Figures, each beside a baseline measured in the same run:
- incremental projection of one new event (goal < 5 ms) vs appending that event to the log;
- full rebuild (events/s, and seconds per 1M events, goal <= 30 s), in one process and with
  its fold in a worker process, vs a raw replay of ``SELECT data FROM events`` + ``json.loads``
  (CPU time of both processes is printed too: the machine is shared);
- the chronological query of one story of 10,000 entries vs the raw SQL behind it (no decoding);
- export of that story to JSON, TimelineJS, CSV and iCalendar vs ``json.dumps`` of the entries.
The log is built with batched appends of 1,000 events (articles of one ArticleIngested and 999
EventExtracted, then the story's memberships, corrections and retractions).
"""

from __future__ import annotations

import dataclasses
import json
import os
import statistics
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

from events import NewEvent, Projector
from events.fold_worker import can_fork
from timeline.archive import Archive
from timeline.projections import ArchiveProjection, archive_projections
from timeline.projections.queries import EventQuery, find_entries, iter_entries

DEFAULT_N = 1_000_000
BATCH = 1_000
STORY = "bench-story"
STORY_SIZE = 10_000
WORDS = ("puerto", "huelga", "metro", "alcaldía", "acuerdo", "presa", "río", "tranvía",
         "mercado", "biblioteca", "congreso", "ley", "vivienda", "obras", "puente")
FUZZY = (("194X", "decade"), ("2025", "year"), ("2024-11", "month"), ("19XX", "century"),
         ("1978/1982", "interval"))


def _date(i: int) -> tuple[str, str]:
    if i % 7 == 0:
        return FUZZY[i % len(FUZZY)]
    day = 1 + (i * 37) % 3650
    ordinal = datetime(2015, 1, 1).toordinal() + day
    return datetime.fromordinal(ordinal).date().isoformat(), "day"


def _headline(i: int) -> str:
    return " ".join(WORDS[(i * k) % len(WORDS)] for k in (1, 3, 7, 11)).capitalize()


def _article(a: int, first: int) -> list[NewEvent]:
    text = f"Resumen {a}: " + "; ".join(_headline(first + k) for k in range(20))
    out = [NewEvent("ArticleIngested", {
        "article_id": f"b{a}", "revision": 1, "content_hash": f"{a:064x}",
        "url": f"https://bench.example.org/{a}", "title": f"Resumen {a}",
        "published": "2026-01-04", "lang": "es", "text": text, "source_format": "text",
        "extractor_version": "bench-1"})]
    for k in range(BATCH - 1):
        i = first + k
        edtf, precision = _date(i)
        out.append(NewEvent("EventExtracted", {
            "entry_id": f"e{i}", "article_id": f"b{a}", "revision": 1,
            "headline": _headline(i), "sentence": _headline(i) + ".", "quote": _headline(i),
            "quote_start": 0, "quote_end": 10, "date": edtf, "precision": precision,
            "derivation": "explicit", "actors": [WORDS[i % len(WORDS)].capitalize()],
            "lang": "es", "extractor_version": "bench-1"}))
    return out


def _editorial(entries: int, count: int) -> Iterator[tuple[str, list[NewEvent]]]:
    """Story memberships for up to 10,000 entries, then corrections and retractions."""
    members = min(STORY_SIZE, entries, count)
    step = max(1, entries // max(members, 1))
    adds = [NewEvent("EventAddedToStory", {"slug": STORY, "entry_id": f"e{i * step}"})
            for i in range(members)]
    yield f"story-{STORY}", [NewEvent("StoryCreated", {"slug": STORY, "title": "Bench"})]
    for start in range(0, len(adds), BATCH):
        yield f"story-{STORY}", adds[start : start + BATCH]
    for i in range(max(0, count - members - 1)):
        entry = f"e{(i * 7919) % max(entries, 1)}"
        if i % 5:
            data = {"entry_id": entry, "headline": _headline(i + 3), "reason": "bench"}
            yield f"entry-{entry}", [NewEvent("EventCorrected", data)]
        else:
            yield f"entry-{entry}", [NewEvent("EventRetracted", {"entry_id": entry,
                                                                 "reason": "bench"})]


def build(archive: Archive, n: int) -> int:
    """Append about ``n`` events: 90% extraction in batches of 1,000, the rest editorial."""
    articles = max(1, (n * 9 // 10) // BATCH)
    for a in range(articles):
        archive.log.append(f"article-b{a}", _article(a, a * (BATCH - 1)))
    remaining = n - archive.log.head().position
    for stream, events in _editorial(articles * (BATCH - 1), remaining):
        archive.log.append(stream, events)
    return archive.log.head().position


def _timed(func: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = func()
    return time.perf_counter() - started, result


def _raw_replay(archive: Archive) -> int:
    cursor = archive.log.conn.execute("SELECT data FROM events ORDER BY position")
    return sum(1 for (data,) in cursor if json.loads(data) is not None)


def _cpu() -> tuple[float, float]:
    """CPU seconds of this process, and of its finished children (a rebuild's fold worker)."""
    times = os.times()
    return times.user + times.system, times.children_user + times.children_system


def _rebuild(archive: Archive) -> float:
    """The full rebuild beside a raw replay of the same log, with its fold in a worker process
    (when the machine has a second core: ``timeline rebuild``'s way, run first, over the live
    read models the catch-up left, as on a live archive), then in one process; the
    one-process rebuild's CPU seconds per event."""
    raw_s, replayed = _timed(lambda: _raw_replay(archive))
    modes = {"fold in a worker": True, "one process": False} if can_fork() else {
        "one process": False}
    per_event = 0.0
    for mode, worker in modes.items():
        projector = Projector(archive.log, archive_projections(), fold_worker=worker)
        own, children = _cpu()
        rebuild_s, applied = _timed(projector.rebuild)
        own, children = _cpu()[0] - own, _cpu()[1] - children
        cpu = own + children
        _line(f"full rebuild, {mode}", f"{applied / rebuild_s:,.0f} ev/s",
              f"{replayed / raw_s:,.0f} ev/s raw SELECT data + json.loads"
              f" ({rebuild_s / raw_s:.1f}x its time)")
        split = f": {children:.1f} s in the worker, {own:.1f} s writing" if worker else ""
        print(f"  rebuilt {applied:,} events in {rebuild_s:.1f} s ({cpu:.1f} s CPU{split}): "
              f"{rebuild_s * 1e6 / applied:.0f} s per 1M events (goal <= 30 s), "
              f"{cpu * 1e6 / applied:.0f} s of CPU", flush=True)
        per_event = cpu / applied
    return per_event


def _incremental(archive: Archive, rounds: int = 50) -> tuple[float, float]:
    """Median ms to append one correction, and to project it."""
    appends, projections = [], []
    for i in range(rounds):
        event = NewEvent("EventCorrected", {"entry_id": "e1", "headline": _headline(i),
                                            "reason": "bench"})
        took, _ = _timed(lambda e=event: archive.log.append("entry-e1", [e]))
        appends.append(took)
        took, applied = _timed(archive.catch_up)
        assert applied == 1
        projections.append(took)
    return statistics.median(appends) * 1e3, statistics.median(projections) * 1e3


class _EventByEvent:
    """The archive projection without ``batch``: the projector applies it event by event."""

    def __init__(self) -> None:
        self.inner = ArchiveProjection()
        self.name, self.version = self.inner.name, self.inner.version
        self.setup, self.drop, self.apply = self.inner.setup, self.inner.drop, self.inner.apply


def _catch_up(archive: Archive, projection: Any) -> tuple[float, float, int]:
    """Wall and CPU seconds to project the whole log incrementally (batches of 1,000) from
    empty read models, and the events applied."""
    projector = Projector(archive.log, [projection])
    projector._reset(projection)  # noqa: SLF001 - empty read models, as a new node has
    cpu = time.process_time()
    took, applied = _timed(projector.run)
    return took, time.process_time() - cpu, applied


def _catch_ups(archive: Archive) -> tuple[float, float, float, float, int]:
    """Incremental projection of the whole log event by event, then in batches (which leaves
    the live read models built): wall and CPU seconds of each, and the events applied."""
    one_s, one_cpu, applied = _catch_up(archive, _EventByEvent())
    batch_s, batch_cpu, _ = _catch_up(archive, ArchiveProjection())
    return one_s, one_cpu, batch_s, batch_cpu, applied


def _batched_catch_up(figures: tuple[float, float, float, float, int],
                      rebuild_cpu: float) -> None:
    """Incremental projection in batches (one bulk write per table) beside event by event, and
    its CPU per event beside the one-process bulk rebuild's (``rebuild_cpu``, seconds)."""
    one_s, one_cpu, batch_s, batch_cpu, applied = figures
    _line("incremental catch-up, batches of 1,000", f"{applied / batch_cpu:,.0f} ev/CPU-s",
          f"{applied / one_cpu:,.0f} ev/CPU-s event by event (x{one_cpu / batch_cpu:.2f};"
          f" wall {batch_s:.1f} s vs {one_s:.1f} s)")
    _line("  the same, CPU per event", f"{batch_cpu * 1e6 / applied:.0f} us",
          f"{rebuild_cpu * 1e6:.0f} us the bulk rebuild, one process"
          f" (x{batch_cpu / applied / rebuild_cpu:.2f} its CPU)")


def _raw_story(archive: Archive) -> int:
    rows = archive.log.conn.execute(
        "SELECT e.* FROM tl_story_entries s CROSS JOIN tl_entries e ON e.entry_id = s.entry_id"
        " WHERE s.slug = ? AND e.status = 'active' AND e.merged_into IS NULL"
        " ORDER BY s.start, s.prank, s.position", (STORY,)).fetchall()
    return len(rows)


def _exports(entries: list[Any], last_position: int) -> dict[str, float]:
    try:
        from timeline.export import TimelineMeta, to_csv, to_ical, to_json, to_timelinejs
    except ImportError:
        return {}
    meta = TimelineMeta(title="Bench", slug=STORY, description="", url="https://bench.example.org",
                        generated_at=datetime(2026, 1, 5, tzinfo=UTC), last_position=last_position)
    funcs = {"json": to_json, "timelinejs": to_timelinejs, "csv": to_csv, "ical": to_ical}
    return {name: _timed(lambda f=f: f(entries, meta))[0] * 1e3 for name, f in funcs.items()}


def _line(metric: str, ours: str, baseline: str) -> None:
    print(f"  {metric:<44} {ours:>16}   baseline {baseline}", flush=True)


def run(n: int | None = None) -> None:
    n = DEFAULT_N if n is None else n
    with TemporaryDirectory() as tmp, Archive.open(Path(tmp) / "bench.db") as archive:
        took, total = _timed(lambda: build(archive, n))
        print(f"  built a log of {total:,} events in {took:.1f} s", flush=True)
        catch_ups = _catch_ups(archive)
        _batched_catch_up(catch_ups, _rebuild(archive))
        append_ms, project_ms = _incremental(archive)
        _line("incremental projection of 1 event (goal < 5 ms)", f"{project_ms:.2f} ms",
              f"{append_ms:.2f} ms appending it")
        raw_q, rows = _timed(lambda: _raw_story(archive))
        query_s, entries = _timed(lambda: list(iter_entries(
            archive, EventQuery(story=STORY, limit=500))))
        _line(f"story query ({len(entries):,} entries, pages of 500)", f"{query_s * 1e3:.1f} ms",
              f"{raw_q * 1e3:.1f} ms raw SQL of {rows:,} rows, undecoded")
        dump_s, _ = _timed(lambda: json.dumps([dataclasses.asdict(e) for e in entries],
                                              default=str))
        for name, ms in _exports(entries, archive.log.head().position).items():
            _line(f"export story to {name}", f"{ms:.1f} ms", f"{dump_s * 1e3:.1f} ms json.dumps")
        _as_of(archive, total)


def _as_of(archive: Archive, total: int) -> None:
    """One page of the story as the archive stood halfway, beside the same page now."""
    middle = next(archive.log.read_all(total // 2 - 1, 1)).recorded_at
    live_s, _ = _timed(lambda: find_entries(archive, EventQuery(story=STORY, limit=50)))
    past_s, _ = _timed(lambda: find_entries(archive, EventQuery(story=STORY, limit=50,
                                                                as_of=middle)))
    _line("as-of query, one story page, as of the log's middle", f"{past_s * 1e3:,.0f} ms",
          f"{live_s * 1e3:.1f} ms the same page now (read models)")


if __name__ == "__main__":
    run(20_000)
