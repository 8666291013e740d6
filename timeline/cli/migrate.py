"""``timeline migrate``: copy the archive's log into PostgreSQL, verifying its chain."""

from __future__ import annotations

import click
from tqdm import tqdm

from events import copy_log, is_postgres_url, open_event_log, verify
from timeline.cli.common import main, open_log, reports_errors


@main.command()
@click.option("--to", "target_url", required=True, metavar="postgresql://…",
              help="The PostgreSQL database to copy the log into (resumes a partial copy).")
@click.pass_context
@reports_errors
def migrate(ctx: click.Context, target_url: str) -> None:
    """Copy the log (--db) into PostgreSQL, verifying the hash chain on the way."""
    if not is_postgres_url(target_url):
        raise click.UsageError("--to must be a postgresql:// URL", ctx)
    source = open_log(ctx)
    target = open_event_log(target_url, pooled=False)
    ctx.call_on_close(target.close)
    total = source.head().position
    with tqdm(total=total, unit="ev", desc="migrate", disable=None) as bar:
        copied = copy_log(source, target, progress=bar.update)  # type: ignore[arg-type]
    report = verify(target)  # type: ignore[arg-type]
    if not report.ok:
        click.echo(f"TAMPERED at position {report.first_broken}: {report.reason}", err=True)
        ctx.exit(1)
    click.echo(
        f"copied {copied} events into {target.path}; verified {report.checked}: "
        f"head {report.head_position} {report.head_hash}"
    )
