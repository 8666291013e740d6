"""Score the story digest on Timeline17 (topics H1N1 and Michael Jackson), beside the days on
which most articles were published.

  python -m bench.eval_tls --shared ../shared [--keep DIR] [--fresh] [--no-held-out]

Protocol (``<shared>/data/tls/SOURCE.md``): for each gold timeline, the topic's articles are
ingested into a fresh archive (one per topic, as one story), and the digest is asked for as many
dates as the gold has and round(sentences / dates) sentences a day, between the gold's first and
last date. Each answer is written as a tilse-format file and scored by
``<shared>/tools/score_tls.py`` (Date-F1; AR-1/AR-2 ROUGE F when ``tilse`` imports). The
baseline, computed in the same run, takes the days on which most of the topic's articles were
published (ties: the earlier day), each summarised by the first sentences of those articles.
Nothing here is tuned to these timelines: the digest's weights are its own (see
``timeline/digest/scoring.py``).

Held out (``bench/tls_heldout.py``): leave one topic out. A small grid of the scoring's general
weights is tuned on the other topic's tasks (Date-F1) and the chosen weights are scored on the
left-out topic, beside the shipped weights (which were set looking at all 4 tasks: in-sample).

The ingested archives are cached in ``$TMPDIR/timeline-eval-tls/<key>/``, the key a hash of the
articles' files and the extractor's version, so a second run only scores (``--fresh`` ingests
again; ``--keep DIR`` works in DIR instead).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from timeline.archive import Archive
from timeline.digest.service import story_digest
from timeline.errors import InvalidInput
from timeline.extract.article import articles_from_jsonl
from timeline.extract.record import EXTRACTOR_VERSION
from timeline.ingest import ingest_articles
from timeline.model import Article

DATE_LINE = re.compile(r"^(\d{4}-\d{2}-\d{2})\s*$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")

Timeline = dict[str, list[str]]


def read_timeline(path: Path) -> Timeline:
    """A tilse-format timeline: {ISO day: [sentences]}."""
    found: Timeline = {}
    current = None
    for line in path.read_text(encoding="utf-8", errors="ignore").splitlines():
        m = DATE_LINE.match(line.strip())
        if m:
            current = m.group(1)
            found.setdefault(current, [])
        elif line.startswith("----"):
            current = None
        elif current and line.strip():
            found[current].append(line.strip())
    return found


def write_timeline(path: Path, timeline: Timeline) -> None:
    lines: list[str] = []
    for day in sorted(timeline):
        lines += [day, *(" ".join(s.split()) for s in timeline[day]), "-" * 32]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def task_shape(gold: Timeline) -> tuple[int, int, str, str]:
    """(dates, sentences a day, first day, last day) the protocol asks for."""
    dates = len(gold)
    sentences = max(1, round(sum(len(v) for v in gold.values()) / dates))
    return dates, sentences, min(gold), max(gold)


def load_articles(path: Path) -> tuple[list[Article], int]:
    """The topic's articles, and how many the archive refuses (over 200,000 characters)."""
    found, refused = [], 0
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            found += articles_from_jsonl([line])
        except InvalidInput:
            refused += 1
    return found, refused


def ingest_topic(db: Path, articles: Sequence[Article], story: str) -> tuple[int, int, float]:
    """Ingest ``articles`` as ``story``; (ingested, refused, seconds)."""
    from dataclasses import replace

    begun = time.perf_counter()
    with Archive.open(db) as archive:
        report = ingest_articles(archive, [replace(a, story=story) for a in articles],
                                 actor="eval", source="eval-tls")
    return report.ingested, len(report.refused), time.perf_counter() - begun


def ours(db: Path, story: str, shape: tuple[int, int, str, str]) -> Timeline:
    dates, sentences, first, last = shape
    with Archive.open(db) as archive:
        archive.catch_up()  # a cached archive from older read models is projected again
        digest = story_digest(archive, story, dates=dates, sentences=sentences,
                              date_from=first, date_to=last)
    return {d.date.isoformat(): list(d.summary) for d in digest.dates}


def lead_sentences(text: str, k: int) -> list[str]:
    first = text.strip().split("\n")[0]
    return [s for s in _SENTENCE_END.split(first) if s][:k]


def baseline(articles: Iterable[Article], shape: tuple[int, int, str, str]) -> Timeline:
    """The days most articles were published on, each with the leads of its articles."""
    dates, sentences, first, last = shape
    within = [a for a in articles if first <= a.published.isoformat() <= last]
    counts = Counter(a.published for a in within)
    days = sorted(counts, key=lambda d: (-counts[d], d))[:dates]
    return {d.isoformat(): _leads([a for a in within if a.published == d], sentences)
            for d in days}


def _leads(articles: list[Article], k: int) -> list[str]:
    found: list[str] = []
    for article in articles:
        found += lead_sentences(article.text, 1)
        if len(found) >= k:
            break
    return found[:k]


def score(scorer: Path, gold_dir: Path, pred_dir: Path) -> dict[str, float]:
    done = subprocess.run([sys.executable, str(scorer), str(gold_dir), str(pred_dir), "--json"],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def cache_dir(files: Iterable[Path]) -> Path:
    """Where the archives of these article files, as this extractor ingests them, are kept."""
    key = hashlib.sha256(EXTRACTOR_VERSION.encode())
    for path in sorted(files):
        key.update(path.name.encode() + b"\0" + path.read_bytes())
    return Path(tempfile.gettempdir()) / "timeline-eval-tls" / key.hexdigest()[:16]


def prepare(data: Path, work: Path, topics: list[str]) -> dict[str, list[Article]]:
    """The topics' articles; each topic's archive ingested into ``work`` unless it is there."""
    articles: dict[str, list[Article]] = {}
    for topic in topics:
        articles[topic], too_long = load_articles(data / f"{topic}.jsonl")
        db = work / f"{topic}.db"
        if db.exists():
            print(f"tls: {topic}: cached archive {db}")
            continue
        part = work / f"{topic}.db.part"
        part.unlink(missing_ok=True)
        n, refused, took = ingest_topic(part, articles[topic], topic)
        part.rename(db)
        print(f"tls: ingested {topic}: {n} articles ({refused + too_long} refused) in"
              f" {took:.1f} s ({n / took:.1f} articles/s)")
    return articles


def run(shared: Path, keep: Path | None, fresh: bool = False, held_out: bool = True) -> None:
    data, scorer = shared / "data" / "tls", shared / "tools" / "score_tls.py"
    golds = sorted((data / "gold").glob("*.txt"))
    topics = sorted({g.name.split("--")[0] for g in golds})
    work = keep or cache_dir(data / f"{t}.jsonl" for t in topics)
    work.mkdir(parents=True, exist_ok=True)
    if fresh:
        for topic in topics:
            (work / f"{topic}.db").unlink(missing_ok=True)
    articles = prepare(data, work, topics)
    for gold in golds:
        run_one(work, gold, articles, "digest", False)
        run_one(work, gold, articles, "publication-count", True)
    print_results(scorer, data / "gold", work, golds)
    if held_out:
        from bench.tls_heldout import leave_one_topic_out

        leave_one_topic_out(work, golds, scorer)


def run_one(work: Path, gold: Path, articles: dict[str, list[Article]], name: str,
            is_baseline: bool) -> None:
    topic = gold.name.split("--")[0]
    shape = task_shape(read_timeline(gold))
    out = work / name
    out.mkdir(exist_ok=True)
    made = baseline(articles[topic], shape) if is_baseline else ours(work / f"{topic}.db",
                                                                       topic, shape)
    write_timeline(out / gold.name, made)


def print_results(scorer: Path, gold_dir: Path, work: Path, golds: list[Path]) -> None:
    print(f"{'task':46} {'system':18} {'Date-F1':>8} {'AR-1 F':>7} {'AR-2 F':>7}")
    for gold in [*golds, None]:
        for name in ("digest", "publication-count"):
            scores = _score_one(scorer, gold_dir, work / name, gold)
            label = gold.stem if gold else "all 4 tasks (news-tls averaging)"
            print(f"{label[:46]:46} {name:18} {scores.get('date_f1', 0):8.3f}"
                  f" {fmt_score(scores.get('ar1_f'))} {fmt_score(scores.get('ar2_f'))}")


def fmt_score(value: float | None) -> str:
    return f"{value:7.3f}" if value is not None else "      -"


def _score_one(scorer: Path, gold_dir: Path, pred_dir: Path, gold: Path | None) -> dict:
    if gold is None:
        return score(scorer, gold_dir, pred_dir)
    with tempfile.TemporaryDirectory() as one:
        (Path(one) / gold.name).write_bytes(gold.read_bytes())
        return score(scorer, Path(one), pred_dir)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--keep", type=Path, help="work in DIR (its archives are reused)")
    ap.add_argument("--fresh", action="store_true", help="ingest again, ignoring cached archives")
    ap.add_argument("--no-held-out", dest="held_out", action="store_false",
                    help="skip the leave-one-topic-out runs")
    args = ap.parse_args(argv)
    data, scorer = args.shared / "data" / "tls", args.shared / "tools" / "score_tls.py"
    if not (data / "gold").is_dir() or not scorer.is_file():
        print(f"tls: skipped ({data} or {scorer} is absent)")
        return 0
    run(args.shared, args.keep, args.fresh, args.held_out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
