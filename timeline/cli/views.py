"""Read-only commands: ``timeline events``, ``timeline history`` and ``timeline story list``."""

from __future__ import annotations

import json
from typing import Any

import click

from timeline.cli.common import main, open_archive, reports_errors
from timeline.cli.editorial import story
from timeline.export import display_date
from timeline.export.entry_shape import entry_document
from timeline.model import TimelineEntry
from timeline.projections.queries import EventQuery, find_entries, get_entry, list_stories

#: Where ``timeline serve`` listens by default: the base of links in the CLI's JSON.
CLI_BASE_URL = "http://127.0.0.1:8000"


def entry_json(entry: TimelineEntry, base_url: str) -> dict[str, Any]:
    """The one entry shape the API and the JSON feed use too."""
    return entry_document(entry, base_url)


def _row(entry: TimelineEntry) -> str:
    headline = entry.headline if len(entry.headline) <= 60 else entry.headline[:59] + "…"
    said = display_date(entry)
    return f"{entry.date:<22} {said[:24]:<24} {entry.status:<10} {entry.entry_id:<36} {headline}"


HEADER = f"{'DATE (EDTF)':<22} {'AS SAID':<24} {'STATUS':<10} {'EVENT ID':<36} HEADLINE"


@main.command(name="events")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@click.option("--story", default=None, help="Only this story's entries.")
@click.option("--actor", default=None,
              help="Only entries naming this actor (any whole word of the name: Kast).")
@click.option("--from", "date_from", default=None, help="From this date (ISO or EDTF).")
@click.option("--to", "date_to", default=None, help="Up to this date (ISO or EDTF).")
@click.option("--q", default=None, help="Full-text search words (all must match).")
@click.option("--status", default="active", show_default=True,
              type=click.Choice(["active", "retracted", "superseded", "all"]))
@click.option("--lang", default=None, help="Only entries in this language.")
@click.option("--source", default=None, help="Only entries from this article id or url.")
@click.option("--as-of", "as_of", default=None, help="As the archive stood then (ISO time).")
@click.option("--limit", type=click.IntRange(1, 500), default=50, show_default=True)
@click.option("--cursor", default=None, help="Continue after a previous page.")
@click.option("--all", "include_minor", is_flag=True,
              help="Every entry, including minor ones (salience below the threshold).")
@click.option("--base-url", default=CLI_BASE_URL, show_default=True,
              help="Base URL of each entry's link (--format json).")
@click.pass_context
@reports_errors
def events(ctx: click.Context, fmt: str, base_url: str, **filters: Any) -> None:
    """List entries in date order (minor ones only with --all)."""
    page = find_entries(open_archive(ctx), EventQuery(**filters))
    if fmt == "json":
        click.echo(json.dumps({"entries": [entry_json(e, base_url) for e in page.entries],
                               "next_cursor": page.next_cursor}, ensure_ascii=False, indent=2))
        return
    if page.entries:
        click.echo(HEADER)
    for entry in page.entries:
        click.echo(_row(entry))
    if page.next_cursor:
        click.echo(f"more: --cursor {page.next_cursor}", err=True)


@main.command()
@click.argument("entry_id")
@click.option("--as-of", "as_of", default=None, help="As the archive stood then (ISO time).")
@click.pass_context
@reports_errors
def history(ctx: click.Context, entry_id: str, as_of: str | None) -> None:
    """An entry and everything that happened to it."""
    entry = get_entry(open_archive(ctx), entry_id, as_of=as_of)
    click.echo(_row(entry))
    for source in entry.sources:
        click.echo(f"  source {source.article_id} {source.url or ''}".rstrip())
    for item in entry.history:
        who = f" by {item.actor}" if item.actor else ""
        why = f" — {item.reason}" if item.reason else ""
        click.echo(f"  #{item.position} {item.recorded_at.isoformat()} {item.type}{who}:"
                   f" {item.summary}{why}")


@story.command(name="list")
@click.option("--as-of", "as_of", default=None, help="As the archive stood then (ISO time).")
@click.pass_context
@reports_errors
def story_list(ctx: click.Context, as_of: str | None) -> None:
    """Every story with its number of entries."""
    for item in list_stories(open_archive(ctx), as_of):
        click.echo(f"{item.slug:<24} {item.entry_count:>6}  {item.title}")
