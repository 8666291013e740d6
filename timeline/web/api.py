"""The JSON API under ``/api``: thin views that parse the request, call one library function
and shape its answer. Errors become statuses in ``errors.py`` alone."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from flask import Blueprint, Response, current_app, g, jsonify, request, url_for

from timeline import editorial
from timeline.digest import service as digest_service
from timeline.extract.article import article_from_json
from timeline.ingest import ingest_article
from timeline.model import TimelineEntry
from timeline.projections import queries
from timeline.projections.queries import EventQuery
from timeline.web import schemas
from timeline.web.auth import writer
from timeline.web.caching import HEAD_HEADER
from timeline.web.db import get_archive
from timeline.web.openapi import openapi_document
from timeline.web.payloads import entry_json, record_json, stored_event_json
from timeline.web.story_api import StoryCreateBody, StoryMembershipBody

bp = Blueprint("api", __name__, url_prefix="/api")


def _created(body: dict[str, Any]) -> tuple[Response, int]:
    return jsonify(body), HTTPStatus.CREATED


def _entries(ids: tuple[str, ...]) -> list[TimelineEntry]:
    archive = get_archive()
    return [queries.get_entry(archive, entry_id) for entry_id in ids]


@bp.post("/articles")
@writer
def post_article() -> tuple[Response, int]:
    body = schemas.json_body(schemas.ArticleBody())
    given = {k: v for k, v in body.items() if v is not None}
    source_format = "html" if "html" in given else "text"
    result = ingest_article(
        get_archive(), article_from_json(given), source_format=source_format,
        actor=g.actor, source="api", cpu_seconds=current_app.config["INGEST_CPU_SECONDS"],
    )
    answer = {
        "created": result.created, "article_id": result.article_id,
        "revision": result.revision, "position": result.position,
        "events": [entry_json(e) for e in _entries(result.entry_ids)],
    }
    return jsonify(answer), HTTPStatus.CREATED if result.created else HTTPStatus.OK


@bp.get("/events")
def list_events() -> Response:
    args = schemas.query_args(schemas.EventsArgs())
    limit = args.pop("limit") or current_app.config["PAGE_LIMIT"]
    page = queries.find_entries(get_archive(), EventQuery(limit=limit, **args))
    following = None
    if page.next_cursor:
        link: dict[str, Any] = {**request.args, "cursor": page.next_cursor}
        following = url_for(".list_events", **link)
    return jsonify({
        "events": [entry_json(e) for e in page.entries],
        "next_cursor": page.next_cursor, "next": following,
    })


@bp.get("/events/<entry_id>")
def get_event(entry_id: str) -> Response:
    args = schemas.query_args(schemas.EntryArgs())
    entry = queries.get_entry(get_archive(), entry_id, as_of=args["as_of"])
    return jsonify(entry_json(entry, with_history=True))


@bp.post("/events/<entry_id>/corrections")
@writer
def correct_event(entry_id: str) -> tuple[Response, int]:
    body = schemas.json_body(schemas.CorrectionBody())
    entry = editorial.correct_event(get_archive(), entry_id, actor=g.actor, **body)
    return _created(entry_json(entry, with_history=True))


@bp.post("/events/<entry_id>/retraction")
@writer
def retract_event(entry_id: str) -> tuple[Response, int]:
    body = schemas.json_body(schemas.RetractionBody())
    entry = editorial.retract_event(get_archive(), entry_id, actor=g.actor, **body)
    return _created(entry_json(entry, with_history=True))


@bp.get("/stories")
def list_stories() -> Response:
    schemas.query_args(schemas.NoArgs())
    stories = queries.list_stories(get_archive())
    return jsonify({"stories": [record_json(s) for s in stories]})


@bp.post("/stories")
@writer
def create_story() -> tuple[Response, int]:
    body = schemas.json_body(StoryCreateBody())
    story = editorial.create_story(get_archive(), actor=g.actor, **body)
    return _created(record_json(story))


@bp.post("/stories/<slug>/events")
@writer
def add_to_story(slug: str) -> Response:
    body = schemas.json_body(StoryMembershipBody())
    archive = get_archive()
    added = editorial.add_to_story(archive, slug, body["event_ids"], reason=body["reason"],
                                   actor=g.actor)
    return jsonify({"added": added, "story": record_json(queries.get_story(archive, slug))})


@bp.get("/stories/<slug>/digest")
def story_digest(slug: str) -> Response:
    args = schemas.query_args(schemas.DigestArgs())
    digest = digest_service.story_digest(get_archive(), slug, **args)
    return jsonify(digest_service.digest_json(digest))


@bp.get("/log")
def read_log() -> Response:
    args = schemas.query_args(schemas.LogArgs())
    log = get_archive().log
    events = list(log.read_all(args["after"], args["limit"]))
    after = events[-1].position if events else args["after"]
    return jsonify({
        "events": [stored_event_json(e) for e in events],
        "next_after": after, "head": log.head().position,
    })


@bp.get("/head")
def log_head() -> Response:
    """The log's head (position, hash, time): a witness for ``timeline verify --witness``."""
    schemas.query_args(schemas.NoArgs())
    head = get_archive().log.head()
    response = jsonify({"position": head.position, "hash": head.hash,
                        "recorded_at": head.recorded_at})
    response.headers[HEAD_HEADER] = f"{head.position}:{head.hash}"
    response.cache_control.no_cache = True
    return response


@bp.get("/openapi.json")
def openapi() -> Response:
    return jsonify(openapi_document())
