"""French, Portuguese and German news sentences of our own, tagged through the dateparser
fallback, with a small scorer: relaxed matches, value F1 and strict (exact span) F1.

Publication date 2025-11-17, a Monday. Spans follow TimeML: no preposition ("en", "em", "am"
stay out), articles and modifiers in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from timeline.extract.tagger import tag
from timeline.model import Timex

DCT = date(2025, 11, 17)

#: (lang, sentence, ((expression, value), ...))
TABLE: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = (
    ("fr", "Les électeurs voteront le 14 décembre 2025 dans tout le pays.",
     (("le 14 décembre 2025", "2025-12-14"),)),
    ("fr", "Le ministre a démissionné hier après une semaine de crise.",
     (("hier", "2025-11-16"),)),
    ("fr", "La loi votée en mars 2024 entre en vigueur.", (("mars 2024", "2024-03"),)),
    ("fr", "Le sommet se tiendra demain à Bruxelles.", (("demain", "2025-11-18"),)),
    ("fr", "L'usine a fermé en 2019 et n'a jamais rouvert.", (("2019", "2019"),)),
    ("fr", "Le procès s'ouvrira le 3 février prochain.",
     (("le 3 février prochain", "2026-02-03"),)),
    ("fr", "Il y a trois jours, la grève a paralysé les transports.",
     (("Il y a trois jours", "2025-11-14"),)),
    ("fr", "Aujourd'hui, les syndicats appellent à la grève.", (("Aujourd'hui", "2025-11-17"),)),
    ("pt", "O presidente anunciou ontem um novo pacote económico.", (("ontem", "2025-11-16"),)),
    ("pt", "As eleições serão realizadas em 5 de outubro de 2026.",
     (("5 de outubro de 2026", "2026-10-05"),)),
    ("pt", "A empresa foi fundada em 1998 por dois engenheiros.", (("1998", "1998"),)),
    ("pt", "O tribunal decide amanhã sobre o recurso.", (("amanhã", "2025-11-18"),)),
    ("pt", "Em janeiro de 2025 a inflação subiu quatro pontos.", (("janeiro de 2025", "2025-01"),)),
    ("pt", "Hoje o parlamento vota o orçamento.", (("Hoje", "2025-11-17"),)),
    ("pt", "A greve começou há duas semanas.", (("há duas semanas", "2025-11-03"),)),
    ("de", "Die Wahl findet am 23. Februar 2025 statt.", (("23. Februar 2025", "2025-02-23"),)),
    ("de", "Gestern kam es in Berlin zu Protesten.", (("Gestern", "2025-11-16"),)),
    ("de", "Das Unternehmen wurde 1998 in Hamburg gegründet.", (("1998", "1998"),)),
    ("de", "Der Prozess gegen den Minister beginnt morgen.", (("morgen", "2025-11-18"),)),
    ("de", "Im März 2024 stieg die Arbeitslosigkeit leicht.", (("März 2024", "2024-03"),)),
    ("de", "Heute berät der Bundestag über das Gesetz.", (("Heute", "2025-11-17"),)),
    ("de", "Vor drei Tagen wurde der Vertrag unterzeichnet.", (("Vor drei Tagen", "2025-11-14"),)),
)

Tagger = Callable[[str, date, str], Iterable[Timex]]


def _f1(ok: int, n_sys: int, n_gold: int) -> float:
    p, r = (ok / n_sys if n_sys else 0.0), (ok / n_gold if n_gold else 0.0)
    return 200 * p * r / (p + r) if p + r else 0.0


def score(lang: str | None = None, tagger: Tagger = tag) -> dict[str, float]:
    """Strict and value F1 (in %) over the table, one language or all."""
    n_gold = n_sys = strict = value = 0
    for code, sentence, expected in TABLE:
        if lang is not None and code != lang:
            continue
        found = list(tagger(sentence, DCT, code))
        n_gold, n_sys = n_gold + len(expected), n_sys + len(found)
        for text, val in expected:
            start = sentence.index(text)
            end = start + len(text)
            hits = [t for t in found if t.start < end and t.end > start]
            strict += any((t.start, t.end) == (start, end) for t in hits)
            value += bool(hits) and hits[0].value == val
    return {"strict": _f1(strict, n_sys, n_gold), "value": _f1(value, n_sys, n_gold),
            "gold": n_gold, "system": n_sys}


def report() -> list[str]:
    lines = ["other languages (dateparser fallback, our own sentences, bench.timex_other_langs):"]
    for lang in ("fr", "pt", "de", None):
        s = score(lang)
        lines.append(f"  {lang or 'all':4} gold {s['gold']:3} sys {s['system']:3}  "
                     f"strict {s['strict']:6.2f}  value {s['value']:6.2f}")
    return lines
