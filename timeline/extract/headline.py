"""Short readable headlines for events, in the article's own language.

The heuristic: take the clause holding the date expression (or the sentence's opening clause
when there is none), drop the expression and the prepositions leading into it, drop leading
connectors and relative pronouns, lend the clause a subject from earlier in the sentence when
it starts with a verb, cut it after the next coordinated clause, and clip it to a word
boundary. "... a José Antonio Kast, ... que el domingo ingresó al balotaje, y ..." becomes
"José Antonio Kast ingresó al balotaje".
"""

from __future__ import annotations

import re

from timeline.extract.actors import find_actors

MAX_HEADLINE_CHARS = 90

#: Words that lead into a date expression and go with it ("el", "en", "on", "since"...).
_INTO_DATE = frozenset(
    {
        "el", "la", "los", "las", "en", "desde", "hasta", "para", "a", "de", "del", "al", "pasado",
        "próximo", "este", "esta", "durante", "on", "in", "at", "by", "since", "until", "from",
        "the", "of", "during", "last", "next", "this", "between", "entre", "cara", "rumbo",
        "through", "throughout", "around",
    }
)
#: Clause openers that carry no content of their own.
_CONNECTORS = frozenset(
    {
        "y", "e", "o", "pero", "aunque", "mientras", "cuando", "donde", "que", "quien",
        "quienes", "luego", "además", "entonces", "ya", "and", "but", "or", "while", "when",
        "where", "who", "which", "that", "then", "also", "so", "yet",
    }
)
_RELATIVES = frozenset({"que", "quien", "quienes", "who", "which", "that"})
#: Words after which a clause already has its subject.
_DETERMINERS = frozenset(
    {
        "el", "la", "los", "las", "un", "una", "unos", "unas", "su", "sus", "este", "esta",
        "estos", "estas", "ese", "esa", "él", "ella", "ellos", "ellas", "the", "a", "an", "his",
        "her", "their", "its", "this", "these", "those", "he", "she", "they", "it", "we", "i",
    }
)
#: Words a headline must not end on.
_DANGLING = _INTO_DATE | _CONNECTORS | _DETERMINERS | frozenset(
    {"con", "por", "sin", "sobre", "tras", "y", "with", "for", "to", "as", "after", "before"}
)
#: Prepositions after which a one-word name is a place or a field, not a subject.
_OBJECT_PREPOSITIONS = frozenset(
    {"de", "del", "por", "en", "desde", "hacia", "para", "con", "of", "in", "at", "from", "by",
     "for", "with", "to"}
)

_CLAUSE_BREAK = re.compile(r"\s*(?:[;:()]|, |\s[—–]\s|\s[—–]|[—–]\s)\s*")
_COORDINATION = re.compile(r"\s(?:y|e|pero|and|but)\s")
_WORD = re.compile(r"\S+")
_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_MARK = re.compile(r"\s+(?=[,.;:!?%])")
_RELATIVE = re.compile(r"\b(?:que|quien|quienes|who|which)\s")
_RELATIVE_END = re.compile(r"\b(?:que|quien|quienes|who|which)\s+$")
_EXPLICATIVE_END = re.compile(r",\s*(?:que|quien|quienes|who|which)\s+$")
#: Words that open a clause with its verb: auxiliaries, clitics, finite endings.
_AUXILIARIES = frozenset(
    {
        "es", "son", "fue", "fueron", "era", "eran", "está", "están", "estuvo", "hay", "ha",
        "han", "había", "habían", "será", "serán", "tiene", "tienen", "puede", "pueden", "debe",
        "deben", "va", "van", "dijo", "hizo", "tuvo", "obtuvo", "dio", "is", "are", "was",
        "were", "will", "would", "has", "have", "had", "can", "could", "should", "may", "might",
        "must", "did", "does", "said", "told", "met", "won", "lost", "took", "made", "gave",
        "held", "left", "began", "led", "went", "came", "became", "found", "spoke", "sent",
    }
)
_CLITICS = frozenset({"se", "lo", "le", "les", "me", "nos"})
_FINITE = re.compile(r"(?:ó|aron|ieron|rá|rán|ría|rían|aba|aban|ían|ed)$")
_BYLINE = re.compile(r"[—–]\s*[^—–()]{0,60}\((@\w+)\)\s*$")
_URL = re.compile(r"https?://\S+|www\.\S+")
_EDGE = " ,;:—–-.!?¡¿"
_QUOTES = "\"“”«»"
_QUOTE = re.compile(f"[{_QUOTES}]")


def make_headline(
    sentence: str, timex_span: tuple[int, int] | None, lang: str, *, focus: int | None = None
) -> str:
    """A headline of at most ``MAX_HEADLINE_CHARS`` for the event ``sentence`` reports.

    ``timex_span`` is the date expression's offsets in ``sentence``; without one, the clause at
    ``focus`` (e.g. the main verb's offset; default the start) is used as it stands.
    """
    if timex_span:
        quoted = embedded_post(sentence, timex_span[0])
        if quoted:
            return quoted
        start, end = _clause_around(sentence, timex_span)
        start = _after_relative(sentence, start, end, timex_span)
        clause = _without_date(sentence, start, end, timex_span)
    else:
        at = focus or 0
        start, end = _clause_around(sentence, (at, at))
        clause = sentence[start:end]
    clause, relative = _without_leading_connectors(clause)
    relative = relative or _RELATIVE_END.search(sentence[:start]) is not None
    if _lacks_subject(clause, relative):
        subject = _subject_before(sentence[:start], lang, relative)
        clause = f"{subject} {clause}" if subject else clause
    headline = tidy(clip(clause))
    return headline if len(_WORD.findall(headline)) >= 2 else tidy(clip(sentence))


def embedded_post(sentence: str, date_start: int) -> str | None:
    """'<post> — name (@handle) November 17, 2025': the handle and the post's first clause."""
    byline = _BYLINE.search(sentence, 0, date_start)
    if byline is None:
        return None
    post = _URL.sub(" ", sentence[: byline.start()])
    first = _CLAUSE_BREAK.split(post.strip(), maxsplit=1)[0]
    headline = tidy(clip(f"{byline.group(1)}: {first}"))
    return headline if len(_WORD.findall(headline)) >= 3 else None


def _after_relative(sentence: str, start: int, end: int, span: tuple[int, int]) -> int:
    """Start after the last relative pronoun before the date, if enough is left after it."""
    for match in reversed(list(_RELATIVE.finditer(sentence, start, span[0]))):
        if _enough(sentence, match.end(), end, span):
            return match.end()
    return start


def _clause_around(sentence: str, span: tuple[int, int]) -> tuple[int, int]:
    breaks = [m for m in _CLAUSE_BREAK.finditer(sentence) if not span[0] <= m.start() < span[1]]
    start, end = 0, len(sentence)
    for match in breaks:
        if match.end() <= span[0]:
            start = match.end()
        elif match.start() >= span[1] and _enough(sentence, start, match.start(), span):
            end = match.start()
            break
    dated = span[0] < span[1]
    coordination = _COORDINATION.search(sentence, max(span[1], start), end) if dated else None
    if coordination and _enough(sentence, start, coordination.start(), span):
        end = coordination.start()
    return start, end


def _enough(sentence: str, start: int, end: int, span: tuple[int, int]) -> bool:
    """Whether ``sentence[start:end]`` says something besides the date expression."""
    text = sentence[start:end]
    if start <= span[0] < span[1] <= end:
        text = sentence[start : span[0]] + " " + sentence[span[1] : end]
    words = [w for w in _WORD.findall(text) if w.lower() not in _INTO_DATE]
    return len(words) >= 2


def _without_date(sentence: str, start: int, end: int, span: tuple[int, int]) -> str:
    before = _WORD.findall(sentence[start : span[0]])
    while before and before[-1].lower() in _INTO_DATE:
        before.pop()
    return " ".join([*before, *_WORD.findall(sentence[span[1] : end])])


def _without_leading_connectors(clause: str) -> tuple[str, bool]:
    words = _WORD.findall(clause.strip(" ,.;:"))
    relative = False
    while words and words[0].lower() in _CONNECTORS:
        relative = relative or words[0].lower() in _RELATIVES
        words.pop(0)
    return " ".join(words), relative


def _lacks_subject(clause: str, relative: bool) -> bool:
    """Whether the clause opens with its verb ("ingresó al balotaje", "que operan desde")."""
    first = clause.split(" ", 1)[0].strip(_QUOTES).lower()
    if not first or not clause[:1].islower() or first in _DETERMINERS:
        return False
    if relative and first not in _OBJECT_PREPOSITIONS | _INTO_DATE:
        return True  # the relative pronoun was the subject
    return first in _AUXILIARIES or first in _CLITICS or _FINITE.search(first) is not None


def _subject_before(prefix: str, lang: str, relative: bool) -> str | None:
    """The nearest earlier name that can be a subject; for a relative clause, its antecedent."""
    if relative:
        prefix = prefix[_segment_start(prefix, back=2) :]
    for name in reversed(find_actors(prefix, lang)):
        at = prefix.rfind(name)
        if sum(prefix.count(q, 0, at) for q in _QUOTES) % 2:
            continue  # a name inside a quotation is not the clause's subject
        before = [w.lower().strip(_QUOTES) for w in prefix[:at].split()]
        if before and before[-1] in {"el", "la", "los", "las", "the"}:
            before.pop()
        if not before or before[-1] not in _OBJECT_PREPOSITIONS:
            return name
        if relative and " " in name and before[-1] in {"de", "of"}:
            return name  # "hijo de Michael Kast, un alemán que emigró..."
    return _antecedent(prefix) if relative else None


def _segment_start(text: str, back: int) -> int:
    """Where the ``back``-th last clause of ``text`` starts."""
    starts = [0, *(m.end() for m in _CLAUSE_BREAK.finditer(text))]
    return starts[-back] if len(starts) >= back else 0


def _antecedent(prefix: str) -> str | None:
    """'... modernizar las grúas del terminal, que' -> 'las grúas del terminal'."""
    if not _EXPLICATIVE_END.search(prefix):
        return None
    words = _WORD.findall(_RELATIVE_END.sub("", prefix).rstrip(" ,"))[-5:]
    for index, word in enumerate(words):
        if word.lower() in _DETERMINERS:
            phrase = " ".join(words[index:])
            return None if any(c.isdigit() for c in phrase) else phrase
    return None


def clip(text: str) -> str:
    text = text.strip()
    if len(text) <= MAX_HEADLINE_CHARS:
        return text
    cut = text.rfind(" ", 0, MAX_HEADLINE_CHARS + 1)
    return text[: cut if cut > 0 else MAX_HEADLINE_CHARS]


def tidy(text: str) -> str:
    text = _SPACE_BEFORE_MARK.sub("", _SPACES.sub(" ", text))
    if len(_QUOTE.findall(text)) % 2:
        text = _QUOTE.sub("", text)
    words = text.strip(_EDGE).split(" ")
    while len(words) > 1 and words[-1].strip(",;:.").lower() in _DANGLING:
        words.pop()
    text = " ".join(words).strip(_EDGE)
    return text[:1].upper() + text[1:]
