"""The click group, its shared options, and how commands report errors."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from typing import Any, TypeVar

import click

from events import EventLogError, SqliteEventLog, is_postgres_url
from timeline.archive import open_log as open_archive_log
from timeline.errors import TimelineError

F = TypeVar("F", bound=Callable[..., Any])


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db_path",
    envvar="TIMELINE_DB",
    default="timeline.db",
    show_default=True,
    help="SQLite database file, or a postgresql:// URL (env TIMELINE_DB).",
)
@click.option(
    "--read-models",
    "read_models",
    envvar="TIMELINE_READ_MODELS",
    default=None,
    help="SQLite file for this node's read models (env TIMELINE_READ_MODELS) "
    "[inside the SQLite database; timeline-read-models.db for PostgreSQL].",
)
@click.version_option(package_name="timeline-archive")
@click.pass_context
def main(ctx: click.Context, db_path: str, read_models: str | None) -> None:
    """Timeline Archive: news articles into a dated, append-only event log."""
    ctx.obj = {"db_path": db_path, "read_models": read_models}


def db_path(ctx: click.Context) -> str:
    """The log: a SQLite file path or a postgresql:// URL."""
    return str(ctx.find_root().obj["db_path"])


def read_models_path(ctx: click.Context) -> str | None:
    """The read-model file given (None: the default for the log's backend)."""
    value = ctx.find_root().obj.get("read_models")
    return str(value) if value else None


def open_log(ctx: click.Context) -> SqliteEventLog:
    """The raw event log (for commands that need nothing derived)."""
    target = db_path(ctx)
    split = ":memory:" if is_postgres_url(target) else None  # no read models needed
    log = _translated(lambda: open_archive_log(target, read_models=split))
    ctx.call_on_close(log.close)
    return log


def open_archive(ctx: click.Context):  # type: ignore[no-untyped-def]
    """The archive (log + projections), caught up, closed when the command ends."""
    from timeline.archive import Archive

    archive = _translated(lambda: Archive.open(db_path(ctx), read_models=read_models_path(ctx)))
    ctx.call_on_close(archive.close)
    archive.catch_up()
    return archive


T = TypeVar("T")


def _translated(opener: Callable[[], T]) -> T:
    """Open the database; a failure (unreachable server, bad URL) is one line and exit 1."""
    try:
        return opener()
    except EventLogError as exc:
        raise click.ClickException(str(exc)) from exc


def _default_actor() -> str:
    return os.environ.get("TIMELINE_ACTOR") or os.environ.get("USER") or "cli"


def actor_option(func: F) -> F:
    """``--actor``: who makes a change (default $TIMELINE_ACTOR, else the OS user), read when
    the command runs."""
    return click.option(
        "--actor", default=_default_actor, show_default="$TIMELINE_ACTOR or the OS user",
        help="Who made it.",
    )(func)


def reports_errors(func: F) -> F:
    """Turn the library's errors into a one-line message and exit status 2 (1 for tampering)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (TimelineError, EventLogError) as exc:
            field = getattr(exc, "field", None)
            where = f" [{field}]" if field else ""
            raise click.ClickException(f"{exc}{where}") from exc

    return wrapper  # type: ignore[return-value]
