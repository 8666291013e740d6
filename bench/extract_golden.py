"""A canonical digest of everything extraction yields on the shared articles, to prove that a
speed-up changes no output.

  python -m bench.extract_golden --shared ../shared --out /tmp/golden.jsonl
  python -m bench.extract_golden --out /tmp/after.jsonl --compare /tmp/golden.jsonl

Each line is one document: its corpus and id, then every event (date, precision, derivation,
headline, sentence and quote offsets, timex, actors, places, salience, kind) and, for the
MEANTIME documents, every TIMEX3 the tagger finds. The corpora: Timeline17 (``tls``), the SemEval
anchoring documents, MEANTIME (``timex``) and the seed article. The file quotes third-party
text: write it outside the project (``/tmp``), never commit it. ``--compare`` prints the ids of
the documents whose lines differ and exits 1 when any does.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from timeline.extract import ExtractedEvent, extract_events, tag
from timeline.model import Article


def _load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _event_row(e: ExtractedEvent) -> list[object]:
    return [e.date, e.precision, e.derivation, e.headline, e.sentence_start, e.sentence_end,
            e.quote_start, e.quote_end, e.timex_text, e.timex_value, list(e.actors),
            list(e.places), round(e.salience, 6), e.kind, e.lang]


def _article(doc: dict, doc_id: str) -> Article:
    published = doc.get("published") or doc.get("dct") or ""
    return Article(article_id=doc_id, text=doc["text"], published=date.fromisoformat(
        str(published)[:10]), lang=doc.get("lang") or "en", title=doc.get("title"))


def _docs(shared: Path) -> Iterator[tuple[str, str, dict]]:
    data = shared / "data"
    for topic in ("h1n1", "mj"):
        for i, doc in enumerate(_load(data / "tls" / f"{topic}.jsonl")):
            yield "tls", f"{topic}:{i}", doc
    for doc in _load(data / "anchoring" / "semeval-trial-docs.jsonl"):
        yield "anchoring", str(doc["id"]), doc
    for lang in ("en", "es"):
        for doc in _load(data / "timex" / f"meantime-{lang}.jsonl"):
            yield "timex", str(doc["id"]), doc
    for spec_path in sorted((data / "seed").glob("*.expected.json")):
        spec = json.loads(spec_path.read_text(encoding="utf-8"))["article"]
        text = (data / "seed" / spec["file"]).read_text(encoding="utf-8")
        yield "seed", spec["file"], {"text": text, "lang": spec["lang"],
                                     "published": spec["published"]}


def digest_line(corpus: str, doc_id: str, doc: dict) -> dict:
    """One document's canonical record."""
    article = _article(doc, doc_id)
    row: dict[str, object] = {"corpus": corpus, "id": doc_id}
    if len(article.text) > 200_000:
        row["refused"] = True
        return row
    row["events"] = [_event_row(e) for e in extract_events(article)]
    if corpus == "timex":
        row["timexes"] = [[t.start, t.end, t.type, t.value, t.mod, t.derivation]
                          for t in tag(article.text, article.published, article.lang)]
    return row


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--compare", type=Path, help="an earlier --out file")
    args = ap.parse_args(argv)
    begun = time.perf_counter()
    lines = [json.dumps(digest_line(*d), ensure_ascii=False, sort_keys=True)
             for d in _docs(args.shared)]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    digest = hashlib.sha256("\n".join(lines).encode()).hexdigest()
    events = sum(len(json.loads(x).get("events", ())) for x in lines)
    print(f"{len(lines)} documents, {events} events, sha256 {digest[:16]} "
          f"({time.perf_counter() - begun:.1f} s) -> {args.out}")
    if args.compare is None:
        return 0
    return _compare(args.compare, lines)


def _compare(path: Path, lines: list[str]) -> int:
    before = path.read_text(encoding="utf-8").splitlines()
    if len(before) != len(lines):
        print(f"different number of documents: {len(before)} before, {len(lines)} now")
        return 1
    changed = [json.loads(b)["id"] for b, a in zip(before, lines, strict=True) if a != b]
    print("identical" if not changed else f"{len(changed)} documents differ: {changed[:20]}")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
