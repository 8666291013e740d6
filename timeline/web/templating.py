"""What the viewer's templates may call: dates as people say them, how an entry was dated and
scored in plain words, safe links, feed URLs.

Autoescaping stays on; nothing from an article is ever marked safe.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

from babel.numbers import format_decimal
from flask import Flask, current_app, request, url_for

from timeline.export.display import display_date, say_day
from timeline.export.links import safe_url, source_name
from timeline.model import SALIENCE_THRESHOLD, TimelineEntry
from timeline.web import i18n
from timeline.web.error_words import error_words, field_name
from timeline.web.i18n import current_language, gettext
from timeline.web.payloads import iso

#: How each derivation reads to someone who has never heard the word (English source text).
DATED_BY = {
    "explicit": "a date written in the article",
    "relative": "words such as “last Sunday”, counted from the day the article was published",
    "narrative": "the date of what the article tells just before it",
    "publication": "the day the article was published (it gives no date of its own)",
}
#: The kinds of history item, in words.
HISTORY_TYPES = {
    "extraction": "extraction", "supersession": "supersession", "correction": "correction",
    "retraction": "retraction", "merge": "merge", "merge_undone": "merge undone",
    "story_added": "added to a story", "story_removed": "removed from a story",
}
#: An entry's status, precision and kind of event, in words.
WORDS = {
    "active": "active", "retracted": "retracted", "superseded": "superseded",
    "day": "day", "month": "month", "season": "season", "quarter": "quarter", "year": "year",
    "decade": "decade", "century": "century", "interval": "interval",
    "result": "result", "death": "death", "decision": "decision", "vote": "vote",
    "launch": "launch", "announcement": "announcement", "legal": "legal", "plan": "plan",
    "action": "action", "statement": "statement", "state": "state of affairs",
}


def human_date(entry: TimelineEntry) -> str:
    """The entry's date as people say it in the interface language."""
    return display_date(entry, current_language())


def human_day(day: date | str) -> str:
    """A day (or an ISO date string) as people say it in the interface language."""
    if isinstance(day, str):
        try:
            return say_day(date.fromisoformat(day), current_language())
        except ValueError:
            return day
    return say_day(day, current_language())


def number(n: int) -> str:
    """A whole number with the interface language's digit grouping ("12,345", "12.345")."""
    return format_decimal(n, locale=current_language())


def translated(message: str) -> str:
    """A message made elsewhere (an editing form's refusal) in the interface language, when
    the catalogue has it; else as it is."""
    return gettext(message) if message else message


def month_word(name: str) -> str:
    """A month heading ("November") in the interface language."""
    return gettext(name) if name else name


def dated_by(entry: TimelineEntry) -> str:
    words = DATED_BY.get(entry.derivation)
    return gettext(words) if words else entry.derivation


def history_type(kind: str) -> str:
    words = HISTORY_TYPES.get(kind)
    return gettext(words) if words else kind


def history_types() -> dict[str, str]:
    return {kind: gettext(words) for kind, words in HISTORY_TYPES.items()}


def word(value: str) -> str:
    """A status or precision in the interface language."""
    words = WORDS.get(value)
    return gettext(words) if words else value


def salience_words(entry: TimelineEntry) -> str:
    """The salience score and what it means for the default views."""
    if entry.salience is None:
        return gettext("not scored (always shown)")
    score = decimal(entry.salience)
    if entry.is_minor:
        return gettext("{score}: minor, shown only with all events", score=score)
    return gettext("{score}: shown by default (minor below {threshold})", score=score,
                   threshold=decimal(SALIENCE_THRESHOLD))


def decimal(value: float) -> str:
    """A score to two decimals, with the interface language's decimal sign ("0.70", "0,70")."""
    return format_decimal(value, format="0.00", locale=current_language())


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
            return gettext("the end of {day}", day=human_day(date.fromisoformat(value)))
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    zone = moment.strftime(" %z") if moment.utcoffset() else " UTC"
    return f"{human_day(moment.date())}, {moment:%H:%M}{zone}"


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
                                 as_of_input=as_of_input, human_day=human_day,
                                 history_type=history_type, word=word, number=number,
                                 month_word=month_word, field_name=field_name,
                                 error_words=error_words, translated=translated)
    app.jinja_env.globals.update(feed_url=feed_url, absolute_url=absolute_url,
                                 history_types=history_types)
    i18n.init_app(app)
