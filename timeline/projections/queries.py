"""Read-side queries: entries in chronological order, one entry with its history, stories.

The current state is read from the SQL read models. ``as_of`` answers as the archive stood at a
past recorded time: the log up to ``log.position_at(T)`` is folded in memory and filtered with
the same rule in Python (correctness first).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from timeline.errors import InvalidInput, NotFound
from timeline.model import SALIENCE_THRESHOLD, TimelineEntry
from timeline.projections import filters as flt
from timeline.projections.convert import entry_key, to_entry
from timeline.projections.fts import tokens
from timeline.projections.memory import MemoryStore
from timeline.projections.snapshot import snapshot
from timeline.projections.sqlquery import count_matching, select_history, select_timeline
from timeline.projections.sqlstore import SqlStore
from timeline.projections.stories import Story, count_in_memory, select_stories, to_story

if TYPE_CHECKING:
    from timeline.archive import Archive


@dataclass(frozen=True, slots=True)
class EventQuery:
    """What to list. By default only entries a journalist would put on a timeline: salience at
    least ``SALIENCE_THRESHOLD``, or not scored; ``include_minor`` lists every entry."""

    story: str | None = None
    actor: str | None = None  # every word of it a whole word of one actor's name
    date_from: str | date | None = None
    date_to: str | date | None = None
    q: str | None = None
    status: str = "active"  # active, retracted, superseded or all
    lang: str | None = None
    source: str | None = None  # article id or url
    as_of: datetime | str | None = None
    limit: int = 50
    cursor: str | None = None
    include_minor: bool = False


@dataclass(frozen=True, slots=True)
class Page:
    entries: tuple[TimelineEntry, ...]
    next_cursor: str | None


def resolve(query: EventQuery) -> flt.Filters:
    """Validate ``query`` into plain filter values (InvalidInput names the bad field)."""
    return flt.Filters(
        story=query.story or None, actor=flt.actor_words(query.actor),
        start=flt.bound(query.date_from, "date_from", 0),
        end=flt.bound(query.date_to, "date_to", 1),
        q=query.q if query.q and tokens(query.q) else None,
        status=flt.check_status(query.status), lang=query.lang or None,
        source=query.source or None,
        min_salience=None if query.include_minor else SALIENCE_THRESHOLD,
        after=flt.decode_cursor(query.cursor),
        limit=flt.check_limit(query.limit),
    )


def as_of_position(archive: Archive, as_of: datetime | str) -> int:
    """The last log position recorded at or before ``as_of``."""
    moment = as_of
    if isinstance(as_of, str):
        try:
            moment = datetime.fromisoformat(as_of.strip().replace("Z", "+00:00"))
        except ValueError as exc:
            raise InvalidInput(f"as_of is not an ISO date-time: {as_of!r}", field="as_of") from exc
    assert isinstance(moment, datetime)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return archive.log.position_at(moment)


#: The last "as of" snapshot of each open archive: the pages of one query, or an export
#: following its cursor, read it once instead of once a page. Dropped with the archive.
_LAST: WeakKeyDictionary[Archive, tuple[tuple[int, str | None, str | None], MemoryStore]] = (
    WeakKeyDictionary()
)


def state_as_of(
    archive: Archive,
    as_of: datetime | str,
    *,
    story: str | None = None,
    entry_id: str | None = None,
) -> MemoryStore:
    """The archive as it stood at ``as_of`` (all entries, one story's, or one entry)."""
    key = (as_of_position(archive, as_of), story, entry_id)
    cached = _LAST.get(archive)
    if cached is not None and cached[0] == key:
        return cached[1]
    store = snapshot(archive.log, key[0], story=story, entry_id=entry_id)
    _LAST[archive] = (key, store)
    return store


def _page(entries: list[TimelineEntry], limit: int) -> Page:
    more = len(entries) > limit
    entries = entries[:limit]
    cursor = flt.encode_cursor(entry_key(entries[-1])) if more and entries else None
    return Page(tuple(entries), cursor)


def find_entries(archive: Archive, query: EventQuery) -> Page:
    """Entries matching ``query`` in chronological order (start, finest precision, position)."""
    f = resolve(query)
    if query.as_of is None:
        entries = select_timeline(archive.log.conn, f, f.limit + 1)
    else:
        store = state_as_of(archive, query.as_of, story=f.story)
        found = (r for r in store.entries.values() if flt.matches(r, f))
        entries = [to_entry(r) for r in sorted(found, key=lambda r: r.sort_key)[: f.limit + 1]]
    return _page(entries, f.limit)


def count_entries(archive: Archive, query: EventQuery, *, cap: int | None = None) -> int:
    """How many entries match ``query`` (its limit and cursor aside), at most ``cap``."""
    f = resolve(replace(query, cursor=None))
    if query.as_of is None:
        return count_matching(archive.log.conn, f, cap)
    store = state_as_of(archive, query.as_of, story=f.story)
    found = sum(1 for row in store.entries.values() if flt.matches(row, f))
    return found if cap is None else min(found, cap)


def iter_entries(archive: Archive, query: EventQuery) -> Iterator[TimelineEntry]:
    """Every entry matching ``query`` (its limit is the page size), following the cursor: for
    exports of a whole story."""
    while True:
        page = find_entries(archive, query)
        yield from page.entries
        if page.next_cursor is None:
            return
        query = replace(query, cursor=page.next_cursor)


def get_entry(
    archive: Archive, entry_id: str, *, as_of: datetime | str | None = None
) -> TimelineEntry:
    """One entry (whatever its status) with its history; NotFound if it never existed."""
    if as_of is None:
        row = SqlStore(archive.log.conn).entry(entry_id)
        history = select_history(archive.log.conn, entry_id) if row else []
    else:
        store = state_as_of(archive, as_of, entry_id=entry_id)
        row = store.entry(entry_id)
        history = store.history.get(entry_id, [])
    if row is None:
        raise NotFound(f"no entry {entry_id!r}", kind="entry", key=entry_id)
    return to_entry(row, history)


def list_stories(archive: Archive, as_of: datetime | str | None = None) -> tuple[Story, ...]:
    """Every story, in creation order, with the number of entries it shows."""
    if as_of is None:
        return tuple(select_stories(archive.log.conn))
    store = state_as_of(archive, as_of)
    rows = sorted(store.stories.values(), key=lambda s: s.position)
    return tuple(to_story(s, count_in_memory(store.entries.values(), s.slug)) for s in rows)


def get_story(archive: Archive, slug: str, as_of: datetime | str | None = None) -> Story:
    """One story; NotFound if there is no such story (at ``as_of``)."""
    for story in list_stories(archive, as_of) if as_of else select_stories(
        archive.log.conn, slug
    ):
        if story.slug == slug:
            return story
    raise NotFound(f"no story {slug!r}", kind="story", key=slug)
