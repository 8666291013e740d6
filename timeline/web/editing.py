"""Editing from the viewer, for editors signed in with their API token.

Signing in trades a token (``TIMELINE_API_TOKENS``) for a session cookie (Flask's signed
cookie: HttpOnly, SameSite=Strict) naming its holder; it lasts ``EDIT_SESSION_HOURS``. Every
form carries the session's CSRF token. Corrections and retractions go through the same
editorial functions as the CLI and the API, each with a reason, so they appear in the entry's
history. A form with a missing reason, a bad date or a stale CSRF token comes back with the
message next to the field and nothing written; an expired session asks to sign in again.
Readers (no session) see no editing controls. Served over HTTPS (``TIMELINE_BASE_URL``
https://...), the cookie is also ``Secure``.
"""

from __future__ import annotations

import hmac
import secrets
import time
from typing import Any

from flask import (
    Blueprint,
    Flask,
    current_app,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from werkzeug.wrappers import Response

from timeline import editorial
from timeline.errors import TimelineError
from timeline.projections import queries
from timeline.web.auth import token_holder
from timeline.web.db import get_archive
from timeline.web.errors import status_of

bp = Blueprint("editing", __name__)
FIELDS = ("date", "headline", "text")


class FormRefused(Exception):
    """A form that cannot be acted on: ``field`` is where the message goes."""

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.field = field


def csrf_token() -> str:
    """This session's CSRF token (made on first use)."""
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return str(session["csrf"])


def check_csrf() -> None:
    given = request.form.get("csrf", "")
    expected = session.get("csrf", "")
    if not expected or not hmac.compare_digest(given.encode(), str(expected).encode()):
        raise FormRefused("This form has expired (it was opened in an older session): "
                          "nothing was changed. Please submit it again.", "csrf")


def editor() -> str | None:
    """The signed-in editor's name, or ``None`` (never signed in, or the session expired)."""
    name, since = session.get("editor"), session.get("since", 0)
    lifetime = current_app.config["EDIT_SESSION_HOURS"] * 3600
    if name is None or time.time() - float(since) > lifetime:
        return None
    return str(name)


def _local(target: str | None) -> str:
    """Only a path on this site is a place to return to after signing in."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return url_for("viewer.index")


@bp.route("/sign-in", methods=["GET", "POST"])
def sign_in() -> Response | tuple[str, int]:
    target = _local(request.values.get("next"))
    if request.method == "GET":
        expired = bool(session.get("editor")) and editor() is None
        return _sign_in_page(target, "Your session has expired: please sign in again."
                             if expired else None, 200)
    try:
        check_csrf()
        holder = token_holder(request.form.get("token", ""), current_app.config["API_TOKENS"])
        if holder is None:
            raise FormRefused("That token is not valid for editing this archive.", "token")
    except FormRefused as refused:
        return _sign_in_page(target, str(refused), 400)
    session.clear()
    session.update(editor=holder, since=time.time(), csrf=secrets.token_urlsafe(32))
    return redirect(target, code=303)


def _sign_in_page(target: str, message: str | None, status: int) -> tuple[str, int]:
    return render_template("sign_in.html", target=target, message=message), status


@bp.post("/sign-out")
def sign_out() -> Response | tuple[str, int]:
    try:
        check_csrf()
    except FormRefused as refused:
        return _sign_in_page(url_for("viewer.index"), str(refused), 400)
    session.clear()
    return redirect(url_for("viewer.index"), code=303)


@bp.post("/events/<entry_id>/correct")
def correct(entry_id: str) -> Response | tuple[str, int]:
    changes = {k: request.form.get(k, "").strip() or None for k in FIELDS}
    return act_on_entry(entry_id, "correct", lambda archive, name, reason: editorial.correct_event(
        archive, entry_id, actor=name, reason=reason, **_changed(archive, entry_id, changes)))


@bp.post("/events/<entry_id>/retract")
def retract(entry_id: str) -> Response | tuple[str, int]:
    return act_on_entry(entry_id, "retract", lambda archive, name, reason: editorial.retract_event(
        archive, entry_id, actor=name, reason=reason))


def _changed(archive: Any, entry_id: str, given: dict[str, str | None]) -> dict[str, Any]:
    """Only what the editor changed: fields left as they were are not corrections."""
    entry = queries.get_entry(archive, entry_id)
    current = {"date": entry.date, "headline": entry.headline, "text": entry.text}
    changed = {k: v for k, v in given.items() if v is not None and v != current[k]}
    if not changed:
        raise FormRefused("Change the date, the headline or the text first.", "date")
    return changed


def act_on_entry(entry_id: str, form: str, action: Any) -> Response | tuple[str, int]:
    """Run ``action(archive, editor, reason)`` for a form on the entry's page: sign in first
    (after an expired session too), a valid CSRF token and a reason; a refusal brings the page
    back with the message by its field, and nothing written."""
    name = editor()
    if name is None:
        here = url_for("viewer.event", entry_id=entry_id)
        return redirect(url_for("editing.sign_in", next=here, expired="1"), code=303)
    archive = get_archive()
    try:
        check_csrf()
        reason = request.form.get("reason", "").strip()
        if not reason:
            raise FormRefused("Say why: the reason is kept in the entry's history.", "reason")
        action(archive, name, reason)
    except (FormRefused, TimelineError) as refused:
        return _form_back(archive, entry_id, form, refused)
    return redirect(url_for("viewer.event", entry_id=entry_id, done=form), code=303)


def _form_back(archive: Any, entry_id: str, form: str,
               refused: Exception) -> tuple[str, int]:
    entry = queries.get_entry(archive, entry_id)  # NotFound: the 404 page
    field = getattr(refused, "field", None) or "reason"
    status = 400 if isinstance(refused, FormRefused) else status_of(refused)
    problem = {"form": form, "field": field, "message": str(refused),
               "values": dict(request.form.items())}
    return render_template("event.html", entry=entry, as_of=None, problem=problem,
                           base_url=current_app.config["BASE_URL"]), status


def init_app(app: Flask) -> None:
    app.config.setdefault("EDIT_SESSION_HOURS", 8)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = secrets.token_bytes(32)  # sessions last this process only
    app.config.update(SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Strict")
    if str(app.config.get("BASE_URL", "")).lower().startswith("https://"):
        app.config["SESSION_COOKIE_SECURE"] = True  # served over HTTPS: never sent in clear
    app.jinja_env.globals.update(editor=editor, csrf_token=csrf_token)


bp.record_once(lambda state: init_app(state.app))  # type: ignore[arg-type]
