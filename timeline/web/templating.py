"""What the viewer's templates may call: dates as people say them, safe links, feed URLs.

Autoescaping stays on; nothing from an article is ever marked safe.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Flask, current_app, request, url_for

from timeline.export.display import display_date
from timeline.export.links import safe_url
from timeline.model import TimelineEntry
from timeline.web.payloads import iso

UI_LANG = "en"


def human_date(entry: TimelineEntry) -> str:
    return display_date(entry, UI_LANG)


def domain(url: str | None) -> str:
    link = safe_url(url)
    return urlsplit(link).netloc if link else ""


def feed_url(slug: str, kind: str, *, webcal: bool = False) -> str:
    """Absolute URL of a feed (``webcal://`` for calendar subscriptions)."""
    base = current_app.config["BASE_URL"] or request.host_url.rstrip("/")
    url = base + url_for("feeds.feed_" + kind.replace(".", "_"), slug=slug)
    if webcal:
        return "webcal://" + url.split("://", 1)[-1]
    return url


def init_app(app: Flask) -> None:
    app.jinja_env.filters.update(human_date=human_date, domain=domain, safe_url=safe_url,
                                 iso=iso)
    app.jinja_env.globals.update(feed_url=feed_url)
