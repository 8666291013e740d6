"""A feed assembled from per-entry pieces, and kept up to date by what changed.

Each process keeps, per feed (database, format, base URL, story, minor flag), the entries it
shows in order with their pieces (``FeedState``). When the log moves, only the entries changed
since (their ``last_position`` is later) are taken out, re-rendered if they still belong, and
put back in their place: the work is in proportion to the change, plus copying the bytes. A
process with no state builds it from the pieces kept in the shared table
(``timeline.feed_pieces``), rendering only the entries that have none for their version.
"""

from __future__ import annotations

import bisect
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from timeline.archive import Archive
from timeline.export import TimelineMeta
from timeline.export.pieces import PieceFormat, base_lang, clear_majority, majority_lang
from timeline.feed_listing import (
    changed_since,
    latest_change,
    load_entries,
    select_rows,
    snapshot,
)
from timeline.feed_pieces import MEMORY, PieceMemory, PieceStore

#: More changed entries than this since the last assembly: list the feed again.
MAX_CHANGES = 500


@dataclass(frozen=True, slots=True)
class FeedState:
    """The entries a feed shows, in order, with their pieces, as of ``changed_up_to``."""

    keys: list[tuple[str, int, int]]
    ids: list[str]
    langs: list[str]  # base languages (``es``)
    bodies: list[bytes]
    lang: str | None  # the story's language, for formats whose pieces depend on it
    changed_up_to: int
    counts: Counter[str]  # entries per base language

    def story_lang(self) -> str | None:
        """The language most entries are in (the first seen on a tie): from the counts, or
        from the entries in order when two languages tie."""
        return clear_majority(self.counts) or majority_lang(self.langs)


def archive_key(archive: Archive) -> str:
    """Which read models these are: the file they live in (``:memory:`` for none)."""
    return str(getattr(archive.log, "read_models_path", archive.log.path))


def pieces_for(archive: Archive, fmt: PieceFormat, base_url: str, lang: str | None,
               wanted: Sequence[tuple[str, int]]) -> list[bytes | None]:
    """The piece of each (entry id, version): kept ones, else rendered now and kept."""
    where = archive_key(archive)
    # every in-memory archive is another database: nothing of one is kept for the next
    memory = PieceMemory() if where == ":memory:" else MEMORY
    store = PieceStore(archive.log.conn, where, fmt.name, fmt.variant(base_url, lang), memory)
    bodies = store.lookup(wanted)
    missing = [entry_id for (entry_id, _), body in zip(wanted, bodies, strict=True)
               if body is None]
    if not missing:
        return bodies
    fresh = [(e.entry_id, e.last_position, fmt.piece(e, base_url, lang))
             for e in load_entries(archive, missing)]
    store.put_many(fresh)
    made = {entry_id: body for entry_id, _, body in fresh}
    return [made.get(entry_id) if body is None else body
            for (entry_id, _), body in zip(wanted, bodies, strict=True)]


def build(archive: Archive, fmt: PieceFormat, base_url: str, story: str | None,
          include_minor: bool) -> FeedState:
    """The feed's state from scratch (its pieces from the shared table where kept)."""
    conn = archive.log.conn
    with snapshot(conn):
        rows = [r for r in select_rows(conn, story, include_minor) if fmt.shows(r[3])]
        latest = latest_change(conn)
    lang = majority_lang(r[4] for r in rows) if fmt.by_lang else None
    bodies = pieces_for(archive, fmt, base_url, lang, [(r[1], r[2]) for r in rows])
    # an entry gone between the two reads (a concurrent rebuild) is left out, never an error
    kept = [(row, body) for row, body in zip(rows, bodies, strict=True) if body is not None]
    langs = [base_lang(r[4]) for r, _ in kept]
    return FeedState([r[0] for r, _ in kept], [r[1] for r, _ in kept], langs,
                     [b for _, b in kept], lang, latest, Counter(langs))


def moved(archive: Archive, state: FeedState, fmt: PieceFormat, base_url: str,
          story: str | None, include_minor: bool) -> FeedState | None:
    """``state`` brought up to the read models; ``None`` when it must be built again (a big
    change, a rebuild of the read models, or a new story language)."""
    conn = archive.log.conn
    with snapshot(conn):
        latest = latest_change(conn)
        if latest == state.changed_up_to:
            return state
        gone = changed_since(conn, state.changed_up_to, MAX_CHANGES)
        if latest < state.changed_up_to or gone is None:
            return None
        back = [r for r in select_rows(conn, story, include_minor, among=gone)
                if fmt.shows(r[3])]
    # in place: the caller has taken ``state`` out of the kept ones, so a failure half-way
    # only costs a build next time
    keys, ids, langs, bodies, counts = (state.keys, state.ids, state.langs, state.bodies,
                                        state.counts)
    for entry_id in gone:
        if entry_id in ids:
            i = ids.index(entry_id)
            counts[langs[i]] -= 1
            del keys[i], ids[i], langs[i], bodies[i]
    for row in back:
        i = bisect.bisect_left(keys, row[0])
        keys.insert(i, row[0])
        ids.insert(i, row[1])
        langs.insert(i, base_lang(row[4]))
        counts[base_lang(row[4])] += 1
    after = FeedState(keys, ids, langs, bodies, state.lang, latest, +counts)
    if fmt.by_lang and after.story_lang() != state.lang:
        return None
    fresh = pieces_for(archive, fmt, base_url, state.lang, [(r[1], r[2]) for r in back])
    for row, body in zip(back, fresh, strict=True):
        bodies.insert(ids.index(row[1]), body or b"")
    return after


class Feeds:
    """Each feed's last state in this process (none for in-memory databases)."""

    def __init__(self) -> None:
        self._states: dict[tuple[str, ...], FeedState] = {}
        self._locks: dict[tuple[str, ...], threading.Lock] = {}
        self._lock = threading.Lock()

    def body(self, archive: Archive, fmt: PieceFormat, meta: TimelineMeta,
             story: str | None, include_minor: bool) -> bytes:
        """The feed as the read models stand, assembled in ``meta``'s frame."""
        where = archive_key(archive)
        if where == ":memory:":
            state = build(archive, fmt, meta.url, story, include_minor)
            return fmt.frame(meta, len(state.ids), state.lang).assemble(state.bodies)
        key = (where, fmt.name, meta.url, story or "", str(include_minor))
        with self._lock:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:  # the state changes in place: assembled before the next thread moves it
            state = self._current(key, archive, fmt, meta.url, story, include_minor)
            return fmt.frame(meta, len(state.ids), state.lang).assemble(state.bodies)

    def _current(self, key: tuple[str, ...], archive: Archive, fmt: PieceFormat,
                 base_url: str, story: str | None, include_minor: bool) -> FeedState:
        old = self._states.pop(key, None)  # dropped if bringing it forward fails
        state = moved(archive, old, fmt, base_url, story, include_minor) if old else None
        if state is None:
            state = build(archive, fmt, base_url, story, include_minor)
        self._states[key] = state
        return state

    def clear(self) -> None:
        with self._lock:
            self._states.clear()


FEEDS = Feeds()
