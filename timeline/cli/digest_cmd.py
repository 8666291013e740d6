"""``timeline digest``: a story's key dates, each with what happened, and why each was picked."""

from __future__ import annotations

import json
import textwrap

import click

from timeline.cli.common import main, open_archive, reports_errors
from timeline.digest.model import DATES_RANGE, SENTENCES_RANGE, Digest
from timeline.digest.service import digest_json, story_digest
from timeline.errors import InvalidInput
from timeline.projections.queries import list_stories


def _only_story(archive) -> str:  # type: ignore[no-untyped-def]
    slugs = [s.slug for s in list_stories(archive)]
    if len(slugs) != 1:
        raise InvalidInput(
            f"name the story with --story (the archive has {len(slugs)})", field="story")
    return slugs[0]


def _table(digest: Digest) -> str:
    lines = [f"{digest.story}: {len(digest.dates)} key dates"]
    for day in digest.dates:
        why = day.why
        overlap = f", overlap {day.redundancy:.2f}" if day.redundancy else ""
        overlap += f", relevance {why.relevance:.2f}" if why.relevance < 1 else ""
        lines.append(
            f"{day.date.isoformat()}  score {day.score:.2f}  {why.articles} articles"
            f" ({why.later} looking back, {why.earlier} before it), {why.hosts} publishers,"
            f" {why.entries} entries{overlap}"
        )
        for sentence, source in zip(day.summary, day.sources, strict=True):
            lines += textwrap.wrap(sentence, 96, initial_indent="  - ", subsequent_indent="    ")
            lines.append(f"    [{source.url or source.article_id}"
                         f" {source.quote_start}-{source.quote_end}]")
    return "\n".join(lines)


@main.command(name="digest")
@click.option("--story", default=None, help="The story (may be left out when there is one).")
@click.option("--from", "date_from", default=None, help="From this date (ISO or EDTF).")
@click.option("--to", "date_to", default=None, help="Up to this date (ISO or EDTF).")
@click.option("--dates", type=click.IntRange(*DATES_RANGE), default=None,
              help="How many days (default: from the story's size).")
@click.option("--sentences", type=click.IntRange(*SENTENCES_RANGE), default=2,
              show_default=True, help="Sentences per day.")
@click.option("--lang", default=None, help="Only entries in this language.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@click.pass_context
@reports_errors
def digest(ctx: click.Context, story: str | None, fmt: str, **options: object) -> None:
    """A story's key dates, each with its best sentences quoted from the articles."""
    archive = open_archive(ctx)
    found = story_digest(archive, story or _only_story(archive), **options)  # type: ignore[arg-type]
    if fmt == "json":
        click.echo(json.dumps(digest_json(found), ensure_ascii=False, indent=2))
    else:
        click.echo(_table(found))
