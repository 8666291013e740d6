"""The archive fold: how each event changes entries, articles, merges, stories and history.

``fold_event`` is written once against the small ``Store`` interface, so the SQL read models
(live state) and the in-memory fold (the archive "as of" a past position) cannot disagree.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from events import StoredEvent
from timeline.projections.entries import (
    apply_event,
    extracted,
    merged_sources,
    superseded,
    touched,
)
from timeline.projections.history import actor_of, history_row
from timeline.projections.rows import ArticleRow, EntryRow, HistoryRow, MergeRow, StoryRow

#: What the archive's folds (this one and the stories' history) read of an event: a rebuild's
#: worker process reads only these from the log (``events.fold_worker``). A test walks the
#: projections' code for any other field read.
EVENT_FIELDS = frozenset({"position", "type", "schema_version", "data", "metadata",
                          "recorded_at"})


class Store(Protocol):
    def article(self, article_id: str) -> ArticleRow | None: ...
    def put_article(self, row: ArticleRow) -> None: ...
    def entry(self, entry_id: str) -> EntryRow | None: ...
    def put_entry(self, row: EntryRow, previous: EntryRow | None) -> None: ...
    def entries_of_article(self, article_id: str) -> list[EntryRow]: ...
    def members(self, primary: str) -> list[EntryRow]: ...
    def merge(self, merge_id: str) -> MergeRow | None: ...
    def put_merge(self, row: MergeRow) -> None: ...
    def put_story(self, row: StoryRow) -> None: ...
    def add_history(self, row: HistoryRow) -> None: ...


def article_row(event: StoredEvent) -> ArticleRow:
    d = event.data
    return ArticleRow(
        article_id=d["article_id"], revision=d["revision"], url=d.get("url"),
        title=d.get("title"), published=str(d["published"]), lang=d["lang"],
        story=d.get("story"), position=event.position,
    )


def story_row(event: StoredEvent) -> StoryRow:
    d = event.data
    return StoryRow(
        slug=d["slug"], title=d["title"], description=d.get("description"),
        created_by=actor_of(event), created_at=event.recorded_at, position=event.position,
    )


def _change(store: Store, before: EntryRow, after: EntryRow, event: StoredEvent) -> None:
    store.put_entry(after, before)
    store.add_history(history_row(event, after.entry_id, before))


def _ingested(store: Store, event: StoredEvent) -> None:
    row = article_row(event)
    store.put_article(row)
    if row.revision > 1:
        for entry in store.entries_of_article(row.article_id):
            after = superseded(entry, event)
            if after != entry:
                _change(store, entry, after, event)


def _extracted(store: Store, event: StoredEvent) -> None:
    row = extracted(event, store.article(event.data["article_id"]))
    store.put_entry(row, store.entry(row.entry_id))
    store.add_history(history_row(event, row.entry_id))


def _single(store: Store, event: StoredEvent) -> None:
    before = store.entry(event.data["entry_id"])
    after = apply_event(before, event)
    if before is not None and after is not None:
        _change(store, before, after, event)


def refresh_sources(store: Store, entry_id: str, event: StoredEvent) -> None:
    """Recompute the sources of ``entry_id`` and of every entry it is merged into."""
    seen: set[str] = set()
    current: str | None = entry_id
    while current is not None and current not in seen:
        seen.add(current)
        row = store.entry(current)
        if row is None:
            return
        sources = merged_sources(row, store.members(current))
        if sources != row.sources:
            store.put_entry(touched(row, event, sources=sources), row)
        current = row.merged_into


def _set_merged_into(
    store: Store, event: StoredEvent, ids: Iterable[str], value: str | None, expect: str | None
) -> None:
    for entry_id in ids:
        row = store.entry(entry_id)
        if row is not None and (expect is None or row.merged_into == expect):
            _change(store, row, touched(row, event, merged_into=value), event)


def _merged(store: Store, event: StoredEvent) -> None:
    d = event.data
    primary = d["primary"]
    others = [e for e in d["entry_ids"] if e != primary]
    store.put_merge(MergeRow(d["merge_id"], primary, tuple(d["entry_ids"]), False,
                             event.position))
    _set_merged_into(store, event, others, primary, None)
    _note_primary(store, event, primary)


def _note_primary(store: Store, event: StoredEvent, primary: str) -> None:
    row = store.entry(primary)
    if row is not None:
        store.add_history(history_row(event, primary, row))
        refresh_sources(store, primary, event)


def _undone(store: Store, event: StoredEvent) -> None:
    merge = store.merge(event.data["merge_id"])
    if merge is None or merge.undone:
        return
    store.put_merge(MergeRow(merge.merge_id, merge.primary, merge.entry_ids, True,
                             merge.position))
    others = [e for e in merge.entry_ids if e != merge.primary]
    _set_merged_into(store, event, others, None, merge.primary)
    _note_primary(store, event, merge.primary)


_FOLDS = {
    "ArticleIngested": _ingested,
    "EventExtracted": _extracted,
    "EventCorrected": _single,
    "EventRetracted": _single,
    "EventAddedToStory": _single,
    "EventRemovedFromStory": _single,
    "EventsMerged": _merged,
    "MergeUndone": _undone,
    "StoryCreated": lambda store, event: store.put_story(story_row(event)),
}


def fold_event(store: Store, event: StoredEvent) -> None:
    """Fold one event into ``store``; event types the archive does not know are ignored."""
    fold = _FOLDS.get(event.type)
    if fold is not None:
        fold(store, event)
