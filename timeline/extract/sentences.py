"""Sentence segmentation with offsets, for Spanish and English news text.

A sentence ends at a blank line, at a line break followed by a line that does not continue it
(headlines and datelines carry no final period), or at ``. ! ? …`` (plus any closing quotes or
brackets) followed by whitespace and something that can open a sentence. Abbreviations ("Sr.",
"Dr.", "EE.UU.", "p. ej.", "Mr.", "U.S."), initials and decimals ("23,94", "3.5") do not end one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of a text: ``text == source[start:end]``."""

    start: int
    end: int
    text: str


#: Lower-cased words that take a period and never end a sentence by themselves.
ABBREVIATIONS: frozenset[str] = frozenset(
    {
        # Spanish
        "sr", "sra", "srta", "sres", "dr", "dra", "lic", "ing", "arq", "prof", "gral", "cnel",
        "tte", "cap", "av", "avda", "pág", "págs", "núm", "nº", "art", "inc", "ej", "aprox",
        "dto", "depto", "ud", "uds", "vd", "sto", "sta", "admón", "cía",
        # English
        "mr", "mrs", "ms", "st", "jr", "gov", "sen", "rep", "rev", "gen", "col", "lt",
        "sgt", "capt", "dept", "corp", "ltd", "co", "vs", "no", "nos", "vol", "fig", "ed",
        "approx", "ca", "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "mt", "ft", "pp",
    }
)

_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«([¿¡"
# Capitalised words that, right after a closing quote with no period, start a new sentence.
_STARTERS_AFTER_QUOTE = frozenset(
    {"El", "La", "Los", "Las", "Un", "Una", "The", "A", "An", "En", "In", "Este", "Esta", "This"}
)

_TERMINAL = re.compile(r"[.!?…]+[" + re.escape(_CLOSERS) + r"]*(?=\s)")
_QUOTE_GAP = re.compile(r"[”\"»](?=[ \t]+(\w+))")
_LINE_BREAK = re.compile(r"\n")
#: The signature that closes a post embedded in an article ("— Name (@handle) November 17,
#: 2025", "— Nombre (@cuenta) 17 de noviembre de 2025"): scraped text often runs the next
#: sentence on with no break, so the signature's date ends a sentence.
_POST_SIGNATURE = re.compile(
    r"\(@\w+\)\s+(?:[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}|\d{1,2}\s+de\s+\w+\s+de\s+\d{4})"
    r"(?=\s+[A-ZÁÉÍÓÚÑ¿¡])"
)
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")


def split_sentences(text: str) -> tuple[Span, ...]:
    """Split ``text`` into sentences, each stripped of surrounding whitespace, in order."""
    cuts = sorted(
        set(_period_cuts(text)) | set(_line_cuts(text)) | set(_quote_cuts(text))
        | {m.end() for m in _POST_SIGNATURE.finditer(text)}
    )
    spans: list[Span] = []
    begin = 0
    for cut in [*cuts, len(text)]:
        span = _stripped(text, begin, cut)
        if span is not None:
            spans.append(span)
        begin = cut
    return tuple(spans)


def _stripped(text: str, start: int, end: int) -> Span | None:
    chunk = text[start:end]
    left = len(chunk) - len(chunk.lstrip())
    right = len(chunk.rstrip())
    if right <= left:
        return None
    return Span(start + left, start + right, chunk[left:right])


def _period_cuts(text: str) -> list[int]:
    cuts = []
    for match in _TERMINAL.finditer(text):
        nxt = _next_visible(text, match.end())
        if nxt is None or not _can_open(text[nxt]):
            continue
        if match.group().startswith(".") and _is_abbreviation(text, match.start(), text[nxt]):
            continue
        cuts.append(match.end())
    return cuts


def _line_cuts(text: str) -> list[int]:
    cuts = []
    for match in _LINE_BREAK.finditer(text):
        nxt = _next_visible(text, match.end())
        blank_line = "\n" in text[match.end() : nxt if nxt is not None else len(text)]
        if blank_line or nxt is None or not text[nxt].islower():
            cuts.append(match.start())
    return cuts


def _quote_cuts(text: str) -> list[int]:
    return [
        m.end() for m in _QUOTE_GAP.finditer(text)
        if m.group(1) in _STARTERS_AFTER_QUOTE and _closes_quote(text, m.start())
    ]


def _closes_quote(text: str, index: int) -> bool:
    """A straight double quote closes when an odd number of them precede it on its line."""
    if text[index] != '"':
        return True
    line_start = text.rfind("\n", 0, index) + 1
    return text.count('"', line_start, index) % 2 == 1


def _next_visible(text: str, index: int) -> int | None:
    while index < len(text) and text[index].isspace():
        index += 1
    return index if index < len(text) else None


def _can_open(char: str) -> bool:
    return char.isupper() or char.isdigit() or char in _OPENERS or char == "@"


def _is_abbreviation(text: str, period: int, next_char: str) -> bool:
    match = _WORD_BEFORE.search(text, max(0, period - 20), period + 1)
    if match is None:
        return False
    word = match.group(1).lower()
    if "." in word.strip("."):
        return True  # EE.UU., U.S., e.g., p.m.
    if len(word) == 1:
        return word.isalpha()  # initials: "J. Kast", "p. ej."
    return word in ABBREVIATIONS and not (word in {"no", "co", "ed", "col"} and next_char.isupper())
