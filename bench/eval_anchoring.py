"""Score event anchoring on the SemEval-2015 TimeLine trial set, beside the publication date.

  python -m bench.eval_anchoring --shared ../shared [--errors N] [--half tune|held-out|all]

Ingest-free: each doc becomes an ``Article`` (id, dct as published, lang, title), goes through
``timeline.extract.extract_events``, and each event is written as a system line
``{"doc", "events": [{"start": quote_start, "end": quote_end, "date": EDTF}]}``. The shared
scorer ``<shared>/tools/score_anchoring.py`` (a subprocess) scores it, and scores its own
``--baseline dct`` (every sentence dated by the publication date), on the whole set and on two
fixed halves.

Halves: doc ids sorted as strings, alternating from the first: the 1st, 3rd, 5th... form
``tune``, the 2nd, 4th, 6th... ``held-out``. Look at errors of the tune half only (the default of
``--errors``), so the held-out figure stays honest. Then the seed check (``bench.seed_check``).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from types import ModuleType

from bench import seed_check
from bench.anchoring_errors import EventsByDoc, counts_by_kind, describe, find_errors
from timeline.extract import ExtractedEvent, extract_events
from timeline.model import Article

HALVES = ("tune", "held-out")
DOCS_FILE = "semeval-trial-docs.jsonl"
GOLD_FILE = "semeval-trial-gold.jsonl"


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def write_jsonl(path: Path, rows: Iterable[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def split_halves(doc_ids: Iterable[str]) -> dict[str, frozenset[str]]:
    """``tune`` = 1st, 3rd, 5th... of the ids sorted as strings; ``held-out`` = the others."""
    ordered = sorted(set(doc_ids))
    return {"tune": frozenset(ordered[0::2]), "held-out": frozenset(ordered[1::2])}


def article_of(doc: dict) -> Article:
    return Article(
        article_id=doc["id"],
        text=doc["text"],
        published=date.fromisoformat(doc["dct"][:10]),
        lang=doc["lang"],
        title=doc.get("title"),
    )


def system_line(doc_id: str, events: Sequence[ExtractedEvent]) -> dict:
    """The scorer's system line for one doc: each event's quote offsets and EDTF date."""
    spans = [{"start": e.quote_start, "end": e.quote_end, "date": e.date} for e in events]
    return {"doc": doc_id, "events": spans}


def extract_all(docs: Sequence[dict]) -> dict[str, tuple[ExtractedEvent, ...]]:
    return {doc["id"]: extract_events(article_of(doc)) for doc in docs}


def load_scorer(path: Path) -> ModuleType:
    """The shared scorer as a module, for its ``correct(anchor, date)`` rule."""
    spec = importlib.util.spec_from_file_location("score_anchoring", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the scorer {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(scorer: Path, docs: Path, gold: Path, system: Path | None) -> dict:
    """The shared scorer's JSON result for ``system`` (None: its ``--baseline dct``)."""
    rest = [str(system)] if system else ["--baseline", "dct"]
    done = subprocess.run([sys.executable, str(scorer), str(docs), str(gold), *rest, "--json"],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


class Subsets:
    """Docs and gold of each half (and ``all``) written to a work dir for the scorer."""

    def __init__(self, docs: list[dict], gold: list[dict], workdir: Path) -> None:
        self.workdir = workdir
        self.ids = {"all": frozenset(d["id"] for d in docs), **split_halves(d["id"] for d in docs)}
        self.docs, self.gold = docs, gold

    def paths(self, half: str) -> tuple[Path, Path]:
        keep = self.ids[half]
        return (
            write_jsonl(self.workdir / f"{half}-docs.jsonl",
                        (d for d in self.docs if d["id"] in keep)),
            write_jsonl(self.workdir / f"{half}-gold.jsonl",
                        (g for g in self.gold if g["doc"] in keep)),
        )

    def gold_of(self, half: str) -> list[dict]:
        return [g for g in self.gold if g["doc"] in self.ids[half]]


def score_row(name: str, subsets: Subsets, scorer: Path, system: Path) -> dict:
    """Print one row (ours beside the dct baseline) and return our result."""
    docs, gold = subsets.paths(name)
    ours = score(scorer, docs, gold, system)
    base = score(scorer, docs, gold, None)
    label = f"{name} (tuning)" if name == "tune" else name
    print(f"  {label:14} {len(subsets.ids[name]):4} {ours['mentions']:5}   "
          f"{ours['anchored_correctly']:7.2f}% {ours['covered']:7.2f}%   "
          f"{base['anchored_correctly']:7.2f}% {base['covered']:7.2f}%")
    return ours


def print_scores(subsets: Subsets, scorer: Path, system: Path) -> dict[str, dict]:
    """The score table; returns our result per set (all, tune, held-out)."""
    print("halves: doc ids sorted as strings, alternating: 1st, 3rd, 5th... = tune (the tuning "
          "half), 2nd, 4th... = held-out")
    print(f"  {'set':14} {'docs':>4} {'gold':>5}   {'ours: anchored':>16} {'covered':>8}   "
          f"{'dct: anchored':>16} {'covered':>8}")
    return {name: score_row(name, subsets, scorer, system) for name in ("all", *HALVES)}


def print_errors(
    subsets: Subsets, events: EventsByDoc, scorer: Path, result: dict, half: str, limit: int
) -> None:
    """Error counts by kind and up to ``limit`` errors of ``half``; ``result`` is its score."""
    judge = load_scorer(scorer).correct
    by_id = {d["id"]: d for d in subsets.docs}
    gold = subsets.gold_of(half)
    errors = find_errors(by_id, gold, events, judge)
    scored = round(result["anchored_correctly"] * len(gold) / 100)
    if len(gold) - len(errors) != scored:
        print(f"WARNING: the listing finds {len(gold) - len(errors)} correct, the scorer {scored}")
    if half != "tune":
        print(f"NOTE: listing errors of {half!r}: do not tune the extractor on held-out errors")
    counts = ", ".join(f"{kind}: {n}" for kind, n in counts_by_kind(errors).most_common())
    print(f"errors in {half}: {len(errors)} of {len(gold)} gold mentions ({counts or 'none'})")
    for error in errors[:limit]:
        print("\n".join(describe(error)))


def run_anchoring(data: Path, scorer: Path, half: str, limit: int) -> None:
    docs, gold = load(data / DOCS_FILE), load(data / GOLD_FILE)
    events = extract_all(docs)
    print(f"anchoring: {len(docs)} docs, {len(gold)} gold mentions, "
          f"{sum(map(len, events.values()))} extracted events")
    with tempfile.TemporaryDirectory() as tmp:
        system = write_jsonl(Path(tmp) / "system.jsonl",
                             (system_line(i, evs) for i, evs in events.items()))
        subsets = Subsets(docs, gold, Path(tmp))
        results = print_scores(subsets, scorer, system)
        print_errors(subsets, events, scorer, results[half], half, limit)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--errors", type=int, default=20, metavar="N",
                    help="list up to N wrong or uncovered gold mentions (default 20)")
    ap.add_argument("--half", choices=("tune", "held-out", "all"), default="tune",
                    help="whose errors --errors lists (default: tune)")
    args = ap.parse_args(argv)
    data, scorer = args.shared / "data" / "anchoring", args.shared / "tools" / "score_anchoring.py"
    if not (data / DOCS_FILE).is_file() or not scorer.is_file():
        print(f"anchoring: skipped ({data} or {scorer} is absent)")
    else:
        run_anchoring(data, scorer, args.half, args.errors)
    print("\n".join(seed_check.report(args.shared / "data" / "seed")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
