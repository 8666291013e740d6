"""TimelineJS3 (Knight Lab) JSON: a title slide and one slide per active entry.

Policy:
- Only ``active`` entries become slides. Retracted and superseded entries are omitted: a
  TimelineJS timeline is a reader-facing narrative with no way to mark a slide as withdrawn.
  The JSON and iCal exports keep them (with ``status`` / ``STATUS:CANCELLED``).
- TimelineJS renders ``headline``, ``text``, ``display_date`` and ``group`` as HTML, so every
  string that comes from an article (or an editor) is HTML-escaped here, and source links
  are emitted only for absolute http(s) URLs.
- Dates are given at the grain the entry knows (year, month or day); fuzzy dates (season,
  quarter, decade, century) and intervals carry an ``end_date`` and a ``display_date``.
- ``group`` is the entry's first story, else its first actor; ``unique_id`` its entry id.
- The title slide is the story's title and description (or a count of its events) with a link
  to the story's page; each slide credits its sources by site and title and links back to the
  entry's page (``<url>/events/<id>``).
- Display dates are said in the story's language (the language most of its entries are in),
  so a Spanish story does not mix "noviembre de 2025" and "November 2025".
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from html import escape
from typing import Any

from timeline.export.display import Grain, display_date, side_grains
from timeline.export.links import entry_link, safe_url, source_label
from timeline.export.meta import TimelineMeta
from timeline.export.pieces import Frame, PieceFormat, json_frame, json_piece, majority_lang
from timeline.model import TimelineEntry

#: Precisions shown as a range (start_date + end_date) rather than a point.
RANGED = frozenset({"season", "quarter", "decade", "century", "interval"})


def to_timelinejs(entries: Iterable[TimelineEntry], meta: TimelineMeta) -> dict[str, Any]:
    """The TimelineJS3 document (a dict ready for ``json.dumps``)."""
    active = [entry for entry in entries if entry.status == "active"]
    lang = story_lang(active)
    events = [slide(entry, meta.url, lang) for entry in active]
    return {"title": title_slide(meta, len(events)), "events": events}


def story_lang(entries: list[TimelineEntry]) -> str | None:
    """The language most entries are in (the first seen on a tie); ``None`` without entries."""
    return majority_lang(entry.lang for entry in entries)


def title_slide(meta: TimelineMeta, count: int) -> dict[str, Any]:
    """The story's title and description (or how many events it has), linking to its page."""
    about = meta.description.strip() or f"{count} event{'' if count == 1 else 's'}."
    text = f"<p>{escape(about)}</p>"
    page = safe_url(story_link(meta))
    if page:
        text += (f'<p><a href="{escape(page)}" target="_blank" rel="noopener">'
                 "Timeline Archive</a></p>")
    return {"text": {"headline": escape(meta.title), "text": text}}


def story_link(meta: TimelineMeta) -> str:
    """The story's page on the service (the home page for ``all``)."""
    base = meta.url.rstrip("/")
    return f"{base}/" if meta.slug == "all" else f"{base}/stories/{meta.slug}"


def to_timelinejs_json(entries: Iterable[TimelineEntry], meta: TimelineMeta) -> str:
    """The TimelineJS3 document as JSON text (UTF-8 safe, stable key order)."""
    return TIMELINEJS.render(entries, meta).decode()


def timelinejs_frame(meta: TimelineMeta, count: int, _lang: str | None = None) -> Frame:
    """The document around its slides: the title slide, then ``events``."""
    return json_frame({"title": title_slide(meta, count), "events": []}, "events")


def timelinejs_piece(entry: TimelineEntry, base_url: str, lang: str | None) -> bytes:
    return json_piece(slide(entry, base_url, lang))


#: TimelineJS as a frame and one slide per active entry, dates said in the story's language.
TIMELINEJS = PieceFormat("timelinejs", shows_all=False, frame=timelinejs_frame,
                         piece=timelinejs_piece, by_lang=True)


def slide(entry: TimelineEntry, base_url: str = "", lang: str | None = None) -> dict[str, Any]:
    """One TimelineJS event for ``entry``, linking to its page below ``base_url``, its date
    said in ``lang`` (default: the entry's)."""
    start, end = slide_dates(entry)
    event: dict[str, Any] = {
        "unique_id": entry.entry_id,
        "start_date": start,
        "text": {"headline": escape(entry.headline), "text": slide_text(entry, base_url)},
    }
    if end is not None:
        event["end_date"] = end
    if entry.precision != "day" or entry.date != entry.start.isoformat():
        event["display_date"] = escape(display_date(entry, lang))
    group = slide_group(entry)
    if group:
        event["group"] = escape(group)
    return event


def slide_dates(entry: TimelineEntry) -> tuple[dict[str, int], dict[str, int] | None]:
    """``start_date`` and (for ranges) ``end_date`` at the grain the entry's date is known."""
    start_grain, end_grain = side_grains(entry)
    start = date_parts(entry.start, start_grain)
    if entry.precision not in RANGED or entry.start == entry.end:
        return start, None
    return start, date_parts(entry.end, end_grain)


def date_parts(day: date, grain: Grain) -> dict[str, int]:
    """A TimelineJS date object: year, then month and day as far as ``grain`` allows."""
    parts = {"year": day.year}
    if grain in ("month", "day"):
        parts["month"] = day.month
    if grain == "day":
        parts["day"] = day.day
    return parts


def slide_group(entry: TimelineEntry) -> str:
    """The TimelineJS group: first story, else first actor, else empty."""
    if entry.stories:
        return entry.stories[0]
    return entry.actors[0] if entry.actors else ""


def slide_text(entry: TimelineEntry, base_url: str = "") -> str:
    """Escaped HTML: the quote as a blockquote, the sources as links, the entry's page."""
    parts = [f"<blockquote>{escape(entry.quote or entry.text)}</blockquote>"]
    for source in entry.sources:
        label = escape(source_label(source))
        url = safe_url(source.url)
        if url:
            label = f'<a href="{escape(url)}" target="_blank" rel="noopener">{label}</a>'
        parts.append(f"<p>{label}</p>")
    page = safe_url(entry_link(entry, base_url))
    if page:
        parts.append(f'<p><a href="{escape(page)}" target="_blank" rel="noopener">'
                     "On the timeline</a></p>")
    return "".join(parts)
