"""One document for the whole extraction: the article's text and the layers stages add to it.

A :class:`Document` starts with the text, its language and its publication date; each stage of
``timeline.extract.pipeline`` returns a copy with one more layer (sentences, tokens, timexes,
clauses, mentions, anchors, events). Every layer is a tuple of frozen records whose offsets
index ``Document.text``, so a later stage never re-reads the text to find what an earlier one
found.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Literal, NamedTuple

from timeline.model import Article, Derivation, Timex

if TYPE_CHECKING:
    from timeline.extract.record import ExtractedEvent

#: ``perfect`` is the present perfect ("has filed", "ha presentado"): past, but told as news of
#: the day, so it takes no narrative time from the sentences before it.
Tense = Literal["past", "perfect", "present", "future", "none"]
#: How a clause hangs off the sentence: ``main``, ``coordinate`` ("and launched ..."),
#: ``relative`` ("who won ..."), ``complement`` ("said that ..."), ``participle``
#: (", prompting ..."), ``subordinate`` (", when ...", ", después de que ..."), ``quote``
#: (words inside quotation marks).
Role = Literal[
    "main", "coordinate", "relative", "complement", "participle", "subordinate", "quote"
]
MentionKind = Literal["actor", "place"]


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int  # index of the blank-line-separated paragraph
    question: bool = False
    boilerplate: bool = False  # bylines, captions, "share this", datelines


class Token(NamedTuple):
    """A word or punctuation mark. A named tuple, not a dataclass: an article has thousands,
    and a tuple is built several times faster than a frozen dataclass (same immutability)."""

    start: int
    end: int
    text: str
    sentence: int
    quoted: bool = False  # inside quotation marks


@dataclass(frozen=True, slots=True)
class Clause:
    """A stretch of one sentence with at most one reported happening (its predicate)."""

    start: int
    end: int
    sentence: int
    role: Role
    head: int | None  # the clause this one depends on (index into Document.clauses)
    verb: int | None  # token index of the predicate's finite verb
    tense: Tense
    kind: str  # one of timeline.extract.events.EVENT_KINDS
    subject: tuple[int, int] | None  # offsets of the subject the clause states itself


@dataclass(frozen=True, slots=True)
class Mention:
    """A name in the text: a person or organisation (``actor``) or a ``place``."""

    start: int
    end: int
    kind: MentionKind
    name: str  # canonical within the article: "Kast" -> "José Antonio Kast"


@dataclass(frozen=True, slots=True)
class Anchor:
    """The date of one clause's happening and how it was found."""

    date: str  # EDTF
    derivation: Derivation
    timex: Timex | None = None


@dataclass(frozen=True, slots=True)
class Document:
    text: str
    lang: str
    published: date
    title: str | None = None
    known_actors: tuple[str, ...] = ()  # full names known beyond the article (the archive's)
    sentences: tuple[Sentence, ...] = ()
    tokens: tuple[Token, ...] = ()
    timexes: tuple[Timex, ...] = ()
    clauses: tuple[Clause, ...] = ()
    mentions: tuple[Mention, ...] = ()
    anchors: tuple[Anchor, ...] = ()  # one per clause
    events: tuple[ExtractedEvent, ...] = ()
    #: Memo of each layer's start offsets, for the lookups below: (the layer, its starts).
    #: Not part of the document's value: each copy starts with the unchanged layers' entries.
    _starts: dict[str, tuple[tuple[object, ...], list[int]]] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False)

    @classmethod
    def from_article(cls, article: Article) -> Document:
        return cls(text=article.text, lang=article.lang, published=article.published,
                   title=article.title)

    def with_layer(self, **layer: object) -> Document:
        found = dataclasses.replace(self, **layer)  # type: ignore[arg-type]
        found._starts.update((k, v) for k, v in self._starts.items() if k not in layer)
        return found

    def _starts_of(self, name: str, layer: tuple[Token, ...] | tuple[Timex, ...]
                   | tuple[Mention, ...]) -> list[int]:
        """The start offsets of ``layer`` (the layer called ``name``), found once."""
        memo = self._starts.get(name)
        if memo is None or memo[0] is not layer:
            memo = (layer, [item.start for item in layer])
            self._starts[name] = memo
        return memo[1]

    def token_at(self, offset: int) -> Token | None:
        """The token covering ``offset`` (tokens are in text order)."""
        i = bisect_right(self._starts_of("tokens", self.tokens), offset) - 1
        found = self.tokens[i] if i >= 0 else None
        return found if found is not None and offset < found.end else None

    def timex_at(self, offset: int) -> Timex | None:
        """The date expression covering ``offset`` (timexes are in text order)."""
        i = bisect_right(self._starts_of("timexes", self.timexes), offset) - 1
        found = self.timexes[i] if i >= 0 else None
        return found if found is not None and offset < found.end else None

    def mentions_between(self, start: int, end: int) -> tuple[Mention, ...]:
        """The names that start in ``[start, end)`` (mentions are in text order)."""
        starts = self._starts_of("mentions", self.mentions)
        first = bisect_left(starts, start)
        return self.mentions[first:bisect_left(starts, end, lo=first)]
