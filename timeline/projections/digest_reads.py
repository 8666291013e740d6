"""What the digest reads from the live read models: a story's day evidence (``tl_story_days``,
one index range), its publishers, and the sentences of the days it picks."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import date
from typing import Any

from timeline.digest.model import Candidate, Mention
from timeline.digest.scoring import weight_sql
from timeline.model import SALIENCE_THRESHOLD


def story_exists(conn: sqlite3.Connection, slug: str) -> bool:
    return conn.execute("SELECT 1 FROM tl_stories WHERE slug = ?", (slug,)).fetchone() is not None


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def _lang(lang: str | None) -> tuple[str, list[Any]]:
    return (" AND lang = ?", [lang]) if lang else ("", [])


def story_mentions(
    conn: sqlite3.Connection, slug: str, start: str, end: str, lang: str | None = None
) -> list[Mention]:
    """Each article's best mention of each day (or period) of ``slug`` that overlaps
    ``start``..``end`` (ISO days): grouped in SQL, so a large story sends one row per article
    and day. Day-precise mentions dated within the range, coarser ones whose period meets it."""
    extra, params = _lang(lang)
    # one MAX() only: SQLite then takes the bare columns from the row holding the maximum
    rows = conn.execute(
        'SELECT start, "end", day, article_id, published, derivation, salience,'
        f" MAX({weight_sql()}), COUNT(*), SUM(derivation = 'explicit')"
        " FROM tl_story_days WHERE slug = ? AND start <= ?"
        ' AND (start >= ? OR (day = 0 AND "end" >= ?))' + extra
        + ' GROUP BY start, day, "end", article_id',
        [slug, end, start, start, *params],
    )
    return [
        Mention(date.fromisoformat(s), date.fromisoformat(e), bool(d), a, _day(p), der, sal, n,
                bool(y))
        for s, e, d, a, p, der, sal, _, n, y in rows
    ]


def article_urls(conn: sqlite3.Connection, article_ids: Iterable[str]) -> dict[str, str | None]:
    ids = sorted(set(article_ids))
    found: dict[str, str | None] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        marks = ", ".join("?" * len(chunk))
        found.update(conn.execute(
            f"SELECT article_id, url FROM tl_articles WHERE article_id IN ({marks})", chunk
        ).fetchall())
    return found


#: The sentences of a day compared with each other: its most salient entries.
MAX_CANDIDATES = 60
_JOIN = (
    " FROM tl_story_days d JOIN tl_entries e ON e.entry_id = d.entry_id"
    " WHERE d.slug = ? AND d.start = ? AND d.day = 1"
)
_CANDIDATES = (
    "SELECT d.start, e.entry_id, COALESCE(e.merged_into, e.entry_id), e.text, e.source,"
    " e.corrections, e.derivation, e.salience" + _JOIN
)
_ORDER = " ORDER BY d.salience IS NULL, d.salience DESC, d.entry_id LIMIT ?"
_SHOWN = "SELECT DISTINCT COALESCE(e.merged_into, e.entry_id)" + _JOIN + (
    " AND (d.salience IS NULL OR d.salience >= ?) ORDER BY e.position"
)


def day_candidates(
    conn: sqlite3.Connection, slug: str, days: Iterable[date], lang: str | None = None,
) -> dict[date, list[Candidate]]:
    """The sentences of each day's most salient entries, with exact offsets."""
    extra, params = _lang(lang)
    extra = extra.replace("lang", "d.lang")
    found: dict[date, list[Candidate]] = {}
    for day in days:
        rows = conn.execute(_CANDIDATES + extra + _ORDER,
                            [slug, day.isoformat(), *params, MAX_CANDIDATES])
        found[day] = [c for c in (_candidate(r) for r in rows) if c is not None]
    return found


def day_entries(
    conn: sqlite3.Connection, slug: str, day: date, lang: str | None = None
) -> tuple[str, ...]:
    """The entries shown for a day (merged ones as their primary), minor ones left out."""
    extra, params = _lang(lang)
    sql = _SHOWN.replace(" ORDER BY", extra.replace("lang", "d.lang") + " ORDER BY")
    rows = conn.execute(sql, [slug, day.isoformat(), SALIENCE_THRESHOLD, *params])
    return tuple(r[0] for r in rows)


def _candidate(row: tuple[Any, ...]) -> Candidate | None:
    _, _, shown, text, source_json, corrections, derivation, salience = row
    source = json.loads(source_json)
    quote, start = source["quote"], source["quote_start"]
    offset = text.find(quote) if quote and not corrections else -1
    if offset >= 0:  # the whole sentence, located by its quote
        said, begin = text, start - offset
    elif quote:
        said, begin = quote, start
    else:
        return None
    return Candidate(
        entry_id=shown, text=said, article_id=source["article_id"], url=source.get("url"),
        quote_start=begin, quote_end=begin + len(said), published=_day(source.get("published")),
        derivation=derivation, salience=salience,
    )


def entry_headlines(
    conn: sqlite3.Connection, entry_ids: Iterable[str]
) -> dict[str, tuple[str, str]]:
    """{entry id: (EDTF date, headline)} for the given entries (one query per 500)."""
    ids = sorted(set(entry_ids))
    found: dict[str, tuple[str, str]] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        marks = ", ".join("?" * len(chunk))
        for entry_id, when, headline in conn.execute(
            f"SELECT entry_id, date, headline FROM tl_entries WHERE entry_id IN ({marks})", chunk
        ):
            found[entry_id] = (when, headline)
    return found
