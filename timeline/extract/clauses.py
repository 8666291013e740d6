"""Clauses: each sentence cut where a new predicate starts, one reported happening per clause.

A sentence is cut before a coordinating conjunction ("and launched ..."), a relative pronoun
(", quien obtuvo ..."), a complementizer after a verb ("said that ..."), an English participle
or a subordinator after a comma (", prompting ...", ", when ..."), after ``; : —``, and where
quotation marks open or close.
A cut stands only if the stretch on each side has a finite verb of its own, so "that day",
"y Jeannette Jara" or "according to figures" never make a clause. Each clause records how it
hangs off the sentence (its role and head), its predicate's verb, tense and kind, and the
subject it states, if any. Languages without verb data keep whole sentences as clauses.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from timeline.extract.document import Clause, Document, Role, Sentence, Tense, Token
from timeline.extract.verbs import (
    Lexicon,
    clause_tense,
    content_verb,
    finite_tenses,
    kind_of,
    participle_at,
    participle_endings,
)
from timeline.extract.verbs import lexicon as lexicon_for

_QUOTE_MARKS = frozenset('"“”«»‘’')
_OPENERS = _QUOTE_MARKS | frozenset({":", "—", "–", "(", "¿", "¡", "-"})
_HARD_BREAKS = frozenset({";", ":", "—", "–"})
_NOT_SUBJECT_START = frozenset(
    {"in", "on", "at", "for", "from", "with", "after", "before", "since", "during", "en",
     "desde", "entre", "between", "al", "hace", "tras", "durante", "con", "para", "por",
     "según", "according", "as", "like",
     "also", "then", "later", "luego", "además", "también", "ya", "no", "not", "only", "solo"}
)
_NOUN_BLOCKERS = frozenset(
    {"más", "menos", "lo", "ya", "así", "tanto", "mayor", "menor", "antes", "después", "de",
     "hasta", "para", "sin", "so", "such", "now", "given", "than", "solo", "sólo", "only",
     "just", "not", "no"}
)
_MARKER_WORDS_SKIPPED = 1
#: Relative words that are not the subject of their clause ("where most of the deaths happened").
_ADVERBIAL_RELATIVES = frozenset({"where", "when", "whose", "donde", "cuando", "cuyo", "cuya",
                                  "cuyos", "cuyas"})
_SUBJECT_OPENERS = frozenset({"the", "a", "an", "this", "these", "those", "he", "she", "they",
                              "we", "it"})
_DETERMINERS = frozenset({"el", "la", "los", "las", "un", "una", "the", "a", "an", "its", "su"})
_CLITICS = frozenset({"se", "lo", "la", "le", "les", "me", "nos", "te"})
#: -ing words that work as prepositions after a comma (", according to ...").
_PREPOSITIONAL_ING = frozenset(
    "according including regarding following concerning excluding considering starting "
    "ranging totaling totalling amounting beginning pending notwithstanding".split()
)


@dataclass(frozen=True, slots=True)
class _Segment:
    start: int  # token index, local to the sentence
    end: int
    role: Role


def find_clauses(doc: Document) -> Document:
    """The clause layer: every sentence's clauses, in text order."""
    lex = lexicon_for(doc.lang)
    clauses: list[Clause] = []
    for index, (first, last) in enumerate(_token_ranges(doc)):
        sentence = doc.sentences[index]
        tokens = doc.tokens[first:last]
        if lex is None or not tokens:
            clauses.append(Clause(sentence.start, sentence.end, index, "main", None, None,
                                  "none", "action", None))
            continue
        clauses.extend(_sentence_clauses(doc, sentence, index, (first, tokens), lex,
                                         len(clauses)))
    return doc.with_layer(clauses=tuple(clauses))


def _token_ranges(doc: Document) -> list[tuple[int, int]]:
    ranges = [(0, 0)] * len(doc.sentences)
    tokens, count = doc.tokens, len(doc.tokens)
    i = 0
    for index in range(len(doc.sentences)):
        first = i
        while i < count and tokens[i].sentence == index:
            i += 1
        ranges[index] = (first, i)
    return ranges


def _sentence_clauses(
    doc: Document, sentence: Sentence, index: int, located: tuple[int, tuple[Token, ...]],
    lex: Lexicon, base: int,
) -> list[Clause]:
    first, tokens = located
    words = [t.text for t in tokens]
    lowers = [w.lower() for w in words]
    verbs = finite_tenses(words, lowers, doc.lang, _OPENERS)
    endings = participle_endings(doc.lang)
    reduced = {i for i in range(1, len(words)) if lowers[i].endswith(endings)
               and _reduced_relative(doc, tokens, words, i, verbs)} if endings else set()
    participles = {i for i in range(1, len(words)) if words[i - 1] == ","
                   and _participle(words, i)} if lex.lang == "en" else set()
    for i in participles:  # ", prompting ...": the participle is its clause's verb
        verbs.setdefault(i, "none")
    for i in reduced - participles:
        verbs[i] = "past"
    segments = _merged(_segments(words, lowers, tokens, verbs, lex, reduced), tokens, verbs)
    clauses: list[Clause] = []
    for k, seg in enumerate(segments):
        start = sentence.start if k == 0 else tokens[seg.start].start
        end = sentence.end if k == len(segments) - 1 else tokens[seg.end - 1].end
        verb = _first_verb(seg, tokens, verbs)
        tense: Tense = "none" if verb is None else clause_tense(words, verb, verbs[verb])
        kind = "action" if verb is None else kind_of(content_verb(words, verb, doc.lang),
                                                     doc.lang)
        head = _head(k, segments, base)
        subject = _subject(seg, verb, tokens, lex, doc) if seg.role != "quote" else None
        if seg.role == "participle" and participle_at(words, seg.start, doc.lang):
            subject = _noun_phrase_before(tokens, seg.start)
        clauses.append(Clause(start, end, index, seg.role, head,
                              None if verb is None else first + verb,
                              tense, kind, subject))
    return clauses


def _segments(
    words: list[str], lowers: list[str], tokens: tuple[Token, ...], verbs: dict[int, Tense],
    lex: Lexicon, reduced: set[int],
) -> list[_Segment]:
    cuts: dict[int, Role] = {0: "quote" if _quoted_at(tokens, 0) else "main"}
    markers = _marker_words(lex)
    for i in range(1, len(words)):
        cut: tuple[int, Role] | None = (i, "participle")
        if i in reduced:
            pass
        elif (lowers[i] in markers or words[i - 1] == ","
              or tokens[i].quoted != tokens[i - 1].quoted):
            cut = _cut_at(i, words, lowers, tokens, verbs, lex)
        else:
            continue  # no cut can fall here (see _cut_at)
        if cut is not None and cut[0] < len(words):
            cuts.setdefault(cut[0], cut[1])
    starts = sorted(cuts)
    return [_Segment(s, e, cuts[s]) for s, e in zip(starts, [*starts[1:], len(words)],
                                                    strict=True)]


@lru_cache(maxsize=8)
def _marker_words(lex: Lexicon) -> frozenset[str]:
    """The words a cut may fall at without a comma before them or a quotation mark changing:
    ``_cut_at`` finds no cut at any other word."""
    return _HARD_BREAKS | lex.conjunctions | lex.relatives | lex.complementizers


def _quoted_at(tokens: tuple[Token, ...], i: int) -> bool:
    return tokens[i].quoted or (tokens[i].text in _QUOTE_MARKS and i + 1 < len(tokens)
                                and tokens[i + 1].quoted)


def _cut_at(
    i: int, words: list[str], lowers: list[str], tokens: tuple[Token, ...],
    verbs: dict[int, Tense], lex: Lexicon,
) -> tuple[int, Role] | None:
    word, prev = lowers[i], lowers[i - 1]
    if tokens[i].quoted and not tokens[i - 1].quoted:
        return (i - 1 if words[i - 1] in _QUOTE_MARKS else i), "quote"
    if tokens[i - 1].quoted and not tokens[i].quoted:
        return (i + 1 if words[i] in _QUOTE_MARKS else i), "main"
    if word in _HARD_BREAKS:
        return i + 1, "main"
    if word in lex.conjunctions:
        return i, "coordinate"
    if word in lex.relatives and (prev == "," or words[i - 1][:1].isupper()):
        return i, "relative"
    if word in lex.complementizers:
        return _complementizer(i, words, verbs)
    if lex.lang == "en" and _participle(words, i):
        return i, "participle"
    if word in lex.subordinators and prev == ",":
        return i, "subordinate"
    if prev == "," and (i in verbs or (word in _CLITICS and i + 1 in verbs)) and _verb_before(
            words, i, verbs):
        return i, "coordinate"  # "Haddad, who voted against it, said ...", "…, he said, would …"
    return None


def _verb_before(words: list[str], i: int, verbs: dict[int, Tense]) -> bool:
    """Whether the stretch between the previous comma and the comma before ``i`` has a verb
    (a relative or parenthetical clause just closed), unlike an apposition ("Papermaster, de
    49 años, había dejado")."""
    j = i - 2
    while j >= 0 and words[j] != ",":
        if j in verbs:
            return True
        j -= 1
    return False


def _reduced_relative(
    doc: Document, tokens: tuple[Token, ...], words: list[str], i: int, verbs: dict[int, Tense]
) -> bool:
    """A participle after an object noun, followed closely by a date: "mantuvo la paralización
    iniciada el domingo" reports a happening of its own ("The bridge closed in May" does not:
    no verb comes before its noun)."""
    if not participle_at(words, i, doc.lang):
        return False
    if not any(v < i - 1 and tense != "none" for v, tense in verbs.items()):
        return False
    return any(_timex_starts(doc, t.start) for t in tokens[i + 1 : i + 3])


def _timex_starts(doc: Document, offset: int) -> bool:
    found = doc.timex_at(offset)
    return found is not None and found.start == offset


def _participle(words: list[str], i: int) -> bool:
    word = words[i]
    return (words[i - 1] == "," and word.endswith("ing") and len(word) > 5 and word.islower()
            and word not in _PREPOSITIONAL_ING)


def _complementizer(i: int, words: list[str], verbs: dict[int, Tense]) -> tuple[int, Role] | None:
    prev = words[i - 1]
    if i - 1 in verbs:
        return i, "complement"
    if prev == "," or (prev.isalpha() and prev.lower() not in _NOUN_BLOCKERS):
        return i, "relative"
    return None


def _has_verb(seg: _Segment, tokens: tuple[Token, ...], verbs: dict[int, Tense]) -> bool:
    quoted = seg.role == "quote"
    return any(seg.start <= v < seg.end and tokens[v].quoted == quoted for v in verbs)


def _merged(
    segments: list[_Segment], tokens: tuple[Token, ...], verbs: dict[int, Tense]
) -> list[_Segment]:
    """Stretches without a verb of their own join the clause before them (or, opening the
    sentence, the one after them, unless that is a relative clause: "Haddad, who ...")."""
    merged: list[_Segment] = []
    for seg in segments:
        if merged and not _has_verb(seg, tokens, verbs):
            last = merged[-1]
            merged[-1] = _Segment(last.start, seg.end, last.role)
        elif merged and not _has_verb(merged[-1], tokens, verbs) and seg.role != "relative":
            last = merged[-1]
            role = seg.role if last.role in ("main", "quote") else last.role
            merged[-1] = _Segment(last.start, seg.end, "main" if role == "quote" else role)
        else:
            merged.append(seg)
    return merged


def _first_verb(seg: _Segment, tokens: tuple[Token, ...], verbs: dict[int, Tense]) -> int | None:
    quoted = seg.role == "quote"
    return next((v for v in sorted(verbs) if seg.start <= v < seg.end
                 and tokens[v].quoted == quoted), None)


def _head(k: int, segments: list[_Segment], base: int) -> int | None:
    role = segments[k].role
    if role == "main" or (role != "quote" and k == 0):
        return None
    others = [j for j, s in enumerate(segments) if s.role != "quote" and j != k]
    if role == "quote":
        after = [j for j in others if j > k]
        pick = after[0] if after else (others[-1] if others else None)
    else:  # the clause before it, past any quoted words
        pick = max((j for j in others if j < k), default=None)
    return None if pick is None else base + pick


def _subject(
    seg: _Segment, verb: int | None, tokens: tuple[Token, ...], lex: Lexicon, doc: Document
) -> tuple[int, int] | None:
    """The words between the clause's opener and its verb, if they can be a subject (date
    expressions and clitics aside: "El 14 de diciembre se enfrentará" states none)."""
    if verb is None or (seg.role == "relative"
                        and tokens[seg.start].text.lower() not in _ADVERBIAL_RELATIVES):
        return None
    first = seg.start
    if tokens[first].text.lower() in (lex.conjunctions | lex.relatives | lex.complementizers):
        first += _MARKER_WORDS_SKIPPED
    stop = verb
    while stop > first and tokens[stop - 1].text.lower() in _CLITICS:
        stop -= 1  # "Kast se comunicó": the clitic belongs to the verb
    words = [t for t in tokens[_last_chunk(tokens, first, stop) : stop]
             if (t.text[:1].isalnum() or t.text.startswith("@")) and not _in_timex(doc, t.start)]
    while words and words[0].text.lower() in lex.conjunctions:
        words = words[1:]  # "…, y luego se recupera": the conjunction opens the clause
    if words and words[0].text.lower() in _NOT_SUBJECT_START and lex.lang == "en":
        words = _after_last_determiner(words)  # "Since its launch the store has sold"
    if not words or words[0].text.lower() in _NOT_SUBJECT_START or (
            lex.lang == "es" and words[0].text.lower() == "a"):
        return None
    return words[0].start, words[-1].end


def _after_last_determiner(words: list[Token]) -> list[Token]:
    """An English clause always states its subject: after an opening phrase, it is the last
    noun phrase before the verb."""
    last = max((i for i, t in enumerate(words) if i and t.text.lower() in _SUBJECT_OPENERS),
               default=None)
    return words[last:] if last is not None else []


def _noun_phrase_before(tokens: tuple[Token, ...], i: int) -> tuple[int, int] | None:
    """"la paralización" in "la paralización iniciada el domingo": back to its determiner."""
    for j in range(i - 1, max(-1, i - 5), -1):
        if tokens[j].text.lower() in _DETERMINERS:
            return tokens[j].start, tokens[i - 1].end
    return None


def _last_chunk(tokens: tuple[Token, ...], first: int, stop: int) -> int:
    """Where the subject starts: after the last comma with words after it ("In a surprising
    move, Steve Jobs announced"), or the apposition between the last two commas ("La
    presidenta del sindicato, Marta Quiroga, reconoció")."""
    commas = [i for i in range(first, stop) if tokens[i].text == ","]
    if not commas:
        return first
    if commas[-1] < stop - 1:
        return commas[-1] + 1
    if len(commas) > 1 and tokens[commas[-2] + 1].text[:1].isupper():
        return commas[-2] + 1
    return first


def _in_timex(doc: Document, offset: int) -> bool:
    return doc.timex_at(offset) is not None

