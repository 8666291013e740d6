"""Exports as a frame around per-entry pieces, so a feed can be assembled from pieces rendered
once per entry version (``timeline.feed_pieces`` keeps them) instead of rendered whole.

Each format says which entries it shows, how one entry renders (UTF-8 bytes that depend only
on the entry, the base URL and, for TimelineJS, the story's language) and its frame (the
feed's header and trailer, which depend on the feed's meta and how many entries it shows). The
whole-feed exporters (``to_ical``, ``to_json``...) are the same pieces in the same frame, so an
assembled feed is byte for byte the one a full render gives. Pure: no I/O, no clock.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from timeline.export.meta import TimelineMeta
from timeline.model import TimelineEntry

#: A JSON string that cannot come out of ``json.dumps`` of our data: where the pieces go.
_SLOT = "\x00pieces"


@dataclass(frozen=True, slots=True)
class Frame:
    """``head + separator.join(pieces) + tail``, or ``empty`` when there are none."""

    head: bytes
    tail: bytes
    separator: bytes = b""
    empty: bytes | None = None

    def assemble(self, pieces: Sequence[bytes]) -> bytes:
        if not pieces:
            return self.head + self.tail if self.empty is None else self.empty
        parts = [self.separator] * (2 * len(pieces) + 1)  # one copy of the bytes, not two
        parts[0], parts[1::2], parts[-1] = self.head, pieces, self.tail
        return b"".join(parts)


@dataclass(frozen=True, slots=True)
class PieceFormat:
    """How one export format splits into a frame and per-entry pieces."""

    name: str
    #: shows every entry (iCal, JSON: retractions stay, marked) or only active ones
    shows_all: bool
    #: (meta, number of entries shown, story language) -> the frame
    frame: Callable[[TimelineMeta, int, str | None], Frame]
    #: (entry, base url, story language) -> the entry's piece
    piece: Callable[[TimelineEntry, str, str | None], bytes]
    #: whether pieces depend on the story's language (TimelineJS display dates)
    by_lang: bool = False

    def shows(self, status: str) -> bool:
        return self.shows_all or status == "active"

    def variant(self, base_url: str, lang: str | None) -> str:
        """What a piece depends on besides its entry and format."""
        return f"{base_url}\n{lang or ''}" if self.by_lang else base_url

    def render(self, entries: Iterable[TimelineEntry], meta: TimelineMeta) -> bytes:
        """The whole export, rendering every piece."""
        shown = [e for e in entries if self.shows(e.status)]
        lang = majority_lang([e.lang for e in shown]) if self.by_lang else None
        pieces = [self.piece(e, meta.url, lang) for e in shown]
        return self.frame(meta, len(shown), lang).assemble(pieces)


def base_lang(lang: str) -> str:
    """``es-CL`` -> ``es``: the language a story's dates are said in."""
    return lang.split("-")[0].lower()


def majority_lang(langs: Iterable[str]) -> str | None:
    """The language most entries are in (the first seen on a tie); ``None`` without entries."""
    counts = Counter(map(base_lang, langs))
    return counts.most_common(1)[0][0] if counts else None


def clear_majority(counts: Counter[str]) -> str | None:
    """The language of ``counts`` with more entries than any other; ``None`` on a tie (the
    order of the entries then decides) or without entries."""
    top = counts.most_common(2)
    if not top or top[0][1] <= 0 or (len(top) == 2 and top[1][1] == top[0][1]):
        return None
    return top[0][0]


def json_frame(document: dict[str, Any], key: str) -> Frame:
    """The frame of a JSON document (``indent=2``) whose list ``document[key]``, its last
    member, holds the pieces."""
    empty = json.dumps({**document, key: []}, ensure_ascii=False, indent=2)
    slotted = json.dumps({**document, key: [_SLOT]}, ensure_ascii=False, indent=2)
    head, tail = slotted.split("    " + json.dumps(_SLOT), 1)
    return Frame(head.encode(), tail.encode(), b",\n", empty.encode())


def json_piece(item: dict[str, Any]) -> bytes:
    """One member of the pieces' list, indented as ``json.dumps(..., indent=2)`` puts it there
    (JSON strings hold no raw line breaks, so every line is the item's own)."""
    text = json.dumps(item, ensure_ascii=False, indent=2)
    return ("    " + text.replace("\n", "\n    ")).encode()
