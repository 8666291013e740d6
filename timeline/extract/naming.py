"""Who did what: each clause's subject resolved to a name, and a headline made of subject,
predicate and object.

The subject is the one the clause states ("Kast se comunicó ..."), else the one it shares
with the clause it hangs off (a coordinated, participle or complement clause), else for a
relative clause its antecedent (the last actor named before it in the sentence). A pronoun
("He", "ella"), an elided Spanish subject or a description ("el mandatario", "the CEO") is
the actor the article gave that title to ("el presidente Javier Milei"), else the last actor
that was a subject before it. The headline is that subject, then the clause from its verb on
without the date expression that dates it, clipped to a word boundary.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import islice

from timeline.extract.document import Anchor, Clause, Document, Mention
from timeline.extract.entities import roles
from timeline.extract.headline import clip, tidy

#: Personal pronouns: they stand for the last person (or organisation) that was a subject.
_PRONOUNS = frozenset({"he", "she", "they", "él", "ella", "ellos", "ellas", "we", "nosotros"})
#: Clauses whose stated subject becomes the one pronouns and elided subjects refer to.
_SETS_TOPIC = frozenset({"main", "coordinate", "relative"})
_MAX_CHAIN = 8
_NOT_NOUN_HEADS = frozenset(
    "de del por en con para desde hacia of in at by for from with to on and or y o e no not "
    "also ya también que who which quien quienes ni nor but pero as como".split()
)
_PERSONAL_RELATIVES = frozenset({"who", "whom", "quien", "quienes"})
#: Languages whose finite verbs often carry no subject: the topic is their subject.
_PRO_DROP = frozenset({"es", "it", "pt", "ca", "gl"})
_IMPERSONAL = frozenset({"hay", "hubo", "había", "habrá", "habría", "llueve", "nevó"})
#: Titles that name the same office ("el mandatario" is the article's "presidente").
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "mandatario": ("presidente", "mandatario"), "mandataria": ("presidenta", "mandataria"),
    "jefe": ("presidente", "jefe"), "president": ("president",), "presidente": ("presidente",),
    "ceo": ("ceo", "chief"), "executive": ("ceo", "chief"), "minister": ("minister",),
    "ministro": ("ministro",), "ministra": ("ministra",), "candidato": ("candidato",),
    "candidata": ("candidata",), "mayor": ("mayor",), "alcalde": ("alcalde",),
    "governor": ("governor",), "gobernador": ("gobernador",), "dictador": ("dictador",),
    "judge": ("judge", "justice"), "juez": ("juez",), "company": (), "compañía": (),
}
_DETERMINERS = frozenset({"el", "la", "the", "los", "las", "this", "ese", "esa", "este", "esta"})
_LEAD_INS = frozenset(
    {"el", "la", "los", "las", "en", "desde", "hasta", "para", "a", "de", "del", "al", "pasado",
     "próximo", "este", "esta", "durante", "on", "in", "at", "by", "since", "until", "from",
     "the", "of", "during", "last", "next", "this", "between", "entre", "around", "as"}
)
_WORD = re.compile(r"\S+")
_WORDS = re.compile(r"[^\W\d_]+")
_CLITICS = frozenset({"se", "lo", "la", "le", "les", "me", "nos", "te"})
_PREPOSITIONS = frozenset(
    {"de", "del", "por", "en", "con", "para", "desde", "hacia", "of", "in", "at", "by", "for",
     "from", "with", "to", "on"}
)
#: ", un alemán " / ", a German " between a name and the relative pronoun that follows.
_APPOSITION = re.compile(r",\s+(?:un|una|a|an|el|la|the)\s+[^\W\d]+(?:\s+[^\W\d]+)?\s*,?\s*")
#: "the outbreak, " right before a relative pronoun: a determiner and up to three words.
_NOUN_PHRASE_BEFORE = re.compile(
    r"(?i)\b((?:the|this|that|its|el|la|los|las|este|esta|dicho|dicha)(?:\s+[^\W\d][\w-]*){1,3})"
    r"\s*,?\s*$"
)
_PREDICATE_STOP = re.compile(r"\s*(?:[:;(]|\s[—–]\s)")
_SOFT_STOP = re.compile(
    r"(?i),\s|\s(?:y|and|e)\s+(?=(?:un|una|unos|unas|el|la|los|las|a|an|the)\s)")
_ENOUGH_WORDS = 5
_NON_SPACE = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class Naming:
    """The subject a clause is about (a canonical actor name, or words), and whether it is
    named right after the verb ('..., said coach Tom Reyes'): see :func:`clause_headline`."""

    subject: str | None
    subject_is_actor: bool
    inverted: bool = False


def name_clauses(doc: Document) -> list[Naming]:
    """A Naming per clause, in order (pronouns resolve against earlier clauses)."""
    titles = roles(doc)
    namings: list[Naming] = []
    last_actor: str | None = None
    for clause in doc.clauses:
        inverted = _inverted_subject(doc, clause) if clause.subject is None else None
        subject, is_actor = _subject(doc, clause, namings, titles, last_actor, inverted)
        if is_actor and _in_main_line(doc, clause):
            last_actor = subject
        namings.append(Naming(subject, is_actor, inverted is not None))
    return namings


def clause_headline(doc: Document, index: int, naming: Naming) -> str:
    """The headline of clause ``index`` (named by ``naming``), built only for the clauses that
    become events."""
    return _headline(doc, doc.clauses[index], naming, index)


def _in_main_line(doc: Document, clause: Clause) -> bool:
    """Whether the clause is the narrator's own line (not what someone said or a side remark),
    so its subject is the topic later pronouns and elided subjects refer to."""
    current: Clause | None = clause
    for _ in range(_MAX_CHAIN):
        if current is None:
            return True
        if current.role not in _SETS_TOPIC:
            return False
        current = doc.clauses[current.head] if current.head is not None else None
    return True


def _subject(
    doc: Document, clause: Clause, namings: list[Naming], titles: dict[str, str],
    last_actor: str | None, inverted: str | None,
) -> tuple[str | None, bool]:
    """``inverted``: the clause's :func:`_inverted_subject` (when it states no subject)."""
    if clause.subject is not None:
        return _resolve_words(doc, clause.subject, titles, last_actor)
    if inverted is not None:
        return inverted, True
    if clause.role == "relative":
        antecedent, is_actor = _antecedent(doc, clause, titles)
        if antecedent is not None:
            return antecedent, is_actor
    after_relative = _after_relative_clause(doc, clause)
    if after_relative is not None:
        return _resolve_words(doc, after_relative, titles, last_actor)
    if clause.head is not None and clause.head < len(namings):
        head = namings[clause.head]
        return head.subject, head.subject_is_actor
    if doc.lang in _PRO_DROP and clause.verb is not None and last_actor is not None:
        verb = doc.tokens[clause.verb].text.lower()
        if verb not in _IMPERSONAL:
            return last_actor, True  # "El 14 de diciembre se enfrentará con Jeannette Jara"
    return None, False


def _after_relative_clause(doc: Document, clause: Clause) -> tuple[int, int] | None:
    """"Mexico's crowded capital, where most deaths happened, hunkered down": a predicate after
    a relative clause belongs to the words before that clause."""
    if clause.role != "coordinate" or clause.head is None:
        return None
    relative = doc.clauses[clause.head]
    if relative.role != "relative" or relative.head is None:
        return None
    before = doc.clauses[relative.head]
    if before.verb is not None or before.sentence != clause.sentence:
        return None
    end = before.end
    while end > before.start and doc.text[end - 1] in " ,":
        end -= 1
    return before.start, end


def _inverted_subject(doc: Document, clause: Clause) -> str | None:
    """'..., said Apple CEO Steve Jobs' / '..., respondió Milei': the name right after the verb."""
    if clause.verb is None or clause.kind != "statement":
        return None
    verb = doc.tokens[clause.verb]
    window = doc.text[verb.end : min(clause.end, verb.end + 40)]
    found = None
    for mention in _mentions_in(doc, verb.end, verb.end + len(window)):
        between = _WORDS.findall(doc.text[(found.end if found else verb.end) : mention.start])
        if mention.kind != "actor" or len(between) > (2 if found is None else 1):
            break
        found = mention  # "said Apple Inc. CEO Steve Jobs": the last name of the run
    return found.name if found else None


def _resolve_words(
    doc: Document, span: tuple[int, int], titles: dict[str, str], last_actor: str | None
) -> tuple[str | None, bool]:
    names = _mentions_in(doc, span[0], span[1])
    actors = [m for m in names if m.kind == "actor"]
    free = [m for m in actors if not _in_phrase(doc, m)]
    if free:
        apposed = doc.text[free[0].end : free[0].end + 2].startswith(",")
        head = free[0] if apposed else free[-1]  # "Steve Jobs, CEO de ...", "Minister Ruth Abara"
        if not _modifies_noun(doc, head, span[1]):
            return head.name, True
    words = [w.strip(",.\"'“”«»").lower() for w in doc.text[span[0] : span[1]].split()]
    words = [w for w in words if w]
    if len(words) == 1 and words[0] in _PRONOUNS:
        return (last_actor, True) if last_actor else (doc.text[span[0] : span[1]], False)
    resolved = _by_title(words, titles)
    if resolved is not None:
        return resolved, True
    if _title_of(words) is not None and last_actor is not None and len(words) <= 3:
        return last_actor, True
    return doc.text[span[0] : span[1]], False


def _modifies_noun(doc: Document, mention: Mention, end: int) -> bool:
    """"The Northgate line": the name only modifies the noun after it, the subject's head."""
    following = doc.text[mention.end : end].split()
    return bool(following) and following[0][:1].islower() and (
        following[0].lower() not in _NOT_NOUN_HEADS)


def _by_title(words: list[str], titles: dict[str, str]) -> str | None:
    title = _title_of(words)
    for key in _SYNONYMS.get(title, (title,)) if title else ():
        if key in titles:
            return titles[key]
    return None


def _title_of(words: list[str]) -> str | None:
    if not words or words[0] not in _DETERMINERS:
        return None
    return next((w for w in words[1:4] if w in _SYNONYMS), None)


def _mentions_in(doc: Document, start: int, end: int) -> list[Mention]:
    return list(doc.mentions_between(start, end))


def _antecedent(
    doc: Document, clause: Clause, titles: dict[str, str]
) -> tuple[str | None, bool]:
    """The actor a relative clause is about: the last actor named before it in the sentence
    who is not inside a prepositional phrase ("del Partido Republicano"), else the
    description it follows ("el candidato presidencial del ...") resolved through titles."""
    sentence = doc.sentences[clause.sentence]
    before = [m for m in _mentions_in(doc, sentence.start, clause.start) if m.kind == "actor"]
    if before and _APPOSITION.fullmatch(doc.text, before[-1].end, clause.start):
        return before[-1].name, True  # "hijo de Michael Kast, un alemán que emigró"
    pronoun = doc.text[clause.start : clause.start + 8].split(" ", 1)[0].lower()
    phrase = _NOUN_PHRASE_BEFORE.search(doc.text, max(sentence.start, clause.start - 60),
                                        clause.start)
    if phrase and pronoun not in _PERSONAL_RELATIVES and not _mentions_in(
            doc, phrase.start(), clause.start):
        return phrase.group(1), False  # "the outbreak, which ... has killed"
    for mention in reversed(before):
        if not _in_phrase(doc, mention):
            return mention.name, True
    segment = doc.text[sentence.start : clause.start].rstrip(" ,")
    words = segment.lower().split()[-6:]
    while words and words[0] not in _DETERMINERS:
        words.pop(0)
    if not words:
        return None, False
    resolved = _by_title(words, titles)
    if resolved is not None:
        return resolved, True
    return " ".join(segment.split()[-len(words):]), False


def _in_phrase(doc: Document, mention: Mention) -> bool:
    words = doc.text[max(0, mention.start - 12) : mention.start].lower().split()
    while words and words[-1] in _DETERMINERS:
        words.pop()
    return bool(words) and words[-1] in _PREPOSITIONS


def _headline(doc: Document, clause: Clause, naming: Naming, index: int) -> str:
    """Subject, then the clause from its verb (and the clitics before it) up to the first
    colon, dash, semicolon or opening quotation mark, without its date expression."""
    if clause.verb is None:
        return tidy(clip(doc.text[clause.start : clause.end]))
    start = _with_clitics(doc, clause.verb)
    subject = naming.subject
    if naming.inverted:
        end = doc.tokens[clause.verb].end  # '..., said coach Tom Reyes': the verb alone
    else:
        end = _predicate_end(doc, start, clause.end)
    predicate = _without_date(doc, start, end, doc.anchors[index] if doc.anchors else None)
    if subject:
        predicate = _lowered_opening(doc, start, predicate)
    return tidy(clip(f"{subject} {predicate}" if subject else predicate))


def _lowered_opening(doc: Document, start: int, predicate: str) -> str:
    """'Se reunirá' after a subject is 'se reunirá' (only a sentence's first word is lowered)."""
    i = bisect_left(doc.sentences, start, key=lambda s: s.start)
    opening = i < len(doc.sentences) and doc.sentences[i].start == start
    return predicate[:1].lower() + predicate[1:] if opening else predicate


def _with_clitics(doc: Document, verb: int) -> int:
    i = verb
    while i > 0 and doc.tokens[i - 1].text.lower() in _CLITICS and (
        doc.tokens[i - 1].sentence == doc.tokens[verb].sentence
    ):
        i -= 1
    return doc.tokens[i].start


def _predicate_end(doc: Document, start: int, end: int) -> int:
    """Where the predicate's words stop: a colon, a dash, a semicolon or a bracket; or, once
    it has said enough, a comma or an "and" that adds a noun phrase ("..., candidato a",
    "... y un acérrimo militante")."""
    cut = _PREDICATE_STOP.search(doc.text, start, end)
    end = cut.start() if cut else end
    words = _NON_SPACE.finditer(doc.text, start, end)
    enough = next(islice(words, _ENOUGH_WORDS - 1, None), None)  # the word that makes enough
    if enough is None:
        return end
    for soft in _SOFT_STOP.finditer(doc.text, start, end):
        if soft.start() > enough.start():  # the words before it are enough
            return soft.start()
    return end


def _without_date(doc: Document, start: int, end: int, found: Anchor | None) -> str:
    timex = found.timex if found is not None else None
    if timex is None or not start <= timex.start < end:
        return doc.text[start:end]
    before = _WORD.findall(doc.text[start : timex.start])
    while before and before[-1].lower() in _LEAD_INS:
        before.pop()
    return " ".join([*before, *_WORD.findall(doc.text[timex.end : end])])
