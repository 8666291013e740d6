"""The viewer's interface language: ``_("text")`` and ``ngettext`` in templates and views.

English source text is the key; ``catalogue_es`` holds its Spanish. The language of a request
is, in order: a ``?ui=es`` switch (which also sets a cookie, so the choice survives
navigation), that cookie, then the best match of ``Accept-Language`` (q-values honoured),
then English. A story's entries keep their own language: only the interface is translated.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from flask import Flask, Response, g, has_request_context, request

from timeline.web import catalogue_es

LANGUAGES = ("en", "es")
DEFAULT = "en"
SWITCH = "ui"  # the query argument of the language switch (``lang`` filters digests)
COOKIE = "ui_lang"
COOKIE_SECONDS = 365 * 24 * 3600
NAMES = {"en": "English", "es": "Español"}
CATALOGUES: dict[str, dict[str, str]] = {"es": catalogue_es.MESSAGES}
PLURALS: dict[str, dict[tuple[str, str], tuple[str, str]]] = {"es": catalogue_es.PLURALS}


def negotiate(switch: str | None, cookie: str | None, accept: Any) -> str:
    """The interface language from the switch, the cookie and ``Accept-Language``."""
    for chosen in (switch, cookie):
        if chosen is not None and chosen in LANGUAGES:
            return chosen
    return accept.best_match(LANGUAGES, default=DEFAULT) if accept else DEFAULT


def current_language() -> str:
    """This request's interface language (English outside a request)."""
    if not has_request_context():
        return DEFAULT
    if "ui_lang" not in g:
        g.ui_lang = negotiate(request.args.get(SWITCH), request.cookies.get(COOKIE),
                              request.accept_languages)
    return str(g.ui_lang)


def gettext(message: str, **values: Any) -> str:
    """``message`` in the interface language, with ``{name}`` placeholders filled in."""
    text = CATALOGUES.get(current_language(), {}).get(message, message)
    return text.format(**values) if values else text


def ngettext(singular: str, plural: str, n: int, **values: Any) -> str:
    """The singular or plural of a message with a count ``{n}``, in the interface language."""
    forms = PLURALS.get(current_language(), {}).get((singular, plural), (singular, plural))
    return (forms[0] if n == 1 else forms[1]).format(n=n, **values)


def switch_languages() -> list[tuple[str, str]]:
    """The other interface languages, as (code, name), for the visible switch."""
    return [(code, NAMES[code]) for code in LANGUAGES if code != current_language()]


def switch_url(code: str) -> str:
    """This page in language ``code``: the same path and arguments, with the switch."""
    args = [(k, v) for k, v in request.args.items(multi=True) if k not in (SWITCH, "fragment")]
    return request.path + "?" + urlencode([*args, (SWITCH, code)])


def _remember_choice(response: Response) -> Response:
    """Keep a switched language in a cookie; say that HTML pages vary by language."""
    chosen = request.args.get(SWITCH)
    if chosen in LANGUAGES:
        response.set_cookie(COOKIE, chosen, max_age=COOKIE_SECONDS, samesite="Lax",
                            httponly=True)
    if response.mimetype == "text/html":
        response.vary.update(("Accept-Language", "Cookie"))
    return response


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(_=gettext, ngettext=ngettext, ui_lang=current_language,
                                 switch_languages=switch_languages,
                                 switch_url=switch_url)
    app.after_request(_remember_choice)
