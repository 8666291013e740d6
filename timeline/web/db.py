"""One archive per request on ``flask.g``, opened on first use and closed at teardown."""

from __future__ import annotations

from flask import Flask, current_app, g

from timeline.archive import Archive


def get_archive() -> Archive:
    """The request's archive, its read models brought up to the log's head."""
    if "archive" not in g:
        config = current_app.config
        archive = Archive.open(config["DB"], read_models=config.get("READ_MODELS"))
        g.archive = archive
        if _behind(archive):
            archive.catch_up()
    return g.archive


def close_archive(_exc: BaseException | None = None) -> None:
    archive = g.pop("archive", None)
    if archive is not None:
        archive.close()


def _behind(archive: Archive) -> bool:
    """Whether another process appended since the projections last ran (a cheap read)."""
    head = archive.log.head().position
    return any(archive.projector.checkpoint(p.name) < head for p in archive.projector.projections)


def init_app(app: Flask) -> None:
    app.teardown_appcontext(close_archive)
