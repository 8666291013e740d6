"""``timeline init``, ``timeline log`` and ``timeline verify``: the event log itself."""

from __future__ import annotations

import json
import sys

import click

from events import verify as verify_log
from timeline.cli.common import main, open_log, reports_errors


@main.command()
@click.pass_context
@reports_errors
def init(ctx: click.Context) -> None:
    """Create the database (idempotent)."""
    log = open_log(ctx)
    click.echo(f"initialised {log.path} (head position {log.head().position})")


@main.command(name="log")
@click.option("--after", type=click.IntRange(min=0), default=0, help="Start after this position.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many.")
@click.option("--stream", "stream_id", default=None, help="Only this stream, in stream order.")
@click.pass_context
@reports_errors
def log_command(ctx: click.Context, after: int, limit: int | None, stream_id: str | None) -> None:
    """Print stored events as JSON lines, in log order."""
    log = open_log(ctx)
    if stream_id is None:
        events = log.read_all(after, limit)
    else:
        events = (e for e in log.read_stream(stream_id) if e.position > after)
    for count, event in enumerate(events, start=1):
        sys.stdout.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
        if limit is not None and count >= limit:
            break


@main.command()
@click.option("--tail", is_flag=True, help="Trust the last checkpoint; check only what follows.")
@click.pass_context
@reports_errors
def verify(ctx: click.Context, tail: bool) -> None:
    """Recompute the hash chain; exit 1 naming the first broken position."""
    report = verify_log(open_log(ctx), since_checkpoint=tail)
    if not report.ok:
        click.echo(f"TAMPERED at position {report.first_broken}: {report.reason}", err=True)
        ctx.exit(1)
    click.echo(
        f"ok: {report.checked} events checked after position {report.started_after}; "
        f"head {report.head_position} {report.head_hash}"
    )
