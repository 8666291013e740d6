"""Ingestion: the only writer of articles. An article becomes ``ArticleIngested`` plus its
``EventExtracted`` events, appended to the article's stream in one atomic batch.

- The same content ingested again (same text, same extractor version) writes nothing and returns
  the existing events.
- A changed text at the same URL, or a newer extractor, appends a new *revision* whose events
  supersede the previous revision's (nothing is deleted).
- Event ids are derived from the article and revision, so a retried append after a crash is a
  no-op at the log level too; two writers racing on one article are serialised by the stream's
  expected version.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from datetime import date

from events import NO_STREAM, ConcurrencyError, InvalidEvent, NewEvent, StoredEvent
from timeline.archive import Archive
from timeline.budget import CpuBudget
from timeline.errors import Conflict, InvalidInput
from timeline.extract.events import EXTRACTOR_VERSION, ExtractedEvent, entry_id_for, extract_events
from timeline.model import RESERVED_STORY_SLUGS, STORY_SLUG, Article
from timeline.projections.known_actors import known_actors, name_words
from timeline.untrusted import check_clean
from timeline.uuids import uuid5_str

SOURCE_FORMATS = ("text", "html", "json")
_EVENT_NAMESPACE = uuid.UUID("5b1f0d7e-8c2a-4e3b-9f61-0a7c2d4e6b19")


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What ingesting an article did: ``created`` is False when it was already archived."""

    created: bool
    article_id: str
    revision: int
    entry_ids: tuple[str, ...]
    position: int  # log position of the revision's ArticleIngested


@dataclass(frozen=True, slots=True)
class _Revision:
    revision: int
    content_hash: str
    extractor_version: str
    entry_ids: tuple[str, ...]
    position: int


def article_stream(article_id: str) -> str:
    return f"article-{article_id}"


def ingest_article(
    archive: Archive,
    article: Article,
    *,
    source_format: str = "text",
    actor: str | None = None,
    source: str | None = None,
    cpu_seconds: float | None = None,
) -> IngestResult:
    """Archive ``article`` and its dated events, on ``article.story`` if it names one (new
    entries are born on it; an article archived before has its entries added to it).
    With ``cpu_seconds``, an article whose extraction needs more CPU time than that on this
    thread is refused (``OverBudget``) before anything is written."""
    check_article(article, source_format)
    budget = CpuBudget(cpu_seconds) if cpu_seconds is not None else None
    try:
        result = _append_revision(archive, article, source_format, actor, source, budget)
    except ConcurrencyError:  # another writer archived this article meanwhile: look again
        result = _append_revision(archive, article, source_format, actor, source, budget)
    archive.catch_up()
    if article.story and result.entry_ids and not result.created:
        file_in_story(archive, article.story, result.entry_ids, actor)
    return result


def check_article(article: Article, source_format: str) -> None:
    if source_format not in SOURCE_FORMATS:
        raise InvalidInput(f"source_format must be one of {SOURCE_FORMATS}", field="source_format")
    if article.story is not None and not STORY_SLUG.match(article.story):
        raise InvalidInput(
            "story must be a lowercase slug (a-z, 0-9 and -, at most 80)", field="story"
        )
    if article.story in RESERVED_STORY_SLUGS:
        raise InvalidInput(f"the story slug {article.story!r} is reserved", field="story")
    check_clean({"text": article.text, "title": article.title, "url": article.url}, None)


#: The article's own fields, as the client names them.
_ARTICLE_FIELDS = frozenset({"text", "title", "url", "published", "lang", "story"})
#: Parts of an extracted event cut from the article's text: too long means the text is to blame.
_FROM_TEXT = frozenset({"sentence", "quote", "headline", "timex_text", "actors", "places"})


def _refused(exc: InvalidEvent) -> Exception:
    """An event the log refused, blamed on the client's field (``data.sentence`` -> ``text``);
    anything else is the extractor's fault and stays an InvalidEvent."""
    name = (exc.field or "").removeprefix("data.").split(".")[0]
    if name in _ARTICLE_FIELDS or name in _FROM_TEXT:
        field = name if name in _ARTICLE_FIELDS else "text"
        return InvalidInput(f"{field}: {exc}", field=field)
    return exc


@dataclass(frozen=True, slots=True)
class Planned:
    """An article's new revision, extracted and ready to append to its stream (its new entries
    are born on ``story``, created by ``actor`` if new)."""

    article_id: str
    stream: str
    expected_version: int
    revision: int
    batch: list[NewEvent]
    story: str | None
    actor: str | None


def plan_revision(
    archive: Archive, article: Article, source_format: str, actor: str | None,
    source: str | None, budget: CpuBudget | None = None,
) -> Planned | IngestResult:
    """The article's next revision, extracted (``Planned``), or what the archive holds when
    this very content was ingested already (an ``IngestResult``, not created)."""
    stream = article_stream(article.article_id)
    events = list(archive.log.read_stream(stream))
    latest = _latest_revision(events)
    if latest and (latest.content_hash, latest.extractor_version) == (
        article.content_hash, EXTRACTOR_VERSION,
    ):
        return IngestResult(False, article.article_id, latest.revision, latest.entry_ids,
                            latest.position)
    revision = latest.revision + 1 if latest else 1
    known = known_actors(archive, name_words(article.text))
    extracted = extract_events(article, known_actors=known,
                               check=budget.check if budget else None)
    batch = _batch(article, revision, extracted, source_format, latest, _metadata(actor, source))
    return Planned(article.article_id, stream, len(events), revision, batch, article.story,
                   actor)


def append_planned(archive: Archive, planned: Planned) -> IngestResult:
    """Append a planned revision, after its story's ``StoryCreated`` if the story is new
    (ConcurrencyError if its stream moved since it was planned; InvalidInput naming the
    client's field when the log refuses an event of it)."""
    batch = planned.batch
    if planned.story:  # its new entries are born on the story: it exists before them
        ensure_story(archive, planned.story, planned.actor)
    try:
        stored = archive.log.append(planned.stream, batch,
                                    expected_version=planned.expected_version)
    except InvalidEvent as exc:
        refused = _refused(exc)
        if refused is exc:
            raise
        raise refused from exc
    entry_ids = tuple(e.data["entry_id"] for e in stored[1:])
    # The log returns the objects given when it appended them, and what it read back when
    # another writer appended this very batch first (an idempotent retry): then not created.
    created = stored[0].data is batch[0].data
    return IngestResult(created, planned.article_id, planned.revision, entry_ids,
                        stored[0].position)


def _append_revision(
    archive: Archive, article: Article, source_format: str, actor: str | None, source: str | None,
    budget: CpuBudget | None = None,
) -> IngestResult:
    planned = plan_revision(archive, article, source_format, actor, source, budget)
    return planned if isinstance(planned, IngestResult) else append_planned(archive, planned)


def _latest_revision(events: list[StoredEvent]) -> _Revision | None:
    latest: _Revision | None = None
    for event in events:
        if event.type == "ArticleIngested":
            latest = _Revision(
                event.data["revision"], event.data["content_hash"],
                event.data["extractor_version"], (), event.position,
            )
        elif event.type == "EventExtracted" and latest is not None:
            latest = _Revision(
                latest.revision, latest.content_hash, latest.extractor_version,
                (*latest.entry_ids, event.data["entry_id"]), latest.position,
            )
    return latest


def _metadata(actor: str | None, source: str | None) -> dict[str, str]:
    meta = {"actor": actor, "source": source}
    return {k: v for k, v in meta.items() if v}


def _event_id(article: Article, revision: int, index: int) -> str:
    return name_uuid(f"{article.article_id}:{revision}:{index}")


def name_uuid(name: str) -> str:
    """The id of an event of an article's batch: ``str(uuid.uuid5(_EVENT_NAMESPACE, name))``."""
    return uuid5_str(_EVENT_NAMESPACE, name)


def _batch(
    article: Article,
    revision: int,
    extracted: tuple[ExtractedEvent, ...],
    source_format: str,
    previous: _Revision | None,
    metadata: dict[str, str],
) -> list[NewEvent]:
    ingested = NewEvent(
        "ArticleIngested",
        {
            "article_id": article.article_id, "revision": revision,
            "content_hash": article.content_hash, "url": article.url, "title": article.title,
            "published": article.published.isoformat(), "lang": article.lang,
            "text": article.text, "source_format": source_format, "story": article.story,
            "extractor_version": EXTRACTOR_VERSION,
            "supersedes": previous.content_hash if previous else None,
        },
        metadata=metadata,
        event_id=_event_id(article, revision, 0),
    )
    seed = f"{article.content_hash}:{revision}"
    return [ingested] + [
        NewEvent(
            "EventExtracted",
            _extracted_data(article, revision, entry_id_for(seed, index), event),
            metadata=metadata,
            event_id=_event_id(article, revision, index + 1),
        )
        for index, event in enumerate(extracted)
    ]


def _extracted_data(
    article: Article, revision: int, entry_id: str, event: ExtractedEvent
) -> dict[str, object]:
    return {
        "entry_id": entry_id, "article_id": article.article_id, "revision": revision,
        "headline": event.headline, "sentence": event.sentence, "quote": event.quote,
        "quote_start": event.quote_start, "quote_end": event.quote_end, "date": event.date,
        "precision": event.precision, "derivation": event.derivation,
        "timex_text": event.timex_text or None, "timex_value": event.timex_value or None,
        "actors": list(event.actors), "places": list(event.places),
        "salience": event.salience, "kind": event.kind, "lang": article.lang,
        "extractor_version": EXTRACTOR_VERSION,
    }


def file_in_story(
    archive: Archive, slug: str, entry_ids: tuple[str, ...], actor: str | None
) -> None:
    """Add the entries to the story, creating it (titled after its slug) if it is new."""
    from timeline.editorial import add_to_story

    ensure_story(archive, slug, actor)
    for attempt in range(FILING_ATTEMPTS):  # writers filing in one story race on its stream
        try:
            add_to_story(archive, slug, entry_ids, actor=actor)
            return
        except Conflict:
            if attempt == FILING_ATTEMPTS - 1:
                raise


def ensure_story(archive: Archive, slug: str, actor: str | None) -> None:
    """Append the story's ``StoryCreated`` (titled after its slug) unless it has one."""
    from timeline.editorial import new_story_event

    stream = f"story-{slug}"
    if archive.log.stream_version(stream):
        return
    created = new_story_event(slug, title=slug.replace("-", " ").capitalize(), actor=actor)
    with suppress(ConcurrencyError):  # another writer created it meanwhile
        archive.log.append(stream, [created], expected_version=NO_STREAM)


#: Tries at filing entries in a story that other writers keep changing.
FILING_ATTEMPTS = 5


def _latest_articles(archive: Archive) -> Iterator[StoredEvent]:
    """The latest ``ArticleIngested`` of every article, in log order of first ingestion."""
    latest: dict[str, StoredEvent] = {}
    for event in archive.log.read_all():
        if event.type == "ArticleIngested":
            latest[event.data["article_id"]] = event
    yield from latest.values()


def _article_of(event: StoredEvent) -> Article:
    d = event.data
    return Article(
        article_id=d["article_id"], text=d["text"], published=date.fromisoformat(d["published"]),
        lang=d["lang"], url=d["url"], title=d["title"], story=d["story"],
        content_hash=d["content_hash"],
    )


def reextract_archive(
    archive: Archive,
    *,
    actor: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Extract again every article whose latest revision an older extractor produced.

    Each becomes a new revision (same text, this ``EXTRACTOR_VERSION``) whose events supersede
    the old ones; nothing is deleted. Returns how many articles were re-extracted."""
    stale = [e for e in _latest_articles(archive)
             if e.data["extractor_version"] != EXTRACTOR_VERSION]
    for event in stale:
        ingest_article(archive, _article_of(event), source_format=event.data["source_format"],
                       actor=actor, source="reextract")
        if progress:
            progress(1)
    return len(stale)


# The batch API (it uses the above): ``from timeline.ingest import ingest_articles`` works.
from timeline.ingest_batch import (  # noqa: E402
    BATCH_SIZE,
    SETTLE_EVENTS,
    BatchReport,
    ingest_articles,
)

__all__ = [
    "BATCH_SIZE", "SETTLE_EVENTS", "BatchReport", "IngestResult", "Planned", "append_planned",
    "article_stream", "ingest_article", "ingest_articles", "plan_revision",
    "reextract_archive",
]
