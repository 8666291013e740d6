"""Publishing: a story (or the whole archive), as it stands or as it stood, in an export format.

The one place that joins queries and the pure exporters; the CLI's ``export`` and the web feeds
both call :func:`publish`. As the archive stands, a feed is assembled from per-entry pieces
kept by entry version (``timeline.feed_pieces``): only entries changed since a piece was kept
are loaded and rendered, so a correction re-renders one entry. As it stood (``as_of``), it is
rendered whole from the past state.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from timeline.archive import Archive
from timeline.errors import InvalidInput
from timeline.export import TimelineMeta
from timeline.export.csv_export import CSV
from timeline.export.ical import ICAL
from timeline.export.json_timeline import JSON
from timeline.export.pieces import PieceFormat
from timeline.export.timelinejs import TIMELINEJS
from timeline.feed_assembly import FEEDS
from timeline.feed_listing import story_header
from timeline.projections import queries
from timeline.projections.filters import MAX_LIMIT
from timeline.projections.queries import EventQuery

ALL = "all"  # one of model.RESERVED_STORY_SLUGS: no story can take it
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Format:
    pieces: PieceFormat
    media_type: str
    suffix: str


FORMATS: dict[str, Format] = {
    "ics": Format(ICAL, "text/calendar; charset=utf-8", "ics"),
    "json": Format(JSON, "application/json", "json"),
    "timelinejs": Format(TIMELINEJS, "application/json", "timelinejs.json"),
    "csv": Format(CSV, "text/csv; charset=utf-8", "csv"),
}


@dataclass(frozen=True, slots=True)
class Publication:
    body: bytes  # UTF-8
    format: Format
    meta: TimelineMeta


def _moment(stamp: str | None) -> datetime:
    if not stamp:
        return EPOCH
    return datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone(UTC)


def publication_meta(
    archive: Archive,
    slug: str = ALL,
    *,
    as_of: datetime | str | None = None,
    base_url: str = "",
    refresh_minutes: int = 60,
) -> TimelineMeta:
    """The export's header; ``generated_at`` is when the last event it reflects was recorded."""
    position = archive.log.head().position
    if as_of is not None:
        position = queries.as_of_position(archive, as_of)
    last = next(archive.log.read_all(position - 1, 1), None) if position else None
    if slug == ALL:
        title, description = "Timeline Archive", "Every dated event in the archive."
    elif as_of is None:
        title, description = story_header(archive.log.conn, slug)  # NotFound if unknown
    else:
        story = queries.get_story(archive, slug, as_of)  # NotFound for an unknown story
        title, description = story.title, story.description or ""
    return TimelineMeta(
        title=title, slug=slug, description=description, url=base_url,
        generated_at=_moment(last.recorded_at if last else None).replace(microsecond=0),
        last_position=position, refresh_minutes=refresh_minutes,
        last_hash=last.hash if last else "",
    )


def publish(
    archive: Archive,
    format_name: str,
    *,
    story: str | None = None,
    as_of: datetime | str | None = None,
    base_url: str = "",
    refresh_minutes: int = 60,
    include_minor: bool = False,
) -> Publication:
    """Every entry of ``story`` (or of the archive), whatever its status, in ``format_name``;
    entries scored below the salience threshold only with ``include_minor``."""
    fmt = FORMATS.get(format_name)
    if fmt is None:
        raise InvalidInput(f"format must be one of {sorted(FORMATS)}", field="format")
    meta = publication_meta(
        archive, story or ALL, as_of=as_of, base_url=base_url, refresh_minutes=refresh_minutes
    )
    if as_of is not None:
        query = EventQuery(story=story, status="all", as_of=as_of, limit=MAX_LIMIT,
                           include_minor=include_minor)
        entries = list(queries.iter_entries(archive, query))
        return Publication(fmt.pieces.render(entries, meta), fmt, meta)
    body = FEEDS.body(archive, fmt.pieces, meta, story, include_minor)
    return Publication(body, fmt, meta)
