"""The viewer's interface language: ``_("text")`` in templates and views.

For now every message is its English source text; the catalogue of Spanish (and the choice of
language by ``Accept-Language`` and a switch) is filled in by the interface-language work.
"""

from __future__ import annotations

from typing import Any

from flask import Flask


def gettext(message: str, **values: Any) -> str:
    """``message`` in the interface language, with ``{name}`` placeholders filled in."""
    return message.format(**values) if values else message


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(_=gettext)
