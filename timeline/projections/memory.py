"""The fold in memory: the archive as it stood at any log position (for "as of" queries)."""

from __future__ import annotations

from collections.abc import Iterable

from events import StoredEvent
from timeline.projections.fold import fold_event
from timeline.projections.rows import ArticleRow, EntryRow, HistoryRow, MergeRow, StoryRow


class MemoryStore:
    """Plain dicts behind the fold's ``Store`` interface."""

    def __init__(self) -> None:
        self.articles: dict[str, ArticleRow] = {}
        self.entries: dict[str, EntryRow] = {}
        self.merges: dict[str, MergeRow] = {}
        self.stories: dict[str, StoryRow] = {}
        self.history: dict[str, list[HistoryRow]] = {}
        self._by_article: dict[str, list[str]] = {}
        self.position = 0

    def article(self, article_id: str) -> ArticleRow | None:
        return self.articles.get(article_id)

    def put_article(self, row: ArticleRow) -> None:
        self.articles[row.article_id] = row

    def entry(self, entry_id: str) -> EntryRow | None:
        return self.entries.get(entry_id)

    def put_entry(self, row: EntryRow, previous: EntryRow | None) -> None:
        if previous is None:
            self._by_article.setdefault(row.article_id, []).append(row.entry_id)
        self.entries[row.entry_id] = row

    def entries_of_article(self, article_id: str) -> list[EntryRow]:
        return [self.entries[e] for e in self._by_article.get(article_id, ())]

    def members(self, primary: str) -> list[EntryRow]:
        found = [row for row in self.entries.values() if row.merged_into == primary]
        return sorted(found, key=lambda row: row.position)

    def merge(self, merge_id: str) -> MergeRow | None:
        return self.merges.get(merge_id)

    def put_merge(self, row: MergeRow) -> None:
        self.merges[row.merge_id] = row

    def put_story(self, row: StoryRow) -> None:
        self.stories[row.slug] = row

    def add_history(self, row: HistoryRow) -> None:
        self.history.setdefault(row.entry_id, []).append(row)


def fold_all(events: Iterable[StoredEvent]) -> MemoryStore:
    """Fold ``events`` (in log order) into a fresh in-memory store."""
    store = MemoryStore()
    for event in events:
        fold_event(store, event)
        store.position = event.position
    return store
