"""``timeline export``: a story or the whole archive in JSON, TimelineJS, CSV or iCal."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from timeline.cli.common import main, open_archive, reports_errors
from timeline.cli.views import CLI_BASE_URL
from timeline.publish import FORMATS, publish


@main.command()
@click.option("--format", "format_name", type=click.Choice(sorted(FORMATS)), default="json",
              show_default=True, help="Export format.")
@click.option("--story", help="Only this story (default: the whole archive).")
@click.option("--as-of", help="As the archive stood at this ISO date-time.")
@click.option("--base-url", default=CLI_BASE_URL, show_default=True,
              help="Base URL for links in the export.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file (default: standard output).")
@click.option("--all", "include_minor", is_flag=True,
              help="Every entry, including minor ones (salience below the threshold).")
@click.pass_context
@reports_errors
def export(
    ctx: click.Context, format_name: str, story: str | None, as_of: str | None, base_url: str,
    output: Path | None, include_minor: bool,
) -> None:
    """Export a timeline: json, timelinejs, csv or ics (minor entries only with --all)."""
    publication = publish(open_archive(ctx), format_name, story=story, as_of=as_of,
                          base_url=base_url, include_minor=include_minor)
    body = publication.body
    data = body if isinstance(body, bytes) else body.encode("utf-8")
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        output.write_bytes(data)
        click.echo(f"wrote {len(data)} bytes to {output}", err=True)
