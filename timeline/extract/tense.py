"""A lightweight tense heuristic: the verb nearest a date in its sentence says past or future.

Each language has a regex of past and future markers (verb endings and auxiliaries). For an
expression we take the closest marker inside the same sentence; -1 is past, +1 future.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from timeline.extract.prefilter import WILD, case_sensitive

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|(?=\n)|$)")

_ES_FUTURE = (
    r"\w{2,}(?:rá|rán|remos|réis)|(?:va|van|vamos|voy|vas)\s+a\s+\w+(?:ar|er|ir)(?:se)?"
    r"|próxim[oa]s?|prevé|prevén|previst[oa]s?|programad[oa]s?|planea|planean|dentro\s+de"
    r"|de\s+cara\s+al?|se\s+espera|espera\s+que|tendrá|habrá|hasta\s+(?:que|finales|mediados)|para(?=\s+(?:el|la|finales|mediados|principios|entonces)\b)|\w{2,}(?:ría|rían)"
    r"|pretenden?|quieren?\s+\w+(?:ar|er|ir)\b|busca\s+\w+(?:ar|er|ir)\b"
)
_ES_PAST = (
    r"(?:ha|han|he|hemos|había|habían|hubo|has)\s+(?:\w+\s+)?\w+(?:ado|ido|to|cho|sto)"
    r"|\w{3,}(?:ó|aron|ieron|yeron|aba|aban|ían)|fue|fueron|era|eran|estuvo|estaba|hizo|dijo"
    r"|tuvo|pudo|puso|vino|quiso|dio|vio|fui|tenía|hacía|decía|podía|pasad[oa]|hace"
    r"|anoche|ayer"
)
_EN_FUTURE = (
    r"will|won't|'ll|shall|going\s+to|gonna|plans?\s+to|planning\s+to|scheduled|expected\s+to"
    r"|set\s+to|due\s+to|to\s+be\s+held|upcoming|next|coming|is\s+to|are\s+to|hopes?\s+to|until|till|may|might|would"
    r"|should|wants?\s+to|intends?\s+to|aims?\s+to|seeks?\s+to|plans?\s+on"
)
_EN_PAST = (
    r"(?=\w*ed\b)\w{3,}(?<!ne)(?<!ee)(?<!hundr)ed"  # the lookahead only fails other words fast
    r"|was|were|did|didn't|had|said|told|went|came|made|took|gave|got|saw|held|became|began"
    r"|left|fell|rose|won|lost|met|ago|earlier|last|ran|sold|bought|paid|struck|hit|brought"
    r"|found|thought|knew|spoke|wrote|chose|drove|grew|led|kept|sent|spent|built|cut|set"
)

#: "will be held": a participle after be/been/is/are is no past tense. (Every past marker begins
#: with a word character: ``(?=\w)`` before these spares the lookbehinds at every word's end.)
_PASSIVE = r"(?<!\bbe\s)(?<!\bbeen\s)(?<!\bis\s)(?<!\bare\s)(?<!\bbeing\s)(?<!\bto\s)"

#: Every marker begins with a word character (or the apostrophe of "'ll"): the lookahead after
#: ``\b`` spares trying every alternative at each word's end.
_MARKERS = {
    "es": re.compile(rf"(?i)\b(?=\w)(?:(?P<future>{_ES_FUTURE})|(?P<past>{_ES_PAST}))\b"),
    "en": re.compile(
        rf"(?i)\b(?=[\w'])(?:(?P<future>{_EN_FUTURE})|(?=\w){_PASSIVE}(?P<past>{_EN_PAST}))\b"
    ),
}


#: Nouns that end like a conditional ("mayoría") are no verbs.
_NOT_VERBS = frozenset(
    "mayoría minoría categoría secretaría tesorería galería ingeniería librería panadería "
    "soberanía alcaldía fiscalía auditoría asesoría cafetería batería artillería guerrería "
    "maría hería ría".split()
)
#: A clause boundary between a verb and a date makes that verb count as this much further away.
CLAUSE_PENALTY = 30
_CLAUSE = re.compile(r"[,;:()\"“”]")


@dataclass(frozen=True, slots=True)
class TenseIndex:
    """Sentence bounds and tense markers of one text, for nearest-marker lookups."""

    sentence_starts: tuple[int, ...]
    sentence_ends: tuple[int, ...]
    marker_starts: tuple[int, ...]
    marker_ends: tuple[int, ...]
    marker_tenses: tuple[int, ...]
    clause_marks: tuple[int, ...] = ()

    def at(self, start: int, end: int) -> int | None:
        """Tense of the expression at ``[start, end)``: -1, +1, or None without a marker."""
        i = bisect_right(self.sentence_starts, start) - 1
        j = bisect_right(self.sentence_starts, max(start, end - 1)) - 1
        if i < 0:
            return None
        # an expression across a boundary ("Jan. 5") belongs to both sentences
        lo, hi = self.sentence_starts[i], self.sentence_ends[j]
        best: tuple[int, int] | None = None
        for k in range(bisect_left(self.marker_starts, lo), len(self.marker_starts)):
            m_start, m_end = self.marker_starts[k], self.marker_ends[k]
            if m_start >= hi:
                break
            if m_start < end and m_end > start:
                continue  # a marker inside the expression itself ("hace", "next") is not a verb
            gap = start - m_end if m_end <= start else m_start - end
            lo_gap, hi_gap = (m_end, start) if m_end <= start else (end, m_start)
            marks = self.clause_marks
            gap += CLAUSE_PENALTY * (bisect_left(marks, hi_gap) - bisect_left(marks, lo_gap))
            if best is None or gap < best[0]:
                best = (gap, self.marker_tenses[k])
        return best[1] if best else None


    def same_sentence(self, a: int, b: int) -> bool:
        return bisect_right(self.sentence_starts, a) == bisect_right(self.sentence_starts, b)


def index_tense(text: str, lang: str, norm: str | None = None) -> TenseIndex:
    """Find sentences and tense markers once per text (languages without rules: no markers).
    ``norm``, the text as ``prefilter.normalized`` gives it, lets the markers be matched
    case-sensitively (faster, same matches)."""
    sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(text)]
    markers: list[tuple[int, int, int]] = []
    pattern = _MARKERS.get(lang)
    if pattern is not None:
        fast = case_sensitive(pattern) if norm is not None and WILD not in norm else None
        found = pattern.finditer(text) if fast is None else fast.finditer(norm or "")
        for m in found:
            if m.group().lower() in _NOT_VERBS:
                continue
            markers.append((m.start(), m.end(), 1 if m.lastgroup == "future" else -1))
    return TenseIndex(
        sentence_starts=tuple(s for s, _ in sentences),
        sentence_ends=tuple(e for _, e in sentences),
        marker_starts=tuple(m[0] for m in markers),
        marker_ends=tuple(m[1] for m in markers),
        marker_tenses=tuple(m[2] for m in markers),
        clause_marks=tuple(m.start() for m in _CLAUSE.finditer(text)),
    )
