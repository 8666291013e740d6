"""Editorial commands: each checks the archive's state, appends events (never edits), and brings
the projections up to date. Who did it is recorded in the payload and as metadata ``actor``."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from events import NO_STREAM, ConcurrencyError, ExpectedVersion, InvalidEvent, NewEvent
from timeline.dates import edtf_bounds
from timeline.errors import Conflict, InvalidInput, NotFound
from timeline.model import RESERVED_STORY_SLUGS, STORY_SLUG, TimelineEntry
from timeline.projections.duplicates import Duplicate, select_duplicates
from timeline.projections.queries import get_entry, get_story
from timeline.projections.rows import EntryRow
from timeline.projections.similarity import MergeSuggestion, suggest
from timeline.projections.sqlquery import select_candidates
from timeline.projections.sqlstore import SqlStore
from timeline.projections.stories import Story
from timeline.projections.story_log import StoryHistoryRow, select_story_history
from timeline.untrusted import check_clean

if TYPE_CHECKING:
    from timeline.archive import Archive


__all__ = [
    "Duplicate", "MergeSuggestion", "add_to_story", "correct_event", "create_story",
    "create_story_if_missing", "merge_events", "new_story_event", "possible_duplicates",
    "remove_from_story", "rename_story", "retract_event", "story_history", "suggest_merges",
    "undo_merge",
]


def _invalid(exc: InvalidEvent) -> InvalidInput:
    field = exc.field.removeprefix("data.") if exc.field else None
    return InvalidInput(str(exc), field=field)


def _append(archive: Archive, stream: str, events: list[NewEvent],
            expected: ExpectedVersion | int) -> None:
    try:
        archive.log.append(stream, events, expected_version=expected)
    except InvalidEvent as exc:
        raise _invalid(exc) from exc
    except ConcurrencyError as exc:
        raise Conflict(f"{stream} changed meanwhile; try again ({exc})") from exc
    archive.catch_up()


def _event(type_: str, data: dict[str, Any], actor: str | None) -> NewEvent:
    check_clean(data, None)  # no NUL or lone surrogate in a reason, title, headline...
    return NewEvent(type_, data, metadata={"actor": actor} if actor else {})


def _entry(archive: Archive, entry_id: str, *, caught_up: bool = False) -> EntryRow:
    if not caught_up:
        archive.catch_up()
    row = SqlStore(archive.log.conn).entry(entry_id)
    if row is None:
        raise NotFound(f"no entry {entry_id!r}", kind="entry", key=entry_id)
    return row


def _required(value: str | None, field: str) -> str:
    if not value or not value.strip():
        raise InvalidInput(f"{field} is required", field=field)
    return value.strip()


def check_date(date: str) -> str:
    try:
        edtf_bounds(date)
    except InvalidInput:  # its message says why (e.g. outside the supported range)
        raise
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        raise InvalidInput(f"not an EDTF date: {date!r}", field="date") from exc
    return date


def correct_event(archive: Archive, entry_id: str, *, date: str | None = None,
                  headline: str | None = None, text: str | None = None, reason: str,
                  actor: str | None) -> TimelineEntry:
    """Correct an entry's date (EDTF), headline or text; the corrected entry."""
    if date is None and headline is None and text is None:
        raise InvalidInput("a correction changes date, headline or text", field="date")
    data = {"entry_id": entry_id, "date": check_date(date.strip()) if date else None,
            "headline": headline, "text": text, "reason": _required(reason, "reason"),
            "corrected_by": actor}
    _entry(archive, entry_id)
    stream = f"entry-{entry_id}"
    _append(archive, stream, [_event("EventCorrected", data, actor)],
            archive.log.stream_version(stream))
    return get_entry(archive, entry_id)


def retract_event(archive: Archive, entry_id: str, *, reason: str,
                  actor: str | None) -> TimelineEntry:
    """Withdraw an entry from the timelines (it stays in the log); Conflict if already done."""
    data = {"entry_id": entry_id, "reason": _required(reason, "reason"), "retracted_by": actor}
    if _entry(archive, entry_id).status == "retracted":
        raise Conflict(f"entry {entry_id!r} is already retracted", field="entry_id")
    stream = f"entry-{entry_id}"
    _append(archive, stream, [_event("EventRetracted", data, actor)],
            archive.log.stream_version(stream))
    return get_entry(archive, entry_id)


def merge_events(archive: Archive, entry_ids: Sequence[str], *, reason: str | None = None,
                 actor: str | None) -> str:
    """Fold entries reporting the same event into the first one; the merge id (for undo)."""
    ids = list(dict.fromkeys(entry_ids))
    if len(ids) < 2:
        raise InvalidInput("a merge needs at least two different entries", field="entry_ids")
    for entry_id in ids:
        row = _entry(archive, entry_id)
        if row.merged_into is not None or row.status != "active":
            raise Conflict(f"entry {entry_id!r} cannot be merged (status {row.status},"
                           f" merged into {row.merged_into})", field="entry_ids")
    merge_id = str(uuid.uuid4())
    data = {"merge_id": merge_id, "entry_ids": ids, "primary": ids[0], "reason": reason,
            "merged_by": actor}
    _append(archive, f"merge-{merge_id}", [_event("EventsMerged", data, actor)], NO_STREAM)
    return merge_id


def undo_merge(archive: Archive, merge_id: str, *, reason: str, actor: str | None) -> None:
    """Split a merge: its entries show on their own again."""
    data = {"merge_id": merge_id, "reason": _required(reason, "reason"), "undone_by": actor}
    archive.catch_up()
    merge = SqlStore(archive.log.conn).merge(merge_id)
    if merge is None:
        raise NotFound(f"no merge {merge_id!r}", kind="merge", key=merge_id)
    if merge.undone:
        raise Conflict(f"merge {merge_id!r} is already undone", field="merge_id")
    _append(archive, f"merge-{merge_id}", [_event("MergeUndone", data, actor)], 1)


def _optional(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


def create_story(archive: Archive, slug: str, *, title: str, description: str | None = None,
                 reason: str | None = None, actor: str | None) -> Story:
    """A new, empty story; Conflict if the slug is taken."""
    event = new_story_event(slug, title=title, description=description, reason=reason,
                            actor=actor)
    try:
        archive.log.append(f"story-{slug}", [event], expected_version=NO_STREAM)
    except ConcurrencyError as exc:
        raise Conflict(f"story {slug!r} already exists", field="slug") from exc
    except InvalidEvent as exc:
        raise _invalid(exc) from exc
    archive.catch_up()
    return get_story(archive, slug)


def new_story_event(slug: str, *, title: str, description: str | None = None,
                    reason: str | None = None, actor: str | None) -> NewEvent:
    """The ``StoryCreated`` that creates story ``slug`` (its slug and title checked)."""
    if not STORY_SLUG.match(slug or ""):
        raise InvalidInput("slug must be lowercase a-z, 0-9 and -, at most 80", field="slug")
    if slug in RESERVED_STORY_SLUGS:
        raise InvalidInput(f"the slug {slug!r} is reserved", field="slug")
    data = {"slug": slug, "title": _required(title, "title"),
            "description": _optional(description), "reason": _optional(reason),
            "created_by": actor}
    return _event("StoryCreated", data, actor)


def rename_story(archive: Archive, slug: str, *, title: str | None = None,
                 description: str | None = None, reason: str, actor: str | None) -> Story:
    """Give a story a new title and/or description (``None``: keep it; ``""``: no
    description); the renamed story. InvalidInput (field ``title``) if nothing changes."""
    why = _required(reason, "reason")
    archive.catch_up()
    story = get_story(archive, slug)  # NotFound for an unknown story
    new_title = _required(title, "title") if title is not None else story.title
    new_description = story.description if description is None else _optional(description)
    if (new_title, new_description) == (story.title, story.description):
        raise InvalidInput("a rename changes the title or the description", field="title")
    data = {"slug": slug, "title": new_title, "description": new_description,
            "reason": why, "renamed_by": actor}
    stream = f"story-{slug}"
    _append(archive, stream, [_event("StoryRenamed", data, actor)],
            archive.log.stream_version(stream))
    return get_story(archive, slug)


def story_history(archive: Archive, slug: str) -> list[StoryHistoryRow]:
    """What happened to a story, oldest first; NotFound for an unknown story."""
    archive.catch_up()
    get_story(archive, slug)
    return select_story_history(archive.log.conn, slug)


def create_story_if_missing(archive: Archive, slug: str, *, title: str,
                            description: str | None = None, actor: str | None) -> bool:
    """Create the story unless it exists; whether it was created."""
    try:
        create_story(archive, slug, title=title, description=description, actor=actor)
    except Conflict:
        return False
    return True


def _membership(archive: Archive, type_: str, slug: str, entry_ids: Sequence[str],
                actor: str | None, *, member: bool, reason: str | None) -> int:
    archive.catch_up()
    get_story(archive, slug)
    ids = [e for e in dict.fromkeys(entry_ids)
           if (slug in _entry(archive, e, caught_up=True).stories) == member]
    data = {"slug": slug, "changed_by": actor, "reason": _optional(reason)}
    events = [_event(type_, data | {"entry_id": e}, actor) for e in ids]
    if events:
        stream = f"story-{slug}"
        _append(archive, stream, events, archive.log.stream_version(stream))
    return len(events)


def add_to_story(archive: Archive, slug: str, entry_ids: Sequence[str], *,
                 reason: str | None = None, actor: str | None) -> int:
    """Put entries on a story (those already on it are skipped); how many were added."""
    return _membership(archive, "EventAddedToStory", slug, entry_ids, actor, member=False,
                       reason=reason)


def remove_from_story(archive: Archive, slug: str, entry_ids: Sequence[str], *,
                      reason: str | None = None, actor: str | None) -> int:
    """Take entries off a story (those not on it are skipped); how many were removed."""
    return _membership(archive, "EventRemovedFromStory", slug, entry_ids, actor, member=True,
                       reason=reason)


def suggest_merges(archive: Archive, *, story: str | None = None,
                   limit: int = 50) -> list[MergeSuggestion]:
    """Pairs of active entries that look like the same event, best first."""
    if not 1 <= limit <= 500:
        raise InvalidInput("limit must be between 1 and 500", field="limit")
    archive.catch_up()
    return suggest(select_candidates(archive.log.conn, story), limit=limit)


def possible_duplicates(archive: Archive, entry_id: str, *, limit: int = 5) -> list[Duplicate]:
    """Shown entries that look like the same event as ``entry_id``, best first (merge
    candidates for an editor); NotFound for an unknown entry."""
    _entry(archive, entry_id)
    return select_duplicates(archive.log.conn, entry_id, limit=limit)
