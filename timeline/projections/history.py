"""Pure: the history items an event leaves on the entries it touches."""

from __future__ import annotations

from datetime import datetime

from events import StoredEvent
from timeline.model import HistoryItem
from timeline.projections.rows import EntryRow, HistoryRow, new_history_row

_WHO = {
    "EventCorrected": "corrected_by",
    "EventRetracted": "retracted_by",
    "EventsMerged": "merged_by",
    "MergeUndone": "undone_by",
    "StoryCreated": "created_by",
    "StoryRenamed": "renamed_by",
    "EventAddedToStory": "changed_by",
    "EventRemovedFromStory": "changed_by",
}


def actor_of(event: StoredEvent) -> str | None:
    """Who caused the event: the payload's ``*_by`` field, else the metadata's ``actor``."""
    field = _WHO.get(event.type)
    who = event.data.get(field) if field else None
    return who or event.metadata.get("actor")


def _correction_summary(before: EntryRow, event: StoredEvent) -> str:
    parts = []
    for name in ("date", "headline", "text"):
        new = event.data.get(name)
        if new is not None:
            parts.append(f"{name}: {getattr(before, name)!r} -> {new!r}")
    return "corrected " + "; ".join(parts)


def _summary(event: StoredEvent, entry_id: str, before: EntryRow | None) -> str:
    d = event.data
    match event.type:
        case "EventExtracted":
            return f"extracted from article {d['article_id']} (revision {d['revision']})" \
                f" dated {d['date']}"
        case "ArticleIngested":
            return f"superseded by revision {d['revision']} of article {d['article_id']}"
        case "EventCorrected" if before is not None:
            return _correction_summary(before, event)
        case "EventRetracted":
            return "retracted"
        case "EventsMerged" if entry_id == d["primary"]:
            others = ", ".join(e for e in d["entry_ids"] if e != entry_id)
            return f"merge {d['merge_id']}: {others} merged into this entry"
        case "EventsMerged":
            return f"merge {d['merge_id']}: merged into {d['primary']}"
        case "MergeUndone":
            return f"merge {d['merge_id']} undone"
        case "EventAddedToStory":
            return f"added to story {d['slug']}"
        case "EventRemovedFromStory":
            return f"removed from story {d['slug']}"
    return event.type


_TYPES = {
    "EventExtracted": "extraction", "ArticleIngested": "supersession",
    "EventCorrected": "correction", "EventRetracted": "retraction", "EventsMerged": "merge",
    "MergeUndone": "merge_undone", "EventAddedToStory": "story_added",
    "EventRemovedFromStory": "story_removed",
}


def history_row(event: StoredEvent, entry_id: str, before: EntryRow | None = None) -> HistoryRow:
    """The history item ``event`` leaves on ``entry_id`` (``before``: the entry it changed)."""
    kind = event.type
    reason = event.data.get("reason") if kind != "ArticleIngested" else None
    return new_history_row(  # positional, in field order: one per extracted event in a rebuild
        entry_id, event.position, event.recorded_at, _TYPES.get(kind, kind),
        _summary(event, entry_id, before), actor_of(event), reason,
    )


def parse_recorded(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def to_item(row: HistoryRow) -> HistoryItem:
    return HistoryItem(
        position=row.position, recorded_at=parse_recorded(row.recorded_at), type=row.type,
        summary=row.summary, actor=row.actor, reason=row.reason,
    )
