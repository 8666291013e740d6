"""Input from outside (request bodies, JSON lines, command-line text) checked before any work.

JSON nesting is limited before the parser runs (a body of 100,000 ``[`` would otherwise exhaust
the parser's recursion), and strings holding NUL bytes or lone surrogates are refused with the
field that holds them: neither can be stored as UTF-8 text, nor hashed, nor shown.
"""

from __future__ import annotations

import json
import re
from typing import Any

from timeline.errors import InvalidInput

__all__ = ["MAX_JSON_DEPTH", "check_clean", "check_depth", "load_json"]

#: The deepest nesting of arrays and objects accepted (an article is one object).
MAX_JSON_DEPTH = 32

_ESCAPE = re.compile(rb"\\.", re.DOTALL)
#: A JSON string once escapes are gone, or an unterminated one to the end.
_STRING = re.compile(rb'"[^"]*(?:"|\Z)')
_NOT_BRACKET = bytes(set(range(256)) - set(b"[]{}"))
_EMPTY_PAIR = re.compile(rb"\[\]|\{\}")
_UNCLEAN = re.compile("[\x00\ud800-\udfff]")


def check_depth(raw: bytes, *, field: str = "body", limit: int = MAX_JSON_DEPTH) -> None:
    """Refuse JSON nested deeper than ``limit``, without parsing it (linear in its size)."""
    if raw.count(b"[") + raw.count(b"{") <= limit:
        return
    brackets = _STRING.sub(b"", _ESCAPE.sub(b"", raw)).translate(None, _NOT_BRACKET)
    for _ in range(limit):  # each pass removes the innermost level of every container
        brackets, removed = _EMPTY_PAIR.subn(b"", brackets)
        if not brackets or not removed:
            break
    if brackets:
        raise InvalidInput(f"JSON nested deeper than {limit} levels (or unbalanced)", field=field)


def check_clean(value: Any, field: str | None) -> None:
    """Refuse any string in ``value`` (walking lists and objects) that holds a NUL byte or a
    lone surrogate, naming where it is: ``title``, ``event_ids.2``."""
    if isinstance(value, str):
        if (m := _UNCLEAN.search(value)) is not None:
            what = "a NUL byte" if m.group() == "\x00" else "a lone surrogate (not Unicode text)"
            raise InvalidInput(f"{field or 'the value'} holds {what}", field=field)
    elif isinstance(value, dict):
        for key, inner in value.items():
            check_clean(key, field)
            check_clean(inner, f"{field}.{key}" if field else str(key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            check_clean(inner, f"{field}.{index}" if field else str(index))


def load_json(raw: bytes | str, *, field: str = "body") -> Any:
    """Parse untrusted JSON: depth checked first, then every string checked clean."""
    data = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw
    check_depth(data, field=field)
    try:
        value = json.loads(data)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError, UnicodeDecodeError
        raise InvalidInput(f"not valid JSON ({_reason(exc)})", field=field) from exc
    check_clean(value, None)
    return value


def _reason(exc: Exception) -> str:
    return exc.msg if isinstance(exc, json.JSONDecodeError) else "not UTF-8 text"
