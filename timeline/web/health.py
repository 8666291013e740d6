"""``/healthz``: whether the database answers, and the log's head."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify

from timeline.web.db import get_archive

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz() -> Response:
    head = get_archive().log.head()
    return jsonify({"status": "ok", "head": head.position, "recorded_at": head.recorded_at})
