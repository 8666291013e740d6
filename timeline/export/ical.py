"""iCalendar feed (RFC 5545 + RFC 7986): one all-day VEVENT per entry, stable across rebuilds.

Date policy (calendars have no notion of "sometime in November"):
- ``day`` precision: an all-day event, ``DTSTART;VALUE=DATE`` and the exclusive ``DTEND``
  the next day.
- ``interval`` whose bounds are at most ``MAX_SPAN_DAYS`` days apart: one all-day event
  spanning the whole range (``DTEND`` = day after the last day).
- everything coarser (month, season, quarter, year, decade, century, long intervals): a
  single all-day event on the *first* day the date can mean, with the human date appended to
  the SUMMARY in brackets ("Talks resume [November 2025]"), so a month-long or decade-long
  bar never clutters a calendar. The DESCRIPTION is plain words: the human date, the quote,
  each source credited by site and title with its URL, and the link back to the entry's page
  (``URL`` too, when the feed has a base URL). The EDTF value is carried in
  ``X-TIMELINE-EDTF`` (and precision in ``X-TIMELINE-PRECISION``).

The places an entry names are its ``LOCATION``; its kind and salience, when scored, are
``X-TIMELINE-KIND`` and ``X-TIMELINE-SALIENCE``.

Identity and change: ``UID`` is ``<entry_id>@timeline-archive`` forever; ``SEQUENCE`` is the
entry's revision (plus one once it is cancelled); ``DTSTAMP`` and ``LAST-MODIFIED`` are the
entry's ``updated_at`` (from the log, never the wall clock); retracted and superseded entries
stay in the feed as ``STATUS:CANCELLED`` so subscribed clients remove them; active entries
are ``CONFIRMED``.
The calendar is ``METHOD:PUBLISH`` (a read-only published feed) with NAME/X-WR-CALNAME,
DESCRIPTION/X-WR-CALDESC, ``REFRESH-INTERVAL;VALUE=DURATION`` and ``X-PUBLISHED-TTL``.
Escaping and 75-octet folding (never inside a UTF-8 character) are icalendar's job; the
tests prove that article text cannot inject properties or components.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Event, vDuration, vText

from timeline.export.display import display_date
from timeline.export.links import entry_link, first_url, safe_url, source_label
from timeline.export.meta import TimelineMeta
from timeline.export.pieces import Frame, PieceFormat
from timeline.model import TimelineEntry

PRODID = "-//Timeline Archive//Timeline Export 1//EN"
UID_DOMAIN = "timeline-archive"
#: Intervals up to this many days are drawn as a multi-day event; longer ones as one day.
MAX_SPAN_DAYS = 14
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
#: Characters iCalendar TEXT cannot carry (RFC 5545 3.3.11: no CONTROL but HTAB; the line
#: break is written as ``\n``). CR and CRLF become LF before this is applied.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def to_ical(entries: Iterable[TimelineEntry], meta: TimelineMeta) -> bytes:
    """The whole VCALENDAR as bytes (UTF-8, CRLF line ends, folded at 75 octets)."""
    return ICAL.render(entries, meta)


_END = b"END:VCALENDAR\r\n"


def ical_frame(meta: TimelineMeta, _count: int = 0, _lang: str | None = None) -> Frame:
    """The VCALENDAR's properties, then the VEVENTs, then its END line."""
    calendar = _calendar(meta).to_ical()
    assert calendar.endswith(_END)
    return Frame(calendar[: -len(_END)], _END)


def ical_piece(entry: TimelineEntry, base_url: str, _lang: str | None = None) -> bytes:
    """One VEVENT, as it stands inside the calendar (an entry without timestamps is stamped
    with the epoch: feeds from the log always have them)."""
    meta = TimelineMeta(title="", slug="-", description="", url=base_url,
                        generated_at=EPOCH, last_position=0)
    return bytes(vevent(entry, meta).to_ical())


def entry_uid(entry: TimelineEntry) -> str:
    """The UID an entry keeps for ever: ``<entry_id>@timeline-archive``."""
    return f"{entry.entry_id}@{UID_DOMAIN}"


def event_span(entry: TimelineEntry) -> tuple[date, date, bool]:
    """(DTSTART, exclusive DTEND, whether the SUMMARY must name the date) for ``entry``."""
    one_day = timedelta(days=1)
    if entry.precision == "day":
        return entry.start, entry.start + one_day, False
    span = (entry.end - entry.start).days + 1
    if entry.precision == "interval" and 0 < span <= MAX_SPAN_DAYS:
        return entry.start, entry.end + one_day, False
    return entry.start, entry.start + one_day, True


def vevent(entry: TimelineEntry, meta: TimelineMeta) -> Event:
    """The VEVENT of one entry."""
    start, end, named = event_span(entry)
    human = display_date(entry)
    stamp = _utc(entry.updated_at or entry.created_at or meta.generated_at)
    event = Event.new(
        uid=entry_uid(entry), stamp=stamp, start=start, end=end, sequence=entry_sequence(entry),
        summary=ical_text(f"{entry.headline} [{human}]" if named else entry.headline),
        description=event_description(entry, human, meta.url), last_modified=stamp,
        created=_utc(entry.created_at) if entry.created_at else None,
        categories=tuple(map(ical_text, entry.stories)), url=_url(entry, meta.url),
        location=ical_text(", ".join(entry.places)) or None,
    )
    event.add("status", "CONFIRMED" if entry.status == "active" else "CANCELLED")
    event.add("x-timeline-edtf", entry.date)
    event.add("x-timeline-precision", entry.precision)
    if entry.kind is not None:
        event.add("x-timeline-kind", vText(ical_text(entry.kind)))
    if entry.salience is not None:
        event.add("x-timeline-salience", f"{entry.salience:.2f}")
    return event


def entry_sequence(entry: TimelineEntry) -> int:
    """``SEQUENCE``: the entry's revision, one more once it is cancelled (retracted or
    superseded), since RFC 5546 says a cancellation carries a higher sequence and clients that
    compare sequences ignore a CANCELLED that does not."""
    return entry.revision + (entry.status != "active")


def event_description(entry: TimelineEntry, human: str, base_url: str = "") -> str:
    """Plain text: the date, the quote, each source (site and title, URL), the entry's page."""
    lines = [human, "", ical_text(entry.quote or entry.text)]
    for source in entry.sources:
        url = safe_url(source.url)
        lines += ["", f"— {ical_text(source_label(source))}"] + ([url] if url else [])
    page = safe_url(entry_link(entry, base_url))
    if page:
        lines += ["", f"On the timeline: {page}"]
    return "\n".join(lines)


def _url(entry: TimelineEntry, base_url: str) -> str | None:
    """The entry's page when the feed knows its base URL, else its first source."""
    return safe_url(entry_link(entry, base_url)) or first_url(entry)


def ical_text(text: str) -> str:
    """``text`` as iCalendar can carry it: LF line breaks, no other control characters, no
    byte-order mark (icalendar drops a leading one, so a value would not read back)."""
    text = text.replace("\ufeff", "")
    return _CONTROLS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _calendar(meta: TimelineMeta) -> Calendar:
    calendar = Calendar.new(
        prodid=PRODID, calscale="GREGORIAN", method="PUBLISH", name=ical_text(meta.title),
        description=ical_text(meta.description), uid=f"{meta.slug}@{UID_DOMAIN}",
        url=safe_url(meta.url), last_modified=_utc(meta.generated_at),
    )
    refresh = vDuration(timedelta(minutes=meta.refresh_minutes))
    calendar.add("refresh-interval", refresh, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", refresh)
    return calendar


#: iCal as a frame and one piece per entry (retracted and superseded entries stay, cancelled).
ICAL = PieceFormat("ics", shows_all=True, frame=ical_frame, piece=ical_piece)


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)
