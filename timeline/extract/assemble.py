"""The last stage: which clauses are events, and each event's record.

A clause is an event when it reports something (it has a finite verb, or in a language we have
no verb data for, the sentence has a few words) outside questions and page furniture, and is
not a definition ("X is a Y"). A clause that only completes another (what a statement said, a
participle, a subordinate clause, quoted words) joins that clause's event unless it has a date
of its own or reports a strong happening (a death, a result, a decision, a vote, a launch, a
legal step). An article that says the same thing twice (its lead and its body) yields it
once: same date and same kind in different paragraphs, with actors in common.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from timeline.dates import edtf_precision
from timeline.extract.document import Anchor, Clause, Document
from timeline.extract.headline import clip, embedded_post, tidy
from timeline.extract.naming import Naming, clause_headline, name_clauses
from timeline.extract.record import ExtractedEvent
from timeline.extract.salience import salience
from timeline.extract.verbs import content_verb, lexicon

_STRONG = frozenset({"death", "result", "decision", "vote", "launch", "legal"})
_DEPENDENT = frozenset({"complement", "participle", "subordinate", "quote"})
_COPULAS = frozenset({"is", "are", "was", "were", "es", "son", "era", "eran", "fue"})
_INDEFINITE = frozenset({"a", "an", "un", "una"})
_FIRST_AND_SECOND_PERSON = frozenset(
    {"i", "i'm", "i've", "i'd", "i'll", "we", "we're", "we've", "you", "yo", "nosotros",
     "nosotras", "usted", "ustedes", "tú", "vosotros"}
)
_MODALS = frozenset({"can", "may", "must", "puede", "pueden", "debe", "deben"})
_ARTICLES = frozenset({"the", "this", "these", "those", "el", "la", "los", "las", "este",
                       "esta", "estos", "estas"})
_POST = re.compile(r"\(@\w+\)\s*$")
_MIN_WORDS_WITHOUT_VERBS = 5
_WORD = re.compile(r"\w+")
#: How many earlier events of the same date a new one is compared with.
_COMPARED = 40
_SHORT_HEADLINE = 3
_QUOTE_EDGES = " \"“”«»,.;:"
_QUOTE_MARKS = frozenset('"“«')
_QUOTE_CLOSERS = frozenset('"”»')
_MAX_QUOTED = 400


def build_events(doc: Document) -> Document:
    """The event layer, in text order."""
    namings = name_clauses(doc)
    groups = _groups(doc)
    keyed = [(_event(doc, head, members, namings[head]), _paragraph_and_verb(doc, head))
             for head, members in groups.items()]
    return doc.with_layer(events=tuple(_unique(keyed)))


def _paragraph_and_verb(doc: Document, index: int) -> tuple[int, str]:
    clause = doc.clauses[index]
    words = [t.text for t in doc.tokens[clause.verb : clause.verb + 4]] if clause.verb else []
    verb = content_verb(words, 0, doc.lang) if words else ""
    return doc.sentences[clause.sentence].paragraph, verb


def _groups(doc: Document) -> dict[int, list[int]]:
    """Event clauses (by index), each with the clauses that join it."""
    groups: dict[int, list[int]] = {}
    joining: list[int] = []
    for index, clause in enumerate(doc.clauses):
        if not _usable_sentence(doc, clause):
            continue
        if clause.role in _DEPENDENT and clause.head is not None and not _stands_alone(doc, index):
            joining.append(index)
        elif _reports(doc, index):
            groups[index] = [index]
    for index in joining:
        head = doc.clauses[index].head
        if head in groups:
            groups[head].append(index)
    return groups


def _usable_sentence(doc: Document, clause: Clause) -> bool:
    sentence = doc.sentences[clause.sentence]
    return not (sentence.question or sentence.boilerplate)


def _reports(doc: Document, index: int) -> bool:
    clause = doc.clauses[index]
    if clause.verb is None:
        words = len(_WORD.findall(doc.text[clause.start : clause.end]))
        without_verb_data = lexicon(doc.lang) is None
        return (without_verb_data and words >= _MIN_WORDS_WITHOUT_VERBS) or _is_post(doc, index)
    return not (_is_definition(doc, clause) or _is_description(doc, index))


def _is_definition(doc: Document, clause: Clause) -> bool:
    """Present-tense "X is a Y" / "X es un Y": background, not a happening."""
    assert clause.verb is not None
    verb = doc.tokens[clause.verb]
    after = doc.tokens[clause.verb + 1] if clause.verb + 1 < len(doc.tokens) else None
    return (clause.tense == "present" and verb.text.lower() in _COPULAS and after is not None
            and after.text.lower() in _INDEFINITE)


def _is_description(doc: Document, index: int) -> bool:
    """A generic statement: a modal in the present tense about a bare plural ("Visitors can
    borrow ten books", "Los socios pueden votar"), with no date and no one named."""
    clause = doc.clauses[index]
    if clause.tense != "present" or clause.verb is None or clause.subject is None:
        return False
    if doc.tokens[clause.verb].text.lower() not in _MODALS:
        return False
    subject = doc.text[clause.subject[0] : clause.subject[1]].split()
    bare_plural = subject[0].lower() not in _ARTICLES and subject[-1].lower().endswith("s")
    named = any(m.kind == "actor" for m in doc.mentions_between(clause.start, clause.end))
    return bare_plural and doc.anchors[index].derivation == "publication" and not named


def _speaks_in_person(doc: Document, clause: Clause) -> bool:
    """"I wanted to help him", "Nosotros vamos a ganar": someone's words (quoted without
    quotation marks), not the reporter's account: kept, but as a minor event."""
    if clause.subject is None:
        return False
    words = doc.text[clause.subject[0] : clause.subject[1]].lower().split()
    return len(words) == 1 and words[0].strip("'’") in _FIRST_AND_SECOND_PERSON


def _is_post(doc: Document, index: int) -> bool:
    clause = doc.clauses[index]
    found = doc.anchors[index].timex
    return found is not None and bool(_POST.search(doc.text[clause.start : found.start]))


def _stands_alone(doc: Document, index: int) -> bool:
    clause = doc.clauses[index]
    mine, head = doc.anchors[index], doc.anchors[clause.head] if clause.head is not None else None
    own_date = mine.derivation in ("explicit", "relative") and (
        head is None or head.date != mine.date)
    return clause.verb is not None and (own_date or clause.kind in _STRONG)


def _event(doc: Document, head: int, members: list[int], naming: Naming) -> ExtractedEvent:
    clause = doc.clauses[head]
    found = doc.anchors[head]
    sentence = doc.sentences[clause.sentence]
    start = min(doc.clauses[i].start for i in members)
    end = max(doc.clauses[i].end for i in members)
    actors, places = _names(doc, start, end, naming)
    precision = edtf_precision(found.date)
    kind = _background(clause, found)
    return ExtractedEvent(
        headline=_headline(doc, head, found, naming, members),
        sentence=doc.text[sentence.start : sentence.end],
        sentence_start=sentence.start, sentence_end=sentence.end,
        quote=doc.text[start:end], quote_start=start, quote_end=end,
        date=found.date, precision=precision, derivation=found.derivation,
        timex_text=found.timex.text if found.timex else "",
        timex_value=found.timex.value if found.timex else "",
        actors=actors, lang=doc.lang, places=places, kind=kind,
        salience=salience(kind, derivation=found.derivation,
                          has_actor=bool(actors), has_subject=naming.subject is not None,
                          in_lead=sentence.paragraph == 0,
                          in_person=_speaks_in_person(doc, clause)),
    )


def _background(clause: Clause, found: Anchor) -> str:
    """A present-tense action with no date of its own ("Seasonal flu is caused by viruses",
    "Cisco vende dispositivos") says how things are: a ``state``, not a happening."""
    if clause.tense == "present" and clause.kind == "action" and found.derivation == "publication":
        return "state"
    return clause.kind


def _headline(
    doc: Document, head: int, found: Anchor, naming: Naming, members: list[int]
) -> str:
    clause = doc.clauses[head]
    sentence = doc.sentences[clause.sentence]
    text = doc.text[sentence.start : sentence.end]
    if found.timex is not None:
        post = embedded_post(text, found.timex.start - sentence.start)
        if post:
            return post
    headline = clause_headline(doc, head, naming)
    said = _what_was_said(doc, clause, members)
    if len(headline.split()) <= _SHORT_HEADLINE and said is not None:
        colon = ":" if said.role == "quote" else ""
        words = doc.text[said.start : said.end].strip(_QUOTE_EDGES)
        headline = tidy(clip(f"{headline}{colon} {words}"))
    elif len(headline.split()) <= _SHORT_HEADLINE and (quoted := _quoted_words(doc, clause)):
        headline = tidy(clip(f"{headline}: {quoted}"))
    return headline if len(headline.split()) >= 2 else tidy(clip(text))


def _quoted_words(doc: Document, clause: Clause) -> str:
    """What a short statement said: the quoted words its clause opens with ('"We love them,"
    said ...'), else the sentence before it when that one closes a quotation ('"…" / he said.')."""
    words = _leading_quote(doc, clause)
    if words or clause.kind != "statement" or clause.sentence == 0:
        return words
    previous = doc.sentences[clause.sentence - 1]
    text = doc.text[previous.start : previous.end]
    closes = text.rstrip().endswith(tuple(_QUOTE_CLOSERS)) and len(text) <= _MAX_QUOTED
    return text.strip(_QUOTE_EDGES) if closes else ""


def _leading_quote(doc: Document, clause: Clause) -> str:
    i = bisect_left(doc.tokens, clause.start, key=lambda t: t.start)
    if i >= len(doc.tokens) or doc.tokens[i].text not in _QUOTE_MARKS:
        return ""
    j = i + 1
    while j < len(doc.tokens) and doc.tokens[j].quoted and doc.tokens[j].start < clause.end:
        j += 1
    return doc.text[doc.tokens[i].end : doc.tokens[j - 1].end].strip(_QUOTE_EDGES)


def _what_was_said(doc: Document, clause: Clause, members: list[int]) -> Clause | None:
    """The clause that completes a short statement: what follows it, else the quoted words."""
    others = [doc.clauses[i] for i in members[1:]]
    after = [c for c in others if c.start >= clause.end]
    quoted = [c for c in others if c.role == "quote"]
    return after[0] if after else (quoted[0] if quoted else None)


def _names(
    doc: Document, start: int, end: int, naming: Naming
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    actors: list[str] = [naming.subject] if naming.subject and naming.subject_is_actor else []
    places: list[str] = []
    for mention in doc.mentions_between(start, end):
        bucket = actors if mention.kind == "actor" else places
        if mention.name not in bucket:
            bucket.append(mention.name)
    return tuple(a for a in actors if a not in places), tuple(places)


_Keyed = tuple[ExtractedEvent, tuple[int, str]]


def _unique(events: list[_Keyed]) -> list[ExtractedEvent]:
    """Events without the restatements of earlier ones: the same headline on the same date, or
    one of the last few events of the same date and kind saying it again (linear work)."""
    kept: list[ExtractedEvent] = []
    headlines: set[tuple[str, str]] = set()
    by_kind: dict[tuple[str, str], list[_Told]] = {}
    for event, (paragraph, verb) in events:
        said = (event.date, event.headline.casefold())
        earlier = by_kind.setdefault((event.date, event.kind), [])
        mine = (frozenset(event.actors), paragraph, verb)
        if said in headlines or (mine[0] and any(
                _same(other, mine) for other in earlier[-_COMPARED:])):
            continue  # (an event naming no actor shares none: the same as no other)
        kept.append(event)
        headlines.add(said)
        earlier.append(mine)
    return kept


#: What telling an event again is judged on: its actors, paragraph and verb.
_Told = tuple[frozenset[str], int, str]


def _same(a: _Told, b: _Told) -> bool:
    """The same happening told again in another paragraph: two actors in common, or one
    actor and the same verb (same date and kind already)."""
    (actors_a, paragraph_a, verb_a), (actors_b, paragraph_b, verb_b) = a, b
    if paragraph_a == paragraph_b:
        return False
    shared = len(actors_a & actors_b)
    return shared >= 2 or (shared == 1 and verb_a[:5] == verb_b[:5])
