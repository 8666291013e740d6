"""A refused filter or choice in the viewer, said in the interface language.

English keeps the library's own message (it names the value); other languages say what the
field takes, from the catalogue, since the library's messages are English.
"""

from __future__ import annotations

from timeline.web.errors import field_of, message_of
from timeline.web.i18n import DEFAULT, current_language, gettext

#: The filters' and choices' names as the forms label them.
FIELD_LABELS = {
    "from": "From", "to": "To", "as_of": "As of", "actor": "Actor", "q": "Text",
    "story": "Story", "order": "Order", "all": "All events", "cursor": "Page", "skip": "Page",
    "at": "Go to", "dates": "Days", "sentences": "Sentences a day", "lang": "Language",
}
_DATE = "not a date we can read (try 2025, November 2025, noviembre 2025, 1940s or 16/11/2025)"
#: What each field takes, for languages other than English.
FIELD_PROBLEMS = {
    "from": _DATE, "to": _DATE, "at": _DATE,
    "as_of": "not a date or a date and time",
    "order": "oldest or newest",
    "skip": "a whole number",
    "all": "1 or 0 (true or false)",
    "cursor": "this page link is out of date or broken: start again from the first page",
    "dates": "a whole number from 1 to 500",
    "sentences": "a whole number from 1 to 10",
}
UNREADABLE = "this could not be read"


def field_name(field: str | None) -> str:
    """The field a problem is about, as its form label says it."""
    return gettext(FIELD_LABELS.get(field or "", field or "filter"))


def error_words(exc: Exception) -> str:
    """What was wrong, in the interface language."""
    if current_language() == DEFAULT:
        return message_of(exc)
    return gettext(FIELD_PROBLEMS.get(field_of(exc) or "", UNREADABLE))


def shown(exc: Exception) -> str:
    """"field: problem", for a message shown without its own label."""
    return f"{field_name(field_of(exc))}: {error_words(exc)}"
