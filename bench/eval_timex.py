"""Score the date tagger on MEANTIME (en, es), on all documents and on two fixed halves.

  python -m bench.eval_timex --shared ../shared [--errors N] [--no-baseline]

Halves: document ids sorted as strings, alternating from the first: the 1st, 3rd, 5th... form
``tune`` (the only half whose errors may be looked at when writing rules), the 2nd, 4th, 6th...
``held-out`` (the same rule as ``bench.eval_anchoring``). Each row gives strict, relaxed, value
and type F1 from the shared scorer ``<shared>/tools/score_timex.py`` (a subprocess), ours beside
dateparser's ``search_dates`` alone. ``--errors N`` lists up to N errors per language, of the
tuning half only. Then the French, Portuguese and German table (``bench.timex_other_langs``),
which goes through the dateparser fallback.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from bench import timex_other_langs
from bench.timex_errors import errors
from timeline.extract.fallback import search_timexes
from timeline.extract.tagger import tag
from timeline.model import Timex

Tagger = Callable[[str, date, str], Iterable[Timex]]
HALVES = ("tune", "held-out")
TUNING = "tune"


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def split_halves(doc_ids: Iterable[str]) -> dict[str, frozenset[str]]:
    """``tune`` = 1st, 3rd, 5th... of the ids sorted as strings; ``held-out`` = the others."""
    ordered = sorted(set(doc_ids))
    return {"tune": frozenset(ordered[0::2]), "held-out": frozenset(ordered[1::2])}


def run_tagger(docs: list[dict], tagger: Tagger) -> list[dict]:
    out = []
    for doc in docs:
        found = tagger(doc["text"], date.fromisoformat(doc["dct"][:10]), doc["lang"])
        out.append({"id": doc["id"], "timexes": [
            {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
            for t in found
        ]})
    return out


def write_jsonl(path: Path, rows: Iterable[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def score(scorer: Path, gold: Path, system: Path) -> dict:
    done = subprocess.run([sys.executable, str(scorer), str(gold), str(system), "--json"],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def show(name: str, result: dict) -> None:
    cells = "  ".join(f"{k} {result[k]['F1']:6.2f}" for k in ("strict", "relaxed", "value", "type"))
    print(f"  {name:28} docs {result['docs']:3} gold {result['gold']:4} sys {result['system']:4}"
          f"  {cells}")


def score_sets(scorer: Path, docs: list[dict], systems: dict[str, list[dict]], work: Path,
               lang: str) -> None:
    """One row per tagger and set (all, tune, held-out)."""
    halves = split_halves(d["id"] for d in docs)
    sets = {"all": frozenset(d["id"] for d in docs), **halves}
    for set_name, keep in sets.items():
        gold = write_jsonl(work / f"gold-{lang}-{set_name}.jsonl",
                           (d for d in docs if d["id"] in keep))
        label = f"{set_name} (tuning)" if set_name == TUNING else set_name
        for who, system in systems.items():
            path = write_jsonl(work / f"{who}-{lang}-{set_name}.jsonl",
                               (r for r in system if r["id"] in keep))
            show(f"{who} {lang} {label}", score(scorer, gold, path))


def print_errors(docs: list[dict], system: list[dict], limit: int) -> None:
    tune = split_halves(d["id"] for d in docs)[TUNING]
    counts, shapes, lines = errors([d for d in docs if d["id"] in tune], system)
    print(f"  errors in the tuning half ({len(lines)}): "
          + ", ".join(f"{k}: {v}" for k, v in counts.most_common()))
    print("  by shape: " + ", ".join(f"{k!r}: {v}" for k, v in shapes.most_common(15)))
    for line in lines[:limit]:
        print("   ", line)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--errors", type=int, default=0, metavar="N",
                    help="list up to N errors per language, of the tuning half only")
    ap.add_argument("--no-baseline", action="store_true")
    args = ap.parse_args(argv)
    scorer = args.shared / "tools" / "score_timex.py"
    print("dates (MEANTIME): halves = doc ids sorted, alternating: 1st, 3rd, 5th... = tune "
          "(rules tuned on it), 2nd, 4th... = held-out")
    with tempfile.TemporaryDirectory() as tmp:
        for lang in ("en", "es"):
            path = args.shared / "data" / "timex" / f"meantime-{lang}.jsonl"
            if not path.is_file() or not scorer.is_file():
                print(f"  {lang}: skipped ({path} or {scorer} is absent)")
                continue
            docs = load(path)
            systems = {"ours": run_tagger(docs, tag)}
            if not args.no_baseline:
                systems["dateparser"] = run_tagger(docs, search_timexes)
            score_sets(scorer, docs, systems, Path(tmp), lang)
            if args.errors:
                print_errors(docs, systems["ours"], args.errors)
    print("\n".join(timex_other_langs.report()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
