"""``timeline ingest`` and ``timeline demo``: articles into the archive (``ingest`` in batches:
the projections run once per batch of articles, see ``timeline.ingest.ingest_articles``)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path

import click
from tqdm import tqdm

from events import SqliteEventLog
from timeline.cli.common import actor_option, main, open_archive, reports_errors
from timeline.errors import InvalidInput
from timeline.extract.article import (
    article_from_html,
    article_from_json,
    article_from_text,
    decode_text,
)
from timeline.ingest import IngestResult, ingest_article, ingest_articles, reextract_archive
from timeline.model import Article
from timeline.untrusted import load_json

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


#: One article read from the input: where it came from (``path`` or ``path:line``), the
#: article or why it was refused, and its format.
Item = tuple[str, "Article | InvalidInput", str]


def articles_in(source: str, options: dict) -> Iterator[Item]:
    """Every article a file (or stdin) holds, or why it cannot be read, with the format it came
    in; each line of a JSON-lines file on its own."""
    name, text = _read(source)
    kind = _format_of(name, text)
    if kind == "json":
        stripped = text.strip()
        if stripped.startswith("{") and "\n{" not in stripped:
            yield name, _from_json(stripped, options), "json"
        else:
            for number, line in enumerate(text.splitlines(), start=1):
                if line.strip():
                    yield f"{name}:{number}", _from_json(line, None), "json"
    elif kind == "html":
        yield name, _refusal(lambda: article_from_html(text, **options)), "html"
    elif options.get("published") is None:
        yield name, InvalidInput("plain text needs --published", field="published"), "text"
    else:
        yield name, _refusal(lambda: article_from_text(text, **options)), "text"


def _from_json(text: str, options: dict | None) -> Article | InvalidInput:
    def read() -> Article:
        obj = load_json(text, field="line")
        return article_from_json(_merge(obj, options) if options and isinstance(obj, dict)
                                 else obj)
    return _refusal(read)


def _refusal(read: Callable[[], Article]) -> Article | InvalidInput:
    try:
        return read()
    except InvalidInput as exc:
        return exc


def _merge(obj: dict, options: dict) -> dict:
    """Command-line options fill what a JSON article leaves out."""
    return {**{k: v for k, v in options.items() if v is not None}, **obj}


def _refused_line(label: str, exc: InvalidInput) -> str:
    return f"{label}: {exc.field or 'article'}: {exc.message}"


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", help="Publication date (YYYY-MM-DD) for text or HTML input.")
@click.option("--lang", help="Language code (es, en, ...); detected when omitted.")
@click.option("--url", help="The article's URL.")
@click.option("--title", help="The article's title.")
@click.option("--story", help="Add the events to this story (created if new).")
@click.option("--strict", is_flag=True,
              help="All or nothing: ingest nothing when any article is refused.")
@click.option("--fast", is_flag=True,
              help="Bulk import: do not sync each commit to disk (SQLite; a power cut may "
                   "lose the last articles, never tear one).")
@actor_option
@click.pass_context
@reports_errors
def ingest(ctx: click.Context, paths: tuple[str, ...], actor: str, strict: bool, fast: bool,
           **options: str | None) -> None:
    """Ingest articles from PATHS (text, HTML, JSON or JSON lines; - for stdin)."""
    items = [item for path in paths for item in articles_in(path, options)]
    unread = [(label, r) for label, r, _ in items if isinstance(r, InvalidInput)]
    if len(items) == 1 and unread:
        raise unread[0][1]
    if strict and unread:
        label, exc = unread[0]
        raise InvalidInput(f"{label}: {exc.message} (--strict: nothing ingested)",
                           field=exc.field)
    archive = open_archive(ctx)
    if fast and isinstance(archive.log, SqliteEventLog):
        archive.log.set_durable(False)
    readable = [(label, (r, kind)) for label, r, kind in items if isinstance(r, Article)]
    bar = tqdm(total=len(readable), unit="article", disable=len(readable) < PROGRESS_FROM,
               file=sys.stderr)

    def report(result: IngestResult | InvalidInput) -> None:
        bar.update(1)
        if isinstance(result, IngestResult):
            state = "new" if result.created else "already archived"
            bar.write(f"{result.article_id[:12]} rev {result.revision}:"
                      f" {len(result.entry_ids)} events ({state})", file=sys.stdout)

    with bar:
        done = ingest_articles(archive, [pair for _, pair in readable], actor=actor,
                               source="cli", skip_invalid=not strict, progress=report)
    refused = unread + [(readable[index][0], exc) for index, exc in done.refused]
    for label, exc in refused:
        click.echo(_refused_line(label, exc), err=True)
    if refused or len(items) > 1:
        click.echo(f"ingested {done.ingested} of {len(items)} articles, "
                   f"{len(refused)} refused", err=True)
    if refused:
        ctx.exit(1)


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
