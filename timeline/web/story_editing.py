"""Story editing from the viewer, for signed-in editors (issue 12): create a story, rename it
(title and description), put an entry on a story or take it off, and merge an entry with a
possible duplicate. Each form asks for a reason and calls the same editorial function as the
CLI and the API, so the change shows in the entry's and the story's history. A story's history
is public at ``/stories/<slug>/history``. Sessions, CSRF and refusals work as in ``editing``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Blueprint, Flask, g, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from timeline import editorial
from timeline.archive import Archive
from timeline.errors import TimelineError
from timeline.model import TimelineEntry
from timeline.projections import queries
from timeline.projections.stories import Story
from timeline.web.db import get_archive
from timeline.web.editing import FormRefused, act_on_entry, check_csrf, editor
from timeline.web.errors import status_of

bp = Blueprint("story_editing", __name__)
StoryAction = Callable[[Archive, str, str], Story]


def _form(name: str) -> str:
    return request.form.get(name, "").strip()


def _reason() -> str:
    reason = _form("reason")
    if not reason:
        raise FormRefused("Say why: the reason is kept in the history.", "reason")
    return reason


def _sign_in_first() -> Response:
    return redirect(url_for("editing.sign_in", next=request.path, expired="1"), code=303)


@bp.route("/stories/new", methods=["GET", "POST"])
def new_story() -> Response | tuple[str, int]:
    if editor() is None:
        return _sign_in_first()
    if request.method == "GET":
        return _story_page("new", None, None), 200
    return _story_action("new", None, lambda archive, name, reason: editorial.create_story(
        archive, _form("slug"), title=_form("title"), description=_form("description"),
        reason=reason, actor=name))


@bp.route("/stories/<slug:slug>/edit", methods=["GET", "POST"])
def edit_story(slug: str) -> Response | tuple[str, int]:
    story = queries.get_story(get_archive(), slug)  # NotFound: the 404 page
    if editor() is None:
        return _sign_in_first()
    if request.method == "GET":
        return _story_page("rename", story, None), 200
    return _story_action("rename", story, lambda archive, name, reason: editorial.rename_story(
        archive, slug, title=_form("title"), description=_form("description"), reason=reason,
        actor=name))


def _story_action(form: str, story: Story | None, action: StoryAction) -> Response | tuple[
        str, int]:
    name = editor()
    if name is None:
        return _sign_in_first()
    try:
        check_csrf()
        done = action(get_archive(), name, _reason())
    except (FormRefused, TimelineError) as refused:
        status = 400 if isinstance(refused, FormRefused) else status_of(refused)
        return _story_page(form, story, refused), status
    return redirect(url_for("story_editing.story_history", slug=done.slug, done=form), code=303)


def _story_page(form: str, story: Story | None, refused: Exception | None) -> str:
    problem = None
    if refused is not None:
        problem = {"form": form, "field": getattr(refused, "field", None) or "reason",
                   "message": str(refused), "values": dict(request.form.items())}
    return render_template("story_form.html", form=form, story=story, problem=problem,
                           stories=queries.list_stories(get_archive()))


@bp.get("/stories/<slug:slug>/history")
def story_history(slug: str) -> str:
    archive = get_archive()
    items = editorial.story_history(archive, slug)  # NotFound: the 404 page
    return render_template("story_history.html", story=queries.get_story(archive, slug),
                           history=items, stories=queries.list_stories(archive))


@bp.post("/events/<entry_id>/stories/add")
def add_to_story(entry_id: str) -> Response | tuple[str, int]:
    def action(archive: Archive, name: str, reason: str) -> None:
        slug = _form("slug")
        if slug not in {s.slug for s in queries.list_stories(archive)}:
            raise FormRefused("Choose one of the stories.", "slug")
        editorial.add_to_story(archive, slug, [entry_id], reason=reason, actor=name)

    return act_on_entry(entry_id, "story-add", action)


@bp.post("/events/<entry_id>/stories/<slug:slug>/remove")
def remove_from_story(entry_id: str, slug: str) -> Response | tuple[str, int]:
    return act_on_entry(entry_id, f"story-remove-{slug}", lambda archive, name, reason:
                        editorial.remove_from_story(archive, slug, [entry_id], reason=reason,
                                                    actor=name))


@bp.post("/events/<entry_id>/merge")
def merge(entry_id: str) -> Response | tuple[str, int]:
    """Merge a possible duplicate (``other``) into this entry, which keeps both sources."""
    other = _form("other")

    def action(archive: Archive, name: str, reason: str) -> None:
        if other not in {d.entry_id for d in editorial.possible_duplicates(archive, entry_id)}:
            raise FormRefused("That entry is no longer a possible duplicate of this one.",
                              "reason")
        editorial.merge_events(archive, [entry_id, other], reason=reason, actor=name)

    return act_on_entry(entry_id, f"merge-{other}", action)


def entry_extras(entry: TimelineEntry) -> dict[str, Any]:
    """What the entry page's editing forms offer: the stories it could join (and those it is
    on, by title) and its possible duplicates."""
    archive = get_archive()
    stories = queries.list_stories(archive)
    return {
        "joinable": [s for s in stories if s.slug not in entry.stories],
        "member_of": [s for s in stories if s.slug in entry.stories],
        "duplicates": editorial.possible_duplicates(archive, entry.entry_id),
    }


def story_titles() -> dict[str, str]:
    """Each story's current title by slug (read once a request), for pages naming stories."""
    if "story_titles" not in g:
        g.story_titles = {s.slug: s.title for s in queries.list_stories(get_archive())}
    return dict(g.story_titles)


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(entry_extras=entry_extras, story_titles=story_titles)


bp.record_once(lambda state: init_app(state.app))  # type: ignore[arg-type]
