"""The first stages: sentences (with paragraphs, questions and boilerplate marked), tokens, and
the date expressions found window by window.

Limits are applied here, before any work that could grow faster than the text: a sentence
longer than ``MAX_SENTENCE_CHARS`` is cut at a space (or anywhere, if it has none) into
sentences of at most that size, and the tagger sees windows of whole sentences of at most
``TAG_WINDOW_CHARS``, so every later stage works on bounded pieces and the whole run is linear
in the length of the text.
"""

from __future__ import annotations

import re

from timeline.extract.document import Document, Sentence, Token
from timeline.extract.prefilter import WILD, case_sensitive, normalized
from timeline.extract.sentences import split_sentences
from timeline.extract.tagger import tag_for_events
from timeline.model import Timex

MAX_SENTENCE_CHARS = 1_500
TAG_WINDOW_CHARS = 6_000

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_TOKEN = re.compile(r"@\w+|\w+(?:['’.\-]\w+)*|[^\w\s]")
_OPEN_QUOTES = "“«‘"
_CLOSE_QUOTES = "”»’"
_QUOTE_MARKS = frozenset(_OPEN_QUOTES + _CLOSE_QUOTES + '"')
#: ``Token(...)`` without the named tuple's Python-level ``__new__`` (what ``Token._make`` does),
#: for the thousands of tokens of an article: every field given, in order.
_new_token = tuple.__new__
_QUOTE_MARK = re.compile("[" + re.escape("".join(sorted(_QUOTE_MARKS))) + "]")
#: Short sentences that are page furniture, not reporting (any language we know): a by-line
#: (the whole sentence), words only furniture says, an AP photo credit, and a label or sign-off
#: before a colon. ``_BOILERPLATE`` is their alternation.
_BYLINE = r"^(?:by|por|de)\s+[a-záéíóúñ][\w.]+(?:\s+[a-záéíóúñ][\w.]+){0,3}$"
_FURNITURE_WORDS = (
    r"share (?:this|your)|comparte|compartir|suscr[ií]b|subscribe|follow us|s[ií]guenos"
    r"|read more|lee (?:también|más)|leer más|ver más|getty images|©|copyright"
    r"|all rights reserved|derechos reservados|advertisement|publicidad|newsletter|click here"
    r"|haz clic|tell us what you think|sign up|regístrate|related:|relacionad[oa]s?:|cookies"
    r"|report abuse|denunciar abuso"
)
_AP_PHOTO = r"\bap photo\b"
_LABELS = (r"\b(?:photo|foto|image|imagen|video)\s*:"
           r"|\b(?:wrote|escribió|commented|comentó)\s*:\s*$")
_FURNITURE = (_BYLINE, _FURNITURE_WORDS, _AP_PHOTO, _LABELS)
_BOILERPLATE = re.compile("(?i)" + "|".join(_FURNITURE))
#: Each part case-sensitive on lower-cased text (several times faster; a class written in
#: lower case above so that it qualifies: under ``(?i)`` it matches the same characters), and
#: searched apart: the words' alternatives each open with a literal, so the engine skips ahead
#: by their first characters, and the last two are tried only when their literals are there.
_FURNITURE_LOWER = tuple(case_sensitive(re.compile("(?i)" + part)) for part in _FURNITURE)
_BOILERPLATE_MAX = 160
#: A wire dateline: place (and a date or time) then the agency in brackets and a dash.
_DATELINE = re.compile(
    r"[^()\n]{0,80}?\((?:Reuters|AP|AFP|EFE|Bloomberg|Europa Press|dpa|ANSA|Xinhua|"
    r"Télam|Telam|DPA|UPI)\)\s*\.?\s*[-–—]+\s*"
)
_DATELINE_MAX = 120
_SENTENCE_OPENERS = "\"“«¿¡'‘(@"
#: Credits and sign-offs anywhere in a sentence ("(Reporting by Ana Ruiz; Editing by ...)").
_CREDITS = re.compile(r"(?i)\((?:additional )?(?:reporting|writing|editing|compiled) by\b")


def segment(doc: Document) -> Document:
    """Sentences, each at most ``MAX_SENTENCE_CHARS`` long, with their paragraph index."""
    breaks = [m.start() for m in _BLANK_LINE.finditer(doc.text)]
    sentences: list[Sentence] = []
    paragraph = 0
    for span in split_sentences(doc.text):
        while paragraph < len(breaks) and breaks[paragraph] < span.start:
            paragraph += 1
        for start, end in _pieces(doc.text, _after_dateline(doc.text, span.start, span.end),
                                  span.end):
            sentences.append(_sentence(doc.text, start, end, paragraph))
    return doc.with_layer(sentences=tuple(sentences))


def _after_dateline(text: str, start: int, end: int) -> int:
    """Where a sentence starts once its agency dateline ("MEXICO CITY (Reuters) - ", "MADRID,
    25 abr (EFE).- ") and any leading bullet are left out."""
    found = _DATELINE.match(text, start, min(end, start + _DATELINE_MAX))
    start = found.end() if found else start
    while start < end and not (text[start].isalnum() or text[start] in _SENTENCE_OPENERS):
        start += 1
    return start


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[start, end)`` cut at spaces into stretches of at most MAX_SENTENCE_CHARS, stripped."""
    pieces = []
    while start < end:
        while start < end and text[start].isspace():
            start += 1
        cut = min(end, start + MAX_SENTENCE_CHARS)
        if cut < end:
            space = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, cut)
            cut = space if space > start else cut
        stop = cut
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        if stop > start:
            pieces.append((start, stop))
        start = cut
    return pieces


def _sentence(text: str, start: int, end: int, paragraph: int) -> Sentence:
    chunk = text[start:end]
    bare = chunk.rstrip("\"'”’»)] ")
    question = bare.endswith("?") or chunk.startswith("¿")
    furniture = (len(chunk) <= _BOILERPLATE_MAX and _is_furniture(chunk)
                 ) or _CREDITS.search(chunk) is not None
    return Sentence(start, end, paragraph, question=question, boilerplate=furniture)


def _is_furniture(chunk: str) -> bool:
    norm = normalized(chunk)
    byline, words, ap_photo, labels = _FURNITURE_LOWER
    if byline is None or words is None or ap_photo is None or labels is None or WILD in norm:
        return _BOILERPLATE.search(chunk) is not None
    return (byline.match(norm) is not None or words.search(norm) is not None
            or ("ap photo" in norm and ap_photo.search(norm) is not None)
            or (":" in norm and labels.search(norm) is not None))


def tokenize(doc: Document) -> Document:
    """Word and punctuation tokens of every sentence, marking those inside quotation marks."""
    tokens: list[Token] = []
    for index, sentence in enumerate(doc.sentences):
        tokens.extend(_sentence_tokens(doc.text, sentence, index))
    return doc.with_layer(tokens=tuple(tokens))


def _sentence_tokens(text: str, sentence: Sentence, index: int) -> list[Token]:
    start, end = sentence.start, sentence.end
    if _QUOTE_MARK.search(text, start, end) is None:  # most sentences: nothing is quoted
        return [_new_token(Token, (m.start(), m.end(), m.group(), index, False)) for m in
                _TOKEN.finditer(text, start, end)]
    straight = text.count('"', start, end)  # each one its own token
    usable_straight = straight - straight % 2  # an unmatched last quote opens nothing
    inside = straight % 2 == 1 and _closes(text, text.find('"', start, end))
    tokens: list[Token] = []
    seen_straight = 0
    for match in _TOKEN.finditer(text, start, end):
        mark = match.group()
        if mark not in _QUOTE_MARKS:  # most tokens: no quotation opens or closes here
            tokens.append(_new_token(Token, (match.start(), match.end(), mark, index, inside)))
            continue
        opening = mark in _OPEN_QUOTES or (mark == '"' and not inside
                                            and seen_straight < usable_straight)
        closing = mark in _CLOSE_QUOTES or (mark == '"' and inside)
        seen_straight += mark == '"'
        if closing and inside:
            inside = False
        tokens.append(Token(match.start(), match.end(), mark, index, inside))
        if opening and not closing:
            inside = True
    return tokens


def _closes(text: str, at: int) -> bool:
    """Whether an unmatched quotation mark closes a quotation the sentence opened inside
    ('... into the cloud, " said Steve Jobs'): punctuation before it, a lower-case word after."""
    before = text[max(0, at - 3) : at].rstrip()
    after = text[at + 1 : at + 3].lstrip()
    return before[-1:] in {",", ".", "!", "?"} and after[:1].islower()


def tag_dates(doc: Document) -> Document:
    """Date expressions, tagged over windows of whole sentences (offsets into the text)."""
    found: list[Timex] = []
    for start, end in _windows(doc):
        window = doc.text[start:end]
        found.extend(_shifted(t, start) for t in tag_for_events(window, doc.published, doc.lang))
    return doc.with_layer(timexes=tuple(found))


def _windows(doc: Document) -> list[tuple[int, int]]:
    windows: list[tuple[int, int]] = []
    for sentence in doc.sentences:
        if windows and sentence.end - windows[-1][0] <= TAG_WINDOW_CHARS:
            windows[-1] = (windows[-1][0], sentence.end)
        else:
            windows.append((sentence.start, sentence.end))
    return windows


def _shifted(timex: Timex, by: int) -> Timex:
    return Timex(timex.start + by, timex.end + by, timex.text, timex.type, timex.value,
                 timex.mod, timex.derivation)

