"""``story_digest``: a story's digest from the read models, cached per log head.

Reads ``tl_story_days`` (the evidence the projection keeps per story and day) and the entries
of the few days it considers, never the articles. A digest depends only on the log's head and
how far the read models have applied it, so the last ones computed are kept under both and a
repeated request is a dictionary lookup.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from timeline.digest.model import (
    DATES_RANGE,
    DEFAULT_SENTENCES,
    SENTENCES_RANGE,
    Candidate,
    DayScore,
    Digest,
    DigestDay,
    Source,
    check_count,
    default_dates,
)
from timeline.digest.relevance import day_relevance
from timeline.digest.scoring import host, score_days
from timeline.digest.select import pick_days
from timeline.digest.sentences import choose_sentences, words
from timeline.errors import NotFound
from timeline.export.digest import digest_document
from timeline.projections.digest_reads import (
    article_urls,
    day_candidates,
    day_entries,
    story_exists,
    story_mentions,
)
from timeline.projections.filters import bound

if TYPE_CHECKING:
    from timeline.archive import Archive

#: How many more days than asked for are summarised, so redundant ones can be passed over.
POOL = 2
POOL_EXTRA = 10
_CACHE_SIZE = 64
_cache: OrderedDict[tuple[object, ...], Digest] = OrderedDict()
_lock = threading.Lock()


def story_digest(
    archive: Archive,
    slug: str,
    *,
    dates: int | str | None = None,
    sentences: int | str | None = None,
    date_from: str | date | None = None,
    date_to: str | date | None = None,
    lang: str | None = None,
) -> Digest:
    """The ``dates`` most important days of ``slug`` between the two dates (inclusive), each
    with its ``sentences`` best sentences. NotFound for an unknown story; InvalidInput naming
    ``dates``, ``sentences``, ``from`` or ``to``; an empty range gives an empty digest."""
    n = None if dates in (None, "") else check_count(dates, "dates", DATES_RANGE)
    k = DEFAULT_SENTENCES if sentences in (None, "") else check_count(
        sentences, "sentences", SENTENCES_RANGE)
    start = bound(date_from, "from", 0) or "0001-01-01"
    end = bound(date_to, "to", 1) or "9999-12-31"
    if not story_exists(archive.log.conn, slug):
        raise NotFound(f"no story {slug!r}", kind="story", key=slug)
    head = archive.log.head()
    applied = min(archive.projector.checkpoint(p.name) for p in archive.projector.projections)
    key = (archive.log.path, id(archive.log) if archive.log.path == ":memory:" else 0,
           applied, head.position, head.hash, slug, n, k, start, end, lang or None)
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    digest = _compute(archive, slug, n, k, start, end, lang or None)
    with _lock:
        _cache[key] = digest
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return digest


def _compute(archive: Archive, slug: str, n: int | None, k: int, start: str, end: str,
             lang: str | None) -> Digest:
    if start > end:
        return Digest(slug, (), n or 0, k)
    conn = archive.log.conn
    mentions = story_mentions(conn, slug, start, end, lang)
    articles = {m.article_id for m in mentions}
    urls = article_urls(conn, articles)
    scores = {d: s for d, s in score_days(
        mentions, {a: host(urls.get(a), a) for a in articles}).items()
        if start <= d.isoformat() <= end}
    wanted = n if n is not None else default_dates(len(articles), len(scores))
    pool = sorted(scores, key=lambda d: (-scores[d].score, d))[:POOL * wanted + POOL_EXTRA]
    candidates = day_candidates(conn, slug, pool, lang)
    considered = {d: candidates.get(d, []) for d in pool}
    relevance = day_relevance(considered)
    scores.update({d: _relevant(scores[d], relevance[d]) for d in pool})
    chosen = {d: choose_sentences(considered[d], d, k) for d in pool}
    bags = {d: words(" ".join(c.text for c in chosen[d])) for d in pool}
    picked = pick_days({d: scores[d].score for d in pool}, bags, wanted)
    days = tuple(_day(d, scores[d], chosen[d], day_entries(conn, slug, d, lang), r)
                 for d, r in picked)
    return Digest(slug, days, wanted, k)


def _relevant(why: DayScore, relevance: float) -> DayScore:
    """The day's score once its relevance to the story is counted."""
    return replace(why, score=round(why.score * relevance, 4), relevance=relevance)


def _day(day: date, why: DayScore, chosen: list[Candidate], entries: tuple[str, ...],
         redundancy: float) -> DigestDay:
    return DigestDay(
        date=day, score=why.score, summary=tuple(c.text for c in chosen),
        sources=tuple(Source(c.article_id, c.url, c.quote_start, c.quote_end) for c in chosen),
        entries=entries, why=why,
        redundancy=round(redundancy, 3),
    )


def digest_json(digest: Digest) -> dict[str, object]:
    """The digest's JSON document (``{"story", "dates": [...]}``)."""
    return digest_document(digest)
