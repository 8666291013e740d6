"""What the viewer's templates may call: dates as people say them, how an entry was dated and
scored in plain words, safe links, feed URLs.

Autoescaping stays on; nothing from an article is ever marked safe.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from flask import Flask, current_app, request, url_for

from timeline.export.display import display_date
from timeline.export.links import safe_url
from timeline.model import SALIENCE_THRESHOLD, TimelineEntry
from timeline.web.payloads import iso

UI_LANG = "en"
#: How each derivation reads to someone who has never heard the word.
DATED_BY = {
    "explicit": "a date written in the article",
    "relative": "words such as “last Sunday”, counted from the day the article was published",
    "narrative": "the date of what the article tells just before it",
    "publication": "the day the article was published (it gives no date of its own)",
}


def human_date(entry: TimelineEntry) -> str:
    return display_date(entry, UI_LANG)


def dated_by(entry: TimelineEntry) -> str:
    return DATED_BY.get(entry.derivation, entry.derivation)


def salience_words(entry: TimelineEntry) -> str:
    """The salience score and what it means for the default views."""
    if entry.salience is None:
        return "not scored (always shown)"
    if entry.is_minor:
        return f"{entry.salience:.2f}: minor, shown only with all events"
    return f"{entry.salience:.2f}: shown by default (minor below {SALIENCE_THRESHOLD:.2f})"


def domain(url: str | None) -> str:
    link = safe_url(url)
    return urlsplit(link).netloc if link else ""


def feed_url(slug: str, kind: str, *, webcal: bool = False, include_minor: bool = False) -> str:
    """Absolute URL of a feed (``webcal://`` for calendar subscriptions)."""
    base = current_app.config["BASE_URL"] or request.host_url.rstrip("/")
    extra: dict[str, Any] = {"all": "1"} if include_minor else {}
    url = base + url_for("feeds.feed_" + kind.replace(".", "_"), slug=slug, **extra)
    if webcal:
        return "webcal://" + url.split("://", 1)[-1]
    return url


def init_app(app: Flask) -> None:
    app.jinja_env.filters.update(human_date=human_date, domain=domain, safe_url=safe_url,
                                 iso=iso, dated_by=dated_by, salience_words=salience_words)
    app.jinja_env.globals.update(feed_url=feed_url)
