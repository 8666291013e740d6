"""Subscribable feeds: ``/feeds/<story>.ics|.json|.timelinejs.json|.csv`` (``all`` = everything).

Each answers ``304 Not Modified`` when the client's ETag / Last-Modified is current, before any
export work is done. The exports themselves are the pure functions of ``timeline.export``.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from flask import Blueprint, Response, current_app, request

from timeline.archive import Archive
from timeline.export import TimelineMeta, to_csv, to_ical, to_json, to_timelinejs_json
from timeline.model import TimelineEntry
from timeline.projections import queries
from timeline.projections.filters import MAX_LIMIT
from timeline.projections.queries import EventQuery
from timeline.web.caching import (
    is_fresh,
    log_validators,
    not_modified,
    recorded_at,
    with_validators,
)
from timeline.web.db import get_archive

bp = Blueprint("feeds", __name__, url_prefix="/feeds")
ALL = "all"


@dataclass(frozen=True, slots=True)
class FeedFormat:
    mimetype: str
    render: Callable[[list[TimelineEntry], TimelineMeta], str | bytes]


FORMATS: dict[str, FeedFormat] = {
    "ics": FeedFormat("text/calendar; charset=utf-8", to_ical),
    "json": FeedFormat("application/json", to_json),
    "timelinejs.json": FeedFormat("application/json", to_timelinejs_json),
    "csv": FeedFormat("text/csv; charset=utf-8", to_csv),
}


def feed_entries(archive: Archive, story: str | None) -> Iterator[TimelineEntry]:
    """Every entry of a story (or the archive), whatever its status, page by page."""
    cursor = None
    while True:
        page = queries.find_entries(
            archive, EventQuery(story=story, status="all", limit=MAX_LIMIT, cursor=cursor)
        )
        yield from page.entries
        if not page.next_cursor:
            return
        cursor = page.next_cursor


def feed_meta(archive: Archive, slug: str) -> tuple[TimelineMeta, str | None]:
    """The feed's header, and the story to filter on (None for the whole archive)."""
    head = archive.log.head()
    if slug == ALL:
        title, description, story = "Timeline Archive", "Every dated event in the archive.", None
    else:
        found = queries.get_story(archive, slug)
        title, description, story = found.title, found.description or "", slug
    meta = TimelineMeta(
        title=title, slug=slug, description=description, url=base_url(),
        generated_at=recorded_at(head), last_position=head.position,
        refresh_minutes=current_app.config["FEED_REFRESH_MINUTES"],
    )
    return meta, story


def base_url() -> str:
    return current_app.config["BASE_URL"] or request.host_url.rstrip("/")


class RenderedFeeds:
    """The last few feed bodies this process rendered. A body depends only on the log's head
    (position and hash), the database and the base URL, so a hit is always current."""

    def __init__(self, size: int = 32) -> None:
        self.size = size
        self._bodies: OrderedDict[tuple[str, ...], str | bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[str, ...], render: Callable[[], str | bytes]) -> str | bytes:
        with self._lock:
            if key in self._bodies:
                self._bodies.move_to_end(key)
                return self._bodies[key]
        body = render()
        with self._lock:
            self._bodies[key] = body
            while len(self._bodies) > self.size:
                self._bodies.popitem(last=False)
        return body


RENDERED = RenderedFeeds()


def feed(slug: str, kind: str) -> Response:
    archive = get_archive()
    fmt = FORMATS[kind]
    meta, story = feed_meta(archive, slug)  # NotFound for an unknown story
    head = archive.log.head()
    validators = log_validators(head, f"{slug}.{kind}")
    if is_fresh(validators):
        return not_modified(validators)
    key = (current_app.config["DB"], meta.url, validators.etag, head.hash)
    body = RENDERED.get(key, lambda: fmt.render(list(feed_entries(archive, story)), meta))
    return with_validators(Response(body, content_type=fmt.mimetype), validators)


def _route(kind: str) -> Callable[..., Any]:
    def view(slug: str) -> Response:
        return feed(slug, kind)

    view.__name__ = "feed_" + kind.replace(".", "_")
    return view


for _kind in FORMATS:
    bp.add_url_rule(f"/<slug:slug>.{_kind}", view_func=_route(_kind), methods=["GET"])
