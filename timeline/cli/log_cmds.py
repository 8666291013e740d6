"""``timeline init``, ``timeline log``, ``timeline head`` and ``timeline verify``: the event log
itself, and witnesses of it (heads kept elsewhere, checked by ``verify --witness/--expect``)."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import click

from events import Head, sign_checkpoints
from events import verify as verify_log
from timeline.cli.common import main, open_log, reports_errors
from timeline.errors import InvalidInput
from timeline.untrusted import load_json

HASH = re.compile(r"[0-9a-f]{64}")
#: The environment variable holding the checkpoint-signing key.
KEY_VARIABLE = "TIMELINE_CHECKPOINT_KEY"


def checkpoint_key(log: object, *, required: bool) -> bytes | None:
    """The signing key from the environment (None when unset and not ``required``)."""
    value = os.environ.get(KEY_VARIABLE)
    if not value:
        if required:
            raise InvalidInput(f"set {KEY_VARIABLE} to the signing key", field=KEY_VARIABLE)
        return None
    if not hasattr(log, "checkpoint_signatures"):
        raise InvalidInput("signed checkpoints need a SQLite log", field=KEY_VARIABLE)
    return value.encode("utf-8")


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
@click.pass_context
@reports_errors
def head(ctx: click.Context) -> None:
    """Print the log's head as JSON (position, hash, time): keep it as a witness."""
    click.echo(json.dumps(head_json(open_log(ctx).head())))


def head_json(head: Head) -> dict[str, object]:
    return {"position": head.position, "hash": head.hash, "recorded_at": head.recorded_at}


def parse_expected(value: str) -> tuple[int, str]:
    """``POSITION:HASH`` -> (position, hash)."""
    position, _, digest = value.partition(":")
    if not position.isascii() or not position.isdigit() or not HASH.fullmatch(digest):
        raise InvalidInput(f"--expect takes POSITION:HASH (a 64-hex hash), not {value!r}",
                           field="expect")
    return int(position), digest


def read_witnesses(path: str) -> list[tuple[int, str]]:
    """The heads kept in a witness file: JSON lines (or one JSON object) as ``timeline head``
    prints them and ``/api/head`` serves them."""
    heads = []
    text = Path(path).read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        obj = load_json(line, field="witness")
        if not (isinstance(obj, dict) and isinstance(obj.get("position"), int)
                and isinstance(obj.get("hash"), str)):
            raise InvalidInput(f"{path}:{number}: a witness is {{\"position\", \"hash\"}}",
                               field="witness")
        heads.append(parse_expected(f"{obj['position']}:{obj['hash']}"))
    return heads


@main.command()
@click.option("--tail", is_flag=True, help="Trust the last checkpoint; check only what follows.")
@click.option("--witness", "witness_files", multiple=True, type=click.Path(exists=True),
              help="A file of heads kept earlier (timeline head, /api/head): the log must "
                   "still hold each.")
@click.option("--expect", "expected", multiple=True,
              help="POSITION:HASH of a head kept earlier: the log must still hold it.")
@click.pass_context
@reports_errors
def verify(ctx: click.Context, tail: bool, witness_files: tuple[str, ...],
           expected: tuple[str, ...]) -> None:
    """Recompute the hash chain; exit 1 naming the first broken position."""
    witnesses = dict(parse_expected(e) for e in expected)
    for path in witness_files:
        for position, digest in read_witnesses(path):
            if witnesses.setdefault(position, digest) != digest:
                raise InvalidInput(f"two witnesses disagree at {position}", field="witness")
    log = open_log(ctx)
    report = verify_log(log, since_checkpoint=tail, witnesses=witnesses,
                        checkpoint_key=checkpoint_key(log, required=False))
    if not report.ok:
        click.echo(f"TAMPERED at position {report.first_broken}: {report.reason}", err=True)
        ctx.exit(1)
    click.echo(
        f"ok: {report.checked} events checked after position {report.started_after}; "
        f"head {report.head_position} {report.head_hash}"
        + (f"; {len(witnesses)} witnessed heads held" if witnesses else "")
    )


@main.command(name="sign-checkpoints")
@click.pass_context
@reports_errors
def sign_checkpoints_command(ctx: click.Context) -> None:
    """Verify the whole chain, then sign every checkpoint not yet signed (HMAC, key from
    $TIMELINE_CHECKPOINT_KEY)."""
    log = open_log(ctx)
    key = checkpoint_key(log, required=True)
    assert key is not None
    count = sign_checkpoints(log, key)
    click.echo(f"signed {count} checkpoints")
