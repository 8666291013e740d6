"""A query's filters, validated and resolved to plain values; the Python matching rule that the
SQL in ``sqlquery`` mirrors for "as of" answers; and the opaque page cursor."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import date

from timeline.errors import InvalidInput
from timeline.projections.entries import iso_bounds
from timeline.projections.fts import text_matches, tokens
from timeline.projections.rows import EntryRow

STATUSES = ("active", "retracted", "superseded", "all")
#: How a yes/no switch such as ``?all=1`` may be written (any case); absent or empty is no.
FLAG_WORDS = {"1": True, "true": True, "yes": True, "on": True,
              "0": False, "false": False, "no": False, "off": False, "": False}
MAX_LIMIT = 500
SortKey = tuple[str, int, int]


@dataclass(frozen=True, slots=True)
class Filters:
    story: str | None
    actor: tuple[str, ...] | None  # words one actor's name must all have (see actor_words)
    start: str | None  # ISO day: entries ending on or after it
    end: str | None  # ISO day: entries starting on or before it
    q: str | None
    status: str | None  # None: any status
    lang: str | None
    source: str | None
    min_salience: float | None  # None: every entry; else scored at least this, or unscored
    after: SortKey | None
    limit: int


def bound(value: str | date | None, field: str, side: int) -> str | None:
    """An ISO day from an ISO date or EDTF string: its first (side 0) or last (side 1) day."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()
    try:
        return iso_bounds(value.strip())[side]
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        raise InvalidInput(f"{field}: not an ISO or EDTF date: {value!r}", field=field) from exc


def actor_words(actor: str | None) -> tuple[str, ...] | None:
    """The words an actor filter looks for, lower case and without accents: "Kast" finds
    "José Antonio Kast" (every word of the filter is a whole word of one actor's name)."""
    if not actor:
        return None
    words = tuple(sorted(set(tokens(actor))))
    if not words:
        raise InvalidInput("actor: give a name (letters or digits)", field="actor")
    return words


def names_actor(actors: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """Whether one of ``actors`` has every word in ``words`` (the SQL filter's rule)."""
    return any(set(words) <= set(tokens(actor)) for actor in actors)


def check_flag(value: str | None, field: str) -> bool:
    """A yes/no switch from a query string or form (``1``/``true``/``yes``/``on`` or not)."""
    if value is None:
        return False
    answer = FLAG_WORDS.get(value.strip().lower())
    if answer is None:
        raise InvalidInput(f"{field}: say 1 or 0 (true or false), not {value!r}", field=field)
    return answer


def check_status(status: str) -> str | None:
    if status not in STATUSES:
        raise InvalidInput(f"status must be one of {', '.join(STATUSES)}", field="status")
    return None if status == "all" else status


def check_limit(limit: int) -> int:
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise InvalidInput(f"limit must be between 1 and {MAX_LIMIT}", field="limit")
    return limit


def encode_cursor(key: SortKey) -> str:
    raw = json.dumps(list(key), separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> SortKey | None:
    if not cursor:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        start, prank, position = json.loads(raw)
    except (binascii.Error, ValueError, TypeError) as exc:
        raise InvalidInput("cursor is not one this service issued", field="cursor") from exc
    if not (isinstance(start, str) and type(prank) is int and type(position) is int):
        raise InvalidInput("cursor is not one this service issued", field="cursor")
    return (start, prank, position)


def matches(row: EntryRow, f: Filters) -> bool:
    """Whether ``row`` is in the answer to ``f`` (the SQL query's rule, in Python)."""
    checks = (
        row.merged_into is None,
        f.status is None or row.status == f.status,
        f.story is None or f.story in row.stories,
        f.start is None or row.end >= f.start,
        f.end is None or row.start <= f.end,
        f.lang is None or row.lang == f.lang,
        f.after is None or row.sort_key > f.after,
        f.min_salience is None or row.salience is None or row.salience >= f.min_salience,
        f.actor is None or names_actor(row.actors, f.actor),
        f.source is None or any(f.source in (s.article_id, s.url) for s in row.sources),
    )
    if not all(checks):
        return False
    return f.q is None or text_matches(f.q, (row.headline, row.text, row.quote,
                                             " ".join(row.actors), " ".join(row.places)))
