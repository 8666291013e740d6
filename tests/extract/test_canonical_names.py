"""The indexed name matching (``canonical_names``) picks what comparing every pair would pick:
each name against every other name of the article, then against every known name, with
``_stands_for`` (the brute force the index replaced in cd6f2a6)."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.extract.entities import _squash, _stands_for, _words, canonical_names

#: Few words, so that names share first and last words, particles and squashed spellings.
_WORDS = ["José", "Jose", "Antonio", "Kast", "Michael", "Jara", "Steve", "Jobs", "Puerto",
          "Almendral", "Ursula", "Leyen", "O'Brien", "Smith-Jones", "de", "la", "von", "der",
          "of"]

_name = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=4).map(" ".join)
#: An @handle that spells a name, in any case, or a name's words run together with noise.
_handle = st.builds(lambda name, upper, tail: "@" + (name.upper() if upper else name.lower())
                    .replace(" ", "") + tail,
                    _name, st.booleans(), st.sampled_from(["", "", "x", "2025"]))
_names = st.lists(_name | _handle, max_size=12)


def brute_force(names: list[str], known: tuple[str, ...]) -> dict[str, str]:
    counts = Counter(names)
    order = {name: i for i, name in reversed(list(enumerate(names)))}
    distinct = sorted(counts, key=lambda n: (-counts[n], order[n]))

    def stands(name: str, other: str) -> bool:
        return _stands_for(name, _words(name), _squash(name), _words(other), _squash(other))

    result = {}
    for name in distinct:
        fuller = [other for other in distinct if other != name and stands(name, other)]
        result[name] = max(fuller, key=lambda o: (counts[o], -order[o]), default=name)
    for name, full in result.items():
        matches = [k for k in known if k != name and stands(name, k)]
        if full == name and len(matches) == 1:
            result[name] = matches[0]
    return result


@settings(max_examples=300, deadline=None)
@given(_names, st.lists(_name, max_size=8, unique=True).map(lambda k: tuple(sorted(k))))
def test_canonical_names_equal_comparing_every_pair(names: list[str],
                                                    known: tuple[str, ...]) -> None:
    assert canonical_names(names, known=known) == brute_force(names, known)


@settings(max_examples=100, deadline=None)
@given(_names)
def test_known_names_drawn_from_the_article_match_as_comparing_every_pair(
        names: list[str]) -> None:
    known = tuple(sorted({n for n in names if not n.startswith("@")}))
    assert canonical_names(names, known=known) == brute_force(names, known)


def test_a_surname_and_a_handle_take_the_one_known_full_name() -> None:
    known = ("José Antonio Kast", "Steve Jobs")
    found = canonical_names(["Kast", "@joseantoniokast", "Jobs"], known=known)
    assert found == {"Kast": "José Antonio Kast", "@joseantoniokast": "José Antonio Kast",
                     "Jobs": "Steve Jobs"}
