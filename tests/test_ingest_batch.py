"""``ingest_articles``: many articles, the projections run once per batch, entries filed in their
story with one append per story and batch, refused articles reported and skipped."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from events import verify
from tests.digest.stories import bridge_articles
from tests.projections.builders import stepping_clock
from timeline.archive import Archive
from timeline.errors import InvalidInput
from timeline.ingest import SETTLE_EVENTS, ingest_article, ingest_articles
from timeline.projections.queries import EventQuery, count_entries, get_story


@pytest.fixture
def archive() -> Iterator[Archive]:
    with Archive.open(":memory:", clock=stepping_clock()) as archive:
        yield archive


def test_every_article_is_archived_and_its_entries_are_on_the_story(archive) -> None:
    report = ingest_articles(archive, bridge_articles(), batch_size=3)
    entries = sum(len(r.entry_ids) for r in report.results)
    assert report.ingested == 7 and report.refused == ()
    assert get_story(archive, "bridge").entry_count == entries
    assert count_entries(archive, EventQuery(story="bridge", include_minor=True)) == entries


def test_the_projections_run_once_per_batch(archive, monkeypatch) -> None:
    runs: list[int] = []
    real = archive.catch_up
    monkeypatch.setattr(archive, "catch_up", lambda: runs.append(1) or real())
    ingest_articles(archive, bridge_articles(), batch_size=4)
    assert len(runs) <= 2 * 3 + 2  # per batch: one catch-up, then one per story filing


def test_same_archive_as_one_article_at_a_time(archive) -> None:
    ingest_articles(archive, bridge_articles(), batch_size=2)
    with Archive.open(":memory:", clock=stepping_clock()) as other:
        for article in bridge_articles():
            ingest_article(other, article)
        assert get_story(other, "bridge").entry_count == get_story(archive, "bridge").entry_count


def test_a_refused_article_is_reported_and_the_rest_archived(archive) -> None:
    bad = replace(bridge_articles()[0], story="Not A Slug")
    report = ingest_articles(archive, [bad, *bridge_articles()[1:]])
    assert [i for i, _ in report.refused] == [0] and report.ingested == 6
    assert report.refused[0][1].field == "story"


def test_refusing_stops_but_files_what_was_archived(archive) -> None:
    bad = replace(bridge_articles()[0], story="Not A Slug")
    with pytest.raises(InvalidInput):
        ingest_articles(archive, [*bridge_articles()[1:3], bad], skip_invalid=False)
    assert get_story(archive, "bridge").entry_count > 0


def test_ingesting_again_writes_nothing(archive) -> None:
    ingest_articles(archive, bridge_articles())
    head = archive.log.head().position
    again = ingest_articles(archive, bridge_articles())
    assert not any(r.created for r in again.results)
    assert archive.log.head().position == head


def test_a_batch_is_projected_in_one_batch_as_event_by_event_would(archive,
                                                                   monkeypatch) -> None:
    """Each batch's entries are extracted and filed, then projected together (one projector
    batch folds an entry from its extraction to its story); the read models are those the same
    log gives projected event by event."""
    from events import Projector
    from tests.projections.test_batched_projection import EventByEvent
    from tests.projections.test_bulk_rebuild import read_models

    sizes: list[int | None] = []
    real = archive.projector.run
    monkeypatch.setattr(archive.projector, "run",
                        lambda **kw: sizes.append(kw.get("batch_size")) or real(**kw))
    ingest_articles(archive, bridge_articles(), batch_size=4)
    assert sizes.count(SETTLE_EVENTS) == 2  # one projection run per batch of articles
    batched = read_models(archive.log.conn)
    reference = EventByEvent()
    projector = Projector(archive.log, [reference])
    projector._reset(reference)  # empty read models, then the same log event by event
    projector.run()
    assert read_models(archive.log.conn) == batched


def test_each_batch_is_projected_in_one_pass_even_when_it_creates_the_story(archive,
                                                                           monkeypatch) -> None:
    passes: list[int] = []
    real = archive.projector.run
    monkeypatch.setattr(archive.projector, "run",
                        lambda **kw: passes.append(1) or real(**kw))
    monkeypatch.setattr(archive, "catch_up", lambda: passes.append(1) or real())
    ingest_articles(archive, bridge_articles(), batch_size=4)  # 7 articles: two batches
    assert len(passes) == 2


def test_new_entries_are_born_on_their_articles_story_which_is_created_once(archive) -> None:
    """No filing event per entry: the article's ingest puts its new entries on its story,
    whose ``StoryCreated`` is appended once; the story's history lists the articles."""
    from timeline.projections.story_log import select_story_history

    report = ingest_articles(archive, bridge_articles()[:2])
    story = list(archive.log.read_stream("story-bridge"))
    assert [e.type for e in story] == ["StoryCreated"] and story[0].data["title"] == "Bridge"
    entry_ids = [i for r in report.results for i in r.entry_ids]
    assert entry_ids and count_entries(
        archive, EventQuery(story="bridge", include_minor=True)) == len(entry_ids)
    assert get_story(archive, "bridge").title == "Bridge"
    history = select_story_history(archive.log.conn, "bridge")
    assert [h.type for h in history] == ["created", "article_added", "article_added"]
    assert history[1].summary.startswith(f"article {report.results[0].article_id} (")


def test_an_article_archived_before_has_its_entries_filed_in_a_new_story(archive) -> None:
    first = bridge_articles()[0]
    before = ingest_articles(archive, [replace(first, story=None)]).results[0]
    again = ingest_articles(archive, [first]).results[0]
    assert not again.created and again.entry_ids == before.entry_ids
    filed = [e.data["entry_id"] for e in archive.log.read_stream("story-bridge")
             if e.type == "EventAddedToStory"]
    assert filed == list(before.entry_ids)
    assert count_entries(archive, EventQuery(story="bridge", include_minor=True)) == len(filed)


def test_entries_join_a_story_another_writer_created_meanwhile(archive) -> None:
    from timeline.editorial import create_story

    create_story(archive, "bridge", title="El puente", actor="ana")
    ingest_articles(archive, bridge_articles()[:2])
    story = list(archive.log.read_stream("story-bridge"))
    assert [e.type for e in story].count("StoryCreated") == 1
    assert get_story(archive, "bridge").title == "El puente"


def test_an_article_the_log_refuses_leaves_the_rest_of_its_batch_archived(archive) -> None:
    articles = bridge_articles()
    bad = replace(articles[1], title="T" * 1001)  # the log's schema caps a title at 1,000
    seen: list[object] = []
    report = ingest_articles(archive, [articles[0], bad, *articles[2:]], progress=seen.append)
    assert [i for i, _ in report.refused] == [1] and report.refused[0][1].field == "title"
    assert report.ingested == 6 and len(seen) == 7 and seen[1] is report.refused[0][1]
    assert archive.log.stream_version(f"article-{bad.article_id}") == 0
    assert get_story(archive, "bridge").entry_count == sum(len(r.entry_ids)
                                                           for r in report.results)


def test_the_same_article_twice_in_a_batch_is_archived_once(archive) -> None:
    first = bridge_articles()[0]
    report = ingest_articles(archive, [first, bridge_articles()[1], first])
    assert [r.created for r in report.results] == [True, True, False]
    assert report.results[0].entry_ids == report.results[2].entry_ids


def test_a_batch_commits_its_appends_together(archive, monkeypatch) -> None:
    groups: list[int] = []
    real = archive.log.group
    monkeypatch.setattr(archive.log, "group", lambda: groups.append(1) or real())
    ingest_articles(archive, bridge_articles(), batch_size=4)  # 7 articles: two batches
    assert len(groups) == 2 and verify(archive.log).ok


def test_appends_commit_in_groups_of_at_most_append_every(archive, monkeypatch) -> None:
    groups: list[int] = []
    real = archive.log.group
    monkeypatch.setattr(archive.log, "group", lambda: groups.append(1) or real())
    monkeypatch.setattr("timeline.ingest_batch.APPEND_EVERY", 2)
    report = ingest_articles(archive, bridge_articles(), batch_size=64)  # 7 articles
    assert len(groups) == 4 and report.ingested == 7 and verify(archive.log).ok


def test_a_run_holds_the_batch_settings_and_restores_them(tmp_path) -> None:
    """Collection paused and a larger page cache while articles are ingested (cycles are
    collected after each batch); both as they were afterwards, also after a refusal."""
    import gc

    seen: list[tuple[bool, int]] = []
    with Archive.open(tmp_path / "a.db", clock=stepping_clock()) as archive:
        conn = archive.log.conn
        before = conn.execute("PRAGMA cache_size").fetchone()[0]

        def progress(_: object) -> None:
            seen.append((gc.isenabled(), conn.execute("PRAGMA cache_size").fetchone()[0]))

        ingest_articles(archive, bridge_articles(), batch_size=3, progress=progress)
        assert seen and all(not enabled and size == -65_536 for enabled, size in seen)
        assert gc.isenabled() and conn.execute("PRAGMA cache_size").fetchone()[0] == before
        bad = replace(bridge_articles()[0], story="Not A Slug")
        with pytest.raises(InvalidInput):
            ingest_articles(archive, [bad], skip_invalid=False)
        assert gc.isenabled() and conn.execute("PRAGMA cache_size").fetchone()[0] == before
