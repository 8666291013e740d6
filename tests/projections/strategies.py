"""Hypothesis: random but schema-valid sequences of archive events, built against the log."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hypothesis import strategies as st

from events import NewEvent, SqliteEventLog
from tests.projections.builders import append_article
from timeline.model import DERIVATIONS

HEADLINES = ("Puerto reabre muelle", "Port reopens pier", "Huelga en el metro",
             "Metro strike ends", "Alcaldía firma acuerdo", "Río crece tras lluvias")
DATES = (("2025-12-14", "day"), ("2025-12", "month"), ("2025", "year"), ("194X", "decade"),
         ("2025-11-03/2025-11-07", "interval"), ("2025-12-15", "day"))
SLUGS = ("puerto", "metro")
WORDS = ("puerto", "metro", "strike", "acuerdo", "rio", "pier", "chile", "kast")
ACTORS = ("José Antonio Kast", "Kastner Group", "Michelle Bachelet", "Metro de Santiago",
          "Río Bravo S.A.")
PLACES = ("Chile", "Santiago", "Río de Janeiro")
SALIENCES = st.one_of(st.none(), st.floats(0, 1), st.sampled_from([0.0, 0.4, 0.39999, 1.0]))

#: The v2 fields of an extraction, or None: stored as v1 by an older extractor (not scored).
extras = st.one_of(st.none(), st.fixed_dictionaries({
    "actors": st.lists(st.sampled_from(ACTORS), max_size=2, unique=True),
    "places": st.lists(st.sampled_from(PLACES), max_size=2, unique=True),
    "salience": SALIENCES, "kind": st.sampled_from((None, "vote", "result", "statement")),
    "derivation": st.sampled_from(DERIVATIONS),
}))
entry_spec = st.tuples(st.sampled_from(HEADLINES), st.sampled_from(DATES), extras)
#: An article revision, sometimes ingested into a story (its new entries are born on it).
article_op = st.tuples(st.just("article"), st.integers(0, 2),
                       st.lists(entry_spec, min_size=1, max_size=4),
                       st.sampled_from((None, None, *SLUGS)))
op = st.one_of(
    article_op,
    st.tuples(st.just("correct"), st.integers(0, 30), st.sampled_from(DATES + (None,)),
              st.sampled_from(HEADLINES + (None,))),
    st.tuples(st.just("retract"), st.integers(0, 30)),
    st.tuples(st.just("merge"), st.lists(st.integers(0, 30), min_size=2, max_size=3)),
    st.tuples(st.just("undo"), st.integers(0, 5)),
    st.tuples(st.just("story"), st.sampled_from(SLUGS)),
    st.tuples(st.sampled_from(("add", "remove")), st.sampled_from(SLUGS), st.integers(0, 30)),
)
# a few articles first, so that later operations have entries to name
ops = st.builds(lambda head, tail: head + tail, st.lists(article_op, min_size=1, max_size=3),
                st.lists(op, min_size=3, max_size=40))


@dataclass
class Writer:
    """Turns generated operations into appends; remembers ids so later ops can name them."""

    log: SqliteEventLog
    entries: list[str] = field(default_factory=list)
    merges: list[str] = field(default_factory=list)
    revisions: dict[str, int] = field(default_factory=dict)

    def apply(self, operation: tuple[Any, ...]) -> None:
        kind, *args = operation
        getattr(self, f"_{kind}")(*args)

    def _pick(self, index: int) -> str | None:
        return self.entries[index % len(self.entries)] if self.entries else None

    def _one(self, stream: str, type_: str, data: dict[str, Any]) -> None:
        self.log.append(stream, [NewEvent(type_, data, metadata={"actor": "prop"})])

    def _article(self, n: int, specs: list[tuple[str, tuple[str, str], Any]],
                 story: str | None = None) -> None:
        article_id = f"art{n}"
        revision = self.revisions.get(article_id, 0) + 1
        self.revisions[article_id] = revision
        made = append_article(self.log, article_id, revision,
                              [(h, d, p, extra) for h, (d, p), extra in specs], story=story)
        self.entries.extend(made)

    def _correct(self, i: int, date: tuple[str, str] | None, headline: str | None) -> None:
        entry = self._pick(i)
        if entry and (date or headline):
            self._one(f"entry-{entry}", "EventCorrected", {
                "entry_id": entry, "date": date[0] if date else None, "headline": headline,
                "reason": "prop"})

    def _retract(self, i: int) -> None:
        if entry := self._pick(i):
            self._one(f"entry-{entry}", "EventRetracted", {"entry_id": entry, "reason": "prop"})

    def _merge(self, picks: list[int]) -> None:
        ids = list(dict.fromkeys(e for e in map(self._pick, picks) if e))
        if len(ids) >= 2:
            merge_id = f"m{len(self.merges)}"
            self.merges.append(merge_id)
            self._one(f"merge-{merge_id}", "EventsMerged",
                      {"merge_id": merge_id, "entry_ids": ids, "primary": ids[0]})

    def _undo(self, i: int) -> None:
        if self.merges:
            merge_id = self.merges[i % len(self.merges)]
            self._one(f"merge-{merge_id}", "MergeUndone", {"merge_id": merge_id, "reason": "p"})

    def _story(self, slug: str) -> None:
        self._one(f"story-{slug}", "StoryCreated", {"slug": slug, "title": slug.title()})

    def _rename(self, slug: str, i: int) -> None:
        self._one(f"story-{slug}", "StoryRenamed", {
            "slug": slug, "title": f"{slug.title()} {i}",
            "description": None if i % 3 else f"about {slug}", "reason": "prop"})

    def _add(self, slug: str, i: int) -> None:
        if entry := self._pick(i):
            self._one(f"story-{slug}", "EventAddedToStory", {"slug": slug, "entry_id": entry})

    def _remove(self, slug: str, i: int) -> None:
        if entry := self._pick(i):
            self._one(f"story-{slug}", "EventRemovedFromStory", {"slug": slug, "entry_id": entry})
