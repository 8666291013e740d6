"""``timeline ingest`` and ``timeline demo``: articles into the archive (``ingest`` in batches:
the projections run once per batch of articles, see ``timeline.ingest.ingest_articles``)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import click
from tqdm import tqdm

from timeline.cli.common import actor_option, main, open_archive, reports_errors
from timeline.errors import InvalidInput
from timeline.extract.article import (
    article_from_html,
    article_from_json,
    article_from_text,
    articles_from_jsonl,
    decode_text,
)
from timeline.ingest import IngestResult, ingest_article, ingest_articles, reextract_archive
from timeline.model import Article

#: Show a progress bar from this many articles on.
PROGRESS_FROM = 4


def _format_of(name: str, text: str) -> str:
    suffix = Path(name).suffix.lower()
    if suffix in {".json", ".jsonl", ".ndjson"} or text.lstrip().startswith("{"):
        return "json"
    if suffix in {".html", ".htm"} or text.lstrip()[:1] == "<":
        return "html"
    return "text"


def _read(source: str) -> tuple[str, str]:
    data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    return source, decode_text(data)


def articles_in(source: str, options: dict) -> Iterator[tuple[Article, str]]:
    """Every article a file (or stdin) holds, with the format it came in."""
    name, text = _read(source)
    kind = _format_of(name, text)
    if kind == "json":
        stripped = text.strip()
        if stripped.startswith("{") and "\n{" not in stripped:
            yield article_from_json(_merge(json.loads(stripped), options)), "json"
        else:
            for article in articles_from_jsonl(text.splitlines()):
                yield article, "json"
    elif kind == "html":
        yield article_from_html(text, **options), "html"
    else:
        if options.get("published") is None:
            raise InvalidInput(f"{name}: plain text needs --published", field="published")
        yield article_from_text(text, **options), "text"


def _merge(obj: dict, options: dict) -> dict:
    """Command-line options fill what a JSON article leaves out."""
    return {**{k: v for k, v in options.items() if v is not None}, **obj}


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", help="Publication date (YYYY-MM-DD) for text or HTML input.")
@click.option("--lang", help="Language code (es, en, ...); detected when omitted.")
@click.option("--url", help="The article's URL.")
@click.option("--title", help="The article's title.")
@click.option("--story", help="Add the events to this story (created if new).")
@actor_option
@click.pass_context
@reports_errors
def ingest(ctx: click.Context, paths: tuple[str, ...], actor: str, **options: str | None) -> None:
    """Ingest articles from PATHS (text, HTML, JSON or JSON lines; - for stdin)."""
    archive = open_archive(ctx)
    articles = [pair for path in paths for pair in articles_in(path, options)]
    bar = tqdm(total=len(articles), unit="article", disable=len(articles) < PROGRESS_FROM,
               file=sys.stderr)

    def report(result: IngestResult | InvalidInput) -> None:
        bar.update(1)
        if isinstance(result, IngestResult):
            state = "new" if result.created else "already archived"
            bar.write(f"{result.article_id[:12]} rev {result.revision}:"
                      f" {len(result.entry_ids)} events ({state})", file=sys.stdout)

    with bar:
        ingest_articles(archive, articles, actor=actor, source="cli", skip_invalid=False,
                        progress=report)


@main.command()
@actor_option
@click.pass_context
@reports_errors
def demo(ctx: click.Context, actor: str) -> None:
    """Load the project's own demo articles (idempotent)."""
    archive = open_archive(ctx)
    folder = resources.files("timeline") / "demo"
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".json"))
    for name in names:
        obj = json.loads((folder / name).read_text(encoding="utf-8"))
        result = ingest_article(archive, article_from_json(obj), source_format="json",
                                actor=actor, source="demo")
        click.echo(f"{name}: {len(result.entry_ids)} events")
    click.echo(f"demo loaded: {len(names)} articles")


@main.command()
@actor_option
@click.pass_context
@reports_errors
def reextract(ctx: click.Context, actor: str) -> None:
    """Re-extract articles an older extractor read (each becomes a new revision)."""
    archive = open_archive(ctx)
    with tqdm(unit="article", file=sys.stderr, disable=None) as bar:
        count = reextract_archive(archive, actor=actor, progress=bar.update)
    click.echo(f"re-extracted {count} articles")
