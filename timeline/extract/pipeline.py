"""Extraction as stages over one Document, in the order they run.

Each stage is a pure function ``Document -> Document`` that adds one layer:

==============  =============================================================  ============
stage           adds                                                           module
==============  =============================================================  ============
segment         sentences (paragraphs, questions, boilerplate; long ones cut)  segment
tokenize        tokens (marking words inside quotation marks)                  segment
tag_dates       date expressions (TIMEX3), tagged window by window             segment
find_clauses    clauses with their role, head, verb, tense, kind and subject   clauses
find_entities   names as actors or places, one canonical name per entity       entities
anchor          each clause's date and how it was found                        anchoring
build_events    events: who did what, when, how salient                        assemble
==============  =============================================================  ============
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection

from timeline.extract.anchoring import anchor
from timeline.extract.assemble import build_events
from timeline.extract.clauses import find_clauses
from timeline.extract.document import Document
from timeline.extract.entities import find_entities
from timeline.extract.record import EXTRACTOR_VERSION, ExtractedEvent
from timeline.extract.segment import segment, tag_dates, tokenize
from timeline.model import Article

Stage = Callable[[Document], Document]

STAGES: tuple[tuple[str, Stage], ...] = (
    ("segment", segment),
    ("tokenize", tokenize),
    ("tag_dates", tag_dates),
    ("find_clauses", find_clauses),
    ("find_entities", find_entities),
    ("anchor", anchor),
    ("build_events", build_events),
)


def run(doc: Document, *, until: str | None = None,
        check: Callable[[], None] | None = None) -> Document:
    """Run the stages in order (up to and including ``until``, if given). ``check`` is called
    after each stage and may raise to stop the work (a CPU budget: see ``timeline.budget``)."""
    for name, stage in STAGES:
        doc = stage(doc)
        if check is not None:
            check()
        if name == until:
            break
    return doc


def extract_events(
    article: Article, *, extractor_version: str = EXTRACTOR_VERSION,
    known_actors: Collection[str] = (),
    check: Callable[[], None] | None = None,
) -> tuple[ExtractedEvent, ...]:
    """The article's events, in text order. ``known_actors`` are full names the archive
    already has: a surname the article does not spell out may stand for one of them.
    ``check`` runs after each stage (``run``)."""
    doc = Document.from_article(article).with_layer(known_actors=tuple(sorted(known_actors)))
    events = run(doc, check=check).events
    if extractor_version == EXTRACTOR_VERSION:
        return events
    return tuple(_versioned(e, extractor_version) for e in events)


def _versioned(event: ExtractedEvent, version: str) -> ExtractedEvent:
    return dataclasses.replace(event, extractor_version=version)
