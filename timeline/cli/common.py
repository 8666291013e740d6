"""The click group, its shared options, and how commands report errors."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from events import EventLogError, SqliteEventLog
from timeline.archive import open_log as open_archive_log
from timeline.errors import TimelineError

F = TypeVar("F", bound=Callable[..., Any])


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="TIMELINE_DB",
    default="timeline.db",
    show_default=True,
    help="SQLite database file (env TIMELINE_DB).",
)
@click.version_option(package_name="timeline-archive")
@click.pass_context
def main(ctx: click.Context, db_path: Path) -> None:
    """Timeline Archive: news articles into a dated, append-only event log."""
    ctx.obj = {"db_path": db_path}


def db_path(ctx: click.Context) -> Path:
    return ctx.find_root().obj["db_path"]


def open_log(ctx: click.Context) -> SqliteEventLog:
    """The raw event log (for commands that need nothing derived)."""
    log = open_archive_log(db_path(ctx))
    ctx.call_on_close(log.close)
    return log


def open_archive(ctx: click.Context):  # type: ignore[no-untyped-def]
    """The archive (log + projections), caught up, closed when the command ends."""
    from timeline.archive import Archive

    archive = Archive.open(db_path(ctx))
    ctx.call_on_close(archive.close)
    archive.catch_up()
    return archive


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
