"""Date-tagging errors of a set of MEANTIME documents: missed, spurious, wrong value or span.

Used by ``bench.eval_timex --errors`` on the tuning half only, grouped by the expression's shape
("14 de diciembre" -> "9 de diciembre") so a rule is judged by how many texts it would fix.
"""

from __future__ import annotations

from collections import Counter


def shape(text: str) -> str:
    """"14 de diciembre" -> "9 de diciembre": digits collapsed, to group errors."""
    return " ".join("9" if any(c.isdigit() for c in w) else w for w in text.lower().split())


def _overlapping(span: dict, others: list[dict]) -> list[dict]:
    return [o for o in others if o["start"] < span["end"] and o["end"] > span["start"]]


def _doc_errors(doc: dict, sys_: list[dict]) -> list[tuple[str, str, str, str]]:
    """(kind, type, shape, line) per error of one document."""
    out = []
    for g in doc["timexes"]:
        hits = _overlapping(g, sys_)
        where = f"{doc['id']} {doc['dct'][:10]}"
        if not hits:
            out.append(("missed", g["type"], shape(g["text"]),
                        f"MISS  {where} {g['type']:8} {g['value']:14} {g['text']!r}"))
            continue
        s = hits[0]
        if s["value"] != g["value"]:
            out.append(("value", g["type"], shape(g["text"]),
                        f"VALUE {where} {g['type']:8} {g['value']:14} {g['text']!r} -> "
                        f"{s['type']} {s['value']} {s['text']!r}"))
        elif (s["start"], s["end"]) != (g["start"], g["end"]):
            out.append(("span", g["type"], shape(g["text"]),
                        f"SPAN  {where} {g['type']:8} {g['value']:14} {g['text']!r} -> "
                        f"{s['text']!r}"))
    for s in sys_:
        if not _overlapping(s, doc["timexes"]):
            out.append(("spurious", s["type"], shape(s["text"]),
                        f"SPUR  {doc['id']} {doc['dct'][:10]} {s['type']:8} {s['value']:14} "
                        f"{s['text']!r}"))
    return out


def errors(docs: list[dict], system: list[dict]) -> tuple[Counter, Counter, list[str]]:
    """Counts by kind and type, counts by kind and shape, and one line per error."""
    counts: Counter = Counter()
    shapes: Counter = Counter()
    lines = []
    by_id = {r["id"]: r["timexes"] for r in system}
    for doc in docs:
        for kind, type_, shp, line in _doc_errors(doc, by_id.get(doc["id"], [])):
            counts[f"{kind} {type_}"] += 1
            shapes[f"{kind} {shp}"] += 1
            lines.append(line)
    return counts, shapes, lines
