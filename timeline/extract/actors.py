"""People and organisations named in a sentence, found by capitalisation.

A name is a run of capitalised words, possibly joined by lower-case connectors ("Partido de la
Gente", "Ursula von der Leyen"), or an @handle. Sentence-initial function words, months,
weekdays and a short stopword list per language are not names. Names are returned as they
appear, in order, without duplicates; a lone surname already covered by a longer name in the
same sentence ("Kast" after "José Antonio Kast") is dropped.
"""

from __future__ import annotations

import re

CONNECTORS: frozenset[str] = frozenset(
    {"de", "del", "la", "las", "los", "van", "von", "der", "den", "da", "di", "do", "dos", "of"}
)

_MONTHS_WEEKDAYS: frozenset[str] = frozenset(
    {
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
        "setiembre", "octubre", "noviembre", "diciembre", "lunes", "martes", "miércoles",
        "jueves", "viernes", "sábado", "domingo", "january", "february", "march", "april",
        "may", "june", "july", "august", "september", "october", "november", "december",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    }
)

STOPWORDS: dict[str, frozenset[str]] = {
    "es": frozenset(
        {
            "el", "la", "los", "las", "un", "una", "unos", "unas", "lo", "al", "del", "de", "en",
            "y", "o", "a", "con", "por", "para", "sin", "sobre", "tras", "desde", "hasta", "entre",
            "según", "durante", "ante", "bajo", "este", "esta", "estos", "estas", "ese", "esa",
            "aquel", "aquella", "su", "sus", "mi", "nuestro", "nuestra", "que", "quien", "quién",
            "cuando", "cuándo", "donde", "dónde", "como", "cómo", "qué", "cual", "cuál", "pero",
            "sin embargo", "además", "también", "ya", "no", "sí", "si", "hoy", "ayer", "mañana",
            "anoche", "luego", "después", "antes", "ahora", "así", "aunque", "porque", "mientras",
            "se", "le", "les", "él", "ella", "ellos", "ellas", "usted", "yo", "nosotros", "todo",
            "todos", "cada", "otro", "otra", "más", "muy", "felicitaciones", "gracias", "hay",
            "primavera", "verano", "otoño", "invierno", "fuentes", "ahí", "allí", "aquí",
        }
    ),
    "en": frozenset(
        {
            "the", "a", "an", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by",
            "with", "from", "after", "before", "since", "until", "during", "between", "about",
            "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your",
            "he", "she", "it", "they", "we", "i", "you", "who", "what", "when", "where", "why",
            "how", "which", "while", "if", "as", "so", "then", "there", "here", "today",
            "yesterday", "tomorrow", "tonight", "last", "next", "however", "also", "meanwhile",
            "although", "because", "no", "yes", "not", "all", "every", "more", "some", "many",
            "one", "two", "three", "mr", "mrs", "ms", "dr", "sources", "thanks", "congratulations",
            "spring", "summer", "autumn", "fall", "winter", "officials", "residents", "under",
            "over", "despite", "upon", "local", "chief", "according",
        }
    ),
}

#: Titles dropped from the front of a name ("Mayor Dana Whitfield" -> "Dana Whitfield").
TITLES: frozenset[str] = frozenset(
    {
        "mayor", "president", "presidente", "presidenta", "minister", "ministro", "ministra",
        "senator", "senador", "senadora", "governor", "gobernador", "gobernadora", "alcalde",
        "alcaldesa", "judge", "juez", "jueza", "councillor", "councilwoman", "councilman",
        "concejal", "concejala", "diputado", "diputada", "sr", "sra", "dr", "dra", "don", "doña",
        "secretary", "chief", "captain", "capitán", "general", "sir", "lady", "lord",
    }
)

_TOKEN = re.compile(r"@\w{2,}|(?:\w{1,2}\.){2,}|\w+(?:['’-]\w+)*")
_VERB_ENDING = re.compile(r"(?:ó|aron|ieron|aba|ían|rá|rán|ed)$")  # sentence-initial verbs
_PLURAL_NOUN = re.compile(r"^[A-Z][a-z]+(?:ers|ents|ants|ials|ians|ists|ors|ees|ets)$")
_URL = re.compile(r"https?://\S+|www\.\S+")
_POSSESSIVE = re.compile(r"['’]s$")


def find_actors(sentence: str, lang: str) -> tuple[str, ...]:
    """Names of people and organisations in ``sentence``, as written, in order of appearance."""
    stop = STOPWORDS.get(lang, frozenset()) | STOPWORDS["en"]
    masked = _URL.sub(lambda m: " " * len(m.group()), sentence)
    names: list[str] = []
    for run in _runs(masked, stop):
        name = _without_title(_POSSESSIVE.sub("", sentence[run[0] : run[1]]))
        if lang == "en" and run[0] == _first_word_start(sentence) and _PLURAL_NOUN.match(name):
            continue  # "Engineers will inspect...", "Residents said..."
        if name not in names:
            names.append(name)
    return _without_covered_surnames(names)


def _runs(sentence: str, stop: frozenset[str]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    current: list[re.Match[str]] = []
    pending: list[re.Match[str]] = []  # connectors waiting for a capitalised word
    for index, token in enumerate(_TOKEN.finditer(sentence)):
        word = token.group()
        gap = sentence[(pending or current)[-1].end() : token.start()] if current else " "
        repeated = bool(current) and word == current[-1].group()  # "Kast Kast": two names
        if current and (gap.strip() or repeated):  # punctuation between words ends a name
            _close(runs, current)
            current, pending = [], []
        if _is_name_word(word, index == 0, stop):
            current.extend(pending)
            current.append(token)
            pending = []
        elif current and word in CONNECTORS:
            pending.append(token)
        else:
            _close(runs, current)
            current, pending = [], []
    _close(runs, current)
    return runs


def _close(runs: list[tuple[int, int]], tokens: list[re.Match[str]]) -> None:
    if tokens:
        runs.append((tokens[0].start(), tokens[-1].end()))


def _is_name_word(word: str, initial: bool, stop: frozenset[str]) -> bool:
    if word.startswith("@"):
        return True
    if not word[0].isupper() or word[0].isdigit():
        return False
    lower = word.lower()
    if lower in _MONTHS_WEEKDAYS or (initial and _VERB_ENDING.search(lower)):
        return False
    return lower not in stop or (not initial and word.isupper() and len(word) > 1)


def _first_word_start(sentence: str) -> int:
    match = _TOKEN.search(sentence)
    return match.start() if match else -1


def _without_title(name: str) -> str:
    first, _, rest = name.partition(" ")
    if rest and first.lower().rstrip(".") in TITLES and rest[0].isupper():
        return rest
    return name


def _without_covered_surnames(names: list[str]) -> tuple[str, ...]:
    def covered(name: str) -> bool:
        return " " not in name and any(
            other != name and other.split()[-1] == name for other in names
        )

    return tuple(name for name in names if not covered(name))
