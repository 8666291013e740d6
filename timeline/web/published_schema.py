"""``/schema/timeline.json``: the JSON Schema of the JSON export, which every JSON feed names
in its ``schema_url``. Served as the packaged file, with CORS like the feeds."""

from __future__ import annotations

from importlib import resources

from flask import Blueprint, Response

from timeline.export.links import SCHEMA_PATH

bp = Blueprint("schema", __name__)


def schema_text() -> str:
    return resources.files("timeline.export").joinpath("timeline.schema.json").read_text("utf-8")


@bp.get(SCHEMA_PATH)
def timeline_schema() -> Response:
    response = Response(schema_text(), content_type="application/schema+json")
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.cache_control.public = True
    response.cache_control.max_age = 3600
    return response
