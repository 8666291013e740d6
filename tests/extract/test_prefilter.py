"""The rule engine's speed-ups change nothing: trying each date rule only where it may start
finds exactly what scanning the whole text finds (spans and groups), for every rule of every
grammar, and the longest hits win as a pairwise check would pick them."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.extract.anaphora import _DAY_REF, _DAY_STEP, _THEN
from timeline.extract.grammar import Found, Hit, Rule, _non_overlapping
from timeline.extract.intervals import _DASHED
from timeline.extract.prefilter import (
    SCAN_RATIO,
    WILD,
    Start,
    StartIndex,
    case_sensitive,
    finditer,
    normalized,
    occurs,
    start_plan,
)
from timeline.extract.prefixes import WORD_CHAR
from timeline.extract.segment import _BOILERPLATE, _is_furniture
from timeline.extract.tagger import _GRAMMARS
from timeline.extract.tense import _MARKERS

RULES: list[Rule] = list({id(r.pattern): r for g in _GRAMMARS.values() for r in g}.values())

#: Texts where lower-casing, Unicode case folding, word boundaries and window edges matter.
TRICKY = [
    "On Monday, March 3, 2009, the board met; on 3/4/09 it voted. The 1990s were calm.",
    "ſeptember 3 and \u212aelvin 2009; İstanbul, 12 May 2010; ｊａｎｕａｒｙ 5",
    "El MIÉRCOLES 3 de mayo de 2009 y el próximo martes; a finales de los años 80.",
    "mid-March, '09, ’09, $2009, 2009%, No. 2009, x2009, 2009-10-11T10:00, 10:30 a.m.",
    "dEcEmBeR 25 tHiS yEaR, hace dos días, hasta el momento, dentro de dos semanas",
    "\0January\0 5\0, 2009\0 and é2009 and ł2009 and 2009ł and Ωmonday",
    "yesterday", "2009", "a", "",
    # whitespace other than a space between the words of an expression (keys show it as " ")
    "a\thundred days ago, next\nMonday, the\r\nsame day, since\x0bthen, el\x1cdía siguiente",
    "1990-95, 2009–2011 and 1998 - 2001, 2009-10%, 1.2009-10; hace\ttres días; dentro de\ndos "
    "semanas; la\u00a0misma jornada; three\u2003weeks ago",
]
#: News-like prose of our own, in both languages.
NEWS = [
    "The transport minister said on Tuesday that the northern highway will open on March 3. "
    "Three days ago the board approved a budget of $450 million; in the late 1980s the town "
    "had barely 4,000 residents. The court will rule next Friday at 10:30 a.m., officials said "
    "on 12 May 2010. Inflation rose 3.5% in June 2009, and for two years the club lost.",
    "El ministro anunció el lunes que la autopista abrirá el 3 de marzo de 2026. Hace dos días "
    "la junta aprobó un presupuesto; a finales de los años 80 la ciudad tenía 4.000 habitantes. "
    "El tribunal resolverá el próximo viernes, a las 10:30 horas, y dentro de dos semanas "
    "marcharán los vecinos. Entre 1978 y 1982 la empresa duplicó su producción.",
]


def plain_matches(pattern: re.Pattern[str], text: str) -> list[tuple[object, ...]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


def filtered_matches(pattern: re.Pattern[str], text: str) -> list[tuple[object, ...]]:
    return [(m.span(), m.groupdict()) for m in finditer(pattern, StartIndex(text))]


@pytest.mark.parametrize("text", TRICKY + NEWS)
def test_every_rule_finds_what_a_full_scan_finds(text: str) -> None:
    for r in RULES:
        assert filtered_matches(r.pattern, text) == plain_matches(r.pattern, text), r.name


_WORDS = ["March", "may", "Monday", "de", "el", "of", "2009", "3", "’", "'", "-", "/", ",",
          "ago", "años", "días", "hace", "next", "last", "the", "1990s", "mid", "ſ", "İ", "\0"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_WORDS) | st.text(max_size=3), max_size=25),
       st.sampled_from(["", " ", "  ", "\t", "\n", " \r\n", "\u00a0"]))
def test_random_word_salads_agree(words: list[str], sep: str) -> None:
    text = sep.join(words)
    for r in RULES:
        assert filtered_matches(r.pattern, text) == plain_matches(r.pattern, text), r.name


@pytest.mark.parametrize("text", TRICKY + NEWS)
@pytest.mark.parametrize("pattern", [
    *(p for table in (_DAY_REF, _DAY_STEP, _THEN) for p in table.values()), _DASHED])
def test_day_and_then_references_are_found_as_by_a_full_scan(pattern: re.Pattern[str],
                                                             text: str) -> None:
    assert filtered_matches(pattern, text) == plain_matches(pattern, text)


def test_a_start_is_looked_up_by_three_characters_when_they_are_few() -> None:
    weekday = next(r for r in RULES if r.name == "en_weekday")
    plan = start_plan(weekday.pattern) or ()
    assert ("th", ("i", "u"), True) in plan  # "this", "thursday": never "the" or "that"
    index = StartIndex("The day that they met, this Thursday, the board voted.")
    assert index.candidates(plan) == [23, 28]


def walked_candidates(index: StartIndex, plan: tuple[Start, ...]) -> list[int] | None:
    """``StartIndex.candidates`` as a walk over every start of the plan and every word of the
    text (the reference)."""
    keys = index.keys
    words = [m.start() for m in re.finditer(WORD_CHAR.pattern + "+", keys)]
    wild = [at for at, char in enumerate(keys) if char == WILD]
    found = sorted({at - back for at in wild for back in (0, 1, 2) if at >= back})
    for start, tails, guarded in plan:
        if not guarded:
            spots = [at for at in range(len(keys)) if keys.startswith(start, at)]
            found += spots if tails is None else [
                at for at in spots if keys.startswith(tails, at + 1)]
        elif len(start) == 2:
            found += [at for third in (tails or ("",)) for at in words
                      if keys[at:at + 2] == start and keys[at + 2:].startswith(third)]
        else:
            found += [at for at in words if keys[at] == start]
    return None if len(found) * SCAN_RATIO > len(keys) else sorted(set(found))


_PLANS = [plan for r in RULES if (plan := start_plan(r.pattern)) is not None]


@pytest.mark.parametrize("text", TRICKY + NEWS + [" ".join(NEWS) * 4])
def test_candidates_are_the_walk_over_every_start_of_the_plan(text: str) -> None:
    index = StartIndex(text)
    for plan in _PLANS:
        assert index.candidates(plan) == walked_candidates(index, plan)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_WORDS) | st.text(max_size=4), max_size=40))
def test_candidates_of_word_salads_are_the_walk(words: list[str]) -> None:
    index = StartIndex(" ".join(words))
    for plan in _PLANS:
        assert index.candidates(plan) == walked_candidates(index, plan)


GATED = [r for r in RULES if r.needs is not None]
_GATE_WORDS = ["5", "2009", "%", "percent", "Percent", "a", "an", "per", "each", "every", "once",
               "twice", "thrice", "times", "three", "year", "month", "week", "day", "hour",
               "annual", "quarterly", "profit", "vez", "veces", "al", "año", "próximo", "de",
               "día", "el", "ſ", "\0", "İ"]


@pytest.mark.parametrize("text", TRICKY + NEWS)
def test_a_gate_is_searched_as_written(text: str) -> None:
    index = StartIndex(text)
    for r in GATED:
        assert occurs(r.needs, index) == (r.needs.search(text) is not None), r.name


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_GATE_WORDS) | st.text(max_size=2), max_size=12),
       st.sampled_from([" ", "  ", "\n", "\u00a0", ""]))
def test_a_rule_never_matches_where_its_gate_finds_nothing(words: list[str], sep: str) -> None:
    text = sep.join(words)
    index = StartIndex(text)
    for r in GATED:
        assert occurs(r.needs, index) == (r.needs.search(text) is not None), r.name
        if r.pattern.search(text) is not None:
            assert r.needs.search(text) is not None, r.name


@pytest.mark.parametrize(("name", "text"), [
    ("en_per_unit", "It costs $5 a day"), ("en_per_unit", "grew 10% a year"),
    ("en_per_unit", "up 50 PERCENT\nper week"), ("en_times_per", "She ran TWICE a week."),
    ("en_times_per", "three times  every hour"), ("en_yearly_amount", "its Annual profit"),
])
def test_a_gate_lets_its_rule_run_where_it_matches(name: str, text: str) -> None:
    r = next(r for r in GATED if r.name == name)
    assert r.pattern.search(text) is not None
    assert occurs(r.needs, StartIndex(text))


def test_most_rules_get_a_prefilter() -> None:
    planned = [r.name for r in RULES if start_plan(r.pattern) is not None]
    assert len(planned) >= 0.9 * len(RULES)


def test_candidates_are_few_on_news_text() -> None:
    text = NEWS[0] * 3
    index = StartIndex(text)
    month = next(r for r in RULES if r.name == "en_mdy")
    starts = index.candidates(start_plan(month.pattern) or ())
    assert starts is not None and len(starts) < len(text) / 20


@pytest.mark.parametrize(("pattern", "planned"), [
    (r"\bjan(?:uary)?", True), (r"(?i)\d+ days", True), (r"a?", False), (r".x", False),
    (r"\w+ago", False), (r"[^a]b", False),
    (r"(?:x*)*y", False),  # a repeat of what may be empty: scanned as before
])
def test_a_start_is_bounded_only_when_the_pattern_says_so(pattern: str, planned: bool) -> None:
    assert (start_plan(re.compile(pattern)) is not None) is planned


def test_normalized_keeps_offsets() -> None:
    text = "İstanbul ſ \u212a MAYO Ñandú ß"
    assert len(normalized(text)) == len(text)
    assert normalized("MAYO Ñandú") == "mayo ñandú"


def _naive(ranked: list[Found]) -> list[Found]:
    taken: list[Found] = []
    for f in ranked:
        if all(f.end <= t.start or f.start >= t.end for t in taken):
            taken.append(f)
    return sorted(taken, key=lambda f: f.start)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 12)), max_size=30))
def test_longest_hits_win_as_with_a_pairwise_check(spans: list[tuple[int, int]]) -> None:
    hit = Hit("DATE", "2009")
    found = [Found(s, s + n, hit, i % 3) for i, (s, n) in enumerate(spans)]
    found.sort(key=lambda f: (-(f.end - f.start), f.priority, f.start))
    assert _non_overlapping(found) == _naive(found)


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("text", TRICKY + NEWS)
def test_tense_markers_match_alike_case_sensitively(lang: str, text: str) -> None:
    pattern = _MARKERS[lang]
    fast = case_sensitive(pattern)
    assert fast is not None
    norm = normalized(text)
    if WILD in norm:
        return  # index_tense keeps the case-folding pattern for such texts
    expected = [(m.span(), m.lastgroup, m.group().lower()) for m in pattern.finditer(text)]
    assert [(m.span(), m.lastgroup, m.group()) for m in fast.finditer(norm)] == expected


@pytest.mark.parametrize("pattern", [
    r"(?i)\bMay\b", r"(?i)\b(?-i:x)\b", r"(?i)(a)\1", r"\bmay\b", r"(?i)[A-Z]+", r"(?i)ſ",
])
def test_a_pattern_keeps_case_folding_unless_lower_case_literals_make_it_safe(
    pattern: str,
) -> None:
    assert case_sensitive(re.compile(pattern)) is None


def test_the_boilerplate_class_in_lower_case_matches_the_same_letters() -> None:
    upper, lower = re.compile("[A-ZÁÉÍÓÚÑ]", re.I), re.compile("[a-záéíóúñ]", re.I)
    assert all(bool(upper.match(c)) == bool(lower.match(c)) for c in map(chr, range(0x10000)))


@pytest.mark.parametrize("chunk", [
    "By Ana Ruiz", "BY \u212aELVIN SMITH", "by ſtefan Kelvin", "Por José Pérez", "De MARÍA",
    "Share this article", "SHARE YOUR views", "© 2009 Reuters", "The minister resigned.",
    "Photo: Ana Ruiz", "ſhare this", "De 2009 a 2010",
])
def test_furniture_is_found_as_with_the_case_folding_pattern(chunk: str) -> None:
    written = re.compile(_BOILERPLATE.pattern.replace("[a-záéíóúñ]", "[A-ZÁÉÍÓÚÑ]"))
    assert _is_furniture(chunk) is (written.search(chunk) is not None)


#: The furniture pattern as written before its parts were searched apart (one alternation).
_BOILERPLATE_WRITTEN = re.compile(
    r"(?i)^(?:by|por|de)\s+[a-záéíóúñ][\w.]+(?:\s+[a-záéíóúñ][\w.]+){0,3}$"
    r"|share (?:this|your)|comparte|compartir|suscr[ií]b|subscribe|follow us|s[ií]guenos"
    r"|read more|lee (?:también|más)|leer más|ver más|\b(?:photo|foto|image|imagen|video)\s*:"
    r"|getty images|\bap photo\b|©|copyright|all rights reserved|derechos reservados"
    r"|advertisement|publicidad|newsletter|click here|haz clic|tell us what you think"
    r"|sign up|regístrate|related:|relacionad[oa]s?:|cookies"
    r"|\b(?:wrote|escribió|commented|comentó)\s*:\s*$|report abuse|denunciar abuso"
)
_FURNITURE_WORDS = ["By", "por", "De", "Ana", "ruiz", "share", "this", "Photo", "foto:", ":",
                    "AP", "photo", "wrote:", "escribió", "©", "Read", "more", "cookies", "\n",
                    "related:", "SIGN", "up", "ſhare", "é", "Ñandú", "x.y"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_FURNITURE_WORDS) | st.text(max_size=3), max_size=8),
       st.sampled_from([" ", "  ", "", "\t"]))
def test_furniture_is_what_the_pattern_as_written_finds(words: list[str], sep: str) -> None:
    chunk = sep.join(words)
    assert _is_furniture(chunk) is (_BOILERPLATE_WRITTEN.search(chunk) is not None)


#: The English tense markers as written before their three speed-ups (a lookahead after the
#: first word boundary, one before the passive lookbehinds and one before the "-ed" verb form):
#: the same markers, found faster.
_EN_MARKERS_PLAIN = re.compile(
    _MARKERS["en"].pattern.replace("(?=\\w*ed\\b)", "", 1).replace("|(?=\\w)(?<!", "|(?<!", 1)
    .replace("\\b(?=[\\w'])(?:", "\\b(?:", 1))
_ES_MARKERS_PLAIN = re.compile(_MARKERS["es"].pattern.replace("\\b(?=\\w)(?:", "\\b(?:", 1))


_MARKER_WORDS = {
    "en": ["needed", "hundred", "agreed", "be", "been", "is", "were", "will", "we'll", "led",
           "moved", "ed", "seed", "to", "closed"],
    "es": ["dirá", "va", "a", "votar", "ha", "votado", "próximo", "ayer", "mayoría", "'",
           "para", "el", "fue", "cantaba", "hace"],
}


@pytest.mark.parametrize(("lang", "plain"), [("en", _EN_MARKERS_PLAIN), ("es", _ES_MARKERS_PLAIN)])
@settings(max_examples=80, deadline=None)
@given(data=st.data())
def test_tense_markers_are_the_same_as_written_plainly(
        lang: str, plain: re.Pattern[str], data: st.DataObject) -> None:
    words = data.draw(st.lists(st.sampled_from(_MARKER_WORDS[lang]) | st.text(max_size=4),
                               max_size=20))
    sep = data.draw(st.sampled_from([" ", "  ", ", ", "\n"]))
    assert plain.pattern != _MARKERS[lang].pattern
    text = sep.join(words)
    assert plain_matches(_MARKERS[lang], text) == plain_matches(plain, text)


def test_lookups_are_kept_by_identity_and_bounded() -> None:
    from timeline.extract import prefilter

    plan = _PLANS[0]
    twin = tuple(list(plan))  # equal, another object: its own entry, the same lookups
    assert twin is not plan
    assert prefilter._lookups(twin) == prefilter._lookups(plan) == prefilter._lookups_of(plan)
    plans = [((f"{i:02d}"[-2:], None, True),) for i in range(prefilter._MAX_KEPT + 10)]
    for p in plans:
        assert prefilter._lookups(p).pairs == {p[0][0]}
    assert len(prefilter._BY_PLAN) <= prefilter._MAX_KEPT
