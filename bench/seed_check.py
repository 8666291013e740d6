"""The seed article's must-find dates: which the extractor's events meet and which they miss.

Each ``<shared>/data/seed/*.expected.json`` names an article file, its language and publication
date, and ``must_find`` dates. An event meets a wanted date when its EDTF bounds
(``timeline.dates.edtf_bounds``) equal the wanted date's (``1978/1982`` needs 1978..1982,
``2025-11-16`` that day); a decade or century (``194X``) is met by any event whose bounds fall
within it (``1947/1949``, ``1948``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from timeline.dates import edtf_bounds
from timeline.errors import InvalidInput
from timeline.extract import ExtractedEvent, extract_events
from timeline.model import Article


def meets(wanted: str, got: str) -> bool:
    """Whether an event dated ``got`` meets the wanted EDTF date (see the module docstring)."""
    lo, hi = edtf_bounds(wanted)
    try:
        got_lo, got_hi = edtf_bounds(got)
    except InvalidInput:
        return False
    if "X" in wanted:
        return lo <= got_lo and got_hi <= hi
    return (got_lo, got_hi) == (lo, hi)


def seed_article(expected_path: Path) -> Article:
    """The seed article an ``.expected.json`` file describes."""
    spec = json.loads(expected_path.read_text(encoding="utf-8"))["article"]
    text = (expected_path.parent / spec["file"]).read_text(encoding="utf-8")
    return Article(
        article_id=Path(spec["file"]).stem,
        text=text,
        published=date.fromisoformat(spec["published"]),
        lang=spec["lang"],
    )


def check(wanted: Sequence[dict], events: Sequence[ExtractedEvent]) -> list[str]:
    """One line per wanted date: ``found`` with an event meeting it, or ``missing``.

    The event shown is the first meeting it in text order, one with a date of its own
    (not ``publication``) first.
    """
    lines = []
    for item in wanted:
        hits = sorted((e for e in events if meets(item["date"], e.date)),
                      key=lambda e: e.derivation == "publication")
        hit = hits[0] if hits else None
        if hit is None:
            lines.append(f"  missing {item['date']:<11} ({item.get('about', '')})")
        else:
            lines.append(f"  found   {item['date']:<11} <- {hit.date} {hit.derivation} "
                         f"{hit.headline!r}")
    return lines


def report(seed_dir: Path) -> list[str]:
    """The seed check's printed lines (one skip line when the seed data is absent)."""
    paths = sorted(seed_dir.glob("*.expected.json")) if seed_dir.is_dir() else []
    if not paths:
        return [f"seed: skipped ({seed_dir} has no *.expected.json)"]
    lines = []
    for path in paths:
        article = seed_article(path)
        wanted = json.loads(path.read_text(encoding="utf-8"))["must_find"]
        events = extract_events(article)
        body = check(wanted, events)
        found = sum(line.startswith("  found") for line in body)
        lines.append(f"seed {article.article_id} ({article.lang}, published "
                     f"{article.published}): {len(events)} events, must_find {found}/{len(body)}")
        lines += body
    return lines
