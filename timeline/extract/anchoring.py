"""Each clause's date: the date expression that governs it, else the narrative time, else the
publication date.

* **Governing expression**: a placeable date expression inside the clause, the nearest to its
  verb, unless the clause merely refers to it: a deadline or target ("by 2012", "de cara al 14
  de diciembre", "hasta 2030"), a comparison ("than the previous year", "que en 2019"), words
  in quotation marks, or a dateline sentence that says nothing but the date.
* **Inherited**: a clause that continues another (a complement "said yesterday that ...", a
  participle ", saying ...", words quoted by the clause that reports them, or a coordinated
  past clause after a dated one) takes that clause's date.
* **Narrative time**: a clause in the simple past takes the date of the last day- or
  month-precise past happening earlier in its paragraph (the present perfect, "has filed", is
  news of the day and does not) (not the date under an embedded post). A result ("won
  52%", "obtuvo el 23,94%") with neither takes the article's news peg: the latest day in the
  week before publication that the article names.
* **Publication**: anything else, marked ``publication`` so a viewer can say so.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from timeline.dates import edtf_bounds, edtf_precision
from timeline.extract.document import Anchor, Clause, Document
from timeline.extract.normalize import timex_to_edtf
from timeline.model import Timex

_PLACEABLE = frozenset({"DATE", "TIME"})
#: Words right before a date expression that make it a deadline, target or comparison.
_REFERRING = re.compile(
    r"(?i)\b(?:by|until|till|before|ahead\s+of|than|compared\s+(?:with|to)|versus|vs\.?"
    r"|hasta|antes\s+del?|de\s+cara\s+al?|rumbo\s+al?|con\s+miras\s+al?|respecto\s+(?:al?|del?)"
    r"|frente\s+al?|comparad[oa]s?\s+con|(?:más|menos|mayor|menor)\s+(?:\w+\s+){0,2}?que)"
    r"\s+(?:(?:el|la|los|las|del|en|the|a|an|in)\s+)?$"
    r"|(?:%|percent|por\s+ciento|points?|puntos?)\s+(?:\w+\s+){0,2}?(?:from|over|desde)\s+$"
)
_LOOKBACK = 24
_LEADING_WORDS = re.compile(r"(?i)(?:(?:al|a|el|la|del|de|the|on|in|by|until|hasta)\s+)+")
_INHERITING = frozenset({"complement", "participle", "quote"})
_DATELINE_WORDS = frozenset(
    {"publicado", "actualizado", "published", "updated", "el", "on", "at", "a", "las", "la",
     "the", "de", "del", "hs", "h", "por", "by", "fecha", "date", "am", "pm", "y", "and",
     "posted", "last"}
)
_WORDS = re.compile(r"[^\W\d_]+")
_PEG_DAYS = 7
_CARRIES = frozenset({"day", "month"})
_PAST = frozenset({"past", "perfect"})
_CONTINUING = frozenset({"coordinate", "main"})
_SIGNATURE = re.compile(r"\(@\w+\)\s*$")


def anchor(doc: Document) -> Document:
    """The anchor layer: one Anchor per clause."""
    by_clause = _timexes_by_clause(doc)
    publication = Anchor(doc.published.isoformat(), "publication")
    peg = _news_peg(doc)
    anchors: list[Anchor] = []
    narrative: Anchor | None = None
    paragraph = -1
    for index, clause in enumerate(doc.clauses):
        sentence = doc.sentences[clause.sentence]
        if sentence.paragraph != paragraph:
            paragraph, narrative = sentence.paragraph, None
        own = _governing(doc, clause, by_clause[index])
        found = own or _inherited(clause, anchors, doc.clauses)
        if found is None and clause.tense == "past":
            found = narrative or (peg if clause.kind == "result" else None)
        elif found is None and clause.tense == "perfect" and clause.kind == "result":
            found = peg
        anchors.append(found or publication)
        if own is not None and _sets_narrative(doc, own, clause):
            narrative = Anchor(own.date, "narrative", own.timex)
    return doc.with_layer(anchors=tuple(anchors))


def _timexes_by_clause(doc: Document) -> list[list[Timex]]:
    """The date expressions starting inside each clause (one pass over both, both sorted)."""
    result: list[list[Timex]] = [[] for _ in doc.clauses]
    k = 0
    for index, clause in enumerate(doc.clauses):
        while k < len(doc.timexes) and doc.timexes[k].start < clause.start:
            k += 1
        j = k
        while j < len(doc.timexes) and doc.timexes[j].start < clause.end:
            result[index].append(doc.timexes[j])
            j += 1
    return result


def _governing(doc: Document, clause: Clause, timexes: list[Timex]) -> Anchor | None:
    usable = []
    for timex in timexes:
        edtf = _placeable(timex)
        if edtf is not None and not _merely_referred(doc, clause, timex):
            usable.append((timex, edtf))
    if not usable:
        return None
    verb_at = doc.tokens[clause.verb].start if clause.verb is not None else clause.start
    timex, edtf = min(usable, key=lambda pair: abs(pair[0].start - verb_at))
    return Anchor(edtf, timex.derivation, timex)


def _placeable(timex: Timex) -> str | None:
    if timex.type not in _PLACEABLE:
        return None
    return timex_to_edtf(timex.value, timex.mod)


def _merely_referred(doc: Document, clause: Clause, timex: Timex) -> bool:
    before = doc.text[max(clause.start, timex.start - _LOOKBACK) : timex.start]
    lead = _LEADING_WORDS.match(timex.text)  # a tagger may take "al" into "al 14 de diciembre"
    if _REFERRING.search(before) or (lead and _REFERRING.search(before + lead.group())):
        return True
    if clause.role != "quote" and _inside_quotes(doc, timex.start):
        return True
    return _is_dateline(doc, clause, timex)


def _inside_quotes(doc: Document, offset: int) -> bool:
    token = doc.token_at(offset)
    return token is not None and token.quoted


def _is_dateline(doc: Document, clause: Clause, timex: Timex) -> bool:
    sentence = doc.sentences[clause.sentence]
    outside = doc.text[sentence.start : timex.start] + " " + doc.text[timex.end : sentence.end]
    return all(w.lower() in _DATELINE_WORDS for w in _WORDS.findall(outside))


def _inherited(clause: Clause, anchors: list[Anchor], clauses: tuple[Clause, ...]) -> Anchor | None:
    """The date of the clause this one continues: what a statement said, a participle, quoted
    words; or, between past clauses, the clause it is coordinated with or follows after a colon
    or semicolon in the same sentence ("Entre 1978 y 1982 fue ministro: ... se dedicó a ...")."""
    head_index = clause.head if clause.head is not None else _previous_in_sentence(
        clause, len(anchors) - 1, clauses)
    if head_index is None or head_index >= len(anchors):
        return None
    head = anchors[head_index]
    if head.derivation == "publication":
        return None
    if clause.role in _INHERITING:
        return Anchor(head.date, "narrative", head.timex)
    head_tense = clauses[head_index].tense
    if clause.role in _CONTINUING and clause.tense in _PAST and head_tense in _PAST:
        return Anchor(head.date, "narrative", head.timex)
    return None


def _previous_in_sentence(
    clause: Clause, previous: int, clauses: tuple[Clause, ...]
) -> int | None:
    """A main clause after a colon or semicolon continues the clause before it."""
    if clause.role != "main" or previous < 0 or clauses[previous].sentence != clause.sentence:
        return None
    return previous


def _sets_narrative(doc: Document, found: Anchor, clause: Clause) -> bool:
    """The dates of past day- or month-precise happenings carry on (not a post's date)."""
    if clause.tense not in _PAST or found.timex is None:
        return False
    if _SIGNATURE.search(doc.text[max(0, found.timex.start - 40) : found.timex.start]):
        return False
    return (edtf_precision(found.date) in _CARRIES
            and edtf_bounds(found.date)[0] <= doc.published)


def _news_peg(doc: Document) -> Anchor | None:
    """The latest day in the week before publication (not the day itself) the article names."""
    best: tuple[date, Timex, str] | None = None
    earliest = doc.published - min(timedelta(days=_PEG_DAYS), doc.published - date.min)
    for timex in doc.timexes:
        edtf = _placeable(timex)
        if edtf is None or edtf_precision(edtf) != "day":
            continue
        day = edtf_bounds(edtf)[0]
        if earliest <= day < doc.published and (best is None or day > best[0]):
            best = (day, timex, edtf)
    return None if best is None else Anchor(best[2], "narrative", best[1])
