"""The archive's projection: the fold applied to the ``tl_`` tables by the events Projector."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from events import StoredEvent
from timeline.projections.batch import ArchiveBatch
from timeline.projections.fold import fold_event
from timeline.projections.rebuild import ArchiveRebuild
from timeline.projections.schema import create_tables, drop_tables
from timeline.projections.sqlstore import SqlStore
from timeline.projections.story_log import (
    apply_story_event,
    create_story_tables,
    drop_story_tables,
)


class ArchiveProjection:
    """Entries, articles, merges, stories, history, the full-text index and the digest's day
    evidence (``tl_story_days``), in one fold; then each story's renames and history
    (``story_log``)."""

    name = "timeline"
    #: 6: an entry's latest version is its tl_entries row (state NULL); 7: story history;
    #: 8: new entries indexed for full text by their writer, not by a trigger per row;
    #: 9: an entry is born on the story its article was ingested into; 10: entries, versions and
    #: history keyed by unique indexes (rowid tables), so a rebuild appends them; an entry's
    #: ``sources`` NULL when they are its own source alone
    version = 10

    def setup(self, conn: sqlite3.Connection) -> None:
        create_tables(conn)
        create_story_tables(conn)

    def drop(self, conn: sqlite3.Connection) -> None:
        drop_tables(conn)
        drop_story_tables(conn)

    def apply(self, conn: sqlite3.Connection, event: StoredEvent) -> None:
        fold_event(SqlStore(conn, position=event.position), event)
        apply_story_event(conn, event)

    def batch(self, conn: sqlite3.Connection, events: Sequence[StoredEvent]) -> ArchiveBatch:
        """``events`` folded in memory and written at once (see ``events.Batch``)."""
        return ArchiveBatch(conn, events)

    def bulk(self) -> ArchiveRebuild:
        """A bulk rebuild of these read models (see ``events.Rebuild``)."""
        return ArchiveRebuild()
