"""Articles into dated events: one per placeable date mention, plus a few dated by publication.

Every date expression the tagger finds and ``timex_to_edtf`` can place becomes an event in the
sentence that holds it, unless the sentence is a dateline (nothing but the date). Sentences with
no placeable date of their own that report an action in the past tense by a named actor ("Kast
se comunicó con Milei") become events anchored to the publication date, marked
``derivation="publication"``: at most ``MAX_PUBLICATION_EVENTS`` per article, in text order.
Events with the same date and headline are reported once.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from timeline.dates import edtf_precision
from timeline.extract.actors import find_actors
from timeline.extract.headline import make_headline
from timeline.extract.normalize import timex_to_edtf
from timeline.extract.sentences import Span, split_sentences
from timeline.extract.tagger import tag_for_events
from timeline.model import Article, Derivation, Timex

#: Bumped whenever a change to extraction changes what an article yields.
EXTRACTOR_VERSION = "2"
#: What sort of happening an event reports (salience ranks them).
EVENT_KINDS: tuple[str, ...] = (
    "result", "death", "decision", "vote", "launch", "announcement", "legal", "plan",
    "action", "statement", "state",
)
MAX_PUBLICATION_EVENTS = 3
#: Quotes longer than this are cut to the stretch of the sentence around the date.
MAX_QUOTE_CHARS = 400

#: edtf_precision parses with pyparsing (~ms per call): an article repeats few distinct dates.
_ENTRY_NAMESPACE = uuid.UUID("8f0e4c2a-3b7d-5e61-9a4f-2c1d7b6e5a30")
_UNPLACEABLE_TYPES = frozenset({"DURATION", "SET"})
#: Words a dateline may hold besides its date ("Publicado el ... a las 10:32").
_DATELINE_WORDS = frozenset(
    {"publicado", "actualizado", "published", "updated", "el", "on", "at", "a", "las", "la",
     "the", "de", "del", "hs", "h", "por", "by", "fecha", "date", "am", "pm", "y", "and"}
)
_WORDS = re.compile(r"[^\W\d_]+")

_PAST_ES = re.compile(r"[a-záéíóúñü]{3,}(?:ó|aron|ieron)")
_PAST_EN = re.compile(r"[a-z]{3,}ed")
_IRREGULAR_PAST: dict[str, frozenset[str]] = {
    "es": frozenset(
        {"dijo", "dijeron", "hizo", "hicieron", "dio", "dieron", "puso", "propuso", "tuvo",
         "obtuvo", "mantuvo", "sostuvo", "vino", "trajo", "condujo", "supo", "quiso", "pidió"}
    ),
    "en": frozenset(
        {"said", "told", "met", "won", "lost", "took", "made", "gave", "held", "spoke", "wrote",
         "sent", "left", "began", "led", "struck", "sought", "brought", "chose", "ran", "went",
         "came", "put", "set", "cut", "paid", "sold", "bought", "built", "fell", "rose", "broke",
         "swore", "threw", "knew", "saw", "stood", "withdrew", "became", "found"}
    ),
}
_NOT_PAST: dict[str, frozenset[str]] = {
    "es": frozenset({"dominó", "rococó", "bordó"}),
    "en": frozenset(
        {"need", "needed", "indeed", "speed", "seed", "feed", "breed", "embed", "proceed",
         "exceed", "succeed", "united", "based", "related", "limited", "expected", "armed",
         "red", "bed", "shed", "hundred", "detailed", "concerned", "interested", "involved"}
    ),
}


@dataclass(frozen=True, slots=True)
class ExtractedEvent:
    """A dated event found in an article; offsets are into ``Article.text``."""

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
    timex_text: str  # "" for publication-anchored events
    timex_value: str  # TIMEX3 value; "" for publication-anchored events
    actors: tuple[str, ...]  # people and organisations, canonical names ("José Antonio Kast")
    lang: str
    places: tuple[str, ...] = ()  # countries, cities, regions named in the clause
    salience: float = 0.5  # 0..1: how much a journalist would want it on a timeline
    kind: str = "action"  # one of EVENT_KINDS: what sort of happening the clause reports
    extractor_version: str = EXTRACTOR_VERSION


def extract_events(
    article: Article, *, extractor_version: str = EXTRACTOR_VERSION
) -> tuple[ExtractedEvent, ...]:
    """The article's events, in text order."""
    timexes = tag_for_events(article.text, article.published, article.lang)
    return events_from_timexes(article, timexes, extractor_version=extractor_version)


def events_from_timexes(
    article: Article, timexes: Sequence[Timex], *, extractor_version: str = EXTRACTOR_VERSION
) -> tuple[ExtractedEvent, ...]:
    """Events from date expressions already found in ``article.text`` (the tagger's output)."""
    sentences = split_sentences(article.text)
    dated: list[tuple[int, ExtractedEvent]] = []
    with_dates: set[Span] = set()
    for timex in timexes:
        sentence = _sentence_at(sentences, timex.start)
        event = _dated_event(article, sentence, timex, extractor_version) if sentence else None
        if sentence and (event or _is_dateline(sentence, timex)):
            with_dates.add(sentence)
        if event is not None:
            dated.append((timex.start, event))
    undated = [s for s in sentences if s not in with_dates]
    anchored = _publication_events(article, undated, extractor_version)
    ordered = sorted([*dated, *anchored], key=lambda pair: pair[0])
    return _unique(event for _, event in ordered)


def entry_id_for(article_content_hash: str, index: int) -> str:
    """A deterministic id for the ``index``-th event of the article with this content hash."""
    return str(uuid.uuid5(_ENTRY_NAMESPACE, f"{article_content_hash}:{index}"))


def _sentence_at(sentences: Sequence[Span], offset: int) -> Span | None:
    return next((s for s in sentences if s.start <= offset < s.end), None)


def _dated_event(
    article: Article, sentence: Span, timex: Timex, version: str
) -> ExtractedEvent | None:
    if timex.type in _UNPLACEABLE_TYPES or _is_dateline(sentence, timex):
        return None
    edtf = timex_to_edtf(timex.value, timex.mod)
    if edtf is None:
        return None
    local = (timex.start - sentence.start, min(timex.end, sentence.end) - sentence.start)
    quote_start, quote_end = _quote_bounds(sentence, timex)
    return ExtractedEvent(
        headline=make_headline(sentence.text, local, article.lang),
        sentence=sentence.text,
        sentence_start=sentence.start,
        sentence_end=sentence.end,
        quote=article.text[quote_start:quote_end],
        quote_start=quote_start,
        quote_end=quote_end,
        date=edtf,
        precision=edtf_precision(edtf),
        derivation=timex.derivation,
        timex_text=timex.text,
        timex_value=timex.value,
        actors=find_actors(sentence.text, article.lang),
        lang=article.lang,
        extractor_version=version,
    )


def _is_dateline(sentence: Span, timex: Timex) -> bool:
    """Whether the sentence says nothing but the date (and 'Publicado el', a time...)."""
    outside = sentence.text[: timex.start - sentence.start] + " "
    outside += sentence.text[timex.end - sentence.start :]
    words = [w.lower() for w in _WORDS.findall(outside)]
    return all(w in _DATELINE_WORDS for w in words)


def _quote_bounds(sentence: Span, timex: Timex) -> tuple[int, int]:
    """The sentence, or for a very long one the ``MAX_QUOTE_CHARS`` around the date."""
    if sentence.end - sentence.start <= MAX_QUOTE_CHARS:
        return sentence.start, sentence.end
    middle = (timex.start + timex.end) // 2
    start = max(sentence.start, middle - MAX_QUOTE_CHARS // 2)
    end = min(sentence.end, start + MAX_QUOTE_CHARS)
    text = sentence.text
    while start > sentence.start and not text[start - sentence.start - 1].isspace():
        start += 1
    while end < sentence.end and not text[end - sentence.start].isspace():
        end -= 1
    return start, max(end, start + 1)


def _publication_events(
    article: Article, sentences: Iterable[Span], version: str
) -> list[tuple[int, ExtractedEvent]]:
    found: list[tuple[int, ExtractedEvent]] = []
    for sentence in sentences:
        if len(found) == MAX_PUBLICATION_EVENTS:
            break
        actors = find_actors(sentence.text, article.lang)
        verb = _past_action_at(sentence.text, article.lang) if actors else None
        if verb is not None:
            found.append((sentence.start, _anchored(article, sentence, actors, verb, version)))
    return found


def _past_action_at(sentence: str, lang: str) -> int | None:
    """Offset of the first past-tense verb in a statement (not a question), if any."""
    if sentence.rstrip().endswith("?"):
        return None
    pattern = _PAST_ES if lang == "es" else _PAST_EN if lang == "en" else None
    excluded = _NOT_PAST.get(lang, frozenset())
    irregular = _IRREGULAR_PAST.get(lang, frozenset())
    for match in _WORDS.finditer(sentence.lower()):
        word = match.group()
        if word in irregular or (pattern and pattern.fullmatch(word) and word not in excluded):
            return match.start()
    return None


def _anchored(
    article: Article, sentence: Span, actors: tuple[str, ...], verb: int, version: str
) -> ExtractedEvent:
    return ExtractedEvent(
        headline=make_headline(sentence.text, None, article.lang, focus=verb),
        sentence=sentence.text,
        sentence_start=sentence.start,
        sentence_end=sentence.end,
        quote=sentence.text,
        quote_start=sentence.start,
        quote_end=sentence.end,
        date=article.published.isoformat(),
        precision="day",
        derivation="publication",
        timex_text="",
        timex_value="",
        actors=actors,
        lang=article.lang,
        extractor_version=version,
    )


def _unique(events: Iterable[ExtractedEvent]) -> tuple[ExtractedEvent, ...]:
    seen: set[tuple[str, str]] = set()
    kept: list[ExtractedEvent] = []
    for event in events:
        key = (event.date, event.headline.casefold())
        if key not in seen:
            seen.add(key)
            kept.append(event)
    return tuple(kept)
