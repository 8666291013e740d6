"""Ranges for the timeline: "entre 1978 y 1982", "from 2009 to 2011", "1978–1982".

TIMEX3 has no interval value, so :func:`tag` keeps the two ends as separate DATEs (as TimeML
annotates them). The ingest layer needs one placeable range, so :func:`merge_ranges` joins such a
pair into a single DATE Timex spanning the whole phrase whose value is the EDTF interval
``1978/1982``; :func:`timeline.extract.normalize.timex_to_edtf` passes it through unchanged.
"""

from __future__ import annotations

import re

from timeline.extract.prefilter import StartIndex
from timeline.extract.prefilter import finditer as prefiltered
from timeline.extract.rules_common import YEAR
from timeline.model import Derivation, Timex

_OPEN = {
    "es": re.compile(r"(?i)(?<!\w)(?:entre|desde|de)\s+(?:el\s+|los\s+años\s+|la\s+)?$"),
    "en": re.compile(r"(?i)(?<!\w)(?:between|from)\s+(?:the\s+)?$"),
}
_JOIN = {
    "es": re.compile(r"(?i)^\s*(?:y|a|al|hasta)\s+(?:el\s+|la\s+)?$"),
    "en": re.compile(r"(?i)^\s*(?:and|to|until|till|through|thru)\s+(?:the\s+)?$"),
}
#: Spanish contractions a tagger keeps in a date's span: "del 3", "al 5 de marzo".
_CONTRACTED = re.compile(r"(?i)(?:del|al)\s+")
_DASHED = re.compile(rf"(?<![\w.,])(?P<a>{YEAR})\s?[-–—]\s?(?P<b>{YEAR}|\d\d)(?![\w%]|[.,]\d)")


def _placeable(t: Timex) -> bool:
    return t.type == "DATE" and t.value[:1].isdigit() and "/" not in t.value


def _pair(text: str, a: Timex, b: Timex, lang: str) -> Timex | None:
    opener, joiner = _OPEN.get(lang, _OPEN["en"]), _JOIN.get(lang, _JOIN["en"])
    if not (_placeable(a) and _placeable(b)) or len(a.value) != len(b.value):
        return None
    lead_b = _CONTRACTED.match(b.text)  # "al 5 de marzo": the joiner "a" inside the date
    if a.value >= b.value or not joiner.match(text[a.end:b.start] + (lead_b[0] if lead_b else "")):
        return None
    if _CONTRACTED.match(a.text) and a.text[:3].lower() == "del":
        start = a.start  # "del 3 al 5 de marzo": the opener "de" inside the date
    else:
        m = opener.search(text, max(0, a.start - 30), a.start)
        if m is None:
            return None
        start = m.start()
    derivation: Derivation = (
        "explicit" if a.derivation == b.derivation == "explicit" else "relative"
    )
    return Timex(start, b.end, text[start:b.end], "DATE", f"{a.value}/{b.value}",
                 derivation=derivation)


def _dashed(text: str, timexes: tuple[Timex, ...], index: StartIndex | None) -> list[Timex]:
    out = []
    for m in _DASHED.finditer(text) if index is None else prefiltered(_DASHED, index):
        a, b = m["a"], m["b"]
        b = a[:2] + b if len(b) == 2 else b
        if a < b and not any(t.start < m.end() and t.end > m.start() for t in timexes):
            out.append(Timex(m.start(), m.end(), m.group(), "DATE", f"{a}/{b}"))
    return out


def merge_ranges(text: str, timexes: tuple[Timex, ...], lang: str,
                 index: StartIndex | None = None) -> tuple[Timex, ...]:
    """``timexes`` with each "between A and B" pair replaced by one interval Timex (``index``:
    the text's StartIndex, if the caller has one)."""
    out: list[Timex] = []
    i = 0
    while i < len(timexes):
        merged = _pair(text, timexes[i], timexes[i + 1], lang) if i + 1 < len(timexes) else None
        if merged is not None and (not out or out[-1].end <= merged.start):
            out.append(merged)
            i += 2
            continue
        out.append(timexes[i])
        i += 1
    out.extend(_dashed(text, timexes, index))
    return tuple(sorted(out, key=lambda t: t.start))
