"""The reader's timeline: server-rendered pages ``/``, ``/stories/<slug>``, ``/events/<id>``,
and a story's key dates (``/stories/<slug>/key-dates``, its digest).

Filters come from a GET form; an invalid one is shown beside the form (status from
``errors.py``), never a 500. ``?fragment=1`` renders only the live part, which the page's script
fetches when ``/api/stream`` reports a change. Minor entries (scored below the salience
threshold) are shown only with ``?all=1``, which every link on the page keeps.

``from`` and ``to`` take dates as people type them ("November 2025", "noviembre 2025",
"1940s", "16/11/2025": ``date_input``). ``order=newest`` lists the latest first (read in full
up to ``OVERVIEW_CAP`` entries, paged by ``skip``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import date, datetime
from typing import Any

from flask import Blueprint, current_app, render_template, request, url_for
from marshmallow import ValidationError

from timeline.archive import Archive
from timeline.errors import InvalidInput, TimelineError
from timeline.model import TimelineEntry
from timeline.projections import queries
from timeline.projections.filters import MAX_LIMIT, bound, check_flag
from timeline.projections.queries import EventQuery
from timeline.web import templating
from timeline.web.date_input import to_edtf
from timeline.web.db import get_archive
from timeline.web.error_words import shown
from timeline.web.errors import status_of
from timeline.web.grouping import group_entries
from timeline.web.i18n import current_language
from timeline.web.key_dates import key_dates_context
from timeline.web.overview import Overview, overview

bp = Blueprint("viewer", __name__)
bp.record_once(lambda state: templating.init_app(state.app))  # type: ignore[arg-type]

PAGE_SIZE = 200
OVERVIEW_CAP = 5000  # entries read to draw the strip
COUNT_CAP = 10_000  # entries counted for the "show all" link
ORDERS = ("oldest", "newest")
ACTOR_HINTS = 500  # names suggested by the actor filter


@dataclass(frozen=True, slots=True)
class ViewFilters:
    story: str | None = None
    actor: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    q: str | None = None
    as_of: str | None = None
    cursor: str | None = None
    show_all: str | None = None  # the ``all`` switch as given: minor entries too
    order: str | None = None  # "newest" lists the latest first; default oldest first
    skip: str | None = None  # newest first: how many entries earlier pages showed

    def query(self, **changes: Any) -> EventQuery:
        values = {"limit": PAGE_SIZE} | asdict(self) | changes
        values["as_of"] = as_of_moment(values["as_of"])
        values["include_minor"] = check_flag(values.pop("show_all"), "all")
        values["date_from"] = typed_date(values["date_from"], "from", 0)
        values["date_to"] = typed_date(values["date_to"], "to", 1)
        del values["order"], values["skip"]
        return EventQuery(**values)

    @property
    def newest_first(self) -> bool:
        if self.order not in (None, *ORDERS):
            raise InvalidInput("order: oldest or newest", field="order")
        return self.order == "newest"

    def skipped(self) -> int:
        if not self.skip:
            return 0
        if not self.skip.isdigit() or len(self.skip) > 9:
            raise InvalidInput("skip: a whole number", field="skip")
        return int(self.skip)

    def args(self, **changes: Any) -> dict[str, str]:
        """The filters as URL query arguments (empty ones left out)."""
        values = asdict(self) | {"skip": None} | changes  # a new view starts on its first page
        names = {"date_from": "from", "date_to": "to", "show_all": "all"}
        return {names.get(k, k): v for k, v in values.items() if v and k != "story"}


@dataclass(frozen=True, slots=True)
class MinorSwitch:
    """What the "show all" link says: every entry the filters match, minor ones included."""

    showing_all: bool
    total: int  # counted up to COUNT_CAP
    hidden: int  # minor entries the default view leaves out

    @property
    def capped(self) -> bool:
        return self.total >= COUNT_CAP


def typed_date(value: str | None, field: str, side: int) -> str | None:
    """A date as typed ("November 2025", "1940s", "16/11/2025") as EDTF, checked: an
    ``InvalidInput`` naming ``field`` when it is no date."""
    if not value:
        return None
    edtf = to_edtf(value).strip()
    try:
        bound(edtf, field, side)
    except InvalidInput as exc:
        raise InvalidInput(
            f"{field}: not a date we can read: {value!r} (try 2025, November 2025, "
            "noviembre 2025, 1940s or 16/11/2025)", field=field) from exc
    return edtf


def as_of_moment(value: str | None) -> str | None:
    """A date means the end of that day; a date-time is taken as given (UTC if naive)."""
    if not value:
        return None
    try:
        if len(value) == 10:
            return f"{date.fromisoformat(value).isoformat()}T23:59:59.999999+00:00"
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise InvalidInput(f"as of: not a date or date-time: {value!r}", field="as_of") from exc
    return value


def read_filters(story: str | None = None) -> ViewFilters:
    def arg(name: str) -> str | None:
        value = request.args.get(name, "").strip()
        return value[:500] or None

    return ViewFilters(story=story or arg("story"), actor=arg("actor"), date_from=arg("from"),
                       date_to=arg("to"), q=arg("q"), as_of=arg("as_of"), cursor=arg("cursor"),
                       show_all=arg("all"), order=arg("order"), skip=arg("skip"))


def matching(archive: Archive, filters: ViewFilters, **changes: Any) -> list[TimelineEntry]:
    """Every entry the filters match, in chronological order, up to ``OVERVIEW_CAP``."""
    entries: list[TimelineEntry] = []
    cursor = None
    while len(entries) < OVERVIEW_CAP:
        page = queries.find_entries(archive, filters.query(
            cursor=cursor, limit=MAX_LIMIT, **changes))
        entries.extend(page.entries)
        if not (cursor := page.next_cursor):
            break
    return entries


def overview_of(archive: Archive, filters: ViewFilters) -> tuple[Overview, list[str]]:
    """The strip covers the chosen date range (at a finer unit), else the whole span the
    other filters allow; and the actors those entries name (suggestions for the filter)."""
    query = filters.query()
    start, end = bound(query.date_from, "from", 0), bound(query.date_to, "to", 1)
    entries = matching(archive, filters)
    window = (date.fromisoformat(start) if start else None,
              date.fromisoformat(end) if end else None)
    actors = sorted({a for e in entries for a in e.actors}, key=str.casefold)[:ACTOR_HINTS]
    strip = overview([(e.start, e.end) for e in entries], window, lang=current_language())
    return strip, actors


def minor_switch(archive: Archive, query: EventQuery) -> MinorSwitch:
    every = replace(query, include_minor=True)
    total = queries.count_entries(archive, every, cap=COUNT_CAP)
    shown = queries.count_entries(archive, replace(query, include_minor=False), cap=COUNT_CAP)
    return MinorSwitch(query.include_minor, total, total - shown)


def _page(archive: Archive, filters: ViewFilters) -> tuple[list[TimelineEntry], str | None]:
    """This page's entries and the link to the next page, in the order asked for."""
    if filters.newest_first:
        skip = filters.skipped()
        newest = matching(archive, replace(filters, cursor=None))[::-1]
        following = None
        if len(newest) > skip + PAGE_SIZE:
            following = _here(filters, skip=str(skip + PAGE_SIZE), cursor=None)
        return newest[skip:skip + PAGE_SIZE], following
    page = queries.find_entries(archive, filters.query())
    if page.next_cursor:
        return list(page.entries), _here(filters, cursor=page.next_cursor)
    return list(page.entries), None


def nearest(entries: list[TimelineEntry], day: date) -> str | None:
    """The id of the entry whose dates come nearest ``day`` (the first on a tie)."""
    def distance(entry: TimelineEntry) -> int:
        if entry.start <= day <= entry.end:
            return 0
        return min(abs(entry.start.toordinal() - day.toordinal()),
                   abs(entry.end.toordinal() - day.toordinal()))

    return min(entries, key=distance).entry_id if entries else None


def _open_at() -> date:
    """``?at=`` (a date as typed) or today: where "go to the nearest entry" leads."""
    typed = request.args.get("at", "").strip()[:100]
    start = bound(typed_date(typed, "at", 0), "at", 0) if typed else None
    return date.fromisoformat(start) if start else date.today()


def _timeline(archive: Archive, filters: ViewFilters) -> dict[str, Any]:
    query = filters.query()
    entries, following = _page(archive, filters)
    strip, hints = overview_of(archive, replace(filters, cursor=None))
    return {"groups": group_entries(entries), "count": len(entries),
            "nearest": nearest(entries, _open_at()), "open_at": request.args.get("at"),
            "next_url": following,
            "range_start": bound(query.date_from, "from", 0),
            "range_end": bound(query.date_to, "to", 1),
            "minor": minor_switch(archive, query), "overview": strip, "actor_hints": hints}


def _here(filters: ViewFilters, **changes: Any) -> str:
    args: dict[str, Any] = filters.args(**changes)
    if filters.story:
        return url_for("viewer.story", slug=filters.story, **args)
    return url_for("viewer.index", **args)


def _render(filters: ViewFilters, story: Any = None) -> tuple[str, int]:
    archive = get_archive()
    context: dict[str, Any] = {"filters": filters, "story": story, "error": None,
                               "groups": (), "count": 0, "next_url": None,
                               "overview": overview([]), "head": archive.log.head().position,
                               "range_start": None, "range_end": None, "minor": None}
    status = 200
    try:
        context |= _timeline(archive, filters)
    except TimelineError as exc:
        context["error"], status = exc, status_of(exc)
    context["here"] = lambda **changes: _here(filters, **changes)
    template = "_timeline.html" if request.args.get("fragment") else "timeline.html"
    context["stories"] = queries.list_stories(archive)
    return render_template(template, **context), status


@bp.get("/")
def index() -> tuple[str, int]:
    return _render(read_filters())


@bp.get("/stories/<slug:slug>")
def story(slug: str) -> tuple[str, int]:
    found = queries.get_story(get_archive(), slug)  # NotFound: the 404 page
    return _render(read_filters(slug), found)


@bp.get("/events/<entry_id>")
def event(entry_id: str) -> str:
    as_of = as_of_moment(request.args.get("as_of", "").strip() or None)
    entry: TimelineEntry = queries.get_entry(get_archive(), entry_id, as_of=as_of)
    return render_template("event.html", entry=entry, as_of=as_of,
                           base_url=current_app.config["BASE_URL"])


@bp.get("/embed/stories/<slug:slug>")
def embed(slug: str) -> str:
    """The story for an ``<iframe>``: its entries without the site's header, filters or
    strip; links open in a new tab. Takes the page's ``from``, ``to``, ``order`` and ``all``."""
    archive = get_archive()
    found = queries.get_story(archive, slug)  # NotFound: the 404 page
    filters = read_filters(slug)
    entries, _ = _page(archive, filters)
    return render_template("embed.html", story=found, groups=group_entries(entries),
                           count=len(entries), filters=filters,
                           here=lambda **changes: _here(filters, **changes))


@bp.get("/stories/<slug:slug>/key-dates")
def key_dates(slug: str) -> tuple[str, int]:
    """The story's digest: its key days, each expandable to its entries; an invalid choice is
    shown beside the form."""
    archive = get_archive()
    found = queries.get_story(archive, slug)  # NotFound: the 404 page
    context: dict[str, Any] = {"days": [], "args": {}, "error": None}
    status = 200
    try:
        context |= key_dates_context(archive, slug)
    except (TimelineError, ValidationError) as exc:
        context["error"], status = shown(exc), status_of(exc)
        context["args"] = {k: v for k, v in request.args.items() if isinstance(v, str)}
    return render_template("key_dates.html", story=found,
                           stories=queries.list_stories(archive), **context), status

