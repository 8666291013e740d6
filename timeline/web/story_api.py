"""The API's story editing (issue 12): rename a story, take entries off it, read its history,
and the bodies these (and story creation and membership, with a reason) take. Thin views: each
parses the request, calls one editorial function and shapes its answer."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, g, jsonify
from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from timeline import editorial
from timeline.projections import queries
from timeline.web import schemas
from timeline.web.auth import writer
from timeline.web.db import get_archive
from timeline.web.payloads import record_json

bp = Blueprint("story_api", __name__, url_prefix="/api")


def _reason(required: bool = False) -> fields.String:
    if required:
        return fields.String(required=True, validate=validate.Length(min=1, max=2000))
    return fields.String(load_default=None, allow_none=True,
                         validate=validate.Length(max=2000))


class StoryCreateBody(schemas.StoryBody):
    reason = _reason()


class StoryRenameBody(Schema):
    """``title`` and/or ``description`` (``""`` or null removes it), and why."""

    title = fields.String(validate=validate.Length(min=1, max=300))
    description = fields.String(allow_none=True, validate=validate.Length(max=5000))
    reason = _reason(required=True)

    @validates_schema
    def _changes_something(self, data: dict[str, Any], **_: Any) -> None:
        if "title" not in data and "description" not in data:
            raise ValidationError("a rename gives a title or a description", "title")


class StoryMembershipBody(schemas.StoryEventsBody):
    reason = _reason()


@bp.get("/stories/<slug>")
def get_story(slug: str) -> Response:
    return jsonify(record_json(queries.get_story(get_archive(), slug)))


@bp.patch("/stories/<slug>")
@writer
def rename_story(slug: str) -> Response:
    body = schemas.json_body(StoryRenameBody())
    if "description" in body and body["description"] is None:
        body["description"] = ""  # null: no description
    story = editorial.rename_story(get_archive(), slug, actor=g.actor, **body)
    return jsonify(record_json(story))


@bp.post("/stories/<slug>/removals")
@writer
def remove_from_story(slug: str) -> Response:
    body = schemas.json_body(StoryMembershipBody())
    archive = get_archive()
    removed = editorial.remove_from_story(archive, slug, body["event_ids"],
                                          reason=body["reason"], actor=g.actor)
    return jsonify({"removed": removed, "story": record_json(queries.get_story(archive, slug))})


@bp.get("/stories/<slug>/history")
def story_history(slug: str) -> Response:
    schemas.query_args(schemas.NoArgs())
    items = editorial.story_history(get_archive(), slug)
    return jsonify({"story": slug, "history": [record_json(i) for i in items]})
