"""The "Key dates" view of a story: its digest as a timeline, each day expandable to the
entries behind it (their headlines read in one query, at most ``ENTRIES_SHOWN`` a day)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import request

from timeline.archive import Archive
from timeline.digest.model import DigestDay
from timeline.digest.service import story_digest
from timeline.projections.digest_reads import entry_headlines
from timeline.projections.languages import article_languages, entry_languages
from timeline.web.schemas import DigestArgs

ENTRIES_SHOWN = 50
_ARGS = ("dates", "sentences", "from", "to", "lang")


@dataclass(frozen=True, slots=True)
class KeyDay:
    day: DigestDay
    quotes: tuple[tuple[str, str | None, str], ...]  # (sentence, source url, language)
    entries: tuple[tuple[str, str, str, str], ...]  # (entry id, date, headline, language)
    more: int  # entries not listed


def key_dates_context(archive: Archive, slug: str) -> dict[str, Any]:
    given = {k: request.args[k] for k in _ARGS if request.args.get(k)}
    digest = story_digest(archive, slug, **DigestArgs().load(given))
    shown = {e for d in digest.dates for e in d.entries[:ENTRIES_SHOWN]}
    conn = archive.log.conn
    headlines, entry_lang = entry_headlines(conn, shown), entry_languages(conn, shown)
    article_lang = article_languages(conn, {s.article_id for d in digest.dates for s in d.sources})
    days = [
        KeyDay(day, tuple((s, src.url, article_lang.get(src.article_id, ""))
                          for s, src in zip(day.summary, day.sources, strict=True)),
               tuple((e, *headlines[e], entry_lang.get(e, ""))
                     for e in day.entries[:ENTRIES_SHOWN] if e in headlines),
               max(0, len(day.entries) - ENTRIES_SHOWN))
        for day in digest.dates
    ]
    return {"digest": digest, "days": days, "args": given}
