"""The fold's ``Store`` for a rebuild: the whole state in dicts, and what changed since the last
page was written, so ``rebuild`` writes each page of events with one bulk insert per table.

The same ``fold_event`` runs over it as over ``SqlStore``; only where the rows go differs. Reads
never touch SQL: a rebuild starts from nothing, so every row it can read is in these dicts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from timeline.projections.rows import ArticleRow, EntryRow, HistoryRow, MergeRow, StoryRow


@dataclass
class Changes:
    """What one page of events changed. ``entries`` maps each changed entry to its state when the
    previous page was written (None: new in this page), in the order the page first touched them;
    ``versions`` and ``history`` are keyed like their tables' primary keys (a later write to
    the same key replaces the earlier one, as ``INSERT OR REPLACE`` would)."""

    entries: dict[str, EntryRow | None] = field(default_factory=dict)
    versions: dict[tuple[str, int], EntryRow] = field(default_factory=dict)
    history: dict[tuple[str, int], HistoryRow] = field(default_factory=dict)
    articles: set[str] = field(default_factory=set)
    merges: set[str] = field(default_factory=set)
    stories: set[str] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.entries or self.history or self.articles or self.merges or self.stories)


class BulkStore:
    """Plain dicts behind the fold's ``Store``, indexed like the SQL tables it stands for."""

    def __init__(self) -> None:
        self.articles: dict[str, ArticleRow] = {}
        self.entries: dict[str, EntryRow] = {}
        self.merges: dict[str, MergeRow] = {}
        self.stories: dict[str, StoryRow] = {}
        self._by_article: dict[str, dict[str, None]] = {}
        self._members: dict[str, dict[str, None]] = {}
        self.position = 0
        self.changes = Changes()

    def take_changes(self) -> Changes:
        """What changed since the last call (and start collecting afresh)."""
        changes, self.changes = self.changes, Changes()
        return changes

    def article(self, article_id: str) -> ArticleRow | None:
        return self.articles.get(article_id)

    def put_article(self, row: ArticleRow) -> None:
        self.articles[row.article_id] = row
        self.changes.articles.add(row.article_id)

    def entry(self, entry_id: str) -> EntryRow | None:
        return self.entries.get(entry_id)

    def put_entry(self, row: EntryRow, previous: EntryRow | None) -> None:
        entry_id = row.entry_id
        stored = self.entries.get(entry_id)
        changes = self.changes
        changes.entries.setdefault(entry_id, stored)  # its state before the page: kept once
        self._index(row, stored)
        self.entries[entry_id] = row
        changes.versions[(entry_id, self.position)] = row

    def _index(self, row: EntryRow, stored: EntryRow | None) -> None:
        """Keep the by-article and by-merge lookups (the SQL indexes' twins) in step."""
        entry_id = row.entry_id
        if stored is None or stored.article_id != row.article_id:
            if stored is not None:
                del self._by_article[stored.article_id][entry_id]
            ids = self._by_article.get(row.article_id)
            if ids is None:
                self._by_article[row.article_id] = {entry_id: None}
            else:
                ids[entry_id] = None
        old = stored.merged_into if stored is not None else None
        if old != row.merged_into:
            if old is not None:
                del self._members[old][entry_id]
            if row.merged_into is not None:
                self._members.setdefault(row.merged_into, {})[entry_id] = None

    def _in_order(self, ids: dict[str, None] | None) -> list[EntryRow]:
        rows = [self.entries[entry_id] for entry_id in ids or ()]
        return sorted(rows, key=lambda row: row.position)

    def entries_of_article(self, article_id: str) -> list[EntryRow]:
        return self._in_order(self._by_article.get(article_id))

    def members(self, primary: str) -> list[EntryRow]:
        return self._in_order(self._members.get(primary))

    def merge(self, merge_id: str) -> MergeRow | None:
        return self.merges.get(merge_id)

    def put_merge(self, row: MergeRow) -> None:
        self.merges[row.merge_id] = row
        self.changes.merges.add(row.merge_id)

    def put_story(self, row: StoryRow) -> None:
        self.stories[row.slug] = row
        self.changes.stories.add(row.slug)

    def add_history(self, row: HistoryRow) -> None:
        self.changes.history[(row.entry_id, row.position)] = row
