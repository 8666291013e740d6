"""People and organisations named in a sentence, found by capitalisation.

A name is a run of capitalised words, possibly joined by lower-case connectors ("Partido de la
Gente", "Ursula von der Leyen"), or an @handle. Sentence-initial function words, months,
weekdays and a short stopword list per language are not names. Names are returned as they
appear, in order, without duplicates; a lone surname already covered by a longer name in the
same sentence ("Kast" after "José Antonio Kast") is dropped.
"""

from __future__ import annotations

import re
from functools import cache

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
            "finalmente", "actualmente", "recientemente", "entonces", "incluso",
            "asimismo", "igualmente", "previamente", "posteriormente", "personalmente", "es",
            "son", "fue", "fueron", "era", "eran", "ha", "han", "había", "está", "están", "será",
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
            "over", "despite", "upon", "local", "chief", "according", "besides", "outside",
            "inside", "across", "among", "against", "along", "around", "behind", "below",
            "beyond", "except", "near", "per", "plus", "than", "through", "throughout",
            "toward", "towards", "unlike", "via", "within", "without", "yet", "still", "even",
            "just", "only", "now", "later", "earlier", "instead", "indeed", "perhaps",
            "furthermore", "moreover", "therefore", "thus", "otherwise", "overall",
            "personally", "currently", "recently", "finally", "initially", "previously",
            "already", "again", "once", "twice", "i'd", "i'm", "i've", "i'll", "we're",
            "we've", "we'll", "we'd", "it's", "he's", "she's", "they're", "that's", "there's",
            "let's", "you're", "level", "people", "good", "please", "is", "are", "was", "were",
            "be", "been", "has", "have", "had", "do", "does", "did", "following", "current",
            "editing", "reporting", "writing", "additional", "updated", "posted", "bst", "gmt",
            "edt", "est", "pst", "pdt", "cet", "cest", "utc", "cdt", "mdt", "am", "pm",
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
        "ceo", "cfo", "coo", "chairman", "chairwoman", "director", "directora", "candidato",
        "candidata", "líder", "leader", "spokesman", "spokeswoman", "portavoz", "vocero",
        "vocera", "dictador", "dictator", "king", "queen", "rey", "reina", "pope", "papa",
        "prince", "príncipe", "mandatario", "mandataria", "canciller", "chancellor", "justice",
        "mr", "mrs", "ms", "prof", "professor", "profesor", "profesora", "coach", "entrenador",
        "founder", "fundador", "co-founder", "cofundador", "premier", "commissioner",
        "comisionado", "ambassador", "embajador", "embajadora", "inspector", "detective",
        "officer", "sheriff", "rabbi", "bishop", "obispo", "cardinal", "cardenal", "father",
        "padre", "sister", "assistant", "deputy", "vice", "acting", "interim", "former",
        "executive", "managing", "secretary-general", "director-general", "adjunto",
        "adjunta", "subsecretario", "subsecretaria", "viceministro", "viceministra",
    }
)

_TOKEN = re.compile(r"@\w{2,}|(?:\w{1,2}\.){2,}|\w+(?:['’-]\w+)*")
_VERB_ENDING = re.compile(r"(?:ó|aron|ieron|aba|ían|rá|rán|ed)$")  # sentence-initial verbs
_PLURAL_NOUN = re.compile(r"^[A-Z][a-z]+(?:ers|ents|ants|ials|ians|ists|ors|ees|ets)$")
_URL = re.compile(r"https?://\S+|www\.\S+")
_POSSESSIVE = re.compile(r"['’]s$")
_NON_SPACE = re.compile(r"\S+")


def find_actors(sentence: str, lang: str) -> tuple[str, ...]:
    """Names of people and organisations in ``sentence``, as written, in order of appearance."""
    names: list[str] = []
    for _, _, name in find_names(sentence, lang):
        if name not in names:
            names.append(name)
    return _without_covered_surnames(names)


def find_names(sentence: str, lang: str) -> list[tuple[int, int, str]]:
    """Every capitalised name in ``sentence``: its offsets and the name without title.

    A title inside a run splits it: "Apple CEO Steve Jobs" is "Apple" and "Steve Jobs"."""
    stop = _stopwords(lang)
    masked = _URL.sub(lambda m: " " * len(m.group()), sentence)
    found: list[tuple[int, int, str]] = []
    for start, end in _runs(masked, stop):
        for a, b in _split_at_titles(sentence, start, end):
            name = _without_title(_POSSESSIVE.sub("", sentence[a:b]))
            if lang == "en" and a == _first_word_start(sentence) and _PLURAL_NOUN.match(name):
                continue  # "Engineers will inspect...", "Residents said..."
            if name.lower().rstrip(".") not in TITLES:
                found.append((b - len(name) if sentence[a:b].endswith(name) else a, b, name))
    return found


@cache
def _stopwords(lang: str) -> frozenset[str]:
    """The language's stopwords and English's (quoted English is common everywhere)."""
    return STOPWORDS.get(lang, frozenset()) | STOPWORDS["en"]


def _split_at_titles(sentence: str, start: int, end: int) -> list[tuple[int, int]]:
    words = list(_NON_SPACE.finditer(sentence, start, end))
    while len(words) > 1 and words[-1].group().lower().rstrip(".") in TITLES:
        words.pop()  # "Steve Jobs Apple Computer CEO and co-founder ..."
    end = words[-1].end()
    for k in range(len(words) - 2, 0, -1):
        if words[k].group().lower().rstrip(".") in TITLES:
            return [(start, words[k - 1].end()), (words[k].start(), end)]
    return [(start, end)]


def title_before(sentence: str, start: int) -> str | None:
    """The title word right before a name ("El presidente Javier Milei" -> "presidente")."""
    words = sentence[max(0, start - 40) : start].split()
    return words[-1].lower().strip(",.") if words and words[-1].lower() in TITLES else None


def _runs(sentence: str, stop: frozenset[str]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    current: list[re.Match[str]] = []
    pending: list[re.Match[str]] = []  # connectors waiting for a capitalised word
    for index, token in enumerate(_TOKEN.finditer(sentence)):
        word = token.group()
        if not current and not word[0].isupper() and word[0] != "@":
            continue  # no name open, none starting: nothing to do (the common case)
        gap = sentence[(pending or current)[-1].end() : token.start()] if current else " "
        repeated = bool(current) and word == current[-1].group()  # "Kast Kast": two names
        if current and (gap.strip() or repeated):  # punctuation between words ends a name
            _close(runs, current)
            current, pending = [], []
        if _is_name_word(word, index == 0, stop):
            current.extend(pending)
            current.append(token)
            pending = []
            if _POSSESSIVE.search(word):  # "Apple's CEO Steve Jobs": two names
                _close(runs, current)
                current = []
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
    lower = _POSSESSIVE.sub("", word.lower())
    if lower in _MONTHS_WEEKDAYS or (initial and _VERB_ENDING.search(lower)):
        return False
    return lower not in stop or (not initial and word.isupper() and len(word) > 1)


def _first_word_start(sentence: str) -> int:
    match = _TOKEN.search(sentence)
    return match.start() if match else -1


def _without_title(name: str) -> str:
    """"Mayor Dana Whitfield" -> "Dana Whitfield"; "CEO de Apple Computer" -> "Apple Computer"."""
    first, _, rest = name.partition(" ")
    while rest and first.lower().rstrip(".") in TITLES:
        head, _, tail = rest.partition(" ")
        if rest[0].isupper():
            name = rest
        elif head in CONNECTORS and tail[:1].isupper():
            name = tail
        else:
            break
        first, _, rest = name.partition(" ")
    return name


def _without_covered_surnames(names: list[str]) -> tuple[str, ...]:
    def covered(name: str) -> bool:
        return " " not in name and any(
            other != name and other.split()[-1] == name for other in names
        )

    return tuple(name for name in names if not covered(name))
