"""What extraction yields: one frozen record per reported happening, and its stable id."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from timeline.model import Derivation
from timeline.uuids import uuid5_str

#: Bumped whenever a change to extraction changes what an article yields.
EXTRACTOR_VERSION = "2"
#: What sort of happening an event reports (salience ranks them).
EVENT_KINDS: tuple[str, ...] = (
    "result", "death", "decision", "vote", "launch", "announcement", "legal", "plan",
    "action", "statement", "state",
)
_ENTRY_NAMESPACE = uuid.UUID("8f0e4c2a-3b7d-5e61-9a4f-2c1d7b6e5a30")


@dataclass(frozen=True, slots=True)
class ExtractedEvent:
    """A dated happening found in an article; offsets are into ``Article.text``.

    The quote is the event's clause (with the clauses that only complete it: what a statement
    said, words it quotes); the sentence is the whole sentence around it."""

    headline: str
    sentence: str
    sentence_start: int
    sentence_end: int
    quote: str
    quote_start: int
    quote_end: int
    date: str  # EDTF
    precision: str  # one of timeline.model.PRECISIONS
    derivation: Derivation
    timex_text: str  # "" when no date expression dates it
    timex_value: str  # TIMEX3 value; "" when no date expression dates it
    actors: tuple[str, ...]  # people and organisations, canonical names ("José Antonio Kast")
    lang: str
    places: tuple[str, ...] = ()  # countries, cities, regions named in the clause
    salience: float = 0.5  # 0..1: how much a journalist would want it on a timeline
    kind: str = "action"  # one of EVENT_KINDS: what sort of happening the clause reports
    extractor_version: str = EXTRACTOR_VERSION


def entry_id_for(article_content_hash: str, index: int) -> str:
    """A deterministic id for the ``index``-th event of the article with this content hash."""
    return uuid5_str(_ENTRY_NAMESPACE, f"{article_content_hash}:{index}")
