"""The web service: ``create_app`` wires configuration, the archive per request, the
blueprints (API, feeds, stream, viewer, health) and the error shape."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from flask import Flask
from werkzeug.routing import BaseConverter

from timeline.web import compression, cors, db, errors
from timeline.web.config import DEFAULTS, from_environ, normalise


class SlugConverter(BaseConverter):
    """A story slug: lowercase letters, digits and dashes (no dots, so ``x.ics`` splits)."""

    regex = r"[a-z0-9][a-z0-9-]{0,79}"


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """The Flask application; settings from ``TIMELINE_*`` unless ``test_config`` is given."""
    app = Flask(__name__)
    app.config.from_mapping(DEFAULTS)
    app.config.update(from_environ(os.environ) if test_config is None else {})
    app.config.update(normalise(test_config or {}))
    app.config["MAX_CONTENT_LENGTH"] = app.config["MAX_BODY_BYTES"]
    app.json.sort_keys = False  # type: ignore[attr-defined]
    app.url_map.converters["slug"] = SlugConverter
    app.url_map.strict_slashes = False
    db.init_app(app)
    errors.init_app(app)
    compression.init_app(app)
    cors.init_app(app)
    _register_blueprints(app)
    return app


def _register_blueprints(app: Flask) -> None:
    from timeline.web import (
        api,
        editing,
        feeds,
        health,
        published_schema,
        story_api,
        story_editing,
        stream,
        viewer,
    )

    for module in (api, story_api, editing, story_editing, feeds, health, published_schema,
                   stream, viewer):
        app.register_blueprint(module.bp)


__all__ = ["create_app"]
