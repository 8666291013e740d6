"""Finite verbs, tense and the kind of happening a predicate reports, per language.

A token is a finite verb when the language data says so: an auxiliary or copula, a known
irregular or present form, or a finite ending (English ``-ed`` not after a determiner, Spanish
preterite, imperfect, future and conditional endings, or any verb form after a clitic: "se
comunicó"). Languages without data have no verbs: their sentences stay whole clauses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType

from timeline.extract import verbs_en, verbs_es
from timeline.extract.document import Tense

_DATA: dict[str, ModuleType] = {"en": verbs_en, "es": verbs_es}
_KIND_ORDER = ("death", "result", "vote", "legal", "decision", "launch", "announcement", "plan",
               "statement", "state")
_EN_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "this"})
_EN_SUBJECT_PRONOUNS = frozenset({"he", "she", "it", "who", "which", "that"})
_EN_OBJECT_OPENERS = frozenset({"that", "the", "a", "an", "to", "its", "his", "her", "their",
                                "all", "about", "more", "no"})
_PLUPERFECT = frozenset({"had", "había", "habían"})
_PERFECT = frozenset({"has", "have", "had", "ha", "han", "había", "habían", "hemos", "he"})
_ES_OBJECT_OPENERS = frozenset(
    {"el", "la", "los", "las", "un", "una", "unos", "unas", "al", "a", "su", "sus", "que", "lo"}
)
#: Words after which a word ending like a verb is not one (articles, prepositions, adverbs).
_ES_NOT_NOUNS = frozenset(
    "el la los las un una unos unas lo al del de a en con por para sin sobre entre hasta desde "
    "y o e ni que se no ya muy más menos tan su sus mi mis este esta estos estas ese esa otro "
    "otra todo toda cada como cuando donde también sólo solo aún".split()
)
_PARTICIPLE_ENDINGS: dict[str, tuple[str, ...]] = {
    "es": ("ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas"),
    "en": ("ed",),
}
#: Every English word _english knows by name (any other must end in "-ed" or "-s").
_EN_LISTED = frozenset(verbs_en.AUXILIARIES) | verbs_en.IRREGULAR_PAST | verbs_en.PRESENT_FORMS
_ES_VERB_AFTER_CLITIC = ("a", "an", "e", "en", "ó", "ió", "ará", "erá", "irá", "ían", "aba")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """What clause-finding needs of one language."""

    lang: str
    conjunctions: frozenset[str]
    relatives: frozenset[str]
    complementizers: frozenset[str]
    subordinators: frozenset[str]


def lexicon(lang: str) -> Lexicon | None:
    data = _DATA.get(lang)
    if data is None:
        return None
    return Lexicon(lang, data.CONJUNCTIONS, data.RELATIVES, data.COMPLEMENTIZERS,
                   data.SUBORDINATORS)


def finite_tense(words: list[str], i: int, lang: str, initial: bool) -> Tense | None:
    """The tense of ``words[i]`` if it is a finite verb (``words`` are as written)."""
    word = words[i]
    if not word[:1].isalpha():
        return None
    lower = word.lower()
    prev = words[i - 1].lower() if i > 0 else ""
    if lang == "en":
        return _english(lower, prev, words[i + 1].lower() if i + 1 < len(words) else "",
                        word[0].isupper() and not initial)
    if lang == "es":
        nxt = words[i + 1].lower() if i + 1 < len(words) else ""
        before = words[i - 1] if i > 0 else ""
        return _spanish(lower, prev, word[0].isupper() and not initial) or _spanish_present(
            lower, before, nxt)
    return None


def finite_tenses(words: list[str], lowers: list[str], lang: str,
                  openers: frozenset[str]) -> dict[int, Tense]:
    """``finite_tense`` of every word at once (``lowers``: the words lower-cased; a word is
    ``initial`` at the start or after one of ``openers``): token index -> tense."""
    found: dict[int, Tense] = {}
    last = len(words) - 1
    for i, word in enumerate(words):
        if lang == "en" and lowers[i] not in _EN_LISTED and not lowers[i].endswith(("ed", "s")):
            continue  # no English verb form: _english says None
        if not word[:1].isalpha():
            continue
        prev = lowers[i - 1] if i > 0 else ""
        nxt = lowers[i + 1] if i < last else ""
        capitalised = word[0].isupper() and not (i == 0 or words[i - 1] in openers)
        if lang == "en":
            tense = _english(lowers[i], prev, nxt, capitalised)
        elif lang == "es":
            tense = _spanish(lowers[i], prev, capitalised) or _spanish_present(
                lowers[i], words[i - 1] if i > 0 else "", nxt)
        else:
            return found
        if tense is not None:
            found[i] = tense
    return found


def _english(word: str, prev: str, nxt: str, capitalised: bool) -> Tense | None:
    aux = verbs_en.AUXILIARIES.get(word)
    if aux is not None:
        return aux  # type: ignore[return-value]
    if capitalised:
        return None
    if word in verbs_en.IRREGULAR_PAST or (
        word.endswith("ed") and len(word) > 4 and word not in verbs_en.NOT_VERBS
    ):
        adjective = prev in verbs_en.PARTICIPLE_CUES or prev.endswith(("'s", "’s"))
        return None if adjective else "past"  # "the crowded capital", "Mexico's crowded ..."
    if word in verbs_en.PRESENT_FORMS and prev not in _EN_DETERMINERS:
        return "present"
    generic = word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "ics"))
    if generic and prev in _EN_SUBJECT_PRONOUNS and nxt in _EN_OBJECT_OPENERS:
        return "present"
    return None


def _spanish(word: str, prev: str, capitalised: bool) -> Tense | None:
    aux = verbs_es.AUXILIARIES.get(word)
    if aux is not None:
        return aux  # type: ignore[return-value]
    if word in verbs_es.PRESENT_FORMS and not capitalised:
        return "present"
    if capitalised or word in verbs_es.NOT_VERBS or len(word) < 4:
        return None
    for ending, tense in verbs_es.ENDINGS:
        if word.endswith(ending):
            return tense  # type: ignore[return-value]
    if prev in {"se", "le", "les", "me", "nos"} and word.endswith(_ES_VERB_AFTER_CLITIC):
        return "present"
    return None


def _spanish_present(word: str, before: str, nxt: str) -> Tense | None:
    """"La compañía opera el terminal": a word ending like a present verb between a noun or
    name and an article."""
    if len(word) < 4 or not word.endswith(("a", "e", "an", "en")) or word in verbs_es.NOT_VERBS:
        return None
    if nxt not in _ES_OBJECT_OPENERS or not before[:1].isalpha():
        return None
    if before.lower() in _ES_NOT_NOUNS or before.lower().endswith(("mente",)):
        return None
    return "present"


def participle_endings(lang: str) -> tuple[str, ...]:
    """How a past participle ends (lower-cased): no word without one is ``participle_at``."""
    return _PARTICIPLE_ENDINGS.get(lang, ())


def participle_at(words: list[str], i: int, lang: str) -> bool:
    """A past participle after a noun that opens a reduced relative clause ("la paralización
    iniciada el domingo", "the agreement signed on Monday")."""
    word, prev = words[i].lower(), words[i - 1] if i > 0 else ""
    endings = _PARTICIPLE_ENDINGS.get(lang)
    if endings is None or not word.endswith(endings) or not (prev.isalpha() and prev.islower()):
        return False
    if prev in _EN_SUBJECT_PRONOUNS or prev in {"él", "ella", "ellos", "ellas"}:
        return False
    data = _DATA[lang]
    before = words[i - 2].lower() if i > 1 else ""
    blocked = (prev.lower() in data.AUXILIARIES or prev.lower() in _ES_NOT_NOUNS
               or before in data.AUXILIARIES or prev.endswith(("ly", "mente")))
    return not blocked and prev.lower() not in verbs_en.PARTICIPLE_CUES


def clause_tense(words: list[str], verb: int, tense: Tense) -> Tense:
    """The present perfect ("has filed", "ha presentado") is ``perfect``."""
    if words[verb].lower() in _PERFECT and verb + 1 < len(words):
        nxt = words[verb + 1].lower()
        if nxt.endswith(("ed", "ado", "ido", "to", "cho", "en", "wn")) or nxt in {"been", "sido"}:
            return "past" if words[verb].lower() in _PLUPERFECT else "perfect"
    return tense


def content_verb(words: list[str], verb: int, lang: str) -> str:
    """The verb that says what happened: past auxiliaries and clitics ("has filed" -> filed)."""
    data = _DATA.get(lang)
    aux = data.AUXILIARIES if data is not None else {}
    j = verb
    while j + 1 < len(words) and j - verb < 3 and words[j].lower() in aux:
        nxt = words[j + 1]
        if not (nxt[:1].islower() and _verb_like(nxt, lang)):
            break
        j += 1
    return words[j].lower()


def _verb_like(word: str, lang: str) -> bool:
    """A participle, gerund or verb form that can follow an auxiliary."""
    if lang == "en":
        return word.endswith(("ed", "en", "ing", "wn")) or word in verbs_en.IRREGULAR_PAST or (
            word in {"be", "been"})
    return word.endswith(("ado", "ido", "to", "cho", "so", "ndo", "ar", "er", "ir"))


@lru_cache(maxsize=8192)
def kind_of(verb: str, lang: str) -> str:
    """One of the event kinds for a (content) verb; ``action`` when the data has no stem."""
    for kind, exact, prefix in _kind_patterns(lang):
        if verb in exact or (prefix is not None and prefix.match(verb)):
            return kind
    return "action"


@lru_cache(maxsize=8)
def _kind_patterns(lang: str) -> tuple[tuple[str, frozenset[str], re.Pattern[str] | None], ...]:
    """Per kind, in order: the stems as exact words and (but for states) as one prefix regex."""
    data = _DATA.get(lang)
    if data is None:
        return ()
    patterns = []
    for kind in _KIND_ORDER:
        stems = data.KIND_STEMS[kind]
        prefix = None if kind == "state" else re.compile("|".join(map(re.escape, stems)))
        patterns.append((kind, frozenset(stems), prefix))
    return tuple(patterns)
