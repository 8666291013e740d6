"""Score the date tagger on the MEANTIME dev set, beside dateparser's ``search_dates`` alone.

  python -m bench.eval_timex --shared ../shared [--errors N] [--no-baseline]

Writes system output to a temporary directory, scores it with ``<shared>/tools/score_timex.py``
(a subprocess, the shared scorer) and prints errors grouped as missed, spurious and wrong value.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from timeline.extract.fallback import search_timexes
from timeline.extract.tagger import tag
from timeline.model import Timex

Tagger = Callable[[str, date, str], Iterable[Timex]]


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def run_tagger(docs: list[dict], tagger: Tagger) -> list[dict]:
    out = []
    for doc in docs:
        found = tagger(doc["text"], date.fromisoformat(doc["dct"][:10]), doc["lang"])
        out.append({"id": doc["id"], "timexes": [
            {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
            for t in found
        ]})
    return out


def score(scorer: Path, gold: Path, system: list[dict], workdir: Path, name: str) -> dict:
    sys_path = workdir / f"{name}.jsonl"
    sys_path.write_text("".join(json.dumps(r) + "\n" for r in system), encoding="utf-8")
    done = subprocess.run([sys.executable, str(scorer), str(gold), str(sys_path), "--json"],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def shape(text: str) -> str:
    """"14 de diciembre" -> "9 de x": digits and words collapsed, to group errors."""
    out = []
    for word in text.lower().split():
        out.append("9" if any(c.isdigit() for c in word) else word)
    return " ".join(out)


def errors(docs: list[dict], system: list[dict]) -> tuple[Counter, Counter, list[str]]:
    """Counts by kind and type, counts by kind and shape, and one line per error."""
    counts: Counter = Counter()
    shapes: Counter = Counter()
    lines = []
    by_id = {r["id"]: r["timexes"] for r in system}
    for doc in docs:
        sys_ = by_id.get(doc["id"], [])
        for g in doc["timexes"]:
            hits = [s for s in sys_ if s["start"] < g["end"] and s["end"] > g["start"]]
            if not hits:
                counts["missed " + g["type"]] += 1
                shapes["missed " + shape(g["text"])] += 1
                lines.append(f"MISS  {doc['dct']} {g['type']:8} {g['value']:14} {g['text']!r}")
            elif hits[0]["value"] != g["value"]:
                counts["value " + g["type"]] += 1
                shapes["value " + shape(g["text"])] += 1
                lines.append(f"VALUE {doc['dct']} {g['type']:8} {g['value']:14} {g['text']!r} "
                             f"-> {hits[0]['value']} {hits[0]['text']!r}")
        for s in sys_:
            if not any(s["start"] < g["end"] and s["end"] > g["start"] for g in doc["timexes"]):
                counts["spurious " + s["type"]] += 1
                shapes["spurious " + shape(s["text"])] += 1
                lines.append(f"SPUR  {doc['dct']} {s['type']:8} {s['value']:14} {s['text']!r}")
    return counts, shapes, lines


def show(name: str, result: dict) -> None:
    cells = "  ".join(f"{k} {result[k]['F1']:6.2f}" for k in ("strict", "relaxed", "value", "type"))
    print(f"{name:22} gold {result['gold']:4} sys {result['system']:4}  {cells}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--errors", type=int, default=40, help="error lines to print per language")
    ap.add_argument("--no-baseline", action="store_true")
    args = ap.parse_args(argv)
    scorer = args.shared / "tools" / "score_timex.py"
    with tempfile.TemporaryDirectory() as tmp:
        for lang in ("en", "es"):
            gold = args.shared / "data" / "timex" / f"meantime-{lang}.jsonl"
            docs = load(gold)
            system = run_tagger(docs, tag)
            show(f"ours {lang}", score(scorer, gold, system, Path(tmp), f"ours-{lang}"))
            if not args.no_baseline:
                base = run_tagger(docs, search_timexes)
                show(f"dateparser {lang}", score(scorer, gold, base, Path(tmp), f"dp-{lang}"))
            counts, shapes, lines = errors(docs, system)
            print("  by type:  " + ", ".join(f"{k}: {v}" for k, v in counts.most_common()))
            print("  by shape: " + ", ".join(f"{k!r}: {v}" for k, v in shapes.most_common(15)))
            for line in lines[: args.errors]:
                print("   ", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
