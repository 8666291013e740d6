"""An entry's ``tl_entries`` columns and its stored JSON state, and back (pure).

Tuples (actors, places, stories) and sources are stored as JSON text, written exactly as
``json.dumps(..., ensure_ascii=False)`` writes them; ``sources`` is NULL when it is the entry's
own ``source`` alone (most entries: a third of the row's bytes otherwise); a kept version's
state is ``json.dumps`` of the columns by name. Rebuilds encode every entry, so the encoders
here avoid per-call set-up.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import fields
from functools import lru_cache
from json.encoder import encode_basestring
from operator import attrgetter
from typing import Any

from timeline.model import PRECISIONS, Source
from timeline.projections.fts import tokens
from timeline.projections.rows import PRECISION_RANKS, EntryRow

ENTRY_FIELDS = tuple(f.name for f in fields(EntryRow))
#: The columns, in ``entry_columns`` order (``"end"`` quoted), and their names.
ENTRY_COLUMNS = tuple('"end"' if n == "end" else n for n in ENTRY_FIELDS) + ("prank",)
ENTRY_NAMES = (*ENTRY_FIELDS, "prank")
SOURCE_FIELDS = tuple(f.name for f in fields(Source))
_source_fields = attrgetter(*SOURCE_FIELDS)


def json_encoder(*, ensure_ascii: bool) -> Callable[[Any], str]:
    """``json.dumps`` (default settings but ``ensure_ascii``) for acyclic values, with CPython's
    C encoder built once rather than per call when it has one."""
    make = getattr(json.encoder, "c_make_encoder", None)
    plain = json.JSONEncoder(ensure_ascii=ensure_ascii)
    if make is None:
        return plain.encode
    encoder = json.encoder
    strings = encoder.encode_basestring_ascii if ensure_ascii else encoder.encode_basestring
    chunks = make(None, plain.default, strings, None, ": ", ", ", False, False, True)
    return lambda value: "".join(chunks(value, 0))


#: ``json.dumps(value, ensure_ascii=False)`` and ``json.dumps(value)``.
_encode = json_encoder(ensure_ascii=False)
dump_state = json_encoder(ensure_ascii=True)


def _text(value: str | None) -> str:
    return "null" if value is None else encode_basestring(value)


def source_json(source: Source) -> str:
    """``json.dumps`` of the source's fields by name (ensure_ascii=False), written directly
    when its fields have their declared types."""
    s = source
    if not (type(s.quote_start) is int and type(s.quote_end) is int
            and type(s.article_id) is str and type(s.quote) is str
            and (s.url is None or type(s.url) is str)
            and (s.title is None or type(s.title) is str)
            and (s.published is None or type(s.published) is str)):
        return _encode(dict(zip(SOURCE_FIELDS, _source_fields(source), strict=True)))
    return (f'{{"article_id": {_text(s.article_id)}, "quote": {_text(s.quote)}, '
            f'"quote_start": {int.__repr__(s.quote_start)}, '
            f'"quote_end": {int.__repr__(s.quote_end)}, "url": {_text(s.url)}, '
            f'"title": {_text(s.title)}, "published": {_text(s.published)}}}')


def _sources_json(sources: tuple[Source, ...], own: Source, own_json: str) -> str | None:
    """The JSON array of ``sources`` (as ``json.dumps`` writes it; ``own`` is already encoded),
    or None when it is the entry's own source alone (most entries: see the module's doc)."""
    if len(sources) == 1 and (sources[0] is own or sources[0] == own):
        return None
    return "[" + ", ".join(own_json if s is own else source_json(s) for s in sources) + "]"


@lru_cache(maxsize=65_536)
def _names_json(names: tuple[str, ...]) -> str:
    """The JSON array of a tuple of names (actors, places, stories: few, and they recur)."""
    return _encode(names)


def entry_columns(row: EntryRow, encoded: dict[int, Any] | None = None) -> list[Any]:
    """The ``tl_entries`` columns of ``row``, in ``ENTRY_COLUMNS`` order. ``encoded`` keeps the
    JSON of each source and sources tuple by identity, for the versions of an entry (which share
    them) encoded together: the caller keeps those objects alive while it uses ``encoded``.

    Written out field by field (a rebuild encodes every entry: this is a third quicker than
    copying the fields and replacing the encoded ones); a test holds it to ``ENTRY_FIELDS``."""
    r = row
    if encoded is None:
        own = source_json(r.source)
        sources = _sources_json(r.sources, r.source, own)
    else:
        own, sources = _encoded_sources(r, encoded)
    return [
        r.entry_id, r.article_id, r.revision, r.headline, r.text, r.date, r.precision, r.start,
        r.end, r.derivation, r.lang, r.quote, r.quote_start, r.quote_end,
        _names_json(r.actors), _names_json(r.places), r.salience, r.kind, own, sources,
        _names_json(r.stories), r.status, r.corrections, r.merged_into, r.position,
        r.last_position, r.created_at, r.updated_at,
        PRECISION_RANKS.get(r.precision, len(PRECISIONS)),
    ]


def _encoded_sources(row: EntryRow, encoded: dict[int, Any]) -> tuple[str, str | None]:
    own = encoded.get(id(row.source))
    if own is None:
        own = encoded[id(row.source)] = source_json(row.source)
    key = id(row.sources)
    if key in encoded:
        return own, encoded[key]
    sources = encoded[key] = _sources_json(row.sources, row.source, own)
    return own, sources


def entry_values(row: EntryRow) -> dict[str, Any]:
    """The ``tl_entries`` columns of ``row`` by name."""
    return dict(zip(ENTRY_NAMES, entry_columns(row), strict=True))


def state_of(columns: list[Any]) -> str:
    """A kept version's state: the JSON of an entry's columns (from ``entry_columns``)."""
    return dump_state(dict(zip(ENTRY_NAMES, columns, strict=True)))


def entry_from_state(state: str) -> EntryRow:
    """An EntryRow from a kept version's state."""
    values = json.loads(state)
    return entry_from_sql(tuple(values[name] for name in ENTRY_FIELDS))


def entry_from_sql(values: tuple[Any, ...]) -> EntryRow:
    """An EntryRow from a row of ``ENTRY_SELECT``."""
    data = dict(zip(ENTRY_FIELDS, values, strict=True))
    data["actors"] = tuple(json.loads(data["actors"]))
    data["places"] = tuple(json.loads(data["places"]))
    data["stories"] = tuple(json.loads(data["stories"]))
    own = data["source"]
    source = data["source"] = Source(**json.loads(own))
    if data["sources"] is None or data["sources"] == f"[{own}]":  # its own source alone
        data["sources"] = (source,)
    else:
        data["sources"] = tuple(Source(**s) for s in json.loads(data["sources"]))
    return EntryRow(**data)


@lru_cache(maxsize=65_536)
def name_words(name: str) -> tuple[str, ...]:
    """The distinct words of a name, folded (see fts.tokens); names recur, so kept."""
    return tuple(dict.fromkeys(tokens(name)))


def actor_words_of(row: EntryRow) -> list[tuple[str, str, int]]:
    """(word, entry id, actor index) for every word of every actor's name (see fts.tokens)."""
    return [
        (word, row.entry_id, index)
        for index, actor in enumerate(row.actors)
        for word in name_words(actor)
    ]
