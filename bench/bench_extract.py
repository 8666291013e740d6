"""Extraction speed: articles/s for ``extract_events`` beside the tagger alone, and size sweeps.

(a) ``extract_events`` (tagging, intervals, events) on invented ~2,500-character articles
(``bench.news_bank``), Spanish and English, in one process and thread, beside its first stage
measured on the same texts in the same run: ``timeline.extract.tag`` alone. ``BENCH_N`` (or ``n``)
sets how many articles (default 200). Target: >= 50 articles/s per core.

(b) Linearity on hostile inputs: each text at N, 2N and 4N units, seconds and t(2N)/t(N) (about 2
is linear; above 3 is flagged). A sweep goes on doubling up to the article limit (200,000
characters) while the time it projects fits its budget; a size whose projected time would not fit
is reported as skipped, not run. Sizes are fixed (``BENCH_N`` does not change them).

(c) Where the time goes on real news: Timeline17's H1N1 articles (``../shared/data/tls``, or
``$TIMELINE_SHARED``; ~5,500 characters and ~110 events each), CPU milliseconds per article of
each stage of the pipeline (``timeline.extract.pipeline.STAGES``) and of ``extract_events`` as a
whole, beside ``tag`` alone on the same texts in the same run (the fastest of two passes).
``BENCH_N`` caps how many articles (default all 402); skipped when the data is not there.

Times are this process's CPU seconds: the figures per core, however busy the machine is.
"""

from __future__ import annotations

import os
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache, partial
from pathlib import Path

from bench.news_bank import article_text, articles
from timeline.extract import MAX_ARTICLE_CHARS, extract_events, tag
from timeline.extract.document import Document
from timeline.extract.pipeline import STAGES as PIPELINE
from timeline.model import Article

SHARED = Path(os.environ.get("TIMELINE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
H1N1_TARGET_MS = 10.0  # extraction per H1N1 article (issue 11: ingest >= 50 articles/s)

TARGET_PER_S = 50.0
SUPER_LINEAR = 3.0
SWEEP_BUDGET_S = 8.0  # no size is started once the sweep's projected total would pass this
MIN_TIMING_S = 0.2  # short runs are repeated for this long; their fastest run counts
PUBLISHED = date(2025, 11, 17)


@dataclass(frozen=True, slots=True)
class Hostile:
    """A text that grows with ``units``, meant to find super-linear paths in extraction."""

    name: str
    lang: str
    first: int  # N, in units
    make: Callable[[int], str]


#: Clauses of one endless sentence; "soon" is a date expression (FUTURE_REF) now and then.
_CLAUSES = (
    "the harbour board said its new ferry service would grow further",
    "the council promised that the bridge would open soon",
    "residents of Stonefield asked for more buses",
)


def _long_sentence(chars: int) -> str:
    text = ", and ".join(_CLAUSES) + ", and "
    return (text * (chars // len(text) + 1))[:chars]


@cache
def _one_article() -> str:
    return article_text(random.Random(5), "en")


def _repeated_article(copies: int) -> str:
    return " ".join([_one_article()] * copies)


HOSTILE: tuple[Hostile, ...] = (
    Hostile("'On Monday' + N spaces", "en", 2_000,
            lambda n: "On Monday" + " " * n + "the board met."),
    Hostile("'On Monday, ' x N", "en", 250, lambda n: "On Monday, " * n + "the board met."),
    Hostile("one sentence of N chars, no period", "en", 12_500, _long_sentence),
    Hostile("'el 3 de mayo, ' x N", "es", 250,
            lambda n: "El consejo se reunió el 3 de mayo, " + "el 3 de mayo, " * n + "y votó."),
    Hostile("a normal article x N", "en", 2, _repeated_article),
)


def _article(text: str, lang: str, published: date = PUBLISHED) -> Article:
    return Article(article_id="bench", text=text, published=published, lang=lang)


def seconds(func: Callable[[], object]) -> float:
    """The fastest of as many runs of ``func`` as fit in ``MIN_TIMING_S`` (at least one)."""
    runs: list[float] = []
    while not runs or (sum(runs) < MIN_TIMING_S and len(runs) < 50):
        start = time.process_time()
        func()
        runs.append(time.process_time() - start)
    return min(runs)


def _elapsed(func: Callable[[Article], object], docs: Sequence[Article]) -> float:
    start = time.process_time()
    for doc in docs:
        func(doc)
    return time.process_time() - start


STAGES: tuple[tuple[str, Callable[[Article], object]], ...] = (
    ("extract_events", extract_events),
    ("baseline: tag alone", lambda a: tag(a.text, a.published, a.lang)),
)


def run_throughput(n: int) -> None:
    """Articles/s of extract_events beside tag alone, per language and together."""
    docs = [_article(text, lang, day) for text, day, lang in articles(n)]
    chars = sum(len(d.text) for d in docs) / len(docs)
    extract_events(docs[0])  # warm the grammars and caches
    extract_events(docs[1])
    print(f"(a) {n} invented articles, {chars:,.0f} chars each, es/en; one process, one thread")
    totals = [0.0, 0.0]
    for lang in ("es", "en"):
        subset = [d for d in docs if d.lang == lang]
        spent = [_elapsed(func, subset) for _, func in STAGES]
        totals = [a + b for a, b in zip(totals, spent, strict=True)]
        print(_throughput_line(lang, len(subset), spent))
    print(_throughput_line("all", n, totals))


def _throughput_line(label: str, count: int, spent: Sequence[float]) -> str:
    ours, base = (count / s for s in spent)
    verdict = "ok" if ours >= TARGET_PER_S else "BELOW"
    return (f"  {label:3}  {STAGES[0][0]} {ours:6.1f} articles/s "
            f"({verdict}, target >= {TARGET_PER_S:.0f})   "
            f"{STAGES[1][0]} {base:6.1f} articles/s   events cost x{base / ours:.2f}")


def _projected(times: Sequence[float]) -> float:
    """The next doubling's time: the last ratio carried on (x4 when unknown), never below x2."""
    ratio = times[-1] / times[-2] if len(times) > 1 and times[-2] > 0 else 4.0
    return times[-1] * max(2.0, ratio)


def sweep(case: Hostile, budget: float = SWEEP_BUDGET_S) -> list[float]:
    """Time ``case`` at N, 2N, 4N, ... while the projected total fits ``budget``; print each."""
    print(f"  {case.name} ({case.lang}), N = {case.first:,}")
    times: list[float] = []
    units = case.first
    while len(case.make(units)) <= MAX_ARTICLE_CHARS:
        text = case.make(units)
        if times and sum(times) + _projected(times) > budget:
            print(f"    {units:>9,} units {len(text):>9,} chars  skipped: projected "
                  f"{_projected(times):.1f} s would pass the sweep's {budget:.0f} s budget")
            break
        times.append(seconds(partial(extract_events, _article(text, case.lang))))
        print(_sweep_line(units, len(text), times))
        units *= 2
    return times


def _sweep_line(units: int, chars: int, times: Sequence[float]) -> str:
    line = f"    {units:>9,} units {chars:>9,} chars  {times[-1]:8.3f} s"
    if len(times) > 1:
        ratio = times[-1] / times[-2]
        flag = "  SUPER-LINEAR" if ratio > SUPER_LINEAR else ""
        line += f"  x{ratio:.2f} vs half{flag}"
    return line


def run_sweeps() -> None:
    print(f"(b) size sweeps, t(2N)/t(N) ~2 is linear, > {SUPER_LINEAR:.0f} flagged; "
          f"each sweep stops before passing {SWEEP_BUDGET_S:.0f} s")
    flagged = []
    for case in HOSTILE:
        times = sweep(case)
        ratios = [b / a for a, b in zip(times, times[1:], strict=False) if a > 0]
        if any(r > SUPER_LINEAR for r in ratios):
            flagged.append(f"{case.name} (max x{max(ratios):.1f})")
    print("  super-linear: " + ("; ".join(flagged) if flagged else "none"))


def _stage_times(docs: Sequence[Article]) -> dict[str, float]:
    """CPU seconds of each pipeline stage over ``docs``."""
    spent = dict.fromkeys((name for name, _ in PIPELINE), 0.0)
    for article in docs:
        doc = Document.from_article(article)
        for name, stage in PIPELINE:
            start = time.process_time()
            doc = stage(doc)
            spent[name] += time.process_time() - start
    return spent


def run_h1n1(n: int | None = None) -> None:
    """(c) Per-stage and whole-extraction CPU ms per H1N1 article, beside tagging alone."""
    path = SHARED / "data" / "tls" / "h1n1.jsonl"
    if not path.is_file():
        print(f"(c) H1N1 skipped: no {path} (set TIMELINE_SHARED to the shared data)")
        return
    from bench.eval_tls import load_articles

    docs = load_articles(path)[0][:n]
    extract_events(docs[0])  # warm the grammars and caches
    stages = [_stage_times(docs) for _ in range(2)]
    whole = min(_elapsed(extract_events, docs) for _ in range(2))
    tagging = min(_elapsed(lambda a: tag(a.text, a.published, a.lang), docs) for _ in range(2))
    ms = 1000 / len(docs)
    chars = sum(len(d.text) for d in docs) / len(docs)
    print(f"(c) {len(docs)} Timeline17 H1N1 articles, {chars:,.0f} chars each; CPU ms/article")
    print("  " + "  ".join(f"{name} {ms * min(s[name] for s in stages):.2f}"
                           for name, _ in PIPELINE))
    verdict = "ok" if whole * ms <= H1N1_TARGET_MS else "ABOVE"
    print(f"  extract_events {whole * ms:.2f} ms/article ({verdict}, target <= "
          f"{H1N1_TARGET_MS:.0f})   baseline: tag alone {tagging * ms:.2f} ms/article   "
          f"events cost x{whole / tagging:.2f}")


def run(n: int | None = None) -> None:
    """Print (a) throughput beside the tagger alone, (b) the linearity sweeps and (c) the
    stages on H1N1."""
    size = n or int(os.environ.get("BENCH_N", "200"))
    run_throughput(max(2, size))
    run_sweeps()
    run_h1n1(n or (int(os.environ["BENCH_N"]) if os.environ.get("BENCH_N") else None))


if __name__ == "__main__":
    run()
