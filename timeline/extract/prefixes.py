"""What a match of a date rule's pattern can begin with, read off CPython's own parse tree of
the compiled pattern, for :mod:`timeline.extract.prefilter`: the normalized alphabet the
prefixes are spelled in (:func:`normalized`), each pattern's :func:`start_plan`, and whether a
case-folding pattern finds the same matches case-sensitively in normalized text
(:func:`case_sensitive`).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence
from functools import cache
from typing import Any

#: CPython's own regex parser and its opcodes (``re._parser``, ``re._constants``, 3.11+).
_parser = importlib.import_module("re._parser")
sre = importlib.import_module("re._constants")

WILD = "\0"
#: Characters whose case folding under ``re.IGNORECASE`` is the same as ``str.lower``'s.
_PLAIN_LETTERS = "àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþ"
_PLAIN = frozenset(map(chr, range(0x80))) | frozenset(_PLAIN_LETTERS + _PLAIN_LETTERS.upper()
                                                      + "ºª¿¡«»‘’“”–—€£¥°©®")
_NOT_PLAIN = re.compile("[^" + re.escape("".join(sorted(_PLAIN - {WILD}))) + "]")
#: A plain word character, once normalized (what ``\\w`` matches among the plain ones).
WORD_CHAR = re.compile("[0-9_a-z" + _PLAIN_LETTERS + "ºª]")
GUARDED = "\1"  # marks a first character that follows a word boundary
_MAX_RANGE = 30  # a class range wider than this ("[^ ]", "\w") bounds nothing
_MAX_DEPTH = 60
#: Every ASCII whitespace character (what ``\\s`` matches among the plain ones) as " ", in the
#: keys positions are looked up by and in the prefixes read off patterns alike.
ASCII_SPACES = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f"
_BLANKS = str.maketrans(dict.fromkeys(ASCII_SPACES, " "))
#: A first character whose three-character prefixes are at most this many looks them up.
_MAX_TAILS = 24
_MAX_PREFIXES = 5_000  # past this many prefixes of one length, that length is given up
Item = tuple[Any, Any, int]  # (opcode, argument, flags), as re's parser has them


def normalized(text: str) -> str:
    """``text`` lower-cased character for character, non-plain characters as ``WILD``."""
    return _NOT_PLAIN.sub(WILD, text).lower()


class _Unbounded(Exception):
    """The pattern's start is too open to prefilter."""


def _plain_char(code: int) -> str:
    char = chr(code)
    if char not in _PLAIN or char == WILD:
        raise _Unbounded
    return char.lower()


def _class_chars(items: Sequence[tuple[Any, Any]]) -> set[str] | None:
    """The characters a class matches (lower-cased), or None when it is too wide."""
    chars: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            chars.add(_plain_char(av).translate(_BLANKS))
        elif op is sre.RANGE and av[1] - av[0] <= _MAX_RANGE:
            chars.update(_plain_char(c).translate(_BLANKS) for c in range(av[0], av[1] + 1))
        elif op is sre.CATEGORY and av is sre.CATEGORY_DIGIT:
            chars.update("0123456789")  # other scripts' digits are not plain: WILD
        elif op is sre.CATEGORY and av is sre.CATEGORY_SPACE:
            chars.add(" ")  # any ASCII space (keys show them all as " "); the others are WILD
        else:
            return None
    return chars


def _starts(items: Sequence[Item], k: int, guard: bool | None = False,
            depth: int = 0) -> set[str]:
    """Every string of at most ``k`` characters a match of ``items`` can begin with; a shorter
    string means anything may follow it ("" means: anything at all). ``guard`` is None once a
    character is matched; before, whether a word boundary was asserted: a first word character
    after one is marked ``GUARDED`` (the character before it is no word character)."""
    if k == 0 or not items:
        return {""}
    if depth > _MAX_DEPTH:
        raise _Unbounded
    (op, av, flags), rest = items[0], items[1:]
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        guards = guard is not None and (guard or _is_guard(op, av, flags))
        return _starts(rest, k, None if guard is None else guards, depth + 1)
    if op is sre.LITERAL:
        return _then({_plain_char(av).translate(_BLANKS)}, rest, k, guard, depth)
    if op is sre.IN:
        chars = _class_chars(av)
        return {""} if chars is None else _then(chars, rest, k, guard, depth)
    if op is sre.SUBPATTERN:
        _, add, remove, body = av
        inner = (flags | add) & ~remove
        return _starts([*_items(body, inner), *rest], k, guard, depth + 1)
    if op is sre.ATOMIC_GROUP:
        return _starts([*_items(av, flags), *rest], k, guard, depth + 1)
    if op is sre.BRANCH:
        return set().union(*(_starts([*_items(alt, flags), *rest], k, guard, depth + 1)
                             for alt in av[1]))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        return _repeat(av, flags, rest, k, guard, depth)
    return {""}  # any character, a back-reference, a conditional: unknown from here


def _is_guard(op: Any, av: Any, flags: int) -> bool:
    """``\\b``, or a lookbehind refusing a word character (``(?<![\\w$])``): no word
    character right before this point, if a word character follows."""
    if flags & re.ASCII:
        return False  # an ASCII boundary says nothing of the letters beyond ASCII
    if op is sre.AT:
        return av is sre.AT_BOUNDARY
    if op is sre.ASSERT_NOT and av[0] == -1:
        body = list(av[1])
        return (len(body) == 1 and body[0][0] is sre.IN
                and (sre.CATEGORY, sre.CATEGORY_WORD) in body[0][1])
    return False


def _then(chars: set[str], rest: Sequence[Item], k: int, guard: bool | None,
          depth: int) -> set[str]:
    tails = _starts(rest, k - 1, None, depth + 1)
    if len(chars) * len(tails) > _MAX_PREFIXES:
        raise _Unbounded
    return {_mark(c, guard) + t for c in chars for t in tails}


def _mark(char: str, guard: bool | None) -> str:
    return GUARDED + char if guard and WORD_CHAR.match(char) else char


def _repeat(av: tuple[int, int, Any], flags: int, rest: Sequence[Item], k: int,
            guard: bool | None, depth: int) -> set[str]:
    low, high, body = av
    found: set[str] = set()
    if low == 0:
        found |= _starts(rest, k, guard, depth + 1)
    if high != 0:
        again = high if high == sre.MAXREPEAT else high - 1
        more: Item = (sre.MAX_REPEAT, (max(low - 1, 0), again, body), flags)
        found |= _starts([*_items(body, flags), more, *rest], k, guard, depth + 1)
    return found


def _items(body: Any, flags: int) -> list[Item]:
    return [(op, av, flags) for op, av in body]


#: (the first one or two characters, what may follow them (strings, any of which) or None for
#: anything, whether they follow a word boundary). Two characters only after a boundary.
Start = tuple[str, tuple[str, ...] | None, bool]


@cache
def start_plan(pattern: re.Pattern[str]) -> tuple[Start, ...] | None:
    """How a match of ``pattern`` can begin, from its parse tree; None when that cannot be
    bounded (it may match the empty string, or open with a wide class or with whitespace).
    A first character is followed by its two-character prefixes' tails, or by its
    three-character ones' when they are few ("thi", "thu", "thr" rather than "th")."""
    try:
        items = _items(_parser.parse(pattern.pattern, pattern.flags), pattern.flags)
        prefixes = _starts(items, 2)
    except (_Unbounded, RecursionError):
        return None
    if "" in prefixes or any(p.removeprefix(GUARDED)[:1] == " " for p in prefixes):
        return None  # whitespace is everywhere: scanning is cheaper
    try:
        deeper: dict[str, tuple[set[str], bool]] | None = _by_first(_starts(items, 3))
    except (_Unbounded, RecursionError):
        deeper = None
    plan: list[Start] = []
    for first, (tails, guarded) in sorted(_by_first(prefixes).items()):
        if "" in tails:
            plan.append((first, None, guarded))
            continue
        if deeper is not None and len(deeper[first][0]) <= _MAX_TAILS:
            tails = deeper[first][0]
        if guarded:
            plan.extend(_by_pair(first, tails))
        else:
            plan.append((first, tuple(sorted(tails)), guarded))
    return tuple(plan)


def _by_pair(first: str, tails: set[str]) -> list[Start]:
    """A word start's prefixes as (its first two characters, the third ones or None)."""
    thirds: dict[str, set[str]] = {}
    for tail in tails:
        thirds.setdefault(first + tail[0], set()).add(tail[1:])
    return [(pair, None if "" in more else tuple(sorted(more)), True)
            for pair, more in sorted(thirds.items())]


def _by_first(prefixes: set[str]) -> dict[str, tuple[set[str], bool]]:
    """Per first character: what follows it, and whether it always follows a boundary."""
    follow: dict[str, set[str]] = {}
    guarded: dict[str, bool] = {}
    for prefix in prefixes:
        marked = prefix.startswith(GUARDED)
        prefix = prefix.removeprefix(GUARDED)
        follow.setdefault(prefix[0], set()).add(prefix[1:])
        guarded[prefix[0]] = guarded.get(prefix[0], True) and marked
    return {first: (tails, guarded[first]) for first, tails in follow.items()}


@cache
def case_sensitive(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """``pattern`` without ``re.IGNORECASE``, when that finds the same matches in
    :func:`normalized` text free of ``WILD`` as ``pattern`` finds in the text itself: every
    character it names is plain and lower-case, and no inline flag turns case back on.
    Case-sensitive literals are several times faster to try than case-folded ones."""
    if not pattern.flags & re.IGNORECASE:
        return None
    tree = _parser.parse(pattern.pattern, pattern.flags)
    if not _lower_only(tree):
        return None
    return re.compile(pattern.pattern.removeprefix("(?i)"), pattern.flags & ~re.IGNORECASE)


def _lower_only(body: Any) -> bool:
    for op, av in body:
        if op is sre.LITERAL or op is sre.NOT_LITERAL:
            if not _lower_char(av):
                return False
        elif op is sre.IN:
            if not all(_lower_class_item(o, a) for o, a in av):
                return False
        elif op is sre.SUBPATTERN:
            if av[1] or av[2] or not _lower_only(av[3]):  # inline flags: keep it simple
                return False
        elif op is sre.BRANCH:
            if not all(_lower_only(alt) for alt in av[1]):
                return False
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            if not _lower_only(av[2]):
                return False
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            if not _lower_only(av[1]):
                return False
        elif op is sre.ATOMIC_GROUP:
            if not _lower_only(av):
                return False
        elif op not in (sre.AT, sre.ANY):
            return False  # back-references, conditionals: not worth the doubt
    return True


def _lower_char(code: int) -> bool:
    char = chr(code)
    return char in _PLAIN and char != WILD and char == char.lower()


def _lower_class_item(op: Any, av: Any) -> bool:
    if op is sre.LITERAL:
        return _lower_char(av)
    if op is sre.RANGE:
        return all(_lower_char(c) for c in range(av[0], av[1] + 1))
    return op is sre.CATEGORY or op is sre.NEGATE
