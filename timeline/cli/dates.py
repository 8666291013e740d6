"""``timeline dates [FILE|-]``: tag temporal expressions in JSON lines of articles.

Input lines: ``{"id", "text", "dct", "lang"}`` (``lang`` may be null: detected). Output lines:
``{"id", "timexes": [{"start", "end", "text", "type", "value"}]}`` (plus ``mod`` when set).
A bad line stops the command with a message naming its line number and field, exit status 2.
"""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from typing import IO, Any

import click

from timeline.cli.common import main
from timeline.errors import InvalidInput
from timeline.extract.tagger import tag
from timeline.model import Timex


def _field(record: dict[str, Any], name: str, kinds: tuple[type, ...], line: int) -> Any:
    value = record.get(name)
    if not isinstance(value, kinds) or isinstance(value, bool):
        raise InvalidInput(f"line {line}: field {name!r} is missing or not valid", field=name)
    return value


def _dct(raw: str, line: int) -> date:
    try:
        return datetime.fromisoformat(raw).date() if "T" in raw else date.fromisoformat(raw[:10])
    except ValueError as e:
        raise InvalidInput(f"line {line}: field 'dct' is not an ISO date: {raw!r}",
                           field="dct") from e


def _timex_json(t: Timex) -> dict[str, Any]:
    out: dict[str, Any] = {"start": t.start, "end": t.end, "text": t.text, "type": t.type,
                           "value": t.value}
    if t.mod:
        out["mod"] = t.mod
    return out


def tag_line(raw: str, line: int) -> dict[str, Any]:
    """One input line -> one output record; InvalidInput names the line and the field."""
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as e:
        raise InvalidInput(f"line {line}: not valid JSON ({e.msg})", field="line") from e
    if not isinstance(record, dict):
        raise InvalidInput(f"line {line}: expected a JSON object", field="line")
    doc_id = _field(record, "id", (str, int), line)
    text = _field(record, "text", (str,), line)
    dct = _dct(_field(record, "dct", (str,), line), line)
    lang = record.get("lang")
    if lang is not None and not isinstance(lang, str):
        raise InvalidInput(f"line {line}: field 'lang' must be a string or null", field="lang")
    try:
        timexes = tag(text, dct, lang)
    except InvalidInput as e:
        raise InvalidInput(f"line {line}: field {e.field!r}: {e.message}", field=e.field) from e
    return {"id": doc_id, "timexes": [_timex_json(t) for t in timexes]}


@main.command(name="dates")
@click.argument("source", type=click.File("r", encoding="utf-8"), default="-")
def dates(source: IO[str]) -> None:
    """Tag dates in JSON lines {"id","text","dct","lang"} from FILE (or - for stdin)."""
    for number, raw in enumerate(source, start=1):
        if not raw.strip():
            continue
        try:
            record = tag_line(raw, number)
        except InvalidInput as e:
            click.echo(f"Error: {e.message}", err=True)
            sys.exit(2)
        click.echo(json.dumps(record, ensure_ascii=False))
