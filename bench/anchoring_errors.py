"""Which gold event mentions the extractor dates wrongly, and the event the scorer judged by.

The pick rule mirrors ``<shared>/tools/score_anchoring.py`` for display only: the event whose
span contains the mention, else the one nearest to it among those overlapping the mention's
sentence (the first such event on a tie), else none (uncovered). Whether a date is right is
always the shared scorer's own ``correct(anchor, date)``, passed in by the caller.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from timeline.extract import ExtractedEvent

Span = tuple[int, int]
Judge = Callable[[str, str], bool]
EventsByDoc = Mapping[str, Sequence[ExtractedEvent]]

CONTEXT_CHARS = 60
QUOTE_CHARS = 160


@dataclass(frozen=True, slots=True)
class AnchoringError:
    """A gold mention the system left uncovered or dated wrongly, with the event it was given."""

    doc_id: str
    context: str  # the gold word in brackets, with ~60 characters either side
    anchor: str  # the gold date
    event: ExtractedEvent | None  # None: no event in the mention's sentence

    @property
    def kind(self) -> str:
        if self.event is None:
            return "uncovered"
        return f"wrong date ({self.event.derivation})"


def pick(spans: Sequence[Span], sentence: Span, at: int) -> int | None:
    """Index of the span the scorer uses for a mention starting at ``at`` (None: uncovered)."""
    first, last = sentence
    inside = [i for i, (start, end) in enumerate(spans) if start < last and end > first]
    if not inside:
        return None
    return min(inside, key=lambda i: _distance(spans[i], at))


def _distance(span: Span, at: int) -> int:
    start, end = span
    return 0 if start <= at < end else min(abs(start - at), abs(end - at))


def context(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> str:
    """``…before [word] after…`` on one line."""
    before = text[max(0, start - width):start]
    after = text[end:end + width]
    return " ".join(f"…{before}[{text[start:end]}]{after}…".split())


def picked_event(
    doc: dict, mention: dict, events: Sequence[ExtractedEvent]
) -> ExtractedEvent | None:
    """The event the scorer would judge ``mention`` by."""
    sentence = next(s for s in doc["sentences"] if s["id"] == mention["sent"])
    spans = [(e.quote_start, e.quote_end) for e in events]
    index = pick(spans, (sentence["start"], sentence["end"]), mention["start"])
    return None if index is None else events[index]


def find_errors(
    docs: dict[str, dict],
    gold: Sequence[dict],
    events: EventsByDoc,
    judge: Judge,
) -> list[AnchoringError]:
    """Every gold mention whose picked event is missing or has a date ``judge`` rejects."""
    found = []
    for mention in gold:
        doc = docs[mention["doc"]]
        event = picked_event(doc, mention, events.get(mention["doc"], ()))
        if event is not None and judge(mention["anchor"], event.date):
            continue
        where = context(doc["text"], mention["start"], mention["end"])
        found.append(AnchoringError(mention["doc"], where, mention["anchor"], event))
    return found


def counts_by_kind(errors: Sequence[AnchoringError]) -> Counter[str]:
    return Counter(error.kind for error in errors)


def describe(error: AnchoringError) -> list[str]:
    """Two or three lines for one error: where, the gold date, and the event picked."""
    lines = [f"{error.doc_id:>6}  gold {error.anchor:<11} {error.context}"]
    event = error.event
    if event is None:
        lines.append("        -> no event in this sentence")
        return lines
    quote = " ".join(event.quote.split())
    if len(quote) > QUOTE_CHARS:
        quote = quote[:QUOTE_CHARS - 1] + "…"
    lines.append(f"        -> {event.date:<11} {event.derivation:<11} {event.headline!r}")
    lines.append(f"           quote: {quote!r}")
    return lines
