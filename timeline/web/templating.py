"""What the viewer's templates may call: dates as people say them, how an entry was dated and
scored in plain words, safe links, feed URLs.

Autoescaping stays on; nothing from an article is ever marked safe.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

from flask import Flask, current_app, request, url_for

from timeline.export.display import display_date, say_day
from timeline.export.links import safe_url, source_name
from timeline.model import SALIENCE_THRESHOLD, TimelineEntry
from timeline.web import i18n
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


def moment_words(value: str | None) -> str:
    """An "as of" moment as people say it: "16 November 2025, 10:30 UTC" (a bare day: "the
    end of 16 November 2025")."""
    if not value:
        return ""
    try:
        if len(value) == 10:
            return f"the end of {say_day(date.fromisoformat(value), UI_LANG)}"
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    zone = moment.strftime(" %z") if moment.utcoffset() else " UTC"
    return f"{say_day(moment.date(), UI_LANG)}, {moment:%H:%M}{zone}"


def as_of_input(value: str | None) -> str:
    """The "as of" moment as a ``datetime-local`` input's value (``YYYY-MM-DDTHH:MM``)."""
    if not value:
        return ""
    return f"{value}T23:59" if len(value) == 10 else value[:16]


def absolute_url(endpoint: str, **values: Any) -> str:
    """An absolute URL on this service, for share previews and embed snippets: from
    ``TIMELINE_BASE_URL`` like the feeds' links."""
    from timeline.web.feeds import base_url  # the feeds' rule: never the request's Host

    return base_url() + url_for(endpoint, **values)


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
                                 iso=iso, dated_by=dated_by, salience_words=salience_words,
                                 source_name=source_name, moment_words=moment_words,
                                 as_of_input=as_of_input)
    app.jinja_env.globals.update(feed_url=feed_url, absolute_url=absolute_url)
    i18n.init_app(app)
