"""Ingesting many articles (``ingest_articles``): batches of articles extracted, appended and
projected together, with the guarantees of ``ingest_article`` for each article.

A batch runs in three steps. Each article is checked, read and extracted (its revision
*planned*) against the read model as it stood before the batch; the planned revisions are
appended in groups of the log (``group()``: up to ``APPEND_EVERY`` articles in one write
transaction and one commit, each article still one atomic append to its own stream); once
``batch_size`` articles are archived, the projections run once over all of it. An article's new
entries are born on its story, created (titled after its slug) before its first article.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from events import ConcurrencyError, batch_settings
from timeline.archive import Archive
from timeline.errors import InvalidInput
from timeline.ingest import (
    IngestResult,
    Planned,
    append_planned,
    check_article,
    file_in_story,
    plan_revision,
)
from timeline.model import Article

#: Articles extracted and appended between two projection runs in ``ingest_articles``.
BATCH_SIZE = 64
#: Planned articles appended together (one commit) at most: the progress a caller hears moves
#: at this pace, and the write lock is held for one such group at a time.
APPEND_EVERY = 16
#: The most events ``ingest_articles`` projects in one transaction (a batch of articles, their
#: story filings included, is a few thousand to ~15,000).
SETTLE_EVENTS = 20_000


@dataclass(frozen=True, slots=True)
class BatchReport:
    """What ``ingest_articles`` did: a result per article archived, and the articles refused
    (their index in the input and why)."""

    results: tuple[IngestResult, ...] = ()
    refused: tuple[tuple[int, InvalidInput], ...] = field(default=())

    @property
    def ingested(self) -> int:
        return len(self.results)


Progress = Callable[[IngestResult | InvalidInput], None]
#: An article of the batch: its index in the input, the article, its source format, and its
#: planned revision, the archive's result (already archived) or why it was refused.
_Queued = tuple[int, Article, str, Planned | IngestResult | InvalidInput]


@dataclass(slots=True)
class _Batch:
    """The state of one ``ingest_articles`` run."""

    archive: Archive
    actor: str | None
    source: str | None
    skip_invalid: bool
    progress: Progress | None
    results: list[IngestResult] = field(default_factory=list)
    refused: list[tuple[int, InvalidInput]] = field(default_factory=list)
    pending: list[tuple[Article, IngestResult]] = field(default_factory=list)  # to settle
    queue: list[_Queued] = field(default_factory=list)  # planned, to append

    def plan(self, index: int, article: Article, source_format: str) -> None:
        if any(q[1].article_id == article.article_id for q in self.queue):
            self.append_queued()  # the same article twice: the second sees the first
        try:
            check_article(article, source_format)
            planned = plan_revision(self.archive, article, source_format, self.actor,
                                    self.source)
        except InvalidInput as exc:
            if not self.skip_invalid:
                raise
            self.queue.append((index, article, source_format, exc))
            return
        self.queue.append((index, article, source_format, planned))

    def archived(self) -> int:
        """Articles archived or planned since the last settle."""
        queued = sum(not isinstance(q[3], InvalidInput) for q in self.queue)
        return len(self.pending) + queued

    def append_queued(self) -> None:
        """Append every planned revision in one group of the log, in input order."""
        queue, self.queue = self.queue, []
        with self.archive.log.group():
            for index, article, source_format, planned in queue:
                self._report(index, article, self._append(article, source_format, planned))

    def _append(self, article: Article, source_format: str,
                planned: Planned | IngestResult | InvalidInput) -> IngestResult | InvalidInput:
        if not isinstance(planned, Planned):
            return planned
        try:
            try:
                return append_planned(self.archive, planned)
            except ConcurrencyError:  # another writer archived this article meanwhile
                again = plan_revision(self.archive, article, source_format, self.actor,
                                      self.source)
                return again if isinstance(again, IngestResult) else append_planned(
                    self.archive, again)
        except InvalidInput as exc:
            if not self.skip_invalid:
                raise
            return exc

    def _report(self, index: int, article: Article, outcome: IngestResult | InvalidInput) -> None:
        if isinstance(outcome, InvalidInput):
            self.refused.append((index, outcome))
        else:
            self.results.append(outcome)
            self.pending.append((article, outcome))
        if self.progress:
            self.progress(outcome)


def ingest_articles(
    archive: Archive,
    articles: Iterable[Article | tuple[Article, str]],
    *,
    actor: str | None = None,
    source: str | None = None,
    batch_size: int = BATCH_SIZE,
    skip_invalid: bool = True,
    progress: Progress | None = None,
) -> BatchReport:
    """Archive many articles (each an Article, or (Article, source format)), in batches.

    Each article is still one atomic append to its own stream (ingest_article's guarantees
    hold), but appends commit in groups of up to ``APPEND_EVERY`` articles, the projections
    run once per batch of ``batch_size`` articles. An article's new entries are born on its
    story (created, titled after its slug, before its first article is appended); those of an
    article archived before are filed in it as ``add_to_story`` does. Articles of one batch
    see the actors the archive knew before the batch. ``progress`` hears of each article, in
    input order, once its append has committed.
    Refused articles (``InvalidInput``) are reported and skipped, or raised when
    ``skip_invalid`` is False (what was archived before them is kept and filed).
    The run holds the projections' batch settings (``events.bulk_settings.batch_settings``: a
    larger page cache, cyclic garbage collection paused, its cycles collected after each
    batch), restored after it."""
    run = _Batch(archive, actor, source, skip_invalid, progress)
    with batch_settings(archive.log.conn):  # the projections' batch settings, for the whole run
        try:
            for index, item in enumerate(articles):
                article, source_format = item if isinstance(item, tuple) else (item, "text")
                run.plan(index, article, source_format)
                if run.archived() >= batch_size or len(run.queue) >= APPEND_EVERY:
                    run.append_queued()
                    if len(run.pending) >= batch_size:
                        _settle(archive, run.pending, actor)
        finally:  # what was appended is filed in its story, whatever stopped the loop
            try:
                run.append_queued()
            finally:
                _settle(archive, run.pending, actor)
    return BatchReport(tuple(run.results), tuple(run.refused))


def _settle(archive: Archive, pending: list[tuple[Article, IngestResult]],
            actor: str | None) -> None:
    """File the entries of articles archived before in their story as ``add_to_story`` does
    (skipping entries already on it; new entries were born on theirs), then bring the
    projections up to date in one batch (``ArchiveProjection.batch``)."""
    known: dict[str, list[str]] = {}
    for article, result in pending:
        if article.story and result.entry_ids and not result.created:
            known.setdefault(article.story, []).extend(result.entry_ids)
    for slug, entry_ids in known.items():
        file_in_story(archive, slug, tuple(entry_ids), actor)
    archive.projector.run(batch_size=SETTLE_EVENTS)
    pending.clear()
    gc.collect(1)  # cyclic garbage is collected batch by batch while collection is paused
