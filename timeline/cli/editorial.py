"""Editorial commands: correct, retract, merge, stories, merge suggestions, rebuild."""

from __future__ import annotations

import click
from tqdm import tqdm

from timeline import editorial
from timeline.cli.common import actor_option, main, open_archive, reports_errors


@main.command()
@click.argument("entry_id")
@click.option("--date", default=None, help="New date, EDTF (2025-11-03, 2025-11, 194X, ...).")
@click.option("--headline", default=None, help="New headline.")
@click.option("--text", default=None, help="New text.")
@click.option("--reason", required=True, help="Why (kept in the entry's history).")
@actor_option
@click.pass_context
@reports_errors
def correct(ctx: click.Context, entry_id: str, date: str | None, headline: str | None,
            text: str | None, reason: str, actor: str) -> None:
    """Correct an entry's date, headline or text."""
    entry = editorial.correct_event(open_archive(ctx), entry_id, date=date, headline=headline,
                                    text=text, reason=reason, actor=actor)
    click.echo(f"corrected {entry.entry_id}: {entry.date} {entry.headline}")


@main.command()
@click.argument("entry_id")
@click.option("--reason", required=True, help="Why (kept in the entry's history).")
@actor_option
@click.pass_context
@reports_errors
def retract(ctx: click.Context, entry_id: str, reason: str, actor: str) -> None:
    """Withdraw an entry from every timeline (the log keeps it)."""
    editorial.retract_event(open_archive(ctx), entry_id, reason=reason, actor=actor)
    click.echo(f"retracted {entry_id}")


@main.command()
@click.argument("entry_ids", nargs=-1, required=True)
@click.option("--reason", default=None, help="Why they are the same event.")
@actor_option
@click.pass_context
@reports_errors
def merge(ctx: click.Context, entry_ids: tuple[str, ...], reason: str | None,
          actor: str) -> None:
    """Merge entries reporting the same event into the first; prints the merge id."""
    merge_id = editorial.merge_events(open_archive(ctx), entry_ids, reason=reason, actor=actor)
    click.echo(merge_id)


@main.command()
@click.argument("merge_id")
@click.option("--reason", required=True, help="Why the merge was wrong.")
@actor_option
@click.pass_context
@reports_errors
def unmerge(ctx: click.Context, merge_id: str, reason: str, actor: str) -> None:
    """Undo a merge: its entries show separately again."""
    editorial.undo_merge(open_archive(ctx), merge_id, reason=reason, actor=actor)
    click.echo(f"undone {merge_id}")


@main.group()
def story() -> None:
    """Stories: curated timelines of entries."""


@story.command(name="create")
@click.argument("slug")
@click.option("--title", required=True, help="Shown as the timeline's title.")
@click.option("--description", default=None, help="A line about the story.")
@click.option("--reason", default=None, help="Why (kept in the story's history).")
@actor_option
@click.pass_context
@reports_errors
def story_create(ctx: click.Context, slug: str, title: str, description: str | None,
                 reason: str | None, actor: str) -> None:
    """Create a story."""
    editorial.create_story(open_archive(ctx), slug, title=title, description=description,
                           reason=reason, actor=actor)
    click.echo(f"created story {slug}")


@story.command(name="rename")
@click.argument("slug")
@click.option("--title", default=None, help="The new title (default: keep it).")
@click.option("--description", default=None,
              help="The new description ('' removes it; default: keep it).")
@click.option("--reason", required=True, help="Why (kept in the story's history).")
@actor_option
@click.pass_context
@reports_errors
def story_rename(ctx: click.Context, slug: str, title: str | None, description: str | None,
                 reason: str, actor: str) -> None:
    """Give a story a new title and/or description."""
    found = editorial.rename_story(open_archive(ctx), slug, title=title,
                                   description=description, reason=reason, actor=actor)
    click.echo(f"renamed story {slug}: {found.title}")


@story.command(name="history")
@click.argument("slug")
@click.pass_context
@reports_errors
def story_history(ctx: click.Context, slug: str) -> None:
    """What happened to a story: created, renamed, entries added and removed."""
    for item in editorial.story_history(open_archive(ctx), slug):
        who = f" by {item.actor}" if item.actor else ""
        why = f" ({item.reason})" if item.reason else ""
        click.echo(f"{item.position:>8}  {item.recorded_at[:19]}  {item.summary}{who}{why}")


@story.command(name="add")
@click.argument("slug")
@click.argument("entry_ids", nargs=-1, required=True)
@click.option("--reason", default=None, help="Why (kept in the entry's and story's history).")
@actor_option
@click.pass_context
@reports_errors
def story_add(ctx: click.Context, slug: str, entry_ids: tuple[str, ...], reason: str | None,
              actor: str) -> None:
    """Put entries on a story."""
    added = editorial.add_to_story(open_archive(ctx), slug, entry_ids, reason=reason,
                                   actor=actor)
    click.echo(f"added {added} to {slug}")


@story.command(name="remove")
@click.argument("slug")
@click.argument("entry_ids", nargs=-1, required=True)
@click.option("--reason", default=None, help="Why (kept in the entry's and story's history).")
@actor_option
@click.pass_context
@reports_errors
def story_remove(ctx: click.Context, slug: str, entry_ids: tuple[str, ...],
                 reason: str | None, actor: str) -> None:
    """Take entries off a story."""
    removed = editorial.remove_from_story(open_archive(ctx), slug, entry_ids, reason=reason,
                                          actor=actor)
    click.echo(f"removed {removed} from {slug}")


@main.command(name="suggest-merges")
@click.option("--story", "story_slug", default=None, help="Only entries of this story.")
@click.option("--limit", type=click.IntRange(1, 500), default=50, show_default=True)
@click.pass_context
@reports_errors
def suggest_merges(ctx: click.Context, story_slug: str | None, limit: int) -> None:
    """Pairs of entries that look like the same event, best first."""
    found = editorial.suggest_merges(open_archive(ctx), story=story_slug, limit=limit)
    for suggestion in found:
        click.echo(f"{suggestion.score:.2f}  {' '.join(suggestion.entry_ids)}  {suggestion.reason}")
    if not found:
        click.echo("no suggestions")


@main.command()
@click.pass_context
@reports_errors
def rebuild(ctx: click.Context) -> None:
    """Drop the read models and replay the whole log into them."""
    archive = open_archive(ctx)
    archive.projector.fold_worker = None  # a single-threaded CLI process: fold on a second core
    total = archive.log.head().position
    with tqdm(total=total, unit="ev", desc="rebuild", disable=None) as bar:
        applied = archive.projector.rebuild(progress=bar.update)
    click.echo(f"rebuilt from {applied} events")
